import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import { combine, split } from 'shamir-secret-sharing';

/**
 * Shamir k-of-n splitting of the opening private key, and the sealing of secrets under a
 * holder's passphrase (argon2id as key-encryption key, then AES-256-GCM).
 */

export async function splitSecret(secret: Uint8Array, shares: number, threshold: number): Promise<Buffer[]> {
  if (!Number.isInteger(threshold) || threshold < 2) throw new RangeError('the threshold must be at least 2');
  if (!Number.isInteger(shares) || shares < threshold || shares > 255) {
    throw new RangeError('the number of shares must be between the threshold and 255');
  }
  // plain Uint8Array copies: the library refuses Buffer subclasses
  return (await split(new Uint8Array(secret), shares, threshold)).map((s) => Buffer.from(s));
}

export async function combineShares(shares: readonly Uint8Array[]): Promise<Buffer> {
  return Buffer.from(await combine(shares.map((s) => new Uint8Array(s))));
}

/**
 * argon2id parameters for passphrases: 64 MiB, 3 passes. Stored with each sealed value so that
 * they can be raised later without losing older ones.
 */
export interface KdfParams {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}
export const passphraseKdf: KdfParams = { memoryCost: 65536, timeCost: 3, parallelism: 1 };

/** A value sealed under a passphrase; every field is base64 except the parameters. */
export interface PassphraseSealed {
  v: 1;
  kdf: 'argon2id';
  params: KdfParams;
  salt: string;
  nonce: string;
  ct: string;
  tag: string;
}

async function keyFromPassphrase(passphrase: string, salt: Uint8Array, params: KdfParams): Promise<Buffer> {
  // @node-rs/argon2 defaults to argon2id (its Algorithm enum is a const enum, not importable here)
  return hashRaw(passphrase.normalize('NFC'), { ...params, salt, outputLen: 32 });
}

/** Seals `secret` under `passphrase`; `context` (e.g. tender and holder ids) is bound as AAD. */
export async function sealUnderPassphrase(
  secret: Uint8Array,
  passphrase: string,
  context: string,
  params: KdfParams = passphraseKdf,
): Promise<PassphraseSealed> {
  const salt = randomBytes(16);
  const key = await keyFromPassphrase(passphrase, salt, params);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(context));
  const ct = Buffer.concat([cipher.update(secret), cipher.final()]);
  key.fill(0);
  return {
    v: 1,
    kdf: 'argon2id',
    params,
    salt: salt.toString('base64'),
    nonce: nonce.toString('base64'),
    ct: ct.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

export class WrongPassphrase extends Error {
  constructor() {
    super('wrong passphrase or altered sealed value');
  }
}

/** Opens what `sealUnderPassphrase` sealed; throws WrongPassphrase on a wrong passphrase, context or any altered byte. */
export async function openWithPassphrase(
  sealed: PassphraseSealed,
  passphrase: string,
  context: string,
): Promise<Buffer> {
  if (sealed.v !== 1 || sealed.kdf !== 'argon2id') throw new WrongPassphrase();
  const key = await keyFromPassphrase(passphrase, Buffer.from(sealed.salt, 'base64'), sealed.params);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.nonce, 'base64'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]);
  } catch {
    throw new WrongPassphrase();
  } finally {
    key.fill(0);
  }
}

/** AES-256-GCM with a 32-byte key: the small sealed values (opening session shares, opened file keys). */
export function sealWithKey(key: Uint8Array, plaintext: Uint8Array, aad: string): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, ct, cipher.getAuthTag()]);
}

export function openWithKey(key: Uint8Array, sealed: Uint8Array, aad: string): Buffer {
  const buf = Buffer.from(sealed);
  if (buf.length < 28) throw new Error('sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(buf.subarray(buf.length - 16));
  return Buffer.concat([decipher.update(buf.subarray(12, buf.length - 16)), decipher.final()]);
}
