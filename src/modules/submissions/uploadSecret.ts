import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The secret a resumable upload's client holds (header `Halle-Upload-Secret`): its SHA-256 is
 * stored to recognise the client; a key derived from it seals the file key for the time of the
 * upload. Sent in a header, not in the URL, so it never lands in access logs.
 */
export const uploadSecretHeader = 'halle-upload-secret';

export function secretHash(secret: string): string {
  return createHash('sha256').update(`halle/upload-secret/v1\0${secret}`).digest('hex');
}

export function keyFromSecret(secret: string): Buffer {
  return createHash('sha256').update(`halle/upload-key/v1\0${secret}`).digest();
}

export function secretMatches(secret: string | undefined, hash: string): boolean {
  if (!secret || secret.length > 200) return false;
  const a = Buffer.from(secretHash(secret));
  const b = Buffer.from(hash);
  return a.length === b.length && timingSafeEqual(a, b);
}
