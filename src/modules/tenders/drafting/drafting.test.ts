import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../../test/support/browser.js';
import { createOrganisation, createUser } from '../../../../test/support/factories.js';
import { createTestRuntime } from '../../../../test/support/runtime.js';
import { createTender } from '../../../../test/support/tenders.js';
import { buildServer } from '../../../app/server.js';
import { toParisInputs } from '../../../platform/i18n/paris-time.js';
import type { Runtime } from '../../../platform/runtime.js';

let rt: Runtime;
let app: FastifyInstance;
let buyer: { id: string };
let agent: { email: string; password: string; id: string };

const day = 86_400_000;
/** Paris date and time `days` from now, as typed in the form. */
const inDays = (days: number) => toParisInputs(new Date(Date.now() + days * day));

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
  buyer = await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Montreuil' });
  agent = await createUser(rt, {
    name: 'Agnès Roux',
    memberships: [{ organisationId: buyer.id, role: 'buyer_agent' }],
  });
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

async function signedIn(user: { email: string; password: string }): Promise<TestBrowser> {
  const browser = new TestBrowser(app);
  await browser.signIn(user.email, user.password);
  return browser;
}

async function newDraft(browser: TestBrowser, title = 'Rénovation du groupe scolaire Jules-Ferry', procedure = 'open') {
  const res = await browser.post('/mon-espace/consultations/nouvelle', {
    title,
    internal_reference: 'MAR-2026-017',
    procedure_type: procedure,
    main_category: 'works',
  });
  expect(res.statusCode).toBe(303);
  const match = /\/mon-espace\/consultations\/(\d{4}-\d{4,})\/modifier\/general/.exec(String(res.headers.location));
  if (!match?.[1]) throw new Error(`unexpected redirect ${res.headers.location}`);
  return match[1];
}

const step = (reference: string, slug: string) => `/mon-espace/consultations/${reference}/modifier/${slug}`;

async function tenderRow(reference: string) {
  return rt.db.selectFrom('tenders').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
}

describe('drafting a tender through the pages', () => {
  it('creates a two-lot draft with clauses, criteria, deadlines and contact, audited at every step', async () => {
    const browser = await signedIn(agent);
    const reference = await newDraft(browser);
    const created = await tenderRow(reference);
    expect(created).toMatchObject({
      status: 'draft',
      buyer_id: buyer.id,
      procedure_type: 'open',
      created_by: agent.id,
    });

    const general = await browser.post(step(reference, 'general'), {
      title: 'Rénovation du groupe scolaire Jules-Ferry',
      internal_reference: 'MAR-2026-017',
      description: 'Isolation thermique par l’extérieur et remplacement des menuiseries.',
      procedure_type: 'open',
      main_category: 'works',
      cpv_codes: '45000000-7, 45321000',
      estimated_value: '1 850 000,50',
      department: '93',
      nuts_code: '',
      duration_months: '18',
      variants_allowed: 'on',
      has_options: 'on',
      options_description: 'Reconduction d’un an.',
    });
    expect(general.statusCode).toBe(303);
    expect(general.headers.location).toBe(`${step(reference, 'lots')}?info=enregistre`);
    const afterGeneral = await tenderRow(reference);
    expect(afterGeneral).toMatchObject({
      cpv_codes: ['45000000', '45321000'],
      estimated_value_cents: 185_000_050,
      department: '93',
      nuts_code: 'FR106',
      duration_months: 18,
      variants_allowed: true,
      has_options: true,
    });

    // dividing: lot 1 gets its own title, lot 2 is added
    const lot2 = await browser.post(step(reference, 'lots'), {
      first_lot_title: 'Isolation thermique',
      title: 'Menuiseries extérieures',
      description: 'Remplacement des fenêtres.',
      cpv_codes: '45421000-4',
      estimated_value: '400000',
    });
    expect(lot2.statusCode).toBe(303);
    const lotsPage = await browser.get(step(reference, 'lots'));
    expect(lotsPage.body).toContain('Consultation allotie en 2 lots');
    const edit1 = await browser.post(`${step(reference, 'lots')}/1`, {
      title: 'Isolation thermique par l’extérieur',
      description: '',
      cpv_codes: '45321000-3',
      estimated_value: '1450000,50',
    });
    expect(edit1.statusCode).toBe(303);

    const clauses = await browser.post(step(reference, 'clauses'), {
      social_clause_insertion: 'on',
      reserved_contract: '',
      lot_2_reserved_contract: 'siae',
      lot_2_environmental_clause: 'on',
    });
    expect(clauses.statusCode).toBe(303);

    const criteria = await browser.post(step(reference, 'criteria'), {
      label_1: 'Prix',
      kind_1: 'price',
      weight_1: '60',
      label_2: 'Valeur technique',
      kind_2: 'quality',
      weight_2: '27,5',
      label_3: 'Performance environnementale',
      kind_3: 'environmental',
      weight_3: '12.5',
    });
    expect(criteria.statusCode).toBe(303);
    const lotCriteria = await browser.post(`${step(reference, 'criteria')}/lots/2`, {
      label_1: 'Prix',
      kind_1: 'price',
      weight_1: '40',
      label_2: 'Insertion',
      kind_2: 'social',
      weight_2: '60',
    });
    expect(lotCriteria.statusCode).toBe(303);

    const deadline = inDays(40);
    const questions = inDays(30);
    const deadlines = await browser.post(step(reference, 'deadlines'), {
      submission_date: deadline.date,
      submission_time: '12:00',
      questions_date: questions.date,
      questions_time: '17:00',
    });
    expect(deadlines.statusCode).toBe(303);
    expect(deadlines.headers.location).toBe(`${step(reference, 'contact')}?info=enregistre`);

    const contact = await browser.post(step(reference, 'contact'), {
      contact_name: 'Service de la commande publique',
      contact_email: 'marches@montreuil.example',
      contact_phone: '01 48 70 60 00',
      electronic_signature_required: 'on',
      max_file_size_mb: '200',
    });
    expect(contact.statusCode).toBe(303);
    expect(contact.headers.location).toBe(`${step(reference, 'resume')}?info=enregistre`);

    const tender = await tenderRow(reference);
    expect(tender).toMatchObject({
      social_clause_insertion: true,
      reserved_contract: null,
      contact_email: 'marches@montreuil.example',
      electronic_signature_required: true,
      backup_copy_allowed: false,
      max_file_size_bytes: 200 * 1024 * 1024,
    });
    expect(toParisInputs(tender.submission_deadline as Date)).toEqual({ date: deadline.date, time: '12:00' });
    const lots = await rt.db
      .selectFrom('lots')
      .selectAll()
      .where('tender_id', '=', tender.id)
      .orderBy('number')
      .execute();
    expect(lots.map((l) => [l.number, l.title, l.cpv_codes, l.reserved_contract, l.environmental_clause])).toEqual([
      [1, 'Isolation thermique par l’extérieur', ['45321000'], null, false],
      [2, 'Menuiseries extérieures', ['45421000'], 'siae', true],
    ]);
    const criteriaRows = await rt.db
      .selectFrom('award_criteria')
      .select(['lot_id', 'label', 'kind', 'weight_bp'])
      .where('tender_id', '=', tender.id)
      .orderBy('lot_id', 'desc')
      .orderBy('position')
      .execute();
    expect(criteriaRows.filter((c) => c.lot_id === null).map((c) => c.weight_bp)).toEqual([6000, 2750, 1250]);
    expect(criteriaRows.filter((c) => c.lot_id === lots[1]?.id).map((c) => [c.kind, c.weight_bp])).toEqual([
      ['price', 4000],
      ['social', 6000],
    ]);

    const audit = await rt.db
      .selectFrom('audit_events')
      .select(['action', 'before', 'after'])
      .where('subject_id', '=', tender.id)
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'tender.draft.created',
      'tender.draft.general_saved',
      'tender.draft.lot_added',
      'tender.draft.lot_updated',
      'tender.draft.clauses_saved',
      'tender.draft.criteria_saved',
      'tender.draft.criteria_saved',
      'tender.draft.deadlines_saved',
      'tender.draft.contact_saved',
    ]);
    expect(audit[1]?.before).toMatchObject({ cpv_codes: [] });
    expect(audit[1]?.after).toMatchObject({ cpv_codes: ['45000000', '45321000'] });

    const summary = await browser.get(step(reference, 'resume'));
    expect(summary.statusCode).toBe(200);
    expect(summary.body).toContain('45000000-7');
    expect(summary.body).toContain('Travaux de construction');
    expect(summary.body).toContain('27,5 %');
    expect(summary.body).toContain('(heure de Paris)');
    // only the documents are missing before publication
    expect(summary.body).toContain('Ajoutez au moins un document au dossier de consultation (DCE).');
    expect(summary.body).not.toContain('Fixez la date limite de remise des offres.');
    expect(summary.body).not.toContain('Indiquez le contact de la consultation');

    const manage = await browser.get(`/mon-espace/consultations/${reference}`);
    expect(manage.statusCode).toBe(200);
    expect(manage.body).toContain('Brouillon');
    expect(manage.body).toMatch(/Il reste (39|40) jours/);
    expect(manage.body).toContain(`/mon-espace/consultations/${reference}/publier`);
    expect(manage.body).toContain(`/mon-espace/consultations/${reference}/documents`);
    expect(manage.body).not.toContain(`/mon-espace/consultations/${reference}/rectificatif`);
  });

  it('refuses weights that do not add up to 100 %, shows the sum, and saves nothing', async () => {
    const browser = await signedIn(agent);
    const reference = await newDraft(browser);
    const res = await browser.post(step(reference, 'criteria'), {
      label_1: 'Prix',
      kind_1: 'price',
      weight_1: '60',
      label_2: 'Valeur technique',
      kind_2: 'quality',
      weight_2: '30',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('La somme des pondérations est de 90 % : elle doit être exactement de 100 %.');
    expect(res.body).toContain('value="Valeur technique"');
    const tender = await tenderRow(reference);
    const rows = await rt.db.selectFrom('award_criteria').select('id').where('tender_id', '=', tender.id).execute();
    expect(rows).toHaveLength(0);
    const saves = await rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', tender.id)
      .where('action', '=', 'tender.draft.criteria_saved')
      .execute();
    expect(saves).toHaveLength(0);
  });

  it('refuses unknown CPV codes and wrong check digits', async () => {
    const browser = await signedIn(agent);
    const reference = await newDraft(browser);
    const base = { title: 'Travaux', procedure_type: 'open', main_category: 'works' };
    const wrongDigit = await browser.post(step(reference, 'general'), { ...base, cpv_codes: '45000000-8' });
    expect(wrongDigit.statusCode).toBe(400);
    expect(wrongDigit.body).toContain('La clé de contrôle d’un des codes CPV est incorrecte');
    expect(wrongDigit.body).toContain('value="45000000-8"');
    const unknown = await browser.post(step(reference, 'general'), { ...base, cpv_codes: '45000000-7, 12345678' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('n’existe pas dans la nomenclature CPV 2008');
    const lot = await browser.post(step(reference, 'lots'), { title: 'Lot 2', cpv_codes: '99999999-9' });
    expect(lot.statusCode).toBe(400);
    const tender = await tenderRow(reference);
    expect(tender.cpv_codes).toEqual([]);
    expect(tender.title).toBe('Rénovation du groupe scolaire Jules-Ferry');
    const lots = await rt.db.selectFrom('lots').select('id').where('tender_id', '=', tender.id).execute();
    expect(lots).toHaveLength(1);
  });

  it('refuses past deadlines, a skipped DST hour, and questions after the submission deadline', async () => {
    const browser = await signedIn(agent);
    const reference = await newDraft(browser);
    const past = inDays(-1);
    const res = await browser.post(step(reference, 'deadlines'), {
      submission_date: past.date,
      submission_time: '12:00',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Cette date est déjà passée.');
    const spring = await browser.post(step(reference, 'deadlines'), {
      submission_date: '2099-03-29',
      submission_time: '02:30',
    });
    expect(spring.statusCode).toBe(400);
    expect(spring.body).toContain('Cette heure n’existe pas ce jour-là à Paris');
    const late = inDays(50);
    const order = await browser.post(step(reference, 'deadlines'), {
      submission_date: inDays(40).date,
      submission_time: '12:00',
      questions_date: late.date,
      questions_time: '12:00',
    });
    expect(order.statusCode).toBe(400);
    expect(order.body).toContain('La date limite des questions doit précéder celle des offres.');
    expect((await tenderRow(reference)).submission_deadline).toBeNull();
  });

  it('needs an acknowledged warning to keep a delay below the legal minimum', async () => {
    const browser = await signedIn(agent);
    const reference = await newDraft(browser);
    const short = inDays(20);
    const first = await browser.post(step(reference, 'deadlines'), {
      submission_date: short.date,
      submission_time: '12:00',
    });
    expect(first.statusCode).toBe(400);
    expect(first.body).toMatch(/Le délai de remise des offres est de (19|20) jours/);
    expect(first.body).toContain('minimum légal de 30 jours (articles R2161-2, R2161-3)');
    expect(first.body).toContain('name="acknowledge_delays"');
    expect((await tenderRow(reference)).submission_deadline).toBeNull();

    const acknowledged = await browser.post(step(reference, 'deadlines'), {
      submission_date: short.date,
      submission_time: '12:00',
      acknowledge_delays: 'on',
    });
    expect(acknowledged.statusCode).toBe(303);
    const tender = await tenderRow(reference);
    expect(tender.submission_deadline).not.toBeNull();
    const event = await rt.db
      .selectFrom('audit_events')
      .select('after')
      .where('subject_id', '=', tender.id)
      .where('action', '=', 'tender.draft.deadlines_saved')
      .executeTakeFirstOrThrow();
    expect(event.after).toMatchObject({
      acknowledgedDelayWarnings: [{ key: 'drafting.delay.offers_short', minimum: 30 }],
    });
    // the summary keeps showing the warning
    const summary = await browser.get(step(reference, 'resume'));
    expect(summary.body).toContain('sous le minimum légal de 30 jours');
  });

  it('requires a candidature deadline for a restricted procedure', async () => {
    const browser = await signedIn(agent);
    const reference = await newDraft(browser, 'Maîtrise d’œuvre', 'restricted');
    const res = await browser.post(step(reference, 'deadlines'), {
      submission_date: inDays(80).date,
      submission_time: '12:00',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('indiquez la date limite de remise des candidatures');
    const ok = await browser.post(step(reference, 'deadlines'), {
      candidature_date: inDays(35).date,
      candidature_time: '12:00',
      submission_date: inDays(80).date,
      submission_time: '12:00',
    });
    expect(ok.statusCode).toBe(303);
  });

  it('escapes HTML typed in the title', async () => {
    const browser = await signedIn(agent);
    const reference = await newDraft(browser, '<script>alert("x")</script> Travaux');
    const page = await browser.get(`/mon-espace/consultations/${reference}`);
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script> Travaux');
  });

  it('shows a published tender as locked, with the corrigendum link, and refuses changes', async () => {
    const browser = await signedIn(agent);
    const published = await createTender(rt, { buyerId: buyer.id, status: 'published' });
    const page = await browser.get(step(published.reference, 'general'));
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain(`/mon-espace/consultations/${published.reference}/rectificatif`);
    const post = await browser.post(
      step(published.reference, 'general'),
      { title: 'Changé', procedure_type: 'open', main_category: 'works' },
      { from: `/mon-espace/consultations/${published.reference}` },
    );
    expect(post.statusCode).toBe(409);
    expect((await tenderRow(published.reference)).title).not.toBe('Changé');
    const manage = await browser.get(`/mon-espace/consultations/${published.reference}`);
    expect(manage.body).toContain('En cours');
    expect(manage.body).toContain(`/mon-espace/consultations/${published.reference}/rectificatif`);
    expect(manage.body).toContain('(heure de Paris)');
  });
});

describe('who may draft', () => {
  const slugs = [
    'general',
    'lots',
    'lots/1',
    'clauses',
    'criteria',
    'criteria/lots/1',
    'deadlines',
    'contact',
    'resume',
  ];

  it('answers 404 to another buyer’s agent on every page and every form', async () => {
    const own = await createTender(rt, { buyerId: buyer.id, lots: 2 });
    const other = await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Bobigny' });
    const stranger = await createUser(rt, { memberships: [{ organisationId: other.id, role: 'buyer_admin' }] });
    const browser = await signedIn(stranger);
    expect((await browser.get(`/mon-espace/consultations/${own.reference}`)).statusCode).toBe(404);
    for (const slug of slugs) {
      expect((await browser.get(step(own.reference, slug))).statusCode, slug).toBe(404);
      const post = await browser.post(
        step(own.reference, slug),
        { title: 'Piraté', procedure_type: 'open', main_category: 'works' },
        { from: '/' },
      );
      expect(post.statusCode, slug).toBe(404);
    }
    const removal = await browser.post(`${step(own.reference, 'lots')}/2/supprimer`, {}, { from: '/' });
    expect(removal.statusCode).toBe(404);
    const tender = await tenderRow(own.reference);
    expect(tender.title).not.toBe('Piraté');
    const lots = await rt.db.selectFrom('lots').select('id').where('tender_id', '=', tender.id).execute();
    expect(lots).toHaveLength(2);
  });

  it('answers 403 to a company user on the creation page and 404 on a tender', async () => {
    const own = await createTender(rt, { buyerId: buyer.id });
    const company = await createOrganisation(rt, { kind: 'company' });
    const member = await createUser(rt, { memberships: [{ organisationId: company.id, role: 'company_admin' }] });
    const browser = await signedIn(member);
    expect((await browser.get('/mon-espace/consultations/nouvelle')).statusCode).toBe(403);
    const post = await browser.post(
      '/mon-espace/consultations/nouvelle',
      { title: 'x', procedure_type: 'open', main_category: 'works' },
      { from: '/' },
    );
    expect(post.statusCode).toBe(403);
    expect((await browser.get(step(own.reference, 'general'))).statusCode).toBe(404);
    expect((await browser.get(`/mon-espace/consultations/${own.reference}`)).statusCode).toBe(404);
  });

  it('sends anonymous visitors to sign in', async () => {
    const browser = new TestBrowser(app);
    const res = await browser.get('/mon-espace/consultations/nouvelle');
    expect(res.statusCode).toBe(303);
    expect(String(res.headers.location)).toContain('/connexion');
  });
});

describe('CPV search', () => {
  it('answers the public API with labels, by words or code', async () => {
    const isolation = await app.inject({ method: 'GET', url: '/api/v1/cpv?q=isolation' });
    expect(isolation.statusCode).toBe(200);
    const body = isolation.json() as {
      items: { code: string; codeWithCheckDigit: string; labelFr: string; labelEn: string }[];
    };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.length).toBeLessThanOrEqual(20);
    expect(body.items[0]).toEqual({
      code: '45320000',
      codeWithCheckDigit: '45320000-6',
      labelFr: "Travaux d'isolation",
      labelEn: 'Insulation work',
    });
    const byCode = await app.inject({ method: 'GET', url: '/api/v1/cpv?q=45210000' });
    expect(byCode.json()).toEqual({
      items: [
        {
          code: '45210000',
          codeWithCheckDigit: '45210000-2',
          labelFr: 'Travaux de construction de bâtiments',
          labelEn: 'Building construction work',
        },
      ],
    });
    const empty = await app.inject({ method: 'GET', url: '/api/v1/cpv?q=' });
    expect(empty.statusCode).toBe(400);
  });

  it('documents the endpoint in the OpenAPI document', async () => {
    const doc = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.body).toContain('/api/v1/cpv');
    expect(doc.body).toContain('CpvCode');
  });

  it('has a page that works without JavaScript', async () => {
    const res = await app.inject({ method: 'GET', url: '/cpv?q=b%C3%A2timent%20scolaire' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('45214200-2');
    expect(res.body).toContain('Travaux de construction de bâtiments scolaires');
  });
});
