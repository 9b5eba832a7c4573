import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';

let rt: Runtime;
let app: FastifyInstance;
let operator: TestBrowser;
let orgA: { id: string; siret: string };
let orgB: { id: string; siret: string };
let alice: { id: string; email: string };
let bob: { id: string; email: string };

async function event(values: {
  action: string;
  at?: string;
  organisationId?: string;
  userId?: string;
  subjectId?: string;
  before?: unknown;
  after?: unknown;
}): Promise<string> {
  const id = uuidv7();
  await rt.db
    .insertInto('audit_events')
    .values({
      id,
      occurred_at: values.at ?? new Date(),
      actor_type: values.userId ? 'user' : 'system',
      actor_user_id: values.userId ?? null,
      actor_api_token_id: null,
      organisation_id: values.organisationId ?? null,
      action: values.action,
      subject_type: 'test',
      subject_id: values.subjectId ?? null,
      before: values.before === undefined ? null : JSON.stringify(values.before),
      after: values.after === undefined ? null : JSON.stringify(values.after),
      ip: null,
    })
    .execute();
  return id;
}

/** Ids of the events listed on a journal page, in order. */
function listed(html: string): string[] {
  return [...html.matchAll(/href="\/administration\/journal\/([0-9a-f-]{36})"/g)].map((m) => m[1] as string);
}

/** A small RFC 4180 reader, to check what a spreadsheet would read. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
  const platform = await createOrganisation(rt, { kind: 'platform', name: 'Plateforme' });
  const op = await createUser(rt, { memberships: [{ organisationId: platform.id, role: 'platform_operator' }] });
  orgA = await createOrganisation(rt, { kind: 'buyer', name: 'Commune A' });
  orgB = await createOrganisation(rt, { kind: 'company', name: 'Société B' });
  alice = await createUser(rt, {
    email: 'Alice.Martin@exemple.fr',
    memberships: [{ organisationId: orgA.id, role: 'buyer_admin' }],
  });
  bob = await createUser(rt, {
    email: 'bob@exemple.fr',
    memberships: [{ organisationId: orgB.id, role: 'company_admin' }],
  });
  operator = new TestBrowser(app);
  await operator.signIn(op.email, op.password);
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

describe('audit trail filters', () => {
  it('filters by action prefix, with LIKE wildcards taken literally', async () => {
    const one = await event({ action: 'flt.alpha.one' });
    const two = await event({ action: 'flt.alpha.two' });
    await event({ action: 'flt.beta' });
    await event({ action: 'fltXalpha.one' });
    const page = await operator.get('/administration/journal?action=flt.alpha.');
    expect(page.statusCode).toBe(200);
    expect(listed(page.body)).toEqual([two, one]);
    expect(listed((await operator.get('/administration/journal?action=flt_')).body)).toEqual([]);
    expect(listed((await operator.get('/administration/journal?action=flt%25')).body)).toEqual([]);
  });

  it('filters by organisation (identifier or SIRET) and by author e-mail', async () => {
    const a1 = await event({ action: 'org.one', organisationId: orgA.id, userId: alice.id });
    const b1 = await event({ action: 'org.two', organisationId: orgB.id, userId: bob.id });
    const a2 = await event({ action: 'org.three', organisationId: orgA.id, userId: bob.id });
    const byId = await operator.get(`/administration/journal?action=org.&organisation=${orgA.id}`);
    expect(listed(byId.body)).toEqual([a2, a1]);
    const spaced = `${orgB.siret.slice(0, 3)} ${orgB.siret.slice(3, 6)} ${orgB.siret.slice(6, 9)} ${orgB.siret.slice(9)}`;
    const bySiret = await operator.get(
      `/administration/journal?action=org.&organisation=${encodeURIComponent(spaced)}`,
    );
    expect(listed(bySiret.body)).toEqual([b1]);
    expect(bySiret.body).toContain('Société B');
    const byActor = await operator.get('/administration/journal?action=org.&acteur=ALICE.martin');
    expect(listed(byActor.body)).toEqual([a1]);
    expect(byActor.body).toContain('Alice.Martin@exemple.fr');
    const both = await operator.get(`/administration/journal?organisation=${orgA.id}&acteur=bob%40exemple.fr`);
    expect(listed(both.body)).toEqual([a2]);
  });

  it('filters by calendar days in Paris, across the daylight-saving change', async () => {
    // 29 March 2026: Paris moves from UTC+1 to UTC+2 at 02:00
    const lateOn28 = await event({ action: 'dst.a', at: '2026-03-28T22:59:00Z' }); // 23:59 on the 28th
    const earlyOn29 = await event({ action: 'dst.b', at: '2026-03-28T23:00:00Z' }); // 00:00 on the 29th
    const lateOn29 = await event({ action: 'dst.c', at: '2026-03-29T21:59:59Z' }); // 23:59:59 on the 29th
    const earlyOn30 = await event({ action: 'dst.d', at: '2026-03-29T22:00:00Z' }); // 00:00 on the 30th
    const day = await operator.get('/administration/journal?action=dst.&du=2026-03-29&au=2026-03-29');
    expect(listed(day.body)).toEqual([lateOn29, earlyOn29]);
    const from = await operator.get('/administration/journal?action=dst.&du=2026-03-29');
    expect(listed(from.body)).toEqual([earlyOn30, lateOn29, earlyOn29]);
    const to = await operator.get('/administration/journal?action=dst.&au=2026-03-28');
    expect(listed(to.body)).toEqual([lateOn28]);
  });

  it('answers bad filters with French messages, not a server error', async () => {
    const res = await operator.get('/administration/journal?du=2026-02-30&au=hier&organisation=abc');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Saisissez une date valide');
    expect(res.body).toContain("Saisissez l'identifiant de l'organisation ou son SIRET");
    const reversed = await operator.get('/administration/journal?du=2026-03-02&au=2026-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain('La date de fin ne peut précéder la date de début.');
    const cursor = await operator.get('/administration/journal?avant=nimporte-quoi');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.body).toContain('Ce lien de pagination est invalide');
    const repeated = await operator.get('/administration/journal?action=a&action=b');
    expect(repeated.statusCode).toBe(400);
    const csv = await operator.get('/administration/journal.csv?du=demain');
    expect(csv.statusCode).toBe(400);
  });

  it('pages newest first with a keyset cursor, without losing or repeating events that share a time', async () => {
    const expected: { id: string; at: string }[] = [];
    for (let i = 0; i < 120; i++) {
      // forty events share each instant: only the id tells them apart
      const at = `2025-06-0${1 + (i % 3)}T10:00:00.123456Z`;
      expected.push({ id: await event({ action: 'page.event', at }), at });
    }
    expected.sort((x, y) => (x.at === y.at ? (x.id < y.id ? 1 : -1) : x.at < y.at ? 1 : -1));
    const seen: string[] = [];
    let url: string | undefined = '/administration/journal?action=page.';
    let pages = 0;
    while (url) {
      const res = await operator.get(url);
      expect(res.statusCode).toBe(200);
      seen.push(...listed(res.body));
      pages++;
      const next = res.body.match(/href="([^"]+)" rel="next"/);
      url = next?.[1]?.replaceAll('&amp;', '&');
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(expected.map((e) => e.id));
  });
});

describe('audit event details and export', () => {
  it('shows before and after as indented JSON, escaped', async () => {
    const id = await event({
      action: 'detail.changed',
      organisationId: orgA.id,
      userId: alice.id,
      before: { name: 'Ancien <nom>' },
      after: { name: 'Nouveau', roles: ['a'] },
    });
    const res = await operator.get(`/administration/journal/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('detail.changed');
    expect(res.body).toContain('Commune A');
    expect(res.body).toMatch(/<pre class="mail">\{\n {2}(&quot;|")name(&quot;|"): (&quot;|")Ancien &lt;nom>/);
    expect(res.body).toMatch(/ {2}(&quot;|")roles(&quot;|"): \[\n {4}(&quot;|")a(&quot;|")\n {2}\]/);
  });

  it('exports the current filter as CSV with a header, escaping and formula protection', async () => {
    const nasty = await event({
      action: 'csv.nasty',
      organisationId: orgB.id,
      userId: bob.id,
      subjectId: '=HYPERLINK("http://evil.example","clic")',
      after: { note: 'virgule, "guillemets"\net retour' },
    });
    const plain = await event({ action: 'csv.plain', subjectId: '-1' });
    await event({ action: 'other.hidden' });
    const res = await operator.get('/administration/journal.csv?action=csv.');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="journal-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(res.body.slice(1));
    const header = rows[0] as string[];
    expect(header).toEqual([
      'id',
      'date_utc',
      'date_paris',
      'action',
      'type_auteur',
      'courriel_auteur',
      'organisation_id',
      'organisation_siret',
      'organisation_nom',
      'objet_type',
      'objet_id',
      'ip',
      'avant',
      'apres',
    ]);
    expect(rows).toHaveLength(3);
    const byId = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
    expect(byId.get(nasty)).toMatchObject({
      action: 'csv.nasty',
      type_auteur: 'user',
      courriel_auteur: 'bob@exemple.fr',
      organisation_siret: orgB.siret,
      organisation_nom: 'Société B',
      objet_id: `'=HYPERLINK("http://evil.example","clic")`,
    });
    expect(JSON.parse(byId.get(nasty)?.apres as string)).toEqual({ note: 'virgule, "guillemets"\net retour' });
    expect(byId.get(plain)?.objet_id).toBe("'-1");
    expect(byId.get(plain)?.date_utc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    // every line of the raw file ends with CRLF, even the one holding a line break in a cell
    expect(res.body.endsWith('\r\n')).toBe(true);
  });

  it('exports the DST day with Paris times', async () => {
    const res = await operator.get('/administration/journal.csv?action=dst.&du=2026-03-29&au=2026-03-29');
    const rows = parseCsv(res.body.slice(1));
    expect(rows.slice(1).map((r) => r[2])).toEqual(['2026-03-29 23:59:59', '2026-03-29 00:00:00']);
  });
});
