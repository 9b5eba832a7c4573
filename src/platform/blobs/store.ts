import type { Readable } from 'node:stream';

/** What `put` returns once the last byte is durably stored. */
export interface StoredBlob {
  /** opaque storage key, to be kept in `blobs.storage_key` */
  key: string;
  sizeBytes: number;
  /** lowercase hex SHA-256 of the content, computed while streaming */
  sha256: string;
}

export interface PutOptions {
  /** refuse (AppError 'payload_too_large') and clean up as soon as the stream goes past this size */
  maxBytes?: number;
}

/**
 * Where file contents live (DCE documents now, sealed bids later). The filesystem adapter is the
 * default; an S3-compatible adapter can implement the same interface (multipart upload on `put`,
 * SHA-256 computed on the stream as here) without touching callers: keys are opaque strings.
 */
export interface BlobStore {
  /** Streams `source` into the store; resolves only after the content is durable (fsync). */
  put(source: Readable, options?: PutOptions): Promise<StoredBlob>;
  /** A fresh stream of the content; rejects with AppError('not_found') for an unknown key. */
  get(key: string): Promise<Readable>;
  /** Removes the content; no error when it is already gone (cleanup must be idempotent). */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}
