import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { giveKeyedCommittee } from '../../../test/support/submissions.js';
import { createTender } from '../../../test/support/tenders.js';
import { buildServer } from '../../app/server.js';
import type { Runtime } from '../../platform/runtime.js';
import { addDocument, signedInAs } from '../tenders/publication/testFixtures.js';

let rt: Runtime;
let app: FastifyInstance;

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

const sha256 = (b: Buffer) => `sha256 ${createHash('sha256').update(b).digest('base64')}`;

describe('resumable uploads with the tus checksum extension', () => {
  it('keeps nothing of a PATCH whose bytes do not match its Upload-Checksum (460), then takes the right ones', async () => {
    const buyer = await createOrganisation(rt, { kind: 'buyer' });
    const tender = await createTender(rt, { buyerId: buyer.id, status: 'draft', lots: 1 });
    await addDocument(rt, tender.id);
    await giveKeyedCommittee(rt, tender, buyer.id);
    const agent = await signedInAs(rt, app, 'buyer_agent', buyer);
    expect((await agent.browser.post(`/mon-espace/consultations/${tender.reference}/publier`, {})).statusCode).toBe(
      303,
    );

    const company = await signedInAs(rt, app, 'company_member');
    await company.browser.get(`/consultations/${tender.reference}/depot`);
    const headers = () => ({
      cookie: [...company.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': company.browser.csrf(),
      'tus-resumable': '1.0.0',
    });
    const url = `/consultations/${tender.reference}/depot/tus`;
    const options = await app.inject({ method: 'OPTIONS', url, headers: headers() });
    expect(options.headers['tus-extension']).toBe('creation,checksum');
    expect(options.headers['tus-checksum-algorithm']).toBe('sha256,sha1');

    const plain = randomBytes(70_000);
    const meta = `filename ${Buffer.from('Offre.pdf').toString('base64')},kind ${Buffer.from('offer:1').toString('base64')}`;
    const created = await app.inject({
      method: 'POST',
      url,
      headers: { ...headers(), 'upload-length': String(plain.length), 'upload-metadata': meta },
    });
    expect(created.statusCode).toBe(201);
    const location = String(created.headers.location);
    const secret = String(created.headers['halle-upload-secret']);
    const patch = (body: Buffer, checksum: string) =>
      app.inject({
        method: 'PATCH',
        url: location,
        headers: {
          ...headers(),
          'halle-upload-secret': secret,
          'upload-offset': '0',
          'upload-checksum': checksum,
          'content-type': 'application/offset+octet-stream',
        },
        payload: body,
      });
    const segments = () => rt.db.selectFrom('submission_upload_segments').select('upload_id').execute();

    // one byte changed on the way: refused, nothing kept, the offset does not move
    const damaged = Buffer.from(plain);
    damaged[12_345] = (damaged[12_345] as number) ^ 0xff;
    const refused = await patch(damaged, sha256(plain));
    expect(refused.statusCode).toBe(460);
    expect(await segments()).toHaveLength(0);
    const head = await app.inject({
      method: 'HEAD',
      url: location,
      headers: { ...headers(), 'halle-upload-secret': secret },
    });
    expect(head.headers['upload-offset']).toBe('0');

    // an unknown algorithm or a malformed value is a clear 400
    expect((await patch(plain, 'md5 AAAA')).statusCode).toBe(400);
    expect((await patch(plain, 'sha256 not base64!')).statusCode).toBe(400);

    // the right bytes with their checksum: the whole file is in, recorded in the draft
    const accepted = await patch(plain, sha256(plain));
    expect(accepted.statusCode).toBe(204);
    expect(accepted.headers['upload-offset']).toBe(String(plain.length));
    const files = await rt.db
      .selectFrom('submission_files')
      .select(['file_name', 'sha256'])
      .where('file_name', '=', 'Offre.pdf')
      .execute();
    expect(files).toEqual([{ file_name: 'Offre.pdf', sha256: createHash('sha256').update(plain).digest('hex') }]);
  });
});
