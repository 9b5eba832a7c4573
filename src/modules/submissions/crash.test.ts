import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { serverUrl } from '../../../test/support/runtime.js';
import { giveKeyedCommittee } from '../../../test/support/submissions.js';
import { createTender } from '../../../test/support/tenders.js';
import { parseConfig } from '../../platform/config.js';
import { hashToken, randomToken, uuidv7 } from '../../platform/ids.js';
import { openRuntime, type Runtime } from '../../platform/runtime.js';
import { addSubmissionFile } from './addSubmissionFile.js';

/**
 * `kill -9` of the server process in the middle of an upload: after a restart nothing partial
 * exists (no file, no sealed submission), no plaintext is on disk, and the company starts again.
 * A real child process (`halle serve`) on a database of its own, on the engine of the run.
 */
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

async function openData(dir: string, databaseUrl: string | undefined): Promise<Runtime> {
  return openRuntime(
    parseConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      HALLE_DATA_DIR: dir,
      HALLE_SEED_DEMO: '0',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    }),
  );
}

async function waitReady(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('server exited');
    const ok = await fetch(`${base}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server not ready');
}

describe('crash during upload', () => {
  it('kill -9 in the middle of an upload leaves nothing partial, and the company can start again', {
    timeout: 240_000,
  }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'halle-crash-'));
    let databaseUrl: string | undefined;
    let dbName: string | undefined;
    if (serverUrl) {
      dbName = `halle_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${dbName}`;
      databaseUrl = url.toString();
    }
    const marker = Buffer.from('MARQUEUR-CRASH-9b1e');
    let child: ChildProcess | undefined;
    try {
      // the data: a published tender with its committee, a company user with a session
      let rt = await openData(dir, databaseUrl);
      const buyer = await createOrganisation(rt, { kind: 'buyer' });
      const tender = await createTender(rt, { buyerId: buyer.id, status: 'draft', lots: 1 });
      await giveKeyedCommittee(rt, tender, buyer.id, { members: 2, threshold: 2 });
      await rt.db
        .updateTable('tenders')
        .set({ status: 'published', published_at: new Date() })
        .where('id', '=', tender.id)
        .execute();
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
          expires_at: new Date(Date.now() + 3600_000),
        })
        .execute();
      await rt.close();

      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      child = spawn(process.execPath, [path.join(repo, 'bin/halle.js'), 'serve'], {
        cwd: repo,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          HALLE_DATA_DIR: dir,
          HALLE_SEED_DEMO: '0',
          LOG_LEVEL: 'silent',
          NODE_ENV: 'test',
          ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        },
        stdio: 'ignore',
      });
      await waitReady(base, child);

      // a page for the CSRF token, then a large upload that the server is killed in the middle of
      const depot = `${base}/consultations/${tender.reference}/depot`;
      const page = await fetch(depot, { headers: { cookie: `halle_session=${token}` } });
      const csrfCookie = (page.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
      const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] as string;
      const boundary = '----hallecrash';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\noffer:1\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="offre.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
      const total = 40 * 1024 * 1024;
      const piece = Buffer.concat([marker, randomBytes(1024 * 1024 - marker.length)]);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (sent === 0) controller.enqueue(new TextEncoder().encode(head));
          if (sent >= total) {
            controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
            controller.close();
            return;
          }
          controller.enqueue(piece);
          sent += piece.length;
          // half-way: the process dies without any chance to clean up
          if (sent === 8 * 1024 * 1024) child?.kill('SIGKILL');
          await new Promise((r) => setTimeout(r, 5));
        },
      });
      const upload = fetch(`${depot}/fichiers`, {
        method: 'POST',
        headers: {
          cookie: `halle_session=${token}; ${csrfCookie}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        body,
        duplex: 'half',
      } as RequestInit & { duplex: 'half' });
      await expect(upload).rejects.toThrow();
      await new Promise<void>((resolve) => {
        if (child?.exitCode !== null || child.signalCode !== null) resolve();
        else child.once('exit', () => resolve());
      });

      // after the crash: nothing partial recorded, nothing sealed, no plaintext on disk
      rt = await openData(dir, databaseUrl);
      try {
        expect(await rt.db.selectFrom('submission_files').selectAll().execute()).toHaveLength(0);
        expect(await rt.db.selectFrom('submissions').selectAll().where('status', '=', 'sealed').execute()).toHaveLength(
          0,
        );
        expect(await rt.db.selectFrom('deposit_register').selectAll().execute()).toHaveLength(0);
        const blobFiles: string[] = [];
        const walk = (d: string) => {
          if (!fs.existsSync(d)) return;
          for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            if (e.isDirectory()) walk(path.join(d, e.name));
            else blobFiles.push(path.join(d, e.name));
          }
        };
        walk(rt.config.blobsDir);
        for (const f of blobFiles) expect(fs.readFileSync(f).includes(marker)).toBe(false);
        // the company starts again: the draft is still there, empty, and takes a new file
        const draft = await rt.db.selectFrom('submissions').selectAll().where('company_id', '=', company.id).execute();
        expect(draft.every((d) => d.status === 'draft')).toBe(true);
        const principal = {
          kind: 'session' as const,
          sessionId: 'test',
          user: { id: user.id, email: user.email, name: 'Camille Martin', emailVerified: true },
          memberships: [
            {
              organisationId: company.id,
              organisationName: 'Société',
              organisationKind: 'company' as const,
              role: 'company_member' as const,
            },
          ],
          activeOrganisationId: company.id,
        };
        const again = await addSubmissionFile(rt, principal, {
          reference: tender.reference,
          kind: 'offer',
          lotNumber: 1,
          fileName: 'offre.pdf',
          content: Readable.from([Buffer.from('offre envoyée à nouveau')]),
        });
        expect(again.sizeBytes).toBe(Buffer.byteLength('offre envoyée à nouveau'));
      } finally {
        await rt.close();
      }
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
      if (serverUrl && dbName) {
        const admin = new pg.Client({ connectionString: serverUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await admin.end();
      }
    }
  });
});
