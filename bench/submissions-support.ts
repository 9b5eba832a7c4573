import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildServer } from '../src/app/server.js';
import { parseConfig } from '../src/platform/config.js';
import { hashToken, randomToken, uuidv7 } from '../src/platform/ids.js';
import { openRuntime, type Runtime } from '../src/platform/runtime.js';
import { createOrganisation, createUser } from '../test/support/factories.js';
import { giveKeyedCommittee, type KeyedCommittee } from '../test/support/submissions.js';
import { createTender } from '../test/support/tenders.js';

/**
 * A platform for the submission benches, on the PostgreSQL server when DATABASE_URL is set (a
 * fresh database, dropped at the end) or on embedded PGlite, with one published tender whose
 * 2-of-3 committee (plus backup) is keyed, listening on a free port.
 */
export async function startSubmissionPlatform(options: { maxFileBytes: number }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'halle-bench-sub-'));
  const serverUrl = process.env.DATABASE_URL;
  let databaseUrl: string | undefined;
  let dbName: string | undefined;
  if (serverUrl) {
    dbName = `halle_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  const rt: Runtime = await openRuntime(
    parseConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      HALLE_DATA_DIR: dir,
      DATABASE_POOL_SIZE: '20',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    }),
    { inMemory: !databaseUrl },
  );
  const app: FastifyInstance = await buildServer(rt);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const buyer = await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Bench' });
  const tender = await createTender(rt, { buyerId: buyer.id, status: 'draft', lots: 1 });
  const committee: KeyedCommittee = await giveKeyedCommittee(rt, tender, buyer.id);
  await rt.db
    .updateTable('tenders')
    .set({ status: 'published', published_at: new Date(), max_file_size_bytes: options.maxFileBytes })
    .where('id', '=', tender.id)
    .execute();
  return {
    rt,
    app,
    base: `http://127.0.0.1:${address.port}`,
    dir,
    engine: databaseUrl ? 'postgres' : 'pglite',
    buyerId: buyer.id,
    tender,
    committee,
    async stop() {
      await app.close();
      await rt.close();
      fs.rmSync(dir, { recursive: true, force: true });
      if (serverUrl && dbName) {
        const admin = new pg.Client({ connectionString: serverUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await admin.end();
      }
    },
  };
}

/**
 * A signed-in company user over real HTTP. The session is opened straight in the database (as
 * sign-in would): hundreds of sign-ins from one address would meet the sign-in rate limit.
 */
export async function companySession(rt: Runtime, base: string): Promise<CompanySession> {
  const company = await createOrganisation(rt, { kind: 'company' });
  const user = await createUser(rt, { memberships: [{ organisationId: company.id, role: 'company_member' }] });
  const token = randomToken();
  await rt.db
    .insertInto('sessions')
    .values({
      id: uuidv7(),
      token_hash: hashToken(token),
      user_id: user.id,
      active_organisation_id: company.id,
      expires_at: new Date(Date.now() + 12 * 3600 * 1000),
      ip: null,
      user_agent: 'bench',
    })
    .execute();
  return new CompanySession(base, token);
}

/** A cookie jar: the session cookie and whatever the platform sets (CSRF seed). */
export class CompanySession {
  private readonly cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    token: string,
  ) {
    this.cookies.set('halle_session', token);
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = (pair ?? '').split('=');
      if (k && v !== undefined) this.cookies.set(k.trim(), v.trim());
    }
  }
  async csrfOf(pathname: string): Promise<string> {
    const res = await fetch(this.base + pathname, { headers: { cookie: this.header() } });
    this.keep(res);
    const token = (await res.text()).match(/name="_csrf" value="([^"]+)"/)?.[1];
    if (!token) throw new Error(`no CSRF token on ${pathname} (${res.status})`);
    return token;
  }
}

/** A multipart body (CSRF, kind, then the file) as a Blob, so fetch streams it without copying the file. */
export function multipartBody(
  csrf: string,
  kind: string,
  fileName: string,
  parts: (Buffer | Blob)[],
): { body: Blob; type: string } {
  const boundary = `----halle${randomUUID().replaceAll('-', '')}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`;
  // Buffers are Uint8Arrays: valid Blob parts (the DOM typings of Node 20 are narrower)
  return {
    body: new Blob([head, ...(parts as unknown as BlobPart[]), `\r\n--${boundary}--\r\n`]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
