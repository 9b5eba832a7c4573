import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/outbox.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import { transition } from '../tenders/index.js';
import { evaluatorTender } from './context.js';
import { criteriaOfLot, currentCriteria, lotsOf } from './repo.js';

/**
 * Starts the evaluation of an opened tender (opened → evaluation): freezes, per lot, the award
 * criteria and weights that apply (the lot's own criteria if it has any, else the tender-wide ones)
 * so that every later score, ranking and decision is checked against them. One transaction, audited.
 */
export async function startEvaluation(
  rt: Runtime,
  principal: SessionPrincipal,
  input: { reference: string; ip?: string | undefined; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  await rt.db.transaction().execute(async (trx) => {
    const tender = await evaluatorTender(trx, principal, input.reference, { forUpdate: true });
    if (tender.status !== 'opened') throw new AppError('conflict', { messageKey: 'evaluation.error.not_openable' });
    const report = await trx
      .selectFrom('opening_reports')
      .select('tender_id')
      .where('tender_id', '=', tender.id)
      .executeTakeFirst();
    if (!report) throw new AppError('conflict', { messageKey: 'evaluation.error.not_openable' });
    const [lots, criteria] = await Promise.all([lotsOf(trx, tender.id), currentCriteria(trx, tender.id)]);
    const frozen = lots.map((lot) => ({ lot, criteria: criteriaOfLot(criteria, lot.id) }));
    if (frozen.some((f) => f.criteria.length === 0)) {
      throw new AppError('conflict', { messageKey: 'evaluation.error.no_criteria' });
    }
    const status = transition(tender.status, 'startEvaluation');
    await trx
      .insertInto('evaluations')
      .values({ tender_id: tender.id, started_at: now, started_by: principal.user.id })
      .execute();
    for (const f of frozen) {
      await trx
        .insertInto('lot_evaluations')
        .values({ lot_id: f.lot.id, tender_id: tender.id, criteria: JSON.stringify(f.criteria), updated_at: now })
        .execute();
    }
    await trx.updateTable('tenders').set({ status, updated_at: now }).where('id', '=', tender.id).execute();
    await recordEvent(trx, 'tender.evaluation_started', { id: tender.id });
    await recordAudit(
      trx,
      { type: 'user', userId: principal.user.id, ip: input.ip },
      {
        action: 'evaluation.started',
        subjectType: 'tender',
        subjectId: tender.id,
        organisationId: tender.buyer_id,
        before: { status: tender.status },
        after: { status, weights: frozen.map((f) => ({ lot: f.lot.number, criteria: f.criteria })) },
      },
    );
  });
}
