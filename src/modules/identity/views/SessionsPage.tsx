import { formatDateTime } from '../../../platform/i18n/translator.js';
import { Form, Notice } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { describeUserAgent } from '../domain/userAgent.js';

interface SessionRow {
  id: string;
  created_at: Date;
  last_seen_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export function SessionsPage({
  ctx,
  sessions,
  currentSessionId,
  notice,
}: {
  ctx: PageContext;
  sessions: SessionRow[];
  currentSessionId: string;
  notice?: string | undefined;
}) {
  const { t, locale } = ctx;
  const others = sessions.filter((s) => s.id !== currentSessionId);
  return (
    <Layout ctx={ctx} title={t('identity.sessions.title')} wide>
      <h1>{t('identity.sessions.title')}</h1>
      {notice ? (
        <Notice kind="success">
          <p>{notice}</p>
        </Notice>
      ) : null}
      <p>{t('identity.sessions.intro')}</p>
      <div class="table-scroll">
        <table>
          <caption>{t('identity.sessions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('identity.sessions.created')}</th>
              <th scope="col">{t('identity.sessions.lastSeen')}</th>
              <th scope="col">{t('identity.sessions.ip')}</th>
              <th scope="col">{t('identity.sessions.browser')}</th>
              <th scope="col">{t('identity.sessions.action')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => {
              const created = formatDateTime(s.created_at, locale);
              return (
                <tr key={s.id}>
                  <th scope="row">{created}</th>
                  <td>{formatDateTime(s.last_seen_at, locale)}</td>
                  <td class="mono">{s.ip ?? t('identity.sessions.unknown')}</td>
                  <td title={s.user_agent ?? undefined}>
                    {describeUserAgent(s.user_agent) ?? t('identity.sessions.unknown')}
                  </td>
                  <td>
                    {s.id === currentSessionId ? (
                      <span class="chip chip-success">{t('identity.sessions.current')}</span>
                    ) : (
                      <Form ctx={ctx} action={`/mon-compte/sessions/${s.id}/revoquer`} class="inline-form">
                        <button
                          type="submit"
                          class="button-secondary"
                          aria-label={t('identity.sessions.revoke.label', { date: created })}
                        >
                          {t('identity.sessions.revoke')}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {others.length ? (
        <Form ctx={ctx} action="/mon-compte/sessions/revoquer-autres">
          <button type="submit" class="button-danger">
            {t('identity.sessions.revokeOthers')}
          </button>
        </Form>
      ) : (
        <p>{t('identity.sessions.none')}</p>
      )}
      <p>
        <a href="/mon-compte">{t('identity.account.title')}</a>
      </p>
    </Layout>
  );
}
