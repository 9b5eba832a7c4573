import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical.js';

/**
 * The per-tender deposits register: an append-only hash chain. Entry n's hash is
 * SHA-256(previous entry's hash || "\n" || canonical JSON of entry n's content); the first entry
 * chains from 64 zeros. Changing, removing or reordering any entry changes every later hash.
 */
export const genesisHash = '0'.repeat(64);

export interface RegisterContent {
  tender: string;
  position: number;
  submissionId: string;
  company: string;
  sealedAt: string;
  late: boolean;
  files: { name: string; sizeBytes: number; sha256: string; cipherSha256: string }[];
}

export function entryHash(previousHash: string, content: RegisterContent): string {
  return createHash('sha256')
    .update(`${previousHash}\n${canonicalJson(content)}`)
    .digest('hex');
}

export interface RegisterEntry {
  position: number;
  previousHash: string;
  entryHash: string;
  content: RegisterContent;
}

export type ChainCheck =
  | { valid: true; length: number; head: string }
  | { valid: false; position: number; reason: string };

/** Walks the chain from its start; reports the first entry that does not hold. */
export function verifyChain(entries: readonly RegisterEntry[]): ChainCheck {
  let previous = genesisHash;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as RegisterEntry;
    const position = i + 1;
    if (entry.position !== position || entry.content.position !== position) {
      return { valid: false, position, reason: 'position out of sequence' };
    }
    if (entry.previousHash !== previous) return { valid: false, position, reason: 'previous hash does not match' };
    if (entryHash(previous, entry.content) !== entry.entryHash) {
      return { valid: false, position, reason: 'entry hash does not match its content' };
    }
    previous = entry.entryHash;
  }
  return { valid: true, length: entries.length, head: previous };
}
