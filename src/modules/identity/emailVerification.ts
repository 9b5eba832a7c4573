import type { Trx } from '../../platform/db/kysely.js';
import type { Locale } from '../../platform/i18n/translator.js';
import { hashToken, randomToken, uuidv7 } from '../../platform/ids.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { translatorFor } from '../../web/i18n.js';

const verificationTtlMs = 48 * 3600 * 1000;

/**
 * Issues an e-mail verification link and queues its mail, in the caller's transaction
 * (the account and its verification mail exist together or not at all).
 */
export async function issueEmailVerification(
  trx: Trx,
  rt: Runtime,
  user: { id: string; email: string; name: string; locale: Locale },
): Promise<void> {
  const token = randomToken();
  await trx
    .insertInto('email_tokens')
    .values({
      id: uuidv7(),
      user_id: user.id,
      purpose: 'verify_email',
      token_hash: hashToken(token),
      expires_at: new Date(Date.now() + verificationTtlMs),
    })
    .execute();
  const t = translatorFor(user.locale);
  const link = `${rt.config.publicUrl}/verification-email/${token}`;
  await queueMail(trx, rt.jobs, {
    to: user.email,
    template: 'identity.verify_email',
    subject: t('identity.mail.verify.subject'),
    text: t('identity.mail.verify.text', { name: user.name, link }),
  });
}
