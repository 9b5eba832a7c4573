import type { ComponentChildren } from 'preact';
import { formatDateTime } from '../../../../platform/i18n/translator.js';
import type { PageContext } from '../../../../web/context.js';
import type { MessageKey } from '../../../../web/i18n.js';
import { Layout } from '../../../../web/layout.js';
import type { AnonymousCount, BuyerQuestion, ClarificationTender, RetrievalEntry } from '../repo.js';

function Exports({
  ctx,
  base,
  file,
  register,
}: {
  ctx: PageContext;
  base: string;
  file: string;
  register: MessageKey;
}) {
  const { t } = ctx;
  return (
    <p>
      {t('clarifications.registers.export')}{' '}
      <a
        href={`${base}/registres/${file}.csv`}
        aria-label={t('clarifications.registers.export.label', {
          format: t('clarifications.registers.export.csv'),
          register: t(register),
        })}
      >
        {t('clarifications.registers.export.csv')}
      </a>{' '}
      ·{' '}
      <a
        href={`${base}/registres/${file}.xlsx`}
        aria-label={t('clarifications.registers.export.label', {
          format: t('clarifications.registers.export.xlsx'),
          register: t(register),
        })}
      >
        {t('clarifications.registers.export.xlsx')}
      </a>
    </p>
  );
}

/**
 * The registers of a tender, for its buyer only: retrievals (identified downloads with the
 * company and the person; anonymous ones only as totals), questions, and submissions later.
 */
export function RegistersPage({
  ctx,
  tender,
  retrievals,
  totalRetrievals,
  anonymous,
  questions,
  slots = [],
}: {
  ctx: PageContext;
  tender: ClarificationTender;
  retrievals: RetrievalEntry[];
  totalRetrievals: number;
  anonymous: AnonymousCount[];
  questions: BuyerQuestion[];
  /** registers of other modules (exchanges of the secure messaging), see registerSlots.ts */
  slots?: ComponentChildren[];
}) {
  const { t, locale } = ctx;
  const base = `/mon-espace/consultations/${encodeURIComponent(tender.reference)}`;
  return (
    <Layout ctx={ctx} title={`${t('clarifications.registers.title')} — ${tender.title}`} wide>
      <p>
        <a href={base}>{t('clarifications.buyer.back')}</a> ·{' '}
        <a href={`${base}/questions`}>{t('clarifications.buyer.title')}</a>
      </p>
      <h1>
        {t('clarifications.registers.title')} <span class="muted">— {tender.reference}</span>
      </h1>
      <p>{tender.title}</p>

      <section aria-labelledby="registre-retraits">
        <h2 id="registre-retraits">{t('clarifications.registers.retrievals')}</h2>
        <Exports ctx={ctx} base={base} file="retraits" register="clarifications.registers.retrievals" />
        {retrievals.length === 0 ? (
          <p>{t('clarifications.registers.retrievals.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <caption>{t('clarifications.registers.retrievals.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('clarifications.col.date')}</th>
                  <th scope="col">{t('clarifications.col.company')}</th>
                  <th scope="col">{t('clarifications.col.siret')}</th>
                  <th scope="col">{t('clarifications.col.person')}</th>
                  <th scope="col">{t('clarifications.col.email')}</th>
                  <th scope="col">{t('clarifications.col.version')}</th>
                  <th scope="col">{t('clarifications.col.document')}</th>
                </tr>
              </thead>
              <tbody>
                {retrievals.map((r) => (
                  <tr key={r.id}>
                    <td>{formatDateTime(r.retrievedAt, locale)}</td>
                    <td>{r.companyName ?? ''}</td>
                    <td class="mono">{r.companySiret ?? ''}</td>
                    <td>{r.personName ?? ''}</td>
                    <td>{r.personEmail ?? ''}</td>
                    <td>{r.dceVersion}</td>
                    <td>{r.documentName ?? t('clarifications.registers.zip')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {totalRetrievals > retrievals.length ? (
          <p>
            {t('clarifications.registers.retrievals.truncated', { shown: retrievals.length, total: totalRetrievals })}
          </p>
        ) : null}

        <h3>{t('clarifications.registers.anonymous')}</h3>
        <p class="muted">{t('clarifications.registers.anonymous.intro')}</p>
        {anonymous.length === 0 ? (
          <p>{t('clarifications.registers.anonymous.none')}</p>
        ) : (
          <table>
            <caption>{t('clarifications.registers.anonymous.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('clarifications.col.version')}</th>
                <th scope="col">{t('clarifications.registers.anonymous.count')}</th>
              </tr>
            </thead>
            <tbody>
              {anonymous.map((a) => (
                <tr key={a.dceVersion}>
                  <th scope="row">{a.dceVersion}</th>
                  <td>{a.downloads}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="registre-questions">
        <h2 id="registre-questions">{t('clarifications.registers.questions')}</h2>
        <Exports ctx={ctx} base={base} file="questions" register="clarifications.registers.questions" />
        {questions.length === 0 ? (
          <p>{t('clarifications.registers.questions.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <caption>{t('clarifications.registers.questions.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('clarifications.col.number')}</th>
                  <th scope="col">{t('clarifications.col.asked_at')}</th>
                  <th scope="col">{t('clarifications.col.company')}</th>
                  <th scope="col">{t('clarifications.col.question')}</th>
                  <th scope="col">{t('clarifications.col.answered_at')}</th>
                </tr>
              </thead>
              <tbody>
                {questions.map((q) => (
                  <tr key={q.id}>
                    <th scope="row">
                      <a href={`${base}/questions#question-${q.number}`}>{q.number}</a>
                    </th>
                    <td>{formatDateTime(q.askedAt, locale)}</td>
                    <td>
                      {q.companyName ?? ''}
                      {q.companySiret ? <span class="mono"> ({q.companySiret})</span> : null}
                    </td>
                    <td>{q.question.length > 300 ? `${q.question.slice(0, 300)}…` : q.question}</td>
                    <td>
                      {q.answeredAt ? formatDateTime(q.answeredAt, locale) : t('clarifications.registers.not_answered')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {slots}

      <section aria-labelledby="registre-depots">
        <h2 id="registre-depots">{t('clarifications.registers.deposits')}</h2>
        <p>{t('clarifications.registers.deposits.later')}</p>
      </section>
    </Layout>
  );
}
