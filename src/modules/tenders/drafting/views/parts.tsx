import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../../../platform/errors.js';
import { formatParisDateTime } from '../../../../platform/i18n/paris-time.js';
import { fieldId } from '../../../../web/components.js';
import type { PageContext } from '../../../../web/context.js';
import type { MessageKey } from '../../../../web/i18n.js';
import { Layout } from '../../../../web/layout.js';
import { formatCpv } from '../../domain/cpv.js';
import type { DelayFinding } from '../../domain/legalDelays.js';
import { cpvCatalogue } from '../reference.js';

/** An error whose message takes parameters (a sum, a number of days). */
export type StepError = FieldError & { params?: Record<string, string | number> };

export const stepSlugs = ['general', 'lots', 'clauses', 'criteria', 'deadlines', 'contact', 'resume'] as const;
export type StepSlug = (typeof stepSlugs)[number];

export const stepLabels: Record<StepSlug, MessageKey> = {
  general: 'drafting.step.general',
  lots: 'drafting.step.lots',
  clauses: 'drafting.step.clauses',
  criteria: 'drafting.step.criteria',
  deadlines: 'drafting.step.deadlines',
  contact: 'drafting.step.contact',
  resume: 'drafting.step.resume',
};

export function tenderUrl(reference: string): string {
  return `/mon-espace/consultations/${reference}`;
}

export function stepUrl(reference: string, step: StepSlug): string {
  return `${tenderUrl(reference)}/modifier/${step}`;
}

export function nextStep(step: StepSlug): StepSlug {
  const i = stepSlugs.indexOf(step);
  return stepSlugs[Math.min(i + 1, stepSlugs.length - 1)] ?? 'resume';
}

/** Same as the shared ErrorSummary, with parameters in messages ("the weights add up to 90 %"). */
export function StepErrorSummary({ ctx, errors }: { ctx: PageContext; errors: StepError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="alert alert-error" role="alert" tabIndex={-1} id="erreurs">
      <h2 class="alert-title">{ctx.t('form.errors.title')}</h2>
      <ul>
        {errors.map((e) => {
          const text = ctx.t(e.message as MessageKey, e.params);
          return (
            <li key={`${e.field}-${e.message}`}>
              {e.field === '_form' ? text : <a href={`#${fieldId(e.field)}`}>{text}</a>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The steps of the draft, as a list of links; the current one is marked for assistive technologies. */
export function StepNav({ ctx, reference, current }: { ctx: PageContext; reference: string; current: StepSlug }) {
  return (
    <nav aria-label={ctx.t('drafting.steps.label')} class="subnav">
      <ol>
        {stepSlugs.map((slug) => (
          <li key={slug}>
            <a href={stepUrl(reference, slug)} aria-current={slug === current ? 'step' : undefined}>
              {ctx.t(stepLabels[slug])}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function StepPage({
  ctx,
  reference,
  tenderTitle,
  step,
  errors = [],
  notice,
  children,
}: {
  ctx: PageContext;
  reference: string;
  tenderTitle: string;
  step: StepSlug;
  errors?: StepError[];
  notice?: string | undefined;
  children: ComponentChildren;
}) {
  const { t } = ctx;
  const stepTitle = t(stepLabels[step]);
  return (
    <Layout
      ctx={ctx}
      title={`${errors.length ? `${t('drafting.title.error_prefix')} ` : ''}${stepTitle} — ${reference}`}
    >
      <p class="muted">
        <a href={tenderUrl(reference)}>{t('drafting.back_to_tender', { reference })}</a>
      </p>
      <h1>
        {stepTitle}
        <span class="muted"> — {tenderTitle}</span>
      </h1>
      <StepNav ctx={ctx} reference={reference} current={step} />
      {notice ? (
        <div class="alert alert-success" role="status">
          {notice}
        </div>
      ) : null}
      <StepErrorSummary ctx={ctx} errors={errors} />
      {children}
    </Layout>
  );
}

/**
 * The CPV codes field: plain text that works without JavaScript ("45000000-7, 45210000-2",
 * validated on the server), a link to the search page, and the search-as-you-type island
 * (`/static/cpv-picker.js`) which finds it by its data attributes.
 */
export function CpvField({
  ctx,
  name,
  value,
  errors,
}: {
  ctx: PageContext;
  name: string;
  value: string;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const id = fieldId(name);
  const own = errors.filter((e) => e.field === name);
  return (
    <div class={own.length ? 'field field-error' : 'field'}>
      <label for={id}>{t('drafting.cpv.label')}</label>
      <p class="hint" id={`${id}-aide`}>
        {t('drafting.cpv.hint')}{' '}
        <a href="/cpv" target="_blank" rel="noopener">
          {t('drafting.cpv.search_link')}
        </a>
      </p>
      {own.length ? (
        <p class="error-message" id={`${id}-erreur`}>
          {own.map((e) => t(e.message as MessageKey)).join(' ')}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="text"
        value={value}
        maxLength={2000}
        autocomplete="off"
        aria-invalid={own.length ? 'true' : undefined}
        aria-describedby={`${id}-aide${own.length ? ` ${id}-erreur` : ''}`}
        data-cpv-picker=""
        data-search-label={t('drafting.cpv.picker.label')}
        data-add-label={t('drafting.cpv.picker.add')}
        data-added={t('drafting.cpv.picker.added')}
        data-none={t('drafting.cpv.picker.none')}
        data-results={t('drafting.cpv.picker.results')}
        data-lang={ctx.locale}
      />
    </div>
  );
}

/** The script of the CPV island; a module from /static (CSP: script-src 'self', nothing inline). */
export function CpvPickerScript() {
  return <script type="module" src="/static/cpv-picker.js" />;
}

/** Codes with their check digit, for a form field. */
export function cpvInputValue(codes: readonly string[]): string {
  return codes.map((c) => formatCpv(c, cpvCatalogue())).join(', ');
}

export function CpvList({ ctx, codes }: { ctx: PageContext; codes: readonly string[] }) {
  if (codes.length === 0) return <span class="muted">{ctx.t('drafting.none')}</span>;
  const list = cpvCatalogue();
  return (
    <ul>
      {codes.map((code) => {
        const entry = list.get(code);
        return (
          <li key={code}>
            <span class="mono">{formatCpv(code, list)}</span>{' '}
            {entry ? (ctx.locale === 'fr' ? entry.labelFr : entry.labelEn) : null}
          </li>
        );
      })}
    </ul>
  );
}

export function DelayWarnings({ ctx, findings }: { ctx: PageContext; findings: readonly DelayFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <div class="alert" role="status">
      <h2 class="alert-title">{ctx.t('drafting.delay.title')}</h2>
      <ul>
        {findings.map((f) => (
          <li key={f.key}>{ctx.t(f.key, { days: f.days, minimum: f.minimum, articles: f.articles })}</li>
        ))}
      </ul>
    </div>
  );
}

export function deadlineText(ctx: PageContext, value: Date | null): string {
  return value ? formatParisDateTime(value, ctx.locale) : ctx.t('drafting.deadline.none');
}

/** "12 jours et 3 heures" before the deadline, computed on the server when the page is built. */
export function countdownText(ctx: PageContext, deadline: Date, now: Date): string {
  const ms = deadline.getTime() - now.getTime();
  if (ms <= 0) return ctx.t('drafting.countdown.passed');
  const totalHours = Math.floor(ms / 3_600_000);
  const days = Math.floor(totalHours / 24);
  const hours = totalHours % 24;
  if (days === 0 && hours === 0) {
    return ctx.t('drafting.countdown.minutes', { minutes: Math.max(1, Math.floor(ms / 60_000)) });
  }
  const dayText = ctx.t(days > 1 ? 'drafting.countdown.days' : 'drafting.countdown.day', { n: days });
  const hourText = ctx.t(hours > 1 ? 'drafting.countdown.hours' : 'drafting.countdown.hour', { n: hours });
  return ctx.t('drafting.countdown.left', {
    time: days > 0 ? `${dayText} ${ctx.t('drafting.and')} ${hourText}` : hourText,
  });
}
