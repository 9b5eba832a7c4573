import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform, type TransformCallback, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, notFound } from '../errors.js';
import type { BlobStore, PutOptions, StoredBlob } from './store.js';

/** 32 lowercase hex characters: random, so the two-character shard directories fill evenly. */
const KEY_PATTERN = /^[0-9a-f]{32}$/;

class TooLarge extends Error {}

/** Counts and hashes bytes as they pass, failing as soon as the limit is crossed. */
class Measure extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  constructor(private readonly maxBytes: number) {
    // larger buffers than the 16 KiB default: fewer hand-offs between the stages of the pipeline
    super({ highWaterMark: 1024 * 1024 });
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      callback(new TooLarge());
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }
}

/**
 * Writes into an open file handle and fsyncs it before finishing, so `pipeline` resolves only once
 * the bytes are durable. (An fs.WriteStream with autoClose off never emits 'close', which
 * `pipeline` waits for.)
 */
class SyncedFileSink extends Writable {
  constructor(private readonly handle: fsp.FileHandle) {
    super({ highWaterMark: 1024 * 1024 });
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.handle.write(chunk).then(() => callback(), callback);
  }
  override _writev(
    chunks: Array<{ chunk: Buffer; encoding: BufferEncoding }>,
    callback: (error?: Error | null) => void,
  ): void {
    this.handle.writev(chunks.map((c) => c.chunk)).then(() => callback(), callback);
  }
  override _final(callback: (error?: Error | null) => void): void {
    this.handle.sync().then(() => callback(), callback);
  }
}

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Blobs as files under `<root>/<2 hex>/<key>`. A write goes to `<root>/tmp/` first, is fsync'ed,
 * renamed into place (atomic on one filesystem) and the directory is fsync'ed too, so a blob that
 * `put` reported is on disk even after a power cut, and a half-written file never has a key.
 */
export function createFilesystemBlobStore(root: string): BlobStore {
  const tmpDir = path.join(root, 'tmp');
  let ready: Promise<void> | undefined;
  const ensureRoot = () => {
    ready ??= fsp.mkdir(tmpDir, { recursive: true }).then(() => undefined);
    return ready;
  };

  const pathOf = (key: string): string => {
    // Keys come from our database, but a path built from a string must never escape the root.
    if (!KEY_PATTERN.test(key)) throw notFound();
    return path.join(root, key.slice(0, 2), key);
  };

  return {
    async put(source: Readable, options: PutOptions = {}): Promise<StoredBlob> {
      await ensureRoot();
      const key = randomBytes(16).toString('hex');
      const tmpPath = path.join(tmpDir, `${key}.part`);
      const measure = new Measure(options.maxBytes ?? Number.POSITIVE_INFINITY);
      const handle = await fsp.open(tmpPath, 'wx');
      let handleOpen = true;
      try {
        await pipeline(source, measure, new SyncedFileSink(handle));
        await handle.close();
        handleOpen = false;
        const finalPath = pathOf(key);
        const shard = path.dirname(finalPath);
        await fsp.mkdir(shard, { recursive: true });
        await fsp.rename(tmpPath, finalPath);
        await fsyncDirectory(shard);
        return { key, sizeBytes: measure.size, sha256: measure.hash.digest('hex') };
      } catch (error) {
        if (handleOpen) await handle.close().catch(() => undefined);
        await fsp.rm(tmpPath, { force: true });
        // The caller stops sending when we fail; drain nothing more from the source.
        if (!source.destroyed) source.destroy();
        if (error instanceof TooLarge) throw new AppError('payload_too_large');
        throw error;
      }
    },

    async get(key: string): Promise<Readable> {
      const file = pathOf(key);
      try {
        const handle = await fsp.open(file, 'r');
        return handle.createReadStream();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound();
        throw error;
      }
    },

    async delete(key: string): Promise<void> {
      if (!KEY_PATTERN.test(key)) return;
      await fsp.rm(pathOf(key), { force: true });
    },

    async exists(key: string): Promise<boolean> {
      if (!KEY_PATTERN.test(key)) return false;
      try {
        await fsp.access(pathOf(key), fs.constants.F_OK);
        return true;
      } catch {
        return false;
      }
    },
  };
}
