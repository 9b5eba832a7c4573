import type { Trx } from '../../platform/db/kysely.js';
import type { Locale } from '../../platform/i18n/translator.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { createEmailToken } from './emailTokens.js';
import { verificationMail } from './mails.js';

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
  const { token } = await createEmailToken(trx, user.id, 'verify_email', verificationTtlMs);
  const link = `${rt.config.publicUrl}/verification-email/${token}`;
  await queueMail(trx, rt.jobs, verificationMail(user, link));
}
