import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSentToSignIn, TestBrowser } from '../../../../test/support/browser.js';
import { createOrganisation, createUser } from '../../../../test/support/factories.js';
import { createTestRuntime } from '../../../../test/support/runtime.js';
import { createTender } from '../../../../test/support/tenders.js';
import { buildServer } from '../../../app/server.js';
import { uuidv7 } from '../../../platform/ids.js';
import type { Runtime } from '../../../platform/runtime.js';
import { askQuestion } from './askQuestion.js';
import { findTenderByReference } from './repo.js';
import { identifiedRetrievers } from './retrievers.js';

const day = 24 * 3600 * 1000;
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

async function world() {
  const buyer = await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Montreuil' });
  const agent = await createUser(rt, {
    name: 'Agnès Acheteuse',
    memberships: [{ organisationId: buyer.id, role: 'buyer_agent' }],
  });
  const company = await createOrganisation(rt, { name: 'Bâtiments Durand' });
  const member = await createUser(rt, {
    name: 'Denis Durand',
    memberships: [{ organisationId: company.id, role: 'company_member' }],
  });
  const tender = await createTender(rt, { buyerId: buyer.id, status: 'published' });
  return { buyer, agent, company, member, tender };
}

async function signedIn(user: { email: string; password: string }) {
  const browser = new TestBrowser(app);
  await browser.signIn(user.email, user.password);
  return browser;
}

async function rowsOf(tenderId: string) {
  return rt.db.selectFrom('clarifications').selectAll().where('tender_id', '=', tenderId).orderBy('number').execute();
}

async function identifiedRetrieversOf(tenderId: string) {
  return identifiedRetrievers(rt.db, tenderId);
}

async function mailsTo(address: string) {
  return rt.db.selectFrom('outbox_mails').selectAll().where('to_address', '=', address).execute();
}

describe('asking a question', () => {
  it('numbers questions per tender, audits, mails the contact address and shows them to the company', async () => {
    const { tender, member, company } = await world();
    const browser = await signedIn(member);
    const questionsPage = `/consultations/${tender.reference}/questions`;
    const first = await browser.post(questionsPage, { question: 'Le lot 1 comprend-il la dépose de l’amiante ?' });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`/consultations/${tender.reference}?question-envoyee=1#questions`);
    const second = await browser.post(questionsPage, { question: 'Une visite du site est-elle obligatoire ?' });
    expect(second.statusCode).toBe(303);

    const rows = await rowsOf(tender.id);
    expect(rows.map((r) => r.number)).toEqual([1, 2]);
    expect(rows[0]).toMatchObject({ company_id: company.id, asked_by: member.id, answer: null });
    const audit = await rt.db
      .selectFrom('audit_events')
      .select(['action', 'organisation_id'])
      .where('subject_id', '=', rows[0]?.id ?? '')
      .execute();
    expect(audit).toEqual([{ action: 'tender.question_asked', organisation_id: company.id }]);
    const mails = (await mailsTo('marches@ville.example')).filter((m) => m.subject.includes(tender.reference));
    expect(mails.map((m) => m.template)).toEqual(['tender.question_asked', 'tender.question_asked']);
    expect(mails.map((m) => m.text_body).join()).toContain('Une visite du site est-elle obligatoire ?');

    const page = await browser.get(`${questionsPage}?question-envoyee=2`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Votre question n° 2 a été transmise');
    expect(page.body).toContain('Vos questions');
    expect(page.body).toContain('Le lot 1 comprend-il la dépose de l’amiante ?');
    expect(page.body).toContain('En attente de réponse');
  });

  it('escapes HTML typed into a question, and refuses a question too short with nothing written', async () => {
    const { tender, member } = await world();
    const browser = await signedIn(member);
    const url = `/consultations/${tender.reference}/questions`;
    const short = await browser.post(url, { question: 'Pourquoi?' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('La question doit contenir au moins 10 caractères.');
    expect(short.body).toContain('aria-invalid="true"');
    expect(await rowsOf(tender.id)).toHaveLength(0);

    await browser.post(url, { question: '<script>alert(1)</script> le CCTP est-il à jour ?' });
    const page = await browser.get(url);
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script> le CCTP est-il à jour ?');
    expect(page.body).not.toContain('<script>alert(1)');
  });

  it('refuses a question after the questions deadline with the date in Paris time, and writes nothing', async () => {
    const buyer = await createOrganisation(rt, { kind: 'buyer' });
    const company = await createOrganisation(rt);
    const member = await createUser(rt, { memberships: [{ organisationId: company.id, role: 'company_admin' }] });
    const tender = await createTender(rt, {
      buyerId: buyer.id,
      status: 'published',
      submissionDeadline: new Date(Date.now() + 5 * day),
      questionsDeadline: new Date('2026-03-29T00:30:00Z'),
    });
    const mailsBefore = await rt.db.selectFrom('outbox_mails').select('id').execute();
    const browser = await signedIn(member);
    const res = await browser.post(
      `/consultations/${tender.reference}/questions`,
      { question: 'Peut-on encore poser une question ?' },
      { from: '/mon-compte' },
    );
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain(
      'La date limite de remise des questions est dépassée depuis le 29 mars 2026 à 01:30 (heure de Paris).',
    );
    // the typed question is kept so it is not lost
    expect(res.body).toContain('Peut-on encore poser une question ?');
    expect(await rowsOf(tender.id)).toHaveLength(0);
    expect(await rt.db.selectFrom('outbox_mails').select('id').execute()).toHaveLength(mailsBefore.length);
    const audit = await rt.db
      .selectFrom('audit_events')
      .select('id')
      .where('actor_user_id', '=', member.id)
      .where('action', '=', 'tender.question_asked')
      .execute();
    expect(audit).toHaveLength(0);
  });

  it('sends anonymous visitors to sign in, gives buyers no form, and refuses their questions', async () => {
    const { tender, agent } = await world();
    const url = `/consultations/${tender.reference}/questions`;
    const anonymous = new TestBrowser(app);
    const page = await anonymous.get(url);
    expect(page.body).toContain('Connectez-vous avec le compte de votre entreprise pour poser une question');
    expect(page.body).not.toContain('name="question"');
    const post = await anonymous.post(url, { question: 'Une question sans compte ?' }, { from: '/connexion' });
    expect(isSentToSignIn(post)).toBe(true);

    const buyer = await signedIn(agent);
    const buyerPage = await buyer.get(url);
    expect(buyerPage.body).not.toContain('name="question"');
    expect(buyerPage.body).toContain('Répondre aux questions');
    const refused = await buyer.post(url, { question: 'Une question de l’acheteur ?' }, { from: '/mon-compte' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Seul le membre d’une entreprise peut poser une question');
    expect(await rowsOf(tender.id)).toHaveLength(0);
  });

  it('gives distinct numbers to questions asked at the same instant', async () => {
    const { tender, member, company } = await world();
    const ref = await findTenderByReference(rt.db, tender.reference);
    if (!ref) throw new Error('tender not found');
    const principal = {
      kind: 'session' as const,
      sessionId: 'test',
      user: { id: member.id, email: member.email, name: 'Denis Durand', emailVerified: true },
      memberships: [
        {
          organisationId: company.id,
          organisationName: company.name,
          organisationKind: 'company' as const,
          role: 'company_member' as const,
        },
      ],
      activeOrganisationId: company.id,
    };
    const asked = await Promise.all(
      ['Première question simultanée ?', 'Seconde question simultanée ?'].map((question) =>
        askQuestion(rt, principal, ref, { question }),
      ),
    );
    expect(asked.map((a) => a.number).sort()).toEqual([1, 2]);
    expect((await rowsOf(tender.id)).map((r) => r.number)).toEqual([1, 2]);
  });

  it('answers 404 for a draft tender', async () => {
    const { buyer, member } = await world();
    const draft = await createTender(rt, { buyerId: buyer.id, status: 'draft' });
    const browser = await signedIn(member);
    expect((await browser.get(`/consultations/${draft.reference}/questions`)).statusCode).toBe(404);
    const post = await browser.post(
      `/consultations/${draft.reference}/questions`,
      { question: 'Une question sur un brouillon ?' },
      { from: '/mon-compte' },
    );
    expect(post.statusCode).toBe(404);
    expect(await rowsOf(draft.id)).toHaveLength(0);
  });
});

describe('answering', () => {
  it('publishes the answer without the company, mails every identified retriever and the asker, and is final', async () => {
    const { tender, agent, member, company } = await world();
    const rival = await createOrganisation(rt, { name: 'Couvertures Lefèvre' });
    const retriever = await createUser(rt, {
      name: 'Rémi Lefèvre',
      memberships: [{ organisationId: rival.id, role: 'company_member' }],
    });
    await rt.db
      .insertInto('retrievals')
      .values([
        { id: uuidv7(), tender_id: tender.id, dce_version: 1, user_id: retriever.id, organisation_id: rival.id },
        { id: uuidv7(), tender_id: tender.id, dce_version: 1, user_id: member.id, organisation_id: company.id },
        { id: uuidv7(), tender_id: tender.id, dce_version: 1, user_id: null, organisation_id: null },
      ])
      .execute();
    const asker = await signedIn(member);
    await asker.post(`/consultations/${tender.reference}/questions`, {
      question: 'Quelle est la surface exacte de la toiture ?',
    });

    const buyer = await signedIn(agent);
    const list = await buyer.get(`/mon-espace/consultations/${tender.reference}/questions`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Bâtiments Durand');
    expect(list.body).toContain('Denis Durand');
    const answered = await buyer.post(`/mon-espace/consultations/${tender.reference}/questions/1/reponse`, {
      'reponse-1': 'La toiture mesure 1 250 m², voir le plan n° 4.',
    });
    expect(answered.statusCode).toBe(303);
    expect(answered.headers.location).toContain('publiee=1&envois=2');
    const [row] = await rowsOf(tender.id);
    expect(row).toMatchObject({ answer: 'La toiture mesure 1 250 m², voir le plan n° 4.', answered_by: agent.id });
    expect(row?.answered_at).toBeInstanceOf(Date);

    for (const to of [retriever.email, member.email]) {
      const mails = await mailsTo(to);
      expect(mails).toHaveLength(1);
      const mail = mails[0];
      expect(mail?.template).toBe('tenders.answer_published');
      expect(mail?.text_body).toContain('Quelle est la surface exacte de la toiture ?');
      expect(mail?.text_body).toContain('La toiture mesure 1 250 m²');
      expect(mail?.text_body).toContain(`/consultations/${tender.reference}`);
      expect(mail?.text_body).not.toContain('Bâtiments Durand');
      expect(mail?.html_body).not.toContain('Bâtiments Durand');
    }
    // competitors never learn who asked
    const [rivalMail] = await mailsTo(retriever.email);
    expect(rivalMail?.text_body).not.toContain('Denis Durand');
    expect(rivalMail?.html_body).not.toContain('Denis Durand');
    const audit = await rt.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id'])
      .where('subject_id', '=', row?.id ?? '')
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['tender.question_asked', 'tender.question_answered']);

    const visitor = new TestBrowser(app);
    const publicPage = await visitor.get(`/consultations/${tender.reference}/questions`);
    expect(publicPage.body).toContain('Quelle est la surface exacte de la toiture ?');
    expect(publicPage.body).toContain('La toiture mesure 1 250 m², voir le plan n° 4.');
    expect(publicPage.body).not.toContain('Bâtiments Durand');
    expect(publicPage.body).not.toContain('Denis Durand');
    expect(publicPage.body).not.toContain(member.email);
    // the notice page carries the same section
    const notice = await visitor.get(`/consultations/${tender.reference}`);
    expect(notice.statusCode).toBe(200);
    expect(notice.body).toContain('id="question-1"');
    expect(notice.body).toContain('La toiture mesure 1 250 m², voir le plan n° 4.');
    expect(notice.body).not.toContain('Bâtiments Durand');
    expect(notice.body).not.toContain('Denis Durand');
    const askerNotice = await asker.get(`/consultations/${tender.reference}?question-envoyee=1`);
    expect(askerNotice.body).toContain('Votre question n° 1 a été transmise');
    expect(askerNotice.body).toContain('Répondue le');

    const again = await buyer.post(`/mon-espace/consultations/${tender.reference}/questions/1/reponse`, {
      'reponse-1': 'Correction : 1 300 m².',
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('ne peut plus être modifiée');
    expect((await rowsOf(tender.id))[0]?.answer).toBe('La toiture mesure 1 250 m², voir le plan n° 4.');
    expect(await mailsTo(retriever.email)).toHaveLength(1);
  });

  it('refuses an empty answer next to its field', async () => {
    const { tender, agent, member } = await world();
    await (await signedIn(member)).post(`/consultations/${tender.reference}/questions`, {
      question: 'Les variantes sont-elles autorisées ?',
    });
    const buyer = await signedIn(agent);
    const res = await buyer.post(`/mon-espace/consultations/${tender.reference}/questions/1/reponse`, {
      'reponse-1': '   ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Saisissez la réponse.');
    expect(res.body).toContain('href="#champ-reponse-1"');
    expect((await rowsOf(tender.id))[0]?.answered_at).toBeNull();
  });

  it('hides the questions and registers of a tender from another buyer, companies and visitors', async () => {
    const { tender, member } = await world();
    const otherBuyer = await createOrganisation(rt, { kind: 'buyer' });
    const otherAgent = await createUser(rt, { memberships: [{ organisationId: otherBuyer.id, role: 'buyer_admin' }] });
    await (await signedIn(member)).post(`/consultations/${tender.reference}/questions`, {
      question: 'Question confidentielle de Durand ?',
    });
    const base = `/mon-espace/consultations/${tender.reference}`;
    const urls = [
      `${base}/questions`,
      `${base}/registres`,
      `${base}/registres/retraits.csv`,
      `${base}/registres/questions.csv`,
      `${base}/registres/retraits.xlsx`,
      `${base}/registres/questions.xlsx`,
    ];
    for (const user of [otherAgent, member]) {
      const browser = await signedIn(user);
      for (const url of urls) {
        const res = await browser.get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.body).not.toContain('Question confidentielle');
      }
      const post = await browser.post(
        `${base}/questions/1/reponse`,
        { 'reponse-1': 'Réponse pirate' },
        { from: '/mon-compte' },
      );
      expect(post.statusCode).toBe(404);
    }
    const visitor = new TestBrowser(app);
    for (const url of urls) expect(isSentToSignIn(await visitor.get(url))).toBe(true);
    expect((await rowsOf(tender.id))[0]?.answer).toBeNull();
  });
});

async function addDocument(tenderId: string, fileName: string) {
  const blobId = uuidv7();
  const sha = createHash('sha256').update(fileName).digest('hex');
  await rt.db
    .insertInto('blobs')
    .values({ id: blobId, storage_key: `test/${blobId}`, size_bytes: 10, sha256: sha })
    .execute();
  const id = uuidv7();
  await rt.db
    .insertInto('tender_documents')
    .values({
      id,
      tender_id: tenderId,
      blob_id: blobId,
      file_name: fileName,
      document_type: 'rc',
      size_bytes: 10,
      sha256: sha,
    })
    .execute();
  return id;
}

describe('registers', () => {
  async function registerWorld() {
    const { tender, agent, company, member } = await world();
    const tricky = await createOrganisation(rt, { name: '=HYPERLINK("http://evil","clic")' });
    const trickyUser = await createUser(rt, {
      name: 'Zoé "la rusée", Martin',
      memberships: [{ organisationId: tricky.id, role: 'company_admin' }],
    });
    const rc = await addDocument(tender.id, 'RC.pdf');
    await rt.db
      .insertInto('retrievals')
      .values([
        {
          id: uuidv7(),
          tender_id: tender.id,
          dce_version: 1,
          document_id: rc,
          user_id: member.id,
          organisation_id: company.id,
          retrieved_at: new Date('2026-06-01T08:00:00Z'),
        },
        {
          id: uuidv7(),
          tender_id: tender.id,
          dce_version: 1,
          document_id: null,
          user_id: trickyUser.id,
          organisation_id: tricky.id,
          retrieved_at: new Date('2026-06-02T08:00:00Z'),
        },
        ...[1, 1, 1, 2].map((version) => ({
          id: uuidv7(),
          tender_id: tender.id,
          dce_version: version,
          document_id: null,
          user_id: null,
          organisation_id: null,
        })),
      ])
      .execute();
    await (await signedIn(member)).post(`/consultations/${tender.reference}/questions`, {
      question: 'Prix "ferme", ou révisable ?\nMerci.',
    });
    return { tender, agent, company, member, tricky };
  }

  it('lists identified downloads with the company and person, and anonymous ones only as totals', async () => {
    const { tender, agent, company, member } = await registerWorld();
    const buyer = await signedIn(agent);
    const res = await buyer.get(`/mon-espace/consultations/${tender.reference}/registres`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Bâtiments Durand');
    expect(res.body).toContain(company.siret);
    expect(res.body).toContain('Denis Durand');
    expect(res.body).toContain(member.email);
    expect(res.body).toContain('RC.pdf');
    expect(res.body).toContain('dossier complet (ZIP)');
    expect(res.body).toContain('1 juin 2026 à 10:00');
    // anonymous downloads: two lines of totals (3 for version 1, 1 for version 2), no identified row for them
    const anonymousTable = res.body.slice(res.body.indexOf('Téléchargements sans compte'));
    expect(anonymousTable).toMatch(/<th scope="row">1<\/th><td>3<\/td>/);
    expect(anonymousTable).toMatch(/<th scope="row">2<\/th><td>1<\/td>/);
    const identifiedRows = res.body.slice(0, res.body.indexOf('Téléchargements anonymes')).match(/<tr>/g) ?? [];
    expect(identifiedRows).toHaveLength(3); // header + two identified downloads
    expect(res.body).toContain('Registre des questions');
    expect(res.body).toContain('Disponible avec le dépôt électronique des offres.');
  });

  it('records real downloads: a signed-in company by name, a visitor only in the totals', async () => {
    const { tender, agent, member } = await world();
    const stored = await rt.blobs.put(Readable.from([Buffer.from('Règlement de la consultation\n')]));
    const blobId = uuidv7();
    await rt.db
      .insertInto('blobs')
      .values({ id: blobId, storage_key: stored.key, size_bytes: stored.sizeBytes, sha256: stored.sha256 })
      .execute();
    const documentId = uuidv7();
    await rt.db
      .insertInto('tender_documents')
      .values({
        id: documentId,
        tender_id: tender.id,
        blob_id: blobId,
        file_name: 'Règlement.pdf',
        document_type: 'rc',
        size_bytes: stored.sizeBytes,
        sha256: stored.sha256,
      })
      .execute();
    const company = await signedIn(member);
    expect((await company.get(`/consultations/${tender.reference}/documents/${documentId}`)).statusCode).toBe(200);
    const visitor = new TestBrowser(app);
    expect((await visitor.get(`/consultations/${tender.reference}/dce.zip`)).statusCode).toBe(200);

    const buyer = await signedIn(agent);
    const res = await buyer.get(`/mon-espace/consultations/${tender.reference}/registres`);
    const identified = res.body.slice(
      res.body.indexOf('registre-retraits'),
      res.body.indexOf('Téléchargements anonymes'),
    );
    expect(identified).toContain('Bâtiments Durand');
    expect(identified).toContain('Denis Durand');
    expect(identified).toContain('Règlement.pdf');
    expect(identified.match(/<tr>/g)).toHaveLength(2); // header + the company's download
    expect(res.body).toMatch(/<th scope="row">1<\/th><td>1<\/td>/);
    expect((await identifiedRetrieversOf(tender.id)).map((r) => r.userId)).toEqual([member.id]);
  });

  it('exports CSV with BOM, RFC 4180 quoting and formulas defused', async () => {
    const { tender, agent, company, member } = await registerWorld();
    const buyer = await signedIn(agent);
    const res = await buyer.get(`/mon-espace/consultations/${tender.reference}/registres/retraits.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="retraits-${tender.reference}.csv"`);
    const body = res.rawPayload.toString('utf8');
    expect(
      body.startsWith(
        '\uFEFFDate et heure (Paris),Entreprise,SIRET,Personne,Courriel,Version du DCE,Document,Téléchargements\r\n',
      ),
    ).toBe(true);
    const lines = body.slice(1).split('\r\n');
    expect(lines[1]?.startsWith('2026-06-02 10:00:00,')).toBe(true);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"",""clic"")"`);
    expect(lines[1]).toContain('"Zoé ""la rusée"", Martin"');
    expect(lines[1]).toContain('dossier complet (ZIP),1');
    expect(lines[2]).toBe(
      `2026-06-01 10:00:00,Bâtiments Durand,${company.siret},Denis Durand,${member.email},1,RC.pdf,1`,
    );
    expect(lines).toContain(',"anonymes (total, version 1)",,,,1,,3');
    expect(lines).toContain(',"anonymes (total, version 2)",,,,2,,1');
    expect(lines.at(-1)).toBe('');

    const questions = await buyer.get(`/mon-espace/consultations/${tender.reference}/registres/questions.csv`);
    const text = questions.rawPayload.toString('utf8');
    expect(text).toContain('"Prix ""ferme"", ou révisable ?\nMerci."');
    expect(text).toContain(',Sans réponse\r\n');
  });

  it('exports XLSX that opens back with the same rows', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const { tender, agent, company } = await registerWorld();
    const buyer = await signedIn(agent);
    const res = await buyer.get(`/mon-espace/consultations/${tender.reference}/registres/retraits.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Retraits');
    if (!sheet) throw new Error('no Retraits sheet');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([
      'Date et heure (Paris)',
      'Entreprise',
      'SIRET',
      'Personne',
      'Courriel',
      'Version du DCE',
      'Document',
      'Téléchargements',
    ]);
    // a formula-looking company name stays plain text in a spreadsheet cell
    expect(values(2)[1]).toBe('=HYPERLINK("http://evil","clic")');
    expect(sheet.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(values(3)).toEqual([
      '2026-06-01 10:00:00',
      'Bâtiments Durand',
      company.siret,
      'Denis Durand',
      expect.any(String),
      1,
      'RC.pdf',
      1,
    ]);
    expect(values(4)).toEqual([
      undefined,
      'anonymes (total, version 1)',
      undefined,
      undefined,
      undefined,
      1,
      undefined,
      3,
    ]);
    expect(sheet.rowCount).toBe(5);

    const questions = await buyer.get(`/mon-espace/consultations/${tender.reference}/registres/questions.xlsx`);
    const qBook = new ExcelJS.Workbook();
    await qBook.xlsx.load(questions.rawPayload as unknown as ArrayBuffer);
    const qSheet = qBook.getWorksheet('Questions');
    if (!qSheet) throw new Error('no Questions sheet');
    expect((qSheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      1,
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      'Bâtiments Durand',
      company.siret,
      'Denis Durand',
      'Prix "ferme", ou révisable ?\nMerci.',
      'Sans réponse',
    ]);
  });
});
