import { createHmac } from 'node:crypto';

/**
 * Keys the platform derives from its installation secret (SESSION_SECRET, or the one generated in
 * the database). They protect only what the platform must be able to read by itself: the shares
 * of an opening in progress (for a few minutes, then wiped) and the file keys of bids already
 * opened. Bids before opening are never readable with these: their file keys are wrapped to the
 * tender's opening key, whose private half exists only in the holders' shares.
 */
export function openingSessionKey(secret: string, sessionId: string): Buffer {
  return createHmac('sha256', secret).update(`halle/opening-session/v1\0${sessionId}`).digest();
}

export function openedFileKeyKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('halle/opened-file-key/v1').digest();
}

/** The HPKE `info` strings: a wrapped value is bound to what it is for. */
export const fileKeyInfo = (fileId: string) => `halle/file-key/v1\0${fileId}`;
export const shareInfo = (tenderId: string, holderId: string) => `halle/share/v1\0${tenderId}\0${holderId}`;
export const holderKeyContext = (tenderId: string, holderId: string) => `halle/holder-key/v1\0${tenderId}\0${holderId}`;
