import { Form } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';

/**
 * Reminds a signed-in person whose address is not confirmed, with a form to get a new link.
 * Exported by the module so other signed-in pages can show it too.
 */
export function EmailVerificationNotice({ ctx }: { ctx: PageContext }) {
  const { t, principal } = ctx;
  if (principal.kind !== 'session' || principal.user.emailVerified) return null;
  return (
    <section class="alert" aria-labelledby="verification-email">
      <h2 class="alert-title" id="verification-email">
        {t('identity.verify.notice.title')}
      </h2>
      <p>{t('identity.verify.notice.text', { email: principal.user.email })}</p>
      <Form ctx={ctx} action="/mon-compte/verification-email" class="inline-form">
        <button type="submit" class="button-secondary">
          {t('identity.verify.resend')}
        </button>
      </Form>
    </section>
  );
}
