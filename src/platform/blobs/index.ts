export { createFilesystemBlobStore } from './filesystem.js';
export type { BlobStore, PutOptions, StoredBlob } from './store.js';
