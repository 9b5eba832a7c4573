import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { TestBrowser } from '../../../../test/support/browser.js';
import { createOrganisation, createUser } from '../../../../test/support/factories.js';
import type { DocumentType, Role } from '../../../platform/db/schema.js';
import { uuidv7 } from '../../../platform/ids.js';
import type { Runtime } from '../../../platform/runtime.js';

/** Test data of the publication tests: documents straight in the database, signed-in people. */

export async function addDocument(
  rt: Runtime,
  tenderId: string,
  values: { name?: string; type?: DocumentType; addedInVersion?: number; removedInVersion?: number } = {},
): Promise<{ id: string; sha256: string }> {
  const content = `contenu ${randomUUID()}`;
  const sha256 = createHash('sha256').update(content).digest('hex');
  const blobId = uuidv7();
  await rt.db
    .insertInto('blobs')
    .values({ id: blobId, storage_key: `test/${blobId}`, size_bytes: content.length, sha256 })
    .execute();
  const id = uuidv7();
  await rt.db
    .insertInto('tender_documents')
    .values({
      id,
      tender_id: tenderId,
      blob_id: blobId,
      file_name: values.name ?? 'Règlement de la consultation.pdf',
      document_type: values.type ?? 'rc',
      size_bytes: content.length,
      sha256,
      added_in_version: values.addedInVersion ?? 1,
      removed_in_version: values.removedInVersion ?? null,
    })
    .execute();
  return { id, sha256 };
}

export async function signedInAs(
  rt: Runtime,
  app: FastifyInstance,
  role: Role,
  organisation?: { id: string },
): Promise<{ browser: TestBrowser; user: { id: string; email: string }; orgId: string }> {
  const kind = role.startsWith('buyer') ? 'buyer' : role.startsWith('company') ? 'company' : 'platform';
  const org = organisation ?? (await createOrganisation(rt, { kind }));
  const user = await createUser(rt, { memberships: [{ organisationId: org.id, role }] });
  const browser = new TestBrowser(app);
  await browser.signIn(user.email, user.password);
  return { browser, user, orgId: org.id };
}

/** The close jobs waiting for a tender, as pg-boss stores them. */
export async function closeJobsOf(rt: Runtime, tenderId: string): Promise<{ startAfter: Date; state: string }[]> {
  const result = await rt.database.pool.query(
    `SELECT start_after, state FROM pgboss.job WHERE name = 'tender.close' AND data->>'tenderId' = $1 ORDER BY start_after`,
    [tenderId],
  );
  return (result.rows as { start_after: Date; state: string }[]).map((r) => ({
    startAfter: new Date(r.start_after),
    state: r.state,
  }));
}
