import { recordAudit } from '../../platform/audit/record.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import type { Locale } from '../../platform/i18n/translator.js';
import type { Runtime } from '../../platform/runtime.js';

interface ProfileInput {
  name: string;
  locale: Locale;
}

/** Changes the name and preferred language (pages and mails) of the signed-in person. */
export async function updateProfile(
  rt: Runtime,
  principal: SessionPrincipal,
  input: ProfileInput,
  ip: string | undefined,
): Promise<void> {
  await rt.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('users')
      .select(['name', 'locale'])
      .where('id', '=', principal.user.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (before.name === input.name && before.locale === input.locale) return;
    await trx
      .updateTable('users')
      .set({ name: input.name, locale: input.locale, updated_at: new Date() })
      .where('id', '=', principal.user.id)
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: principal.user.id, ip },
      {
        action: 'identity.profile.updated',
        subjectType: 'user',
        subjectId: principal.user.id,
        before,
        after: { name: input.name, locale: input.locale },
      },
    );
  });
}
