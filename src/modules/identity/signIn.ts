import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { verifyPassword } from './passwords.js';
import { openSession } from './sessions.js';

export interface SignInInput {
  email: string;
  password: string;
  ip: string | undefined;
  userAgent: string | undefined;
}

/** Failures from one address across all accounts before it is slowed down. */
const maxFailuresPerIp = 50;

/**
 * Signs a person in. Failed attempts are counted in the database, so the lock holds across
 * every web process: after LOGIN_MAX_FAILURES failures the account is locked for a while.
 */
export async function signIn(rt: Runtime, input: SignInInput): Promise<{ token: string; userId: string }> {
  const { db, config } = rt;
  const email = input.email.trim().toLowerCase();
  const since = new Date(Date.now() - config.loginLockMinutes * 60_000);

  const lastSuccess = await db
    .selectFrom('login_attempts')
    .select(sql<Date>`max(attempted_at)`.as('at'))
    .where(sql`lower(email)`, '=', email)
    .where('succeeded', '=', true)
    .executeTakeFirst();
  const failures = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql`lower(email)`, '=', email)
    .where('succeeded', '=', false)
    .where('attempted_at', '>', lastSuccess?.at && lastSuccess.at > since ? lastSuccess.at : since)
    .executeTakeFirstOrThrow();
  if (failures.n >= config.loginMaxFailures) {
    throw new AppError('locked', { messageKey: 'identity.signin.locked' });
  }
  if (input.ip) {
    const fromIp = await db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip', '=', input.ip)
      .where('succeeded', '=', false)
      .where('attempted_at', '>', since)
      .executeTakeFirstOrThrow();
    if (fromIp.n >= maxFailuresPerIp) throw new AppError('rate_limited');
  }

  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled_at'])
    .where(sql`lower(email)`, '=', email)
    .executeTakeFirst();
  const valid = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !valid || user.disabled_at) {
    await db
      .insertInto('login_attempts')
      .values({ email, ip: input.ip ?? null, succeeded: false })
      .execute();
    const left = config.loginMaxFailures - failures.n - 1;
    if (left <= 0) throw new AppError('locked', { messageKey: 'identity.signin.locked' });
    throw new AppError('validation', { fields: [{ field: '_form', message: 'identity.signin.invalid' }] });
  }

  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('login_attempts')
      .values({ email, ip: input.ip ?? null, succeeded: true })
      .execute();
    const session = await openSession(trx, user.id, { ip: input.ip, userAgent: input.userAgent });
    await recordAudit(
      trx,
      { type: 'user', userId: user.id, ip: input.ip },
      { action: 'identity.session.opened', subjectType: 'session', subjectId: session.sessionId },
    );
    return { token: session.token, userId: user.id };
  });
}
