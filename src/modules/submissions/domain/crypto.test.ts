import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.js';
import { committeeProblems, isLate, standings } from './deadline.js';
import {
  CorruptCiphertext,
  chunkSize,
  cipherSizeOf,
  DecryptStream,
  EncryptStream,
  FileTooLarge,
  newFileKey,
} from './fileCipher.js';
import { generateKeyPair, keyMatches, makeKeyCheck, unwrapWith, wrapTo } from './openingKey.js';
import {
  generateSigningKey,
  publicKeyPem,
  type ReceiptBody,
  signingKeyFromPem,
  signReceipt,
  verifyReceipt,
} from './receipt.js';
import { entryHash, genesisHash, type RegisterEntry, verifyChain } from './register.js';
import { parseUploadMetadata, SegmentEncryptStream, UploadTooLong } from './segmentCipher.js';
import {
  combineShares,
  openWithKey,
  openWithPassphrase,
  sealUnderPassphrase,
  sealWithKey,
  splitSecret,
  WrongPassphrase,
} from './shares.js';

const fastKdf = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

async function encrypt(plain: Buffer, key: Buffer, fileId: string, max?: number) {
  const enc = new EncryptStream(key, fileId, max);
  const out = await buffer(Readable.from(splitInto(plain, 7919)).pipe(enc));
  return { cipher: out, sha: enc.plainSha256(), size: enc.plainBytes };
}

/** Feeds a buffer in odd-sized pieces, as a network would. */
function splitInto(data: Buffer, piece: number): Buffer[] {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += piece) parts.push(data.subarray(i, i + piece));
  return parts;
}

async function decrypt(cipher: Buffer, key: Buffer, fileId: string): Promise<Buffer> {
  return buffer(Readable.from(splitInto(cipher, 5003)).pipe(new DecryptStream(key, fileId)));
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null }, u: undefined })).toBe(
      '{"a":{"c":null,"d":[1,"x"]},"b":1}',
    );
  });
  it('refuses values without one JSON form', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
    expect(() => canonicalJson({ a: 1n })).toThrow();
  });
});

describe('opening key (HPKE X25519/HKDF-SHA256/AES-256-GCM)', () => {
  it('wraps a file key that only the private key opens, bound to its info', async () => {
    const pair = await generateKeyPair();
    const other = await generateKeyPair();
    const fileKey = newFileKey();
    const wrapped = await wrapTo(pair.publicKey, fileKey, 'file:1');
    expect(await unwrapWith(pair.privateKey, wrapped, 'file:1')).toEqual(fileKey);
    await expect(unwrapWith(other.privateKey, wrapped, 'file:1')).rejects.toThrow();
    await expect(unwrapWith(pair.privateKey, wrapped, 'file:2')).rejects.toThrow();
    const altered = { enc: wrapped.enc, ct: Buffer.from(wrapped.ct) };
    altered.ct[0] = (altered.ct[0] as number) ^ 1;
    await expect(unwrapWith(pair.privateKey, altered, 'file:1')).rejects.toThrow();
  });

  it('recognises its own private key through the key check', async () => {
    const pair = await generateKeyPair();
    const check = await makeKeyCheck(pair.publicKey);
    expect(await keyMatches(pair.privateKey, check)).toBe(true);
    expect(await keyMatches((await generateKeyPair()).privateKey, check)).toBe(false);
  });
});

describe('Shamir k of n', () => {
  it('any k shares rebuild the key; fewer than k do not', async () => {
    const pair = await generateKeyPair();
    const check = await makeKeyCheck(pair.publicKey);
    const shares = await splitSecret(pair.privateKey, 4, 2);
    for (const [a, b] of [
      [0, 1],
      [0, 3],
      [2, 3],
    ] as const) {
      const key = await combineShares([shares[a] as Buffer, shares[b] as Buffer]);
      expect(key).toEqual(pair.privateKey);
    }
    const three = await splitSecret(pair.privateKey, 3, 3);
    const short = await combineShares([three[0] as Buffer, three[1] as Buffer]);
    expect(short.equals(pair.privateKey)).toBe(false);
    expect(await keyMatches(short, check)).toBe(false);
  });

  it('refuses a threshold below 2 or above n', async () => {
    await expect(splitSecret(randomBytes(32), 3, 1)).rejects.toThrow();
    await expect(splitSecret(randomBytes(32), 2, 3)).rejects.toThrow();
  });
});

describe('sealing under a passphrase (argon2id + AES-256-GCM)', () => {
  it('opens with the right passphrase and context only', async () => {
    const secret = randomBytes(33);
    const sealed = await sealUnderPassphrase(secret, 'cheval correct agrafe', 'holder:1', fastKdf);
    expect(JSON.stringify(sealed)).not.toContain(secret.toString('base64'));
    expect(await openWithPassphrase(sealed, 'cheval correct agrafe', 'holder:1')).toEqual(secret);
    await expect(openWithPassphrase(sealed, 'cheval correct agrafé', 'holder:1')).rejects.toThrow(WrongPassphrase);
    await expect(openWithPassphrase(sealed, 'cheval correct agrafe', 'holder:2')).rejects.toThrow(WrongPassphrase);
    const altered = {
      ...sealed,
      ct: Buffer.from(Buffer.from(sealed.ct, 'base64').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64'),
    };
    await expect(openWithPassphrase(altered, 'cheval correct agrafe', 'holder:1')).rejects.toThrow(WrongPassphrase);
  });

  it('uses the strong parameters by default', async () => {
    const sealed = await sealUnderPassphrase(randomBytes(8), 'une phrase de passe', 'x');
    expect(sealed.params.memoryCost).toBeGreaterThanOrEqual(65536);
    expect(sealed.kdf).toBe('argon2id');
  });

  it('seals small values under a key, bound to their AAD', () => {
    const key = randomBytes(32);
    const sealed = sealWithKey(key, Buffer.from('share'), 'a');
    expect(openWithKey(key, sealed, 'a').toString()).toBe('share');
    expect(() => openWithKey(key, sealed, 'b')).toThrow();
  });
});

describe('chunked file encryption', () => {
  it.each([0, 1, chunkSize - 1, chunkSize, chunkSize + 1, 3 * chunkSize, 3 * chunkSize + 17])(
    'round-trips %i bytes, with the right hashes and sizes',
    async (size) => {
      const plain = randomBytes(size);
      const key = newFileKey();
      const { cipher, sha, size: counted } = await encrypt(plain, key, 'f1');
      expect(counted).toBe(size);
      expect(sha).toBe(createHash('sha256').update(plain).digest('hex'));
      expect(cipher.length).toBe(cipherSizeOf(size));
      expect(await decrypt(cipher, key, 'f1')).toEqual(plain);
    },
  );

  it('never writes the plaintext: a marker does not appear in the ciphertext', async () => {
    const plain = Buffer.from('MARQUEUR-SECRET-OFFRE '.repeat(10_000));
    const { cipher } = await encrypt(plain, newFileKey(), 'f1');
    expect(cipher.includes(Buffer.from('MARQUEUR-SECRET'))).toBe(false);
  });

  it('detects an altered byte, swapped chunks, a truncation at a chunk boundary, an appended chunk and another file id', async () => {
    const plain = randomBytes(3 * chunkSize + 100);
    const key = newFileKey();
    const { cipher } = await encrypt(plain, key, 'f1');
    const sealed = chunkSize + 16;

    const flipped = Buffer.from(cipher);
    flipped[sealed + 10] = (flipped[sealed + 10] as number) ^ 0x40;
    await expect(decrypt(flipped, key, 'f1')).rejects.toThrow(CorruptCiphertext);

    const swapped = Buffer.concat([
      cipher.subarray(sealed, 2 * sealed),
      cipher.subarray(0, sealed),
      cipher.subarray(2 * sealed),
    ]);
    await expect(decrypt(swapped, key, 'f1')).rejects.toThrow(CorruptCiphertext);

    const truncated = cipher.subarray(0, 2 * sealed);
    await expect(decrypt(truncated, key, 'f1')).rejects.toThrow(CorruptCiphertext);

    const appended = Buffer.concat([cipher, cipher.subarray(0, sealed)]);
    await expect(decrypt(appended, key, 'f1')).rejects.toThrow(CorruptCiphertext);

    await expect(decrypt(cipher, key, 'f2')).rejects.toThrow(CorruptCiphertext);
    await expect(decrypt(cipher, newFileKey(), 'f1')).rejects.toThrow(CorruptCiphertext);
  });

  it('stops a file over the maximum size', async () => {
    const enc = new EncryptStream(newFileKey(), 'f1', 1000);
    await expect(
      pipeline(Readable.from([randomBytes(600), randomBytes(600)]), enc, async function* (s) {
        for await (const _ of s) yield _;
      }),
    ).rejects.toThrow(FileTooLarge);
  });
});

const receiptBody: ReceiptBody = {
  type: 'halle.receipt.v1',
  submissionId: 's1',
  tender: { reference: '2026-0001', title: 'Travaux' },
  buyer: { name: 'Ville' },
  company: { name: 'Entreprise', siret: '73282932000074' },
  consortium: null,
  lots: [1],
  sealedAt: '2026-11-28T17:00:00Z',
  late: false,
  files: [
    { name: 'offre.pdf', kind: 'offer', lot: 1, sizeBytes: 10, sha256: 'a'.repeat(64), cipherSha256: 'b'.repeat(64) },
  ],
  register: { position: 1, entryHash: 'c'.repeat(64) },
};

describe('receipts (Ed25519 over canonical JSON)', () => {
  const key = signingKeyFromPem(generateSigningKey().privatePem);
  const pem = publicKeyPem(key);

  it('verify with the public key, whatever the key order of the JSON file', () => {
    const signed = signReceipt(receiptBody, key);
    const reordered = JSON.parse(JSON.stringify({ signature: signed.signature, body: { ...signed.body } }));
    expect(verifyReceipt(reordered, pem)).toEqual({ valid: true });
  });

  it('detect any change, another key and malformed documents', () => {
    const signed = signReceipt(receiptBody, key);
    const changed = structuredClone(signed);
    changed.body.sealedAt = '2026-11-28T16:59:59Z';
    expect(verifyReceipt(changed, pem)).toEqual({ valid: false, reason: 'bad_signature' });
    const changedFile = structuredClone(signed);
    (changedFile.body.files[0] as { sha256: string }).sha256 = 'd'.repeat(64);
    expect(verifyReceipt(changedFile, pem).valid).toBe(false);
    const other = publicKeyPem(signingKeyFromPem(generateSigningKey().privatePem));
    expect(verifyReceipt(signed, other)).toEqual({ valid: false, reason: 'wrong_key' });
    expect(verifyReceipt({ body: 1 }, pem)).toEqual({ valid: false, reason: 'malformed' });
    expect(verifyReceipt(null, pem)).toEqual({ valid: false, reason: 'malformed' });
  });
});

describe('deposits register hash chain', () => {
  function chain(n: number): RegisterEntry[] {
    const entries: RegisterEntry[] = [];
    let previous = genesisHash;
    for (let position = 1; position <= n; position++) {
      const content = {
        tender: 't',
        position,
        submissionId: `s${position}`,
        company: `c${position}`,
        sealedAt: '2026-11-28T17:00:00Z',
        late: false,
        files: [{ name: 'a.pdf', sizeBytes: position, sha256: 'a'.repeat(64), cipherSha256: 'b'.repeat(64) }],
      };
      const hash = entryHash(previous, content);
      entries.push({ position, previousHash: previous, entryHash: hash, content });
      previous = hash;
    }
    return entries;
  }

  it('holds for an untouched chain', () => {
    expect(verifyChain(chain(5))).toMatchObject({ valid: true, length: 5 });
  });

  it('reports the first altered, removed or reordered entry', () => {
    const altered = chain(5);
    (altered[2] as RegisterEntry).content.late = true;
    expect(verifyChain(altered)).toMatchObject({ valid: false, position: 3 });
    const removed = chain(5);
    removed.splice(1, 1);
    expect(verifyChain(removed)).toMatchObject({ valid: false, position: 2 });
    const rehashed = chain(3);
    const e = rehashed[1] as RegisterEntry;
    e.content.company = 'x';
    e.entryHash = entryHash(e.previousHash, e.content);
    expect(verifyChain(rehashed)).toMatchObject({ valid: false, position: 3, reason: 'previous hash does not match' });
  });
});

describe('deadline and standings', () => {
  const deadline = new Date('2026-12-01T11:00:00Z');
  it('is on time at the deadline and late one millisecond or one second after', () => {
    expect(isLate(new Date('2026-12-01T11:00:00.000Z'), deadline)).toBe(false);
    expect(isLate(new Date('2026-12-01T11:00:00.001Z'), deadline)).toBe(true);
    expect(isLate(new Date('2026-12-01T11:00:01Z'), deadline)).toBe(true);
  });

  it('keeps the last on-time submission of each company, the rest superseded or late', () => {
    const s = (id: string, companyId: string, at: string, late = false) => ({
      id,
      companyId,
      sealedAt: new Date(at),
      late,
    });
    const result = standings([
      s('a1', 'A', '2026-12-01T09:00:00Z'),
      s('a2', 'A', '2026-12-01T10:00:00Z'),
      s('a3', 'A', '2026-12-01T11:00:05Z', true),
      s('b1', 'B', '2026-12-01T11:00:01Z', true),
      s('c1', 'C', '2026-12-01T08:00:00Z'),
    ]);
    expect(Object.fromEntries(result)).toEqual({
      a1: 'superseded',
      a2: 'counts',
      a3: 'late',
      b1: 'late',
      c1: 'counts',
    });
  });

  it('checks a committee', () => {
    expect(committeeProblems(3, 2, true, true)).toEqual([]);
    expect(committeeProblems(3, 4, true, true)).toContain('submissions.committee.bad_threshold');
    expect(committeeProblems(1, 1, false, true)).toHaveLength(3);
  });
});

describe('resumable segments', () => {
  async function segment(key: Buffer, fileId: string, length: number, firstChunk: number, data: Buffer) {
    const s = new SegmentEncryptStream(key, fileId, length, firstChunk);
    const out = await buffer(Readable.from(splitInto(data, 10_007)).pipe(s));
    return { out, chunks: s.chunks, plainBytes: s.plainBytes };
  }

  it.each([0, 5, chunkSize, 2 * chunkSize + 3])(
    'joined segments of a %i-byte file decrypt like one stream',
    async (length) => {
      const plain = randomBytes(length);
      const key = newFileKey();
      // first request: whatever arrived, cut at an odd place; only whole chunks are kept
      const cut = Math.min(length, chunkSize + 777);
      const first = await segment(key, 'f', length, 0, plain.subarray(0, cut));
      expect(first.plainBytes % chunkSize === 0 || first.plainBytes === length).toBe(true);
      // the client resumes from the committed offset
      const second = await segment(key, 'f', length, first.chunks, plain.subarray(first.plainBytes));
      expect(first.plainBytes + second.plainBytes).toBe(length);
      expect(await decrypt(Buffer.concat([first.out, second.out]), key, 'f')).toEqual(plain);
    },
  );

  it('refuses bytes past the declared length, and a missing segment is detected', async () => {
    const key = newFileKey();
    await expect(segment(key, 'f', 10, 0, randomBytes(11))).rejects.toThrow(UploadTooLong);
    const plain = randomBytes(3 * chunkSize);
    const a = await segment(key, 'f', plain.length, 0, plain.subarray(0, chunkSize));
    const b = await segment(key, 'f', plain.length, 1, plain.subarray(chunkSize, 2 * chunkSize));
    const c = await segment(key, 'f', plain.length, 2, plain.subarray(2 * chunkSize));
    expect(await decrypt(Buffer.concat([a.out, b.out, c.out]), key, 'f')).toEqual(plain);
    await expect(decrypt(Buffer.concat([a.out, c.out]), key, 'f')).rejects.toThrow(CorruptCiphertext);
  });

  it('reads tus metadata', () => {
    const m = parseUploadMetadata(
      `filename ${Buffer.from('Offre é.pdf').toString('base64')},kind ${Buffer.from('offer:1').toString('base64')},empty`,
    );
    expect(m.get('filename')).toBe('Offre é.pdf');
    expect(m.get('kind')).toBe('offer:1');
    expect(m.get('empty')).toBe('');
  });
});
