import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { nameCommittee } from '../../src/modules/submissions/nameCommittee.js';
import { setHolderPassphrase } from '../../src/modules/submissions/setHolderPassphrase.js';
import type { SessionPrincipal } from '../../src/platform/http/principal.js';
import type { Runtime } from '../../src/platform/runtime.js';
import type { TestBrowser } from './browser.js';
import { createUser } from './factories.js';

/** A session principal for calling use cases directly, as a buyer agent of `organisationId`. */
export function agentPrincipal(user: { id: string; email: string }, organisationId: string): SessionPrincipal {
  return {
    kind: 'session',
    sessionId: 'test',
    user: { id: user.id, email: user.email, name: 'Agent', emailVerified: true },
    memberships: [{ organisationId, organisationName: 'Acheteur', organisationKind: 'buyer', role: 'buyer_agent' }],
    activeOrganisationId: organisationId,
  };
}

export interface KeyedCommittee {
  holders: { id: string; email: string; password: string; passphrase: string }[];
  threshold: number;
}

/**
 * Gives a draft tender a complete opening committee (n members + 1 backup, threshold k) whose
 * holders have all set their passphrase, so the tender can be published.
 */
export async function giveKeyedCommittee(
  rt: Runtime,
  tender: { reference: string },
  buyerId: string,
  options: { members?: number; threshold?: number } = {},
): Promise<KeyedCommittee> {
  const members = options.members ?? 3;
  const threshold = options.threshold ?? 2;
  const holders: KeyedCommittee['holders'] = [];
  for (let i = 0; i <= members; i++) {
    const user = await createUser(rt, {
      name: `Détenteur ${i + 1}`,
      memberships: [{ organisationId: buyerId, role: 'buyer_agent' }],
    });
    holders.push({ ...user, passphrase: `phrase de passe numéro ${i + 1} du détenteur` });
  }
  const first = holders[0] as KeyedCommittee['holders'][number];
  await nameCommittee(rt, agentPrincipal(first, buyerId), {
    reference: tender.reference,
    holderUserIds: holders.slice(0, members).map((h) => h.id),
    backupUserId: (holders[members] as KeyedCommittee['holders'][number]).id,
    threshold,
  });
  const rows = await rt.db
    .selectFrom('committee_holders')
    .innerJoin('tenders', 'tenders.id', 'committee_holders.tender_id')
    .select(['committee_holders.id', 'committee_holders.user_id'])
    .where('tenders.reference', '=', tender.reference)
    .execute();
  for (const h of holders) {
    const row = rows.find((r) => r.user_id === h.id);
    if (!row) throw new Error('holder row missing');
    await setHolderPassphrase(rt, agentPrincipal(h, buyerId), { holderId: row.id, passphrase: h.passphrase });
  }
  return { holders, threshold };
}

/** Posts a multipart form (fields first, then one file) as a browser would, with the page's CSRF token. */
export async function postFile(
  browser: TestBrowser,
  url: string,
  fields: Record<string, string>,
  file: { name: string; content: Buffer } | null,
  options: { from: string },
): Promise<LightMyRequestResponse> {
  await browser.get(options.from);
  const boundary = `----halle${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  const all = { _csrf: browser.csrf(), ...fields };
  for (const [k, v] of Object.entries(all)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const app: FastifyInstance = browser.app;
  return app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat(parts),
  });
}
