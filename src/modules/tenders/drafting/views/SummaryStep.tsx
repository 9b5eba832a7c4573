import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../../web/context.js';
import type { MessageKey } from '../../../../web/i18n.js';
import type { DelayFinding } from '../../domain/legalDelays.js';
import type { FullDraft } from '../repo.js';
import { DelayWarnings, StepPage, type StepSlug, stepLabels, stepUrl } from './parts.js';
import { ContactFacts, CriteriaTables, clauseSummary, DeadlineFacts, GeneralFacts, LotsTable } from './sections.js';

function Section({
  ctx,
  reference,
  step,
  children,
}: {
  ctx: PageContext;
  reference: string;
  step: StepSlug;
  children: ComponentChildren;
}) {
  const label = ctx.t(stepLabels[step]);
  return (
    <section aria-labelledby={`resume-${step}`}>
      <h2 id={`resume-${step}`}>{label}</h2>
      {children}
      <p>
        <a href={stepUrl(reference, step)}>{ctx.t('drafting.resume.edit', { section: label.toLowerCase() })}</a>
      </p>
    </section>
  );
}

export function SummaryStep({
  ctx,
  draft,
  problems,
  findings,
}: {
  ctx: PageContext;
  draft: FullDraft;
  problems: string[];
  findings: DelayFinding[];
}) {
  const { t } = ctx;
  const { tender, lots, criteria } = draft;
  const reference = tender.reference;
  return (
    <StepPage ctx={ctx} reference={reference} tenderTitle={tender.title} step="resume">
      {problems.length > 0 ? (
        <div class="alert alert-error" role="status">
          <h2 class="alert-title">{t('drafting.resume.problems')}</h2>
          <ul>
            {problems.map((p) => (
              <li key={p}>{t(p as MessageKey)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <div class="alert alert-success" role="status">
          {t('drafting.resume.ready')}
        </div>
      )}
      <DelayWarnings ctx={ctx} findings={findings} />
      <Section ctx={ctx} reference={reference} step="general">
        <GeneralFacts ctx={ctx} tender={tender} />
      </Section>
      <Section ctx={ctx} reference={reference} step="lots">
        <LotsTable ctx={ctx} lots={lots} />
      </Section>
      <Section ctx={ctx} reference={reference} step="clauses">
        <p>{t('drafting.clauses.tender_summary', { clauses: clauseSummary(ctx, tender) })}</p>
      </Section>
      <Section ctx={ctx} reference={reference} step="criteria">
        <CriteriaTables ctx={ctx} lots={lots} criteria={criteria} />
      </Section>
      <Section ctx={ctx} reference={reference} step="deadlines">
        <DeadlineFacts ctx={ctx} tender={tender} />
      </Section>
      <Section ctx={ctx} reference={reference} step="contact">
        <ContactFacts ctx={ctx} tender={tender} />
      </Section>
      <h2>{t('drafting.resume.next')}</h2>
      <ul>
        <li>
          <a href={`/mon-espace/consultations/${reference}/documents`}>
            {t('drafting.link.documents', { count: draft.documentCount })}
          </a>
        </li>
        <li>
          <a href={`/mon-espace/consultations/${reference}/publier`}>{t('drafting.link.publish')}</a>
        </li>
      </ul>
    </StepPage>
  );
}
