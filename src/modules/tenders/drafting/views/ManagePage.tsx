import type { ComponentChildren } from 'preact';
import type { TenderStatus } from '../../../../platform/db/schema.js';
import type { PageContext } from '../../../../web/context.js';
import type { MessageKey } from '../../../../web/i18n.js';
import { Layout } from '../../../../web/layout.js';
import type { FullDraft } from '../repo.js';
import { statusLabels } from './labels.js';
import { countdownText, deadlineText, stepUrl, tenderUrl } from './parts.js';
import { CriteriaTables, DeadlineFacts, GeneralFacts, LotsTable } from './sections.js';

const liveStatuses: readonly TenderStatus[] = ['published', 'closed', 'opened', 'evaluation'];

/** Links to the other capabilities' pages, by status: only what can be done now. */
function actionsFor(
  reference: string,
  status: TenderStatus,
  documentCount: number,
): { href: string; label: MessageKey; params?: Record<string, number> }[] {
  const base = tenderUrl(reference);
  const links: { href: string; label: MessageKey; params?: Record<string, number> }[] = [];
  if (status === 'draft') {
    links.push({ href: stepUrl(reference, 'general'), label: 'drafting.link.edit' });
    links.push({ href: stepUrl(reference, 'resume'), label: 'drafting.link.resume' });
  }
  links.push({ href: `${base}/documents`, label: 'drafting.link.documents', params: { count: documentCount } });
  if (status === 'draft') links.push({ href: `${base}/publier`, label: 'drafting.link.publish' });
  if (status === 'published') links.push({ href: `${base}/rectificatif`, label: 'drafting.link.corrigendum' });
  if (status !== 'draft') {
    links.push({ href: `/consultations/${reference}`, label: 'drafting.link.notice' });
    links.push({ href: `${base}/questions`, label: 'drafting.link.questions' });
    links.push({ href: `${base}/registres`, label: 'drafting.link.registers' });
  }
  if (liveStatuses.includes(status)) links.push({ href: `${base}/abandon`, label: 'drafting.link.abandon' });
  return links;
}

function chipClass(status: TenderStatus): string {
  if (status === 'published') return 'chip chip-success';
  if (status === 'cancelled' || status === 'unsuccessful') return 'chip chip-danger';
  return 'chip';
}

export function ManagePage({
  ctx,
  draft,
  now,
  notice,
  slots = [],
}: {
  ctx: PageContext;
  draft: FullDraft;
  now: Date;
  notice?: string | undefined;
  /** list items of other modules' links (messaging), see manageSlots.ts */
  slots?: ComponentChildren[];
}) {
  const { t } = ctx;
  const { tender, lots, criteria } = draft;
  const deadline = tender.submission_deadline;
  return (
    <Layout ctx={ctx} title={`${tender.reference} — ${tender.title}`}>
      <p class="muted">
        <a href="/mon-espace/consultations">{t('drafting.manage.back')}</a>
      </p>
      <p>
        <span class={chipClass(tender.status)}>{t(statusLabels[tender.status])}</span>{' '}
        <span class="mono">{t('drafting.manage.reference', { reference: tender.reference })}</span>
      </p>
      <h1>{tender.title}</h1>
      {notice ? (
        <div class="alert alert-success" role="status">
          {notice}
        </div>
      ) : null}
      <section aria-labelledby="echeance">
        <h2 id="echeance">{t('drafting.deadline.submission')}</h2>
        <p class="figures">
          <strong>{deadlineText(ctx, deadline)}</strong>
        </p>
        {deadline ? <p>{countdownText(ctx, deadline, now)}</p> : null}
      </section>
      <nav aria-label={t('drafting.manage.actions')}>
        <h2>{t('drafting.manage.actions')}</h2>
        <ul>
          {actionsFor(tender.reference, tender.status, draft.documentCount).map((link) => (
            <li key={link.href}>
              <a href={link.href}>{t(link.label, link.params)}</a>
            </li>
          ))}
          {slots}
        </ul>
      </nav>
      <section aria-labelledby="faits">
        <h2 id="faits">{t('drafting.manage.facts')}</h2>
        <GeneralFacts ctx={ctx} tender={tender} />
        <DeadlineFacts ctx={ctx} tender={tender} />
      </section>
      <section aria-labelledby="lots">
        <h2 id="lots">{t('drafting.step.lots')}</h2>
        <LotsTable ctx={ctx} lots={lots} />
      </section>
      <section aria-labelledby="criteres">
        <h2 id="criteres">{t('drafting.step.criteria')}</h2>
        <CriteriaTables ctx={ctx} lots={lots} criteria={criteria} />
      </section>
    </Layout>
  );
}

/** A published (or later) tender is not edited here: changes go through a corrigendum. */
export function NotEditablePage({
  ctx,
  reference,
  title,
  status,
}: {
  ctx: PageContext;
  reference: string;
  title: string;
  status: TenderStatus;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('drafting.locked.title')}>
      <h1>{t('drafting.locked.title')}</h1>
      <p>{t('drafting.locked.text', { title, status: t(statusLabels[status]) })}</p>
      <ul>
        {status === 'published' ? (
          <li>
            <a href={`${tenderUrl(reference)}/rectificatif`}>{t('drafting.link.corrigendum')}</a>
          </li>
        ) : null}
        <li>
          <a href={tenderUrl(reference)}>{t('drafting.back_to_tender', { reference })}</a>
        </li>
      </ul>
    </Layout>
  );
}
