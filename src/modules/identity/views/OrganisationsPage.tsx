import type { PrincipalMembership } from '../../../platform/http/principal.js';
import { Form, Notice } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';

export function OrganisationsPage({
  ctx,
  memberships,
  activeOrganisationId,
  notice,
}: {
  ctx: PageContext;
  memberships: PrincipalMembership[];
  activeOrganisationId: string | null;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('identity.organisations.title')}>
      <h1>{t('identity.organisations.title')}</h1>
      {notice ? (
        <Notice kind="success">
          <p>{notice}</p>
        </Notice>
      ) : null}
      {memberships.length === 0 ? (
        <p>{t('identity.organisations.none')}</p>
      ) : (
        <>
          <p>{t('identity.organisations.intro')}</p>
          <div class="table-scroll">
            <table>
              <caption>{t('identity.organisations.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('identity.organisations.name')}</th>
                  <th scope="col">{t('identity.organisations.kind')}</th>
                  <th scope="col">{t('identity.organisations.role')}</th>
                  <th scope="col">{t('identity.organisations.action')}</th>
                </tr>
              </thead>
              <tbody>
                {memberships.map((m) => (
                  <tr key={m.organisationId}>
                    <th scope="row">{m.organisationName}</th>
                    <td>{t(`identity.kind.${m.organisationKind}`)}</td>
                    <td>{t(`identity.role.${m.role}`)}</td>
                    <td>
                      {m.organisationId === activeOrganisationId ? (
                        <span class="chip chip-success">{t('identity.organisations.active')}</span>
                      ) : (
                        <Form ctx={ctx} action="/mon-compte/organisation-active" class="inline-form">
                          <input type="hidden" name="organisationId" value={m.organisationId} />
                          <button
                            type="submit"
                            class="button-secondary"
                            aria-label={t('identity.organisations.choose.label', { name: m.organisationName })}
                          >
                            {t('identity.organisations.choose')}
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p>
        <a href="/mon-compte">{t('identity.account.title')}</a>
      </p>
    </Layout>
  );
}
