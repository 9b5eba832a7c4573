import { Transform, type TransformCallback } from 'node:stream';
import { chunkSize, encryptChunk } from './fileCipher.js';

/**
 * Encryption of one segment of a resumable upload: the same chunks as `EncryptStream` (same key,
 * nonces, AAD and final flag, so the joined segments decrypt with `DecryptStream`), starting at
 * chunk `firstChunk` of a file of `length` bytes. Only whole chunks are emitted (the final chunk
 * is whole by definition: it ends at `length`); a tail shorter than a chunk at the end of the
 * request is dropped, and the client sends it again from the committed offset.
 */
export class SegmentEncryptStream extends Transform {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private chunk: number;
  /** whole chunks emitted, and the plaintext bytes they hold */
  chunks = 0;
  plainBytes = 0;

  constructor(
    private readonly key: Uint8Array,
    private readonly fileId: string,
    private readonly length: number,
    firstChunk: number,
  ) {
    super({ highWaterMark: 1024 * 1024 });
    this.chunk = firstChunk;
  }

  /** Plaintext size of the chunk to fill now, and whether it is the file's last one. */
  private current(): { size: number; final: boolean } | null {
    const start = this.chunk * chunkSize;
    if (start > this.length || (start === this.length && this.length > 0)) return null;
    const end = Math.min(start + chunkSize, this.length);
    return { size: end - start, final: end === this.length };
  }

  private drain(push: (b: Buffer) => void): Error | null {
    let all = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending, this.pendingBytes);
    for (;;) {
      const c = this.current();
      if (!c) {
        if (all.length > 0) return new UploadTooLong();
        break;
      }
      if (all.length < c.size) break;
      push(encryptChunk(this.key, this.fileId, this.chunk, c.final, all.subarray(0, c.size)));
      all = all.subarray(c.size);
      this.chunk++;
      this.chunks++;
      this.plainBytes += c.size;
      if (c.final) {
        if (all.length > 0) return new UploadTooLong();
        break;
      }
    }
    this.pending = all.length > 0 ? [Buffer.from(all)] : [];
    this.pendingBytes = all.length;
    return null;
  }

  override _transform(data: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.pending.push(data);
    this.pendingBytes += data.length;
    const out: Buffer[] = [];
    const error = this.drain((b) => out.push(b));
    if (error) {
      callback(error);
      return;
    }
    callback(null, out.length > 0 ? Buffer.concat(out) : undefined);
  }

  override _flush(callback: TransformCallback): void {
    const out: Buffer[] = [];
    const error = this.drain((b) => out.push(b));
    if (error) {
      callback(error);
      return;
    }
    // an incomplete tail is not committed: dropped here, sent again by the client
    this.pending = [];
    this.pendingBytes = 0;
    callback(null, out.length > 0 ? Buffer.concat(out) : undefined);
  }
}

export class UploadTooLong extends Error {
  constructor() {
    super('more bytes than the declared Upload-Length');
  }
}

/** tus Upload-Metadata: comma-separated `key base64value` pairs. */
export function parseUploadMetadata(header: string | undefined): Map<string, string> {
  const result = new Map<string, string>();
  if (!header) return result;
  for (const pair of header.split(',')) {
    const [key, value] = pair.trim().split(' ');
    if (!key) continue;
    result.set(key, value ? Buffer.from(value, 'base64').toString('utf8') : '');
  }
  return result;
}
