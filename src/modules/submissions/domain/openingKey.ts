import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';

/**
 * The tender's opening key pair and the wrapping of keys to it: HPKE (RFC 9180), base mode,
 * DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, through @hpke/core (which runs on
 * Node 20's WebCrypto). The same suite wraps each committee holder's share to the holder's own
 * key pair (see `shares.ts`).
 */
const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
const encoder = new TextEncoder();

export interface RawKeyPair {
  /** 32-byte X25519 public key */
  publicKey: Buffer;
  /** 32-byte X25519 private key: never stored in clear */
  privateKey: Buffer;
}

export interface Wrapped {
  /** the HPKE encapsulated key (32 bytes) */
  enc: Buffer;
  /** the sealed payload (payload + 16-byte tag) */
  ct: Buffer;
}

export async function generateKeyPair(): Promise<RawKeyPair> {
  const pair = await suite.kem.generateKeyPair();
  return {
    publicKey: Buffer.from(await suite.kem.serializePublicKey(pair.publicKey)),
    privateKey: Buffer.from(await suite.kem.serializePrivateKey(pair.privateKey)),
  };
}

/** Seals `payload` to `publicKey`; `info` binds it to its purpose (e.g. the file id), so it cannot be replayed elsewhere. */
export async function wrapTo(publicKey: Uint8Array, payload: Uint8Array, info: string): Promise<Wrapped> {
  const recipientPublicKey = await suite.kem.deserializePublicKey(publicKey);
  const sealed = await suite.seal({ recipientPublicKey, info: encoder.encode(info) }, payload);
  return { enc: Buffer.from(sealed.enc), ct: Buffer.from(sealed.ct) };
}

/** Opens what `wrapTo` sealed; throws on a wrong key, a wrong `info` or any altered byte. */
export async function unwrapWith(privateKey: Uint8Array, wrapped: Wrapped, info: string): Promise<Buffer> {
  const recipientKey = await suite.kem.deserializePrivateKey(privateKey);
  const opened = await suite.open({ recipientKey, enc: wrapped.enc, info: encoder.encode(info) }, wrapped.ct);
  return Buffer.from(opened);
}

const keyCheckInfo = 'halle/opening-key-check/v1';
const keyCheckPayload = encoder.encode('halle-opening-key-check');

/**
 * A small sealed value stored with the public key: at opening, the recombined private key must
 * open it, so a recombination that went wrong is refused before any bid is touched.
 */
export function makeKeyCheck(publicKey: Uint8Array): Promise<Wrapped> {
  return wrapTo(publicKey, keyCheckPayload, keyCheckInfo);
}

export async function keyMatches(privateKey: Uint8Array, check: Wrapped): Promise<boolean> {
  try {
    const opened = await unwrapWith(privateKey, check, keyCheckInfo);
    return Buffer.from(keyCheckPayload).equals(opened);
  } catch {
    return false;
  }
}
