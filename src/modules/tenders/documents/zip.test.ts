import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ZipEntry, zipLength, zipStream } from './zip.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'halle-zip-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function entriesOf(files: Record<string, Buffer>): ZipEntry[] {
  return Object.entries(files).map(([name, content]) => ({
    name,
    sizeBytes: content.length,
    modifiedAt: new Date('2026-03-02T10:15:00Z'),
    // several chunks, as a file stream gives
    open: async () => Readable.from([content.subarray(0, 1000), content.subarray(1000)]),
  }));
}

async function writeZip(entries: ZipEntry[], options = {}): Promise<string> {
  const file = path.join(dir, 'dce.zip');
  await pipeline(Readable.from(zipStream(entries, options)), fs.createWriteStream(file));
  return file;
}

/** Reads the archive back with Python's zipfile (central directory, CRC checked on read). */
function readBack(file: string): Record<string, string> {
  const script = [
    'import hashlib, json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'print(json.dumps({i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist()}))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

const files = {
  'RC - Règlement de la consultation.pdf': randomBytes(5000),
  'CCTP lot n°1 (électricité).pdf': randomBytes(70_000),
  'vide-mais-present.txt': Buffer.alloc(0),
  'BPU.xlsx': randomBytes(1234),
};

describe('streaming ZIP writer', () => {
  it('writes a valid archive (unzip -t) whose entries have the original SHA-256 and UTF-8 names', async () => {
    const entries = entriesOf(files);
    const file = await writeZip(entries);
    expect(fs.statSync(file).size).toBe(zipLength(entries));
    const test = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(test).toContain('No errors detected');
    const back = readBack(file);
    expect(back).toEqual(Object.fromEntries(Object.entries(files).map(([n, c]) => [n, sha(c)])));
  });

  it('writes ZIP64 records (sizes, offsets, end of central directory) that readers accept', async () => {
    const entries = entriesOf(files);
    // a threshold of 1000 bytes puts every size and offset past it through the ZIP64 paths
    const file = await writeZip(entries, { zip64Threshold: 1000 });
    expect(fs.statSync(file).size).toBe(zipLength(entries, { zip64Threshold: 1000 }));
    expect(fs.readFileSync(file).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
    expect(Object.keys(readBack(file))).toHaveLength(4);
    expect(readBack(file)['CCTP lot n°1 (électricité).pdf']).toBe(sha(files['CCTP lot n°1 (électricité).pdf']));
  });

  it('writes an empty archive for no entries', async () => {
    const file = await writeZip([]);
    expect(fs.statSync(file).size).toBe(22);
    expect(readBack(file)).toEqual({});
  });

  it('fails the stream when a source does not have its announced size', async () => {
    const entries = entriesOf({ 'a.pdf': randomBytes(2000) });
    const short = [{ ...(entries[0] as ZipEntry), sizeBytes: 2001 }];
    await expect(writeZip(short)).rejects.toThrow('shorter than announced');
    const long = [{ ...(entries[0] as ZipEntry), sizeBytes: 1999 }];
    await expect(writeZip(long)).rejects.toThrow('longer than announced');
  });
});
