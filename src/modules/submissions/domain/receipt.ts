import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { canonicalJson } from './canonical.js';

/**
 * Receipts (accusés de réception) signed by the platform's Ed25519 key over the canonical JSON
 * of their body. Anyone holding the public key (published at /.well-known/halle-signing-key)
 * verifies a receipt offline: `halle verify-receipt receipt.json`.
 */
export interface ReceiptFile {
  name: string;
  kind: 'candidature' | 'offer';
  lot: number | null;
  sizeBytes: number;
  sha256: string;
  cipherSha256: string;
}

export interface ReceiptBody {
  type: 'halle.receipt.v1';
  submissionId: string;
  tender: { reference: string; title: string };
  buyer: { name: string };
  company: { name: string; siret: string | null };
  consortium: { lead: string; members: { name: string; siret: string | null }[] } | null;
  lots: number[];
  /** ISO 8601 UTC, to the second */
  sealedAt: string;
  late: boolean;
  files: ReceiptFile[];
  register: { position: number; entryHash: string };
}

export interface SignedReceipt {
  body: ReceiptBody;
  signature: { alg: 'Ed25519'; keyId: string; value: string };
}

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** first 16 hex characters of the SHA-256 of the public key's SPKI DER */
  keyId: string;
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function generateSigningKey(): { privatePem: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

export function signingKeyFromPem(privatePem: string): SigningKey {
  const privateKey = createPrivateKey(privatePem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the signing key must be an Ed25519 key');
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

export function publicKeyPem(key: SigningKey): string {
  return key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

export function signReceipt(body: ReceiptBody, key: SigningKey): SignedReceipt {
  const value = sign(null, Buffer.from(canonicalJson(body)), key.privateKey).toString('base64');
  return { body, signature: { alg: 'Ed25519', keyId: key.keyId, value } };
}

export type ReceiptCheck = { valid: true } | { valid: false; reason: 'malformed' | 'wrong_key' | 'bad_signature' };

/** Verifies a parsed receipt document against a PEM public key; any change to the body breaks it. */
export function verifyReceipt(document: unknown, publicPem: string): ReceiptCheck {
  const receipt = document as Partial<SignedReceipt> | null;
  if (
    !receipt ||
    typeof receipt !== 'object' ||
    !receipt.body ||
    typeof receipt.body !== 'object' ||
    receipt.body.type !== 'halle.receipt.v1' ||
    !receipt.signature ||
    receipt.signature.alg !== 'Ed25519' ||
    typeof receipt.signature.value !== 'string'
  ) {
    return { valid: false, reason: 'malformed' };
  }
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(publicPem);
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  if (publicKey.asymmetricKeyType !== 'ed25519' || receipt.signature.keyId !== keyIdOf(publicKey)) {
    return { valid: false, reason: 'wrong_key' };
  }
  let bytes: Buffer;
  try {
    bytes = Buffer.from(canonicalJson(receipt.body));
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  const ok = verify(null, bytes, publicKey, Buffer.from(receipt.signature.value, 'base64'));
  return ok ? { valid: true } : { valid: false, reason: 'bad_signature' };
}
