import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Content encryption of one file: AES-256-GCM under a random per-file key, in fixed-size chunks
 * (a STREAM-like construction). Chunk i uses the nonce `i as 11-byte big-endian || final flag`
 * and the AAD `halle/chunk/v1 || file id || i || final flag`, so a chunk moved to another
 * position or file, a dropped final chunk (truncation) or an altered byte fails to decrypt. The
 * key is used for one file only, so counter nonces never repeat under one key.
 *
 * Stored layout: the ciphertext chunks back to back, each `plaintext length + 16` bytes; every
 * chunk but the last holds exactly `chunkSize` plaintext bytes; the last one (1 to `chunkSize`
 * bytes, or empty for an empty file) carries the final flag.
 */
export const chunkSize = 64 * 1024;
const tagLength = 16;

function nonceOf(index: number, final: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(index), 3);
  nonce[11] = final ? 1 : 0;
  return nonce;
}

function aadOf(fileId: string, index: number, final: boolean): Buffer {
  const head = Buffer.from(`halle/chunk/v1\0${fileId}\0`);
  const tail = Buffer.alloc(9);
  tail.writeBigUInt64BE(BigInt(index), 0);
  tail[8] = final ? 1 : 0;
  return Buffer.concat([head, tail]);
}

export function newFileKey(): Buffer {
  return randomBytes(32);
}

export function encryptChunk(
  key: Uint8Array,
  fileId: string,
  index: number,
  final: boolean,
  plain: Uint8Array,
): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonceOf(index, final));
  cipher.setAAD(aadOf(fileId, index, final));
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

export class CorruptCiphertext extends Error {
  constructor(readonly chunkIndex: number) {
    super(`chunk ${chunkIndex} of the sealed file is altered, moved or missing`);
  }
}

export function decryptChunk(
  key: Uint8Array,
  fileId: string,
  index: number,
  final: boolean,
  sealed: Uint8Array,
): Buffer {
  if (sealed.length < tagLength) throw new CorruptCiphertext(index);
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(index, final));
    decipher.setAAD(aadOf(fileId, index, final));
    decipher.setAuthTag(buf.subarray(buf.length - tagLength));
    return Buffer.concat([decipher.update(buf.subarray(0, buf.length - tagLength)), decipher.final()]);
  } catch {
    throw new CorruptCiphertext(index);
  }
}

/** Size of the stored ciphertext of a plaintext of `plainBytes` bytes. */
export function cipherSizeOf(plainBytes: number): number {
  const chunks = Math.max(1, Math.ceil(plainBytes / chunkSize));
  return plainBytes + chunks * tagLength;
}

/**
 * Encrypts a stream as it passes, hashing the plaintext on the way in (the ciphertext hash is
 * taken by the blob store). Holds at most one chunk and a bit: one chunk is kept back until more
 * bytes arrive, because only the end of the stream tells which chunk is the final one.
 */
export class EncryptStream extends Transform {
  private readonly plainHash = createHash('sha256');
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  plainBytes = 0;

  constructor(
    private readonly key: Uint8Array,
    private readonly fileId: string,
    private readonly maxPlainBytes = Number.POSITIVE_INFINITY,
  ) {
    super({ highWaterMark: 1024 * 1024 });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.plainBytes += chunk.length;
    if (this.plainBytes > this.maxPlainBytes) {
      callback(new FileTooLarge());
      return;
    }
    this.plainHash.update(chunk);
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    // strictly more than one chunk: the first chunk is then known not to be the final one
    if (this.pendingBytes > chunkSize) {
      let all = Buffer.concat(this.pending, this.pendingBytes);
      const out: Buffer[] = [];
      while (all.length > chunkSize) {
        out.push(encryptChunk(this.key, this.fileId, this.index++, false, all.subarray(0, chunkSize)));
        all = all.subarray(chunkSize);
      }
      this.pending = [Buffer.from(all)];
      this.pendingBytes = all.length;
      callback(null, Buffer.concat(out));
      return;
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    const last = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    callback(null, encryptChunk(this.key, this.fileId, this.index++, true, last));
  }

  /** Lowercase hex SHA-256 of the plaintext; valid once the stream has finished. */
  plainSha256(): string {
    return this.plainHash.digest('hex');
  }
}

export class FileTooLarge extends Error {}

/** Decrypts a stored file as it streams; errors (CorruptCiphertext) on any altered, moved or missing chunk. */
export class DecryptStream extends Transform {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  private readonly sealedChunk = chunkSize + tagLength;

  constructor(
    private readonly key: Uint8Array,
    private readonly fileId: string,
  ) {
    super({ highWaterMark: 1024 * 1024 });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes <= this.sealedChunk) {
      callback();
      return;
    }
    let all = Buffer.concat(this.pending, this.pendingBytes);
    const out: Buffer[] = [];
    try {
      while (all.length > this.sealedChunk) {
        out.push(decryptChunk(this.key, this.fileId, this.index++, false, all.subarray(0, this.sealedChunk)));
        all = all.subarray(this.sealedChunk);
      }
    } catch (error) {
      callback(error as Error);
      return;
    }
    this.pending = [Buffer.from(all)];
    this.pendingBytes = all.length;
    callback(null, Buffer.concat(out));
  }

  override _flush(callback: TransformCallback): void {
    try {
      const last = Buffer.concat(this.pending, this.pendingBytes);
      callback(null, decryptChunk(this.key, this.fileId, this.index++, true, last));
    } catch (error) {
      callback(error as Error);
    }
  }
}
