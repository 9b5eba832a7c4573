import fsp from 'node:fs/promises';
import path from 'node:path';
import { generateSigningKey, type SigningKey, signingKeyFromPem } from './domain/receipt.js';

/**
 * The platform's Ed25519 receipt-signing key, kept as a PEM file (HALLE_SIGNING_KEY_FILE, by
 * default `<HALLE_DATA_DIR>/signing-key.pem`, mode 0600). Generated at first use with an
 * exclusive create, so two processes starting at once end up with the same key; several web
 * servers on several machines must point at the same file (or a copy of it).
 */
const loaded = new Map<string, Promise<SigningKey>>();

async function loadOrCreate(file: string): Promise<SigningKey> {
  try {
    return signingKeyFromPem(await fsp.readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const { privatePem } = generateSigningKey();
  try {
    const handle = await fsp.open(file, 'wx', 0o600);
    try {
      await handle.writeFile(privatePem);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    // another process created it first: use theirs
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return signingKeyFromPem(await fsp.readFile(file, 'utf8'));
}

export function signingKey(file: string): Promise<SigningKey> {
  let key = loaded.get(file);
  if (!key) {
    key = loadOrCreate(file);
    key.catch(() => loaded.delete(file));
    loaded.set(file, key);
  }
  return key;
}
