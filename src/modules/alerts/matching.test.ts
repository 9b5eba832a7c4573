import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { createTender } from '../../../test/support/tenders.js';
import { AppError } from '../../platform/errors.js';
import { dispatchPendingEvents, recordEvent } from '../../platform/events/outbox.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { changeAlert } from './changeAlert.js';
import { createAlert } from './createAlert.js';
import { alertsSubscribers } from './events.js';
import type { AlertOwner } from './policies.js';
import { sendDigests } from './sendDigests.js';

let rt: Runtime;
let buyerId: string;
let companyId: string;

beforeAll(async () => {
  rt = await createTestRuntime();
  buyerId = (await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Montreuil' })).id;
  companyId = (await createOrganisation(rt, { kind: 'company' })).id;
});
afterAll(async () => {
  await rt.close();
});

function subscribers() {
  return alertsSubscribers({ jobs: rt.jobs, publicUrl: rt.config.publicUrl, signingSecret: rt.signingSecret });
}

async function person(options: { verified?: boolean } = {}): Promise<AlertOwner> {
  const user = await createUser(rt, {
    memberships: [{ organisationId: companyId, role: 'company_member' }],
    ...(options.verified === false ? { verified: false } : {}),
  });
  return { userId: user.id, companyId, emailVerified: true };
}

async function alert(owner: AlertOwner, search: string, frequency: 'immediate' | 'daily' = 'immediate') {
  return createAlert(rt, { owner, address: `/recherche?${search}`, name: `Alerte ${search}`.slice(0, 120), frequency });
}

/** A tender published the way the platform announces it: a `tender.published` event, dispatched. */
async function publish(values: Parameters<typeof createTender>[1], type = 'tender.published') {
  const tender = await createTender(rt, { status: 'published', ...values });
  await rt.db.transaction().execute((trx) => recordEvent(trx, type, { id: tender.id }));
  await dispatchPendingEvents(rt.db, subscribers());
  return tender;
}

async function notified(userId: string): Promise<string[]> {
  const rows = await rt.db
    .selectFrom('notifications')
    .select('tender_reference')
    .where('user_id', '=', userId)
    .where('kind', '=', 'alert_match')
    .orderBy('tender_reference')
    .execute();
  return rows.map((r) => r.tender_reference);
}

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.messageKey;
    throw error;
  }
  return undefined;
}

describe('matching purchase intentions against alerts', () => {
  it('tells the people whose alerts match an upcoming need, with a link to the intention', async () => {
    const owner = await person();
    const other = await person();
    await alert(owner, 'q=désamiantage');
    await alert(other, 'q=désamiantage&procedure=open');
    const id = uuidv7();
    await rt.db
      .insertInto('purchase_intentions')
      .values({
        id,
        buyer_id: buyerId,
        title: 'Désamiantage des écoles maternelles',
        description: 'Besoin prévu pour l’été prochain.',
        cpv_code: '45262660',
        expected_on: '2027-06-01',
      })
      .execute();
    await rt.db.transaction().execute((trx) => recordEvent(trx, 'intention.published', { id }));
    await dispatchPendingEvents(rt.db, subscribers());
    const rows = await rt.db
      .selectFrom('notifications')
      .select(['user_id', 'link', 'title'])
      .where('tender_id', '=', id)
      .execute();
    // an alert filtered on a procedure waits for the tender itself
    expect(rows).toEqual([
      { user_id: owner.userId, link: `/intentions/${id}`, title: 'Désamiantage des écoles maternelles' },
    ]);

    // announced once, even if the event comes again
    await rt.db.transaction().execute((trx) => recordEvent(trx, 'intention.published', { id }));
    await dispatchPendingEvents(rt.db, subscribers());
    expect(await rt.db.selectFrom('notifications').select('id').where('tender_id', '=', id).execute()).toHaveLength(1);
  });
});

describe('matching published tenders against alerts', () => {
  it('matches keywords with French stemming, accents and case ignored, and honours exclusions', async () => {
    const owner = await person();
    await alert(owner, 'q=toiture+école');
    await alert(owner, 'q=désamiantage+-gymnase');
    const roofs = await publish({ buyerId, title: 'Réfection des TOITURES de l’ecole Jules-Ferry' });
    await publish({ buyerId, title: 'Réfection des toitures du gymnase' });
    const asbestos = await publish({ buyerId, title: 'Travaux de desamiantage de la crèche' });
    await publish({ buyerId, title: 'Désamiantage du gymnase Léo-Lagrange' });
    expect(await notified(owner.userId)).toEqual([roofs.reference, asbestos.reference].sort());
  });

  it('applies every filter of the saved search', async () => {
    const owner = await person();
    // the factory's tenders are in Seine-Saint-Denis (93), works, CPV 45
    await alert(owner, 'q=chaufferie&department=75');
    await alert(owner, 'q=chaufferie&category=services');
    await alert(owner, 'q=chaufferie&department=93&cpv=45&category=works&procedure=open');
    await alert(owner, 'department=93&procedure=adapted');
    const open = await publish({ buyerId, title: 'Maintenance de la chaufferie', procedureType: 'open' });
    const adapted = await publish({ buyerId, title: 'Peinture du préau', procedureType: 'adapted' });
    await publish({ buyerId, title: 'Maintenance de la chaufferie (lot 2)', procedureType: 'restricted' });
    expect(await notified(owner.userId)).toEqual([open.reference, adapted.reference].sort());
    const [row] = await rt.db
      .selectFrom('notifications')
      .select(['detail', 'link', 'delivery'])
      .where('user_id', '=', owner.userId)
      .where('tender_reference', '=', adapted.reference)
      .execute();
    expect(row).toMatchObject({ link: `/consultations/${adapted.reference}`, delivery: 'immediate' });
  });

  it('ignores paused alerts, and matches them again once resumed', async () => {
    const owner = await person();
    const { id } = await alert(owner, 'q=ascenseur');
    await changeAlert(rt, { owner, alertId: id, change: 'pause' });
    await publish({ buyerId, title: 'Remplacement de l’ascenseur de la mairie' });
    expect(await notified(owner.userId)).toEqual([]);
    await changeAlert(rt, { owner, alertId: id, change: 'resume' });
    const later = await publish({ buyerId, title: 'Maintenance des ascenseurs' });
    expect(await notified(owner.userId)).toEqual([later.reference]);
  });

  it('never matches a draft, even if an event names it', async () => {
    const owner = await person();
    await alert(owner, 'q=piscine');
    const draft = await createTender(rt, { buyerId, status: 'draft', title: 'Rénovation de la piscine' });
    await rt.db.transaction().execute((trx) => recordEvent(trx, 'tender.published', { id: draft.id }));
    await dispatchPendingEvents(rt.db, subscribers());
    expect(await notified(owner.userId)).toEqual([]);
  });

  it('notifies once per person and tender: two matching alerts, a repeated event', async () => {
    const owner = await person();
    await alert(owner, 'q=voirie', 'daily');
    await alert(owner, 'q=voirie+communale', 'immediate');
    const tender = await publish({ buyerId, title: 'Entretien de la voirie communale' });
    await rt.db.transaction().execute((trx) => recordEvent(trx, 'tender.published', { id: tender.id }));
    await dispatchPendingEvents(rt.db, subscribers());
    const rows = await rt.db
      .selectFrom('notifications')
      .select(['delivery', 'mail_id'])
      .where('user_id', '=', owner.userId)
      .execute();
    // the immediate alert wins: one notification, one mail
    expect(rows).toHaveLength(1);
    expect(rows[0]?.delivery).toBe('immediate');
    const mails = await rt.db.selectFrom('outbox_mails').selectAll().where('template', '=', 'alerts.match').execute();
    const mine = mails.filter((m) => m.id === rows[0]?.mail_id);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.subject).toContain('Entretien de la voirie communale');
    expect(mine[0]?.text_body).toContain(`${rt.config.publicUrl}/consultations/${tender.reference}`);
    expect(mine[0]?.html_body).toContain('Entretien de la voirie communale');
    expect(mine[0]?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mine[0]?.headers?.['List-Unsubscribe']).toMatch(/^<http:\/\/localhost:\d+\/alertes\/desabonnement\/[^>]+>$/);
  });

  it('keeps daily alerts for the digest and mails no unverified address', async () => {
    const daily = await person();
    await alert(daily, 'q=restauration+scolaire', 'daily');
    const unverified = await person();
    await alert(unverified, 'q=restauration+scolaire');
    await rt.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', unverified.userId).execute();
    await publish({ buyerId, title: 'Restauration scolaire et portage de repas' });
    const rows = await rt.db
      .selectFrom('notifications')
      .select(['user_id', 'delivery', 'mail_id'])
      .where('user_id', 'in', [daily.userId, unverified.userId])
      .execute();
    expect(rows.find((r) => r.user_id === daily.userId)).toMatchObject({ delivery: 'digest', mail_id: null });
    // told in the application, but no mail to an address nobody confirmed
    expect(rows.find((r) => r.user_id === unverified.userId)).toMatchObject({ delivery: 'immediate', mail_id: null });
  });

  it('stores the keywords as a tsquery and a cover of match keys', async () => {
    const owner = await person();
    const { id } = await alert(owner, 'q=nettoyage+des+locaux&department=93');
    const row = await sql<{ q: string; keys: string[] }>`
      SELECT keywords_query::text AS q, match_keys AS keys FROM alerts WHERE id = ${id}::uuid`.execute(rt.db);
    expect(row.rows[0]?.q).toBe("'nettoyag' & 'local'");
    expect(row.rows[0]?.keys).toEqual(['w:nettoyag']);
  });
});

describe('corrigenda and answers for followed tenders', () => {
  it('tell watchers (in-app and mail) and retrievers (in-app; the tenders module mails them), once each', async () => {
    const watcher = await person();
    const retriever = await person();
    const tender = await publish({ buyerId, title: 'Travaux de chauffage du conservatoire' });
    await rt.db
      .insertInto('watchlist_entries')
      .values({ user_id: watcher.userId, tender_id: tender.id, company_id: companyId })
      .execute();
    await rt.db
      .insertInto('retrievals')
      .values({
        id: uuidv7(),
        tender_id: tender.id,
        dce_version: 1,
        user_id: retriever.userId,
        organisation_id: companyId,
      })
      .execute();
    for (const [type, number] of [
      ['tender.amended', 1],
      ['tender.answered', 3],
      ['tender.amended', 1],
    ] as const) {
      await rt.db.transaction().execute((trx) => recordEvent(trx, type, { id: tender.id, number }));
    }
    await dispatchPendingEvents(rt.db, subscribers());
    const rows = await rt.db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'discriminator', 'delivery', 'mail_id'])
      .where('tender_id', '=', tender.id)
      .orderBy('kind')
      .execute();
    const of = (userId: string) =>
      rows.filter((r) => r.user_id === userId).map((r) => `${r.kind}:${r.discriminator}:${r.delivery}`);
    expect(of(watcher.userId)).toEqual(['answer:3:immediate', 'corrigendum:1:immediate']);
    expect(of(retriever.userId)).toEqual(['answer:3:none', 'corrigendum:1:none']);
    expect(rows.filter((r) => r.user_id === watcher.userId).every((r) => r.mail_id !== null)).toBe(true);
    const mails = await rt.db
      .selectFrom('outbox_mails')
      .select(['subject', 'template'])
      .where(
        'id',
        'in',
        rows.filter((r) => r.user_id === watcher.userId).map((r) => r.mail_id as string),
      )
      .orderBy('template')
      .execute();
    expect(mails).toEqual([
      { template: 'alerts.answer', subject: `Nouvelle réponse publiée pour la consultation ${tender.reference}` },
      { template: 'alerts.corrigendum', subject: `Rectificatif publié pour la consultation ${tender.reference}` },
    ]);
  });
});

describe('the daily digest', () => {
  it("groups a person's waiting matches in one mail, once", async () => {
    const owner = await person();
    await alert(owner, 'q=mobilier', 'daily');
    const a = await publish({ buyerId, title: 'Fourniture de mobilier scolaire' });
    const b = await publish({ buyerId, title: 'Mobilier de bureau pour la mairie' });
    const before = await sendDigests(rt);
    expect(before.mails).toBeGreaterThanOrEqual(1);
    const user = await rt.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', owner.userId)
      .executeTakeFirstOrThrow();
    const mails = await rt.db
      .selectFrom('outbox_mails')
      .selectAll()
      .where('to_address', '=', user.email)
      .where('template', '=', 'alerts.digest')
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Vos alertes du jour : 2 consultation(s)');
    expect(mails[0]?.text_body).toContain(a.reference);
    expect(mails[0]?.text_body).toContain(b.reference);
    const rows = await rt.db
      .selectFrom('notifications')
      .select('digested_at')
      .where('user_id', '=', owner.userId)
      .execute();
    expect(rows.every((r) => r.digested_at instanceof Date)).toBe(true);
    // a second run finds nothing left to send
    await sendDigests(rt);
    const again = await rt.db
      .selectFrom('outbox_mails')
      .select('id')
      .where('to_address', '=', user.email)
      .where('template', '=', 'alerts.digest')
      .execute();
    expect(again).toHaveLength(1);
  });
});

describe('alerts refused with a clear reason', () => {
  it('refuses searches that could not be matched, or would match everything', async () => {
    const owner = await person();
    expect(await refusal(alert(owner, ''))).toBe('alerts.error.query_empty');
    expect(await refusal(alert(owner, 'sort=deadline&page=3'))).toBe('alerts.error.query_empty');
    expect(await refusal(alert(owner, 'q=de+la+pour+au'))).toBe('alerts.error.query_no_words');
    expect(await refusal(alert(owner, 'q=%21%21%21'))).toBe('alerts.error.query_no_words');
    expect(await refusal(alert(owner, 'q=-amiante'))).toBe('alerts.error.query_only_excludes');
    expect(await refusal(alert(owner, 'q=toiture&department=999x'))).toBe('alerts.error.filter_invalid');
    expect(await refusal(alert(owner, 'q=toiture&procedure=secret'))).toBe('alerts.error.filter_invalid');
    expect(await refusal(alert(owner, `q=${'a'.repeat(201)}`))).toBe('alerts.error.query_too_long');
    expect(await rt.db.selectFrom('alerts').select('id').where('user_id', '=', owner.userId).execute()).toEqual([]);
  });

  it('refuses an alert to a person whose address is not verified', async () => {
    const owner = { ...(await person({ verified: false })), emailVerified: false };
    expect(await refusal(alert(owner, 'q=toiture'))).toBe('alerts.error.unverified');
  });
});
