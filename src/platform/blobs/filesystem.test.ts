import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../errors.js';
import { createFilesystemBlobStore } from './filesystem.js';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'halle-blobs-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(root, { recursive: true, force: true });
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A stream of `count` chunks of `size` bytes, generated lazily like a network upload. */
function chunks(count: number, size: number, seen: Buffer[] = []): Readable {
  let i = 0;
  return new Readable({
    read() {
      if (i++ >= count) return this.push(null);
      const c = randomBytes(size);
      seen.push(c);
      this.push(c);
    },
  });
}

describe('filesystem blob store', () => {
  it('stores the content under <2 hex>/<key> with its SHA-256 and size, and reads it back', async () => {
    const store = createFilesystemBlobStore(root);
    const seen: Buffer[] = [];
    const stored = await store.put(chunks(40, 64 * 1024, seen));
    const content = Buffer.concat(seen);
    expect(stored.sizeBytes).toBe(content.length);
    expect(stored.sha256).toBe(sha(content));
    expect(stored.key).toMatch(/^[0-9a-f]{32}$/);
    const file = path.join(root, stored.key.slice(0, 2), stored.key);
    expect(sha(fs.readFileSync(file))).toBe(stored.sha256);
    expect(await store.exists(stored.key)).toBe(true);
    const back = Buffer.concat(await (await store.get(stored.key)).toArray());
    expect(sha(back)).toBe(stored.sha256);
    expect(fs.readdirSync(path.join(root, 'tmp'))).toEqual([]);
  });

  it('hashes an empty stream as the SHA-256 of nothing', async () => {
    const store = createFilesystemBlobStore(root);
    const stored = await store.put(Readable.from([]));
    expect(stored).toMatchObject({
      sizeBytes: 0,
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
  });

  it('fsyncs the file and its directory before reporting the blob', async () => {
    const store = createFilesystemBlobStore(root);
    const syncSpy = vi.spyOn(await fileHandlePrototype(), 'sync');
    const stored = await store.put(Readable.from([Buffer.from('contenu')]));
    // one for the file, one for its shard directory
    expect(syncSpy).toHaveBeenCalledTimes(2);
    expect(await store.exists(stored.key)).toBe(true);
  });

  it('aborts past maxBytes: payload_too_large, no temp file, no blob', async () => {
    const store = createFilesystemBlobStore(root);
    const error = await store.put(chunks(100, 1024), { maxBytes: 10 * 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('payload_too_large');
    expect(fs.readdirSync(path.join(root, 'tmp'))).toEqual([]);
    expect(fs.readdirSync(root)).toEqual(['tmp']);
  });

  it('accepts a stream of exactly maxBytes', async () => {
    const store = createFilesystemBlobStore(root);
    const stored = await store.put(chunks(10, 1024), { maxBytes: 10 * 1024 });
    expect(stored.sizeBytes).toBe(10 * 1024);
  });

  it('cleans up when the source fails midway', async () => {
    const store = createFilesystemBlobStore(root);
    let i = 0;
    const failing = new Readable({
      read() {
        if (i++ < 3) this.push(randomBytes(1024));
        else this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.put(failing)).rejects.toThrow('connection reset');
    expect(fs.readdirSync(path.join(root, 'tmp'))).toEqual([]);
  });

  it('keeps concurrent puts apart', async () => {
    const store = createFilesystemBlobStore(root);
    const inputs = Array.from({ length: 12 }, () => randomBytes(200_000 + Math.floor(Math.random() * 1000)));
    const results = await Promise.all(
      inputs.map((b) => store.put(Readable.from([b.subarray(0, 100_000), b.subarray(100_000)]))),
    );
    expect(new Set(results.map((r) => r.key)).size).toBe(12);
    for (const [i, r] of results.entries()) {
      expect(r.sha256).toBe(sha(inputs[i] as Buffer));
      const back = Buffer.concat(await (await store.get(r.key)).toArray());
      expect(back.equals(inputs[i] as Buffer)).toBe(true);
    }
  });

  it('deletes idempotently and refuses keys that could escape the root', async () => {
    const store = createFilesystemBlobStore(root);
    const stored = await store.put(Readable.from([Buffer.from('x')]));
    await store.delete(stored.key);
    await store.delete(stored.key);
    expect(await store.exists(stored.key)).toBe(false);
    await expect(store.get(stored.key)).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'not_found' });
    expect(await store.exists('../tmp')).toBe(false);
  });
});

/** FileHandle is not exported by node:fs/promises; take its prototype from a real handle. */
async function fileHandlePrototype(): Promise<fsp.FileHandle> {
  const handle = await fsp.open(root, 'r');
  await handle.close();
  return Object.getPrototypeOf(handle) as fsp.FileHandle;
}
