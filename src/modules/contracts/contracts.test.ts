import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailsTo } from '../../../test/support/mails.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { postFile } from '../../../test/support/submissions.js';
import { buildServer } from '../../app/server.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { signedInAs } from '../tenders/publication/testFixtures.js';
import { addModification } from './addModification.js';
import { createContractFromAward } from './createFromAward.js';
import { declareSubcontract } from './declareSubcontract.js';
import { notifyContract } from './notifyContract.js';
import { contractsDueForReminder, sendEndReminders } from './sendEndReminders.js';
import { awardedLot, completeData, contractOfAward, readyContract, recordAward } from './testFixtures.js';
import { jsonSchemaErrors, xsdErrors } from './testSchemas.js';
import { updateContractData } from './updateContractData.js';

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

const decpRows = (contractId: string) =>
  rt.db.selectFrom('decp_records').selectAll().where('contract_id', '=', contractId).orderBy('sequence').execute();
/** The messages of the (tender, company) thread, with their attachments' names. */
async function threadMessages(tenderId: string, companyId: string) {
  const messages = await rt.db
    .selectFrom('messages as m')
    .innerJoin('message_threads as th', 'th.id', 'm.thread_id')
    .select(['m.id', 'm.category', 'm.subject', 'm.body', 'm.sender_side'])
    .where('th.tender_id', '=', tenderId)
    .where('th.company_id', '=', companyId)
    .execute();
  const files = await rt.db
    .selectFrom('message_attachments')
    .select(['message_id', 'file_name'])
    .where('message_id', 'in', messages.length ? messages.map((m) => m.id) : ['00000000-0000-0000-0000-000000000000'])
    .execute();
  return messages.map((m) => ({ ...m, files: files.filter((f) => f.message_id === m.id).map((f) => f.file_name) }));
}
const contractRow = (id: string) =>
  rt.db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('contract from the lot.awarded event', () => {
  it('creates one contract awaiting notification, whatever the number of deliveries', async () => {
    const lot = await awardedLot(rt, {
      consortium: { lead: 'Bâtiment Durable SAS', members: [{ name: 'Charpentes Réunies', siret: null }] },
    });
    await recordAward(rt, lot.payload);
    // the same event recorded and dispatched again, and the subscriber called twice on one event
    await recordAward(rt, lot.payload);
    await rt.db.transaction().execute(async (trx) => {
      const again = await createContractFromAward(trx, {
        id: 'x',
        type: 'lot.awarded',
        aggregateId: lot.payload.id,
        payload: lot.payload as unknown as Record<string, unknown>,
        occurredAt: new Date(),
      });
      expect(again.created).toBe(false);
    });
    const rows = await rt.db.selectFrom('contracts').selectAll().where('award_id', '=', lot.payload.id).execute();
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row?.status).toBe('awaiting_notification');
    expect(row?.buyer_id).toBe(lot.buyer.id);
    expect(row?.company_id).toBe(lot.company.id);
    expect(Number(row?.amount_cents)).toBe(125_000_050);
    expect(row?.procedure).toBe("Appel d'offres ouvert");
    expect(row?.place_code).toBe('93');
    expect(row?.grouping_type).toBe('Conjoint');
    expect(row?.contractors).toEqual([
      { name: lot.company.name, siret: lot.company.siret },
      { name: 'Charpentes Réunies', siret: null },
    ]);
    expect(row?.decp_id).toMatch(/^HA\d{4}\d{8}$/);
    const audit = await rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', row?.id ?? '')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['contract.created']);
  });
});

describe('notification', () => {
  it('is refused before the end of the standstill period, and nothing changes', async () => {
    const ready = await readyContract(rt, { standstillEndsAt: new Date(Date.now() + 3 * 86_400_000) });
    const actor = { userId: ready.agent.id, buyerId: ready.buyer.id };
    const error = await refusal(notifyContract(rt, actor, ready.contractId));
    expect(error.code).toBe('conflict');
    expect(error.messageKey).toBe('contracts.error.standstill');
    expect((await contractRow(ready.contractId)).status).toBe('awaiting_notification');
    expect(await decpRows(ready.contractId)).toHaveLength(0);
    expect(await threadMessages(ready.tender.id, ready.company.id)).toEqual([]);
    // the page says why, with the date
    const { browser } = await signedInAs(rt, app, 'buyer_agent', ready.buyer);
    const res = await browser.post(
      `/mon-espace/contrats/${ready.contractId}/notifier`,
      {},
      { from: `/mon-espace/contrats/${ready.contractId}` },
    );
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('ne peut pas être notifié avant la fin du délai de suspension');
  });

  it('is refused while mandatory DECP data or the signed document are missing: every field named, nothing written', async () => {
    const lot = await awardedLot(rt, { offerAmountCents: null });
    await recordAward(rt, lot.payload);
    const contractId = await contractOfAward(rt, lot.payload.id);
    const actor = { userId: lot.agent.id, buyerId: lot.buyer.id };
    const before = await contractRow(contractId);
    const error = await refusal(notifyContract(rt, actor, contractId));
    expect(error.code).toBe('validation');
    const fields = error.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['file', 'amount', 'price_types', 'price_form']));
    const after = await contractRow(contractId);
    expect(after.status).toBe('awaiting_notification');
    expect(after.notification_date).toBeNull();
    expect(after.updated_at).toEqual(before.updated_at);
    expect(await decpRows(contractId)).toHaveLength(0);
    const audits = await rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', contractId)
      .execute();
    expect(audits.map((a) => a.action)).not.toContain('contract.notified');

    // on the page: the French messages, next to the fields of the data form
    const { browser } = await signedInAs(rt, app, 'buyer_agent', lot.buyer);
    const res = await browser.post(
      `/mon-espace/contrats/${contractId}/notifier`,
      {},
      { from: `/mon-espace/contrats/${contractId}` },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Données essentielles : le montant HT est obligatoire (au moins 1 €).');
    expect(res.body).toContain('Déposez le contrat signé avant de le notifier.');
    expect(res.body).toContain('href="#champ-amount"');
  });

  it('notifies after the standstill: status, initial DECP record, audit and event in one go', async () => {
    const ready = await readyContract(rt);
    const actor = { userId: ready.agent.id, buyerId: ready.buyer.id };
    await notifyContract(rt, actor, ready.contractId);
    const row = await contractRow(ready.contractId);
    expect(row.status).toBe('notified');
    expect(row.notification_date).not.toBeNull();
    expect(row.start_date).toBe(row.notification_date);
    const records = await decpRows(ready.contractId);
    expect(records.map((r) => [r.sequence, r.kind])).toEqual([[0, 'initial']]);
    const record = records[0]?.record as Record<string, unknown>;
    expect(record.id).toBe(row.decp_id);
    expect(record.montant).toBe(1_250_000.5);
    expect(record.dateNotification).toBe(row.notification_date);
    expect(record.titulaires).toEqual([{ titulaire: { typeIdentifiant: 'SIRET', id: ready.company.siret } }]);
    const events = await rt.db
      .selectFrom('domain_events')
      .select('type')
      .where('aggregate_id', '=', ready.contractId)
      .execute();
    expect(events.map((e) => e.type)).toContain('contract.notified');
    // the winner received the notification through messaging, with the signed contract
    const messages = await threadMessages(ready.tender.id, ready.company.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      category: 'contract_notification',
      sender_side: 'buyer',
      files: ['Contrat signé.pdf'],
    });
    expect(messages[0]?.subject).toContain(row.decp_id);
    expect(messages[0]?.body).toContain(`/mon-espace/marches/${ready.contractId}`);
    expect(messages[0]?.body).toMatch(/1\s250\s000,50\s€ HT/);
    // notified once: a second notification is refused
    expect((await refusal(notifyContract(rt, actor, ready.contractId))).code).toBe('conflict');
    // and the data can no longer be edited
    expect((await refusal(updateContractData(rt, actor, ready.contractId, completeData()))).code).toBe('conflict');
  });
});

describe('execution: modifications, subcontracting, insertion hours', () => {
  it('republishes the DECP record at each modification and act, the initial data unchanged', async () => {
    const ready = await readyContract(rt);
    const actor = { userId: ready.agent.id, buyerId: ready.buyer.id };
    await notifyContract(rt, actor, ready.contractId);
    const start = (await contractRow(ready.contractId)).start_date as string;
    const { number } = await addModification(rt, actor, ready.contractId, {
      modification_object: 'Travaux supplémentaires de désamiantage',
      new_amount: 130_000_000,
      new_end_date: `${Number(start.slice(0, 4)) + 2}-06-30`,
      modification_notified_on: start,
    });
    expect(number).toBe(1);
    await declareSubcontract(rt, actor, ready.contractId, {
      siret: '44306184100047',
      subcontractor_name: 'Désamiantage Francilien',
      subcontract_amount: 2_000_000,
      direct_payment: true,
      subcontract_duration: 6,
      price_variation: 'Ferme',
      subcontract_notified_on: start,
    });
    const records = await decpRows(ready.contractId);
    expect(records.map((r) => [r.sequence, r.kind])).toEqual([
      [0, 'initial'],
      [1, 'modification'],
      [2, 'subcontracting'],
    ]);
    const last = records[2]?.record as Record<string, unknown>;
    expect(last.montant).toBe(1_250_000.5);
    expect(last.modifications).toEqual([
      {
        modification: expect.objectContaining({ id: 1, montant: 1_300_000, dateNotificationModification: start }),
      },
    ]);
    expect(last.actesSousTraitance).toEqual([
      { acteSousTraitance: expect.objectContaining({ id: 1, montant: 20_000, variationPrix: 'Ferme' }) },
    ]);
    expect((await contractRow(ready.contractId)).ends_on).toBe(`${Number(start.slice(0, 4)) + 2}-06-30`);
  });

  it('refuses a modification before notification or ending before the start, and writes nothing', async () => {
    const ready = await readyContract(rt);
    const actor = { userId: ready.agent.id, buyerId: ready.buyer.id };
    const input = {
      modification_object: 'Avenant',
      new_amount: 130_000_000,
      new_end_date: '2020-01-01',
      modification_notified_on: '2099-01-01',
    };
    expect((await refusal(addModification(rt, actor, ready.contractId, input))).messageKey).toBe(
      'contracts.error.not_running',
    );
    await notifyContract(rt, actor, ready.contractId);
    const error = await refusal(addModification(rt, actor, ready.contractId, input));
    expect(error.fields).toEqual([{ field: 'new_end_date', message: 'contracts.error.new_end_date' }]);
    expect(
      await rt.db
        .selectFrom('contract_modifications')
        .selectAll()
        .where('contract_id', '=', ready.contractId)
        .execute(),
    ).toHaveLength(0);
    expect(await decpRows(ready.contractId)).toHaveLength(1);
    // another buyer's agent cannot modify it (404)
    const stranger = await awardedLot(rt);
    const foreign = await refusal(
      addModification(rt, { userId: stranger.agent.id, buyerId: stranger.buyer.id }, ready.contractId, {
        ...input,
        new_end_date: null,
      }),
    );
    expect(foreign.code).toBe('not_found');
  });

  it('refuses a subcontractor with a bad SIRET on the page, in French, and writes nothing', async () => {
    const ready = await readyContract(rt);
    await notifyContract(rt, { userId: ready.agent.id, buyerId: ready.buyer.id }, ready.contractId);
    const { browser } = await signedInAs(rt, app, 'buyer_agent', ready.buyer);
    const page = `/mon-espace/contrats/${ready.contractId}`;
    const res = await browser.post(
      `${page}/sous-traitance`,
      {
        siret: '44306184100048',
        subcontractor_name: 'Désamiantage Francilien',
        subcontract_amount: '20 000',
        direct_payment: 'oui',
        subcontract_duration: '6',
        price_variation: 'Ferme',
        subcontract_notified_on: '2030-01-01',
      },
      { from: page },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Ce SIRET n’est pas valide');
    expect(res.body).toContain('value="Désamiantage Francilien"');
    expect(
      await rt.db.selectFrom('contract_subcontracts').selectAll().where('contract_id', '=', ready.contractId).execute(),
    ).toHaveLength(0);
    expect(await decpRows(ready.contractId)).toHaveLength(1);
  });

  it('follows the insertion hours per quarter with a table and a chart', async () => {
    const ready = await readyContract(rt);
    await notifyContract(rt, { userId: ready.agent.id, buyerId: ready.buyer.id }, ready.contractId);
    const { browser } = await signedInAs(rt, app, 'buyer_agent', ready.buyer);
    const page = `/mon-espace/contrats/${ready.contractId}`;
    expect(
      (
        await browser.post(
          `${page}/insertion`,
          { period: '2027-T1', hours_planned: '400', hours_done: '300' },
          { from: page },
        )
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await browser.post(
          `${page}/insertion`,
          { period: '2027-t2', hours_planned: '400', hours_done: '500' },
          { from: page },
        )
      ).statusCode,
    ).toBe(303);
    // a period reported again is corrected
    expect(
      (
        await browser.post(
          `${page}/insertion`,
          { period: '2027-T1', hours_planned: '400', hours_done: '350' },
          { from: page },
        )
      ).statusCode,
    ).toBe(303);
    const bad = await browser.post(
      `${page}/insertion`,
      { period: '2027-T5', hours_planned: 'dix', hours_done: '1' },
      { from: page },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Indiquez un trimestre sous la forme 2026-T1.');
    expect(bad.body).toContain('Indiquez un nombre entier d’heures.');
    const html = (await browser.get(page)).body;
    expect(html).toContain('<caption>Heures d’insertion par trimestre</caption>');
    expect(html).toMatch(/<th scope="row">Total<\/th><td>800<\/td><td>850<\/td>/);
    expect(html).toContain('Réalisation : 106 % des heures prévues.');
    expect(html).toContain('<svg role="img" aria-label="Graphique : heures prévues et réalisées par trimestre"');
  });
});

describe('DECP publication', () => {
  it('is append-only: the database refuses to update or delete a published record', async () => {
    const ready = await readyContract(rt);
    await notifyContract(rt, { userId: ready.agent.id, buyerId: ready.buyer.id }, ready.contractId);
    const [record] = await decpRows(ready.contractId);
    await expect(
      rt.db
        .updateTable('decp_records')
        .set({ kind: 'modification' })
        .where('id', '=', record?.id ?? '')
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      rt.db
        .deleteFrom('decp_records')
        .where('id', '=', record?.id ?? '')
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE decp_records`.execute(rt.db)).rejects.toThrow(/append-only/);
    expect(await decpRows(ready.contractId)).toHaveLength(1);
  });

  it('exports every published record as JSON valid against the official schema and XML valid against the XSD', async () => {
    const ready = await readyContract(rt);
    const actor = { userId: ready.agent.id, buyerId: ready.buyer.id };
    await notifyContract(rt, actor, ready.contractId);
    const start = (await contractRow(ready.contractId)).start_date as string;
    await addModification(rt, actor, ready.contractId, {
      modification_object: 'Prolongation',
      new_amount: null,
      new_end_date: `${Number(start.slice(0, 4)) + 3}-01-31`,
      modification_notified_on: start,
    });
    const json = await app.inject({ url: '/api/v1/decp.json' });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toContain('application/json');
    const document = json.json() as { marches: { marche: Record<string, unknown>[] } };
    expect(document.marches.marche.length).toBeGreaterThanOrEqual(2);
    expect(jsonSchemaErrors(document)).toEqual([]);
    const xml = await app.inject({ url: '/api/v1/decp.xml' });
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toContain('application/xml');
    expect(await xsdErrors(xml.body)).toEqual([]);
    const decpId = (await contractRow(ready.contractId)).decp_id;
    expect(xml.body).toContain(`<id>${decpId}</id>`);
    const ours = document.marches.marche.filter((m) => m.id === decpId);
    expect(ours.map((m) => Array.isArray(m.modifications))).toEqual([false, true]);

    // the check can fail: the same export with a mandatory property removed is invalid
    const mutated = structuredClone(document);
    delete (mutated.marches.marche[0] as Record<string, unknown>).montant;
    expect(jsonSchemaErrors(mutated).join(' ')).toContain('montant');
    expect((await xsdErrors(xml.body.replace(/<montant>[^<]*<\/montant>/, ''))).length).toBeGreaterThan(0);
  });

  it('documents both exports in the OpenAPI document, public', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/v1/decp.json'].get.security).toEqual([]);
    expect(doc.paths['/api/v1/decp.xml'].get.responses['200'].content['application/xml']).toBeDefined();
  });
});

describe('pages and tenants', () => {
  it('shows the buyer its contracts, and another buyer or a company gets a 404', async () => {
    const ready = await readyContract(rt);
    const page = `/mon-espace/contrats/${ready.contractId}`;
    const { browser } = await signedInAs(rt, app, 'buyer_agent', ready.buyer);
    const list = await browser.get('/mon-espace/contrats');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="${page}"`);
    const own = await browser.get(page);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Notifier le contrat au titulaire');
    expect(own.body).toContain('<legend>Type de prix</legend>');

    const other = await signedInAs(rt, app, 'buyer_agent');
    expect((await other.browser.get(page)).statusCode).toBe(404);
    expect((await other.browser.get(`${page}/document`)).statusCode).toBe(404);
    expect((await other.browser.get('/mon-espace/contrats')).body).not.toContain(page);
    const post = await other.browser.post(`${page}/notifier`, {}, { from: '/mon-espace/contrats' });
    expect(post.statusCode).toBe(404);
    expect((await contractRow(ready.contractId)).status).toBe('awaiting_notification');

    // the winning company sees nothing before notification, then its contract read-only
    const company = await signedInAs(rt, app, 'company_member', ready.company);
    expect((await company.browser.get(`/mon-espace/marches/${ready.contractId}`)).statusCode).toBe(404);
    expect((await company.browser.get(page)).statusCode).toBe(403);
    await notifyContract(rt, { userId: ready.agent.id, buyerId: ready.buyer.id }, ready.contractId);
    const mine = await company.browser.get(`/mon-espace/marches/${ready.contractId}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('Contrat signé.pdf');
    expect(mine.body).not.toContain('<form method="post" action="/mon-espace/contrats');
    const download = await company.browser.get(`/mon-espace/marches/${ready.contractId}/document`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toContain('%PDF-1.7');
    expect((await company.browser.get('/mon-espace/marches')).body).toContain(
      `/mon-espace/marches/${ready.contractId}`,
    );
    const stranger = await signedInAs(rt, app, 'company_member');
    expect((await stranger.browser.get(`/mon-espace/marches/${ready.contractId}`)).statusCode).toBe(404);
    expect((await stranger.browser.get(`/mon-espace/marches/${ready.contractId}/document`)).statusCode).toBe(404);
  });

  it('edits the data and uploads the signed document through the pages, with French errors', async () => {
    const lot = await awardedLot(rt);
    await recordAward(rt, lot.payload);
    const contractId = await contractOfAward(rt, lot.payload.id);
    const page = `/mon-espace/contrats/${contractId}`;
    const { browser } = await signedInAs(rt, app, 'buyer_agent', lot.buyer);
    const fields = {
      object: 'Rénovation énergétique',
      siret_0: lot.company.siret,
      grouping_type: 'Pas de groupement',
      amount: '1 250 000,50',
      start_date: '',
      duration_months: '18',
      nature: 'Marché',
      procedure: "Appel d'offres ouvert",
      cpv_code: '45210000',
      place_code: '93',
      place_type: 'Code département',
      price_types: ['Définitif ferme', 'Provisoire'],
      price_form: 'Unitaire',
      ccag: 'Travaux',
      techniques: 'Sans objet',
      execution_modes: 'Bons de commande',
      offers_received: '4',
      social_considerations: 'Clause sociale',
      environmental_considerations: 'Pas de considération environnementale',
      insertion_clause: 'on',
    };
    const bad = await browser.post(
      `${page}/donnees`,
      { ...fields, amount: 'beaucoup', siret_0: '12345678901234' },
      { from: page },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Indiquez un montant en euros d’au moins 1 €');
    expect(bad.body).toContain('Ce SIRET n’est pas valide');
    expect(Number((await contractRow(contractId)).amount_cents)).toBe(125_000_050);
    const ok = await browser.post(`${page}/donnees`, fields, { from: page });
    expect(ok.statusCode).toBe(303);
    const row = await contractRow(contractId);
    expect(Number(row.amount_cents)).toBe(125_000_050);
    expect(row.price_types).toEqual(['Définitif ferme', 'Provisoire']);
    expect(row.offers_received).toBe(4);
    const upload = await postFile(
      browser,
      `${page}/document`,
      {},
      { name: 'Contrat signé.pdf', content: Buffer.from('%PDF-1.7 x') },
      { from: page },
    );
    expect(upload.statusCode).toBe(303);
    const notified = await browser.post(`${page}/notifier`, {}, { from: page });
    expect(notified.statusCode).toBe(303);
    expect((await browser.get(String(notified.headers.location))).body).toContain('Le contrat est notifié');
    expect((await contractRow(contractId)).status).toBe('notified');
  });
});

describe('end reminders', () => {
  it('mails the buyer agents once per threshold before the end', async () => {
    const ready = await readyContract(rt);
    await notifyContract(rt, { userId: ready.agent.id, buyerId: ready.buyer.id }, ready.contractId);
    const row = await contractRow(ready.contractId);
    const endsOn = row.ends_on as string;
    const dayBefore = (days: number) => new Date(Date.parse(`${endsOn}T10:00:00Z`) - days * 86_400_000);
    // 100 days before: nothing due
    expect(
      (await contractsDueForReminder(rt.db, dayBefore(100).toISOString().slice(0, 10), [90, 30])).map(
        (c) => c.contractId,
      ),
    ).not.toContain(ready.contractId);
    const due = await contractsDueForReminder(rt.db, dayBefore(60).toISOString().slice(0, 10), [90, 30]);
    expect(due.find((c) => c.contractId === ready.contractId)?.send).toBe(90);
    await sendEndReminders(rt, dayBefore(60));
    await sendEndReminders(rt, dayBefore(59));
    let mails = await mailsTo(rt, ready.agent.email, 'contracts.end_reminder');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain(row.decp_id);
    expect(mails[0]?.text_body).toContain(`/mon-espace/contrats/${ready.contractId}`);
    await sendEndReminders(rt, dayBefore(20));
    await sendEndReminders(rt, dayBefore(10));
    mails = await mailsTo(rt, ready.agent.email, 'contracts.end_reminder');
    expect(mails).toHaveLength(2);
    // another buyer's agents get nothing
    const other = await signedInAs(rt, app, 'buyer_agent');
    expect(
      await mailsTo(
        rt,
        (await rt.db.selectFrom('users').select('email').where('id', '=', other.user.id).executeTakeFirstOrThrow())
          .email,
      ),
    ).toHaveLength(0);
  });
});
