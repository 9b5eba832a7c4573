import { recordAudit } from '../../platform/audit/record.js';
import type { Role } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/translator.js';
import { hashToken, randomToken, uuidv7 } from '../../platform/ids.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { translatorFor } from '../../web/i18n.js';
import { type ActingUser, userActor } from './acting.js';
import { invitationTtlMs } from './domain/invitation.js';
import { isRoleValidFor } from './domain/roles.js';
import { hasPendingInvitation, isMemberByEmail, lockOrganisation } from './repo.js';

export interface InviteMemberInput {
  organisationId: string;
  email: string;
  role: string;
  /** language of the invitation mail */
  locale: Locale;
}

/**
 * Invites a person by e-mail into an organisation (the caller has checked that `by` administers
 * it). The link holds a random token; only its hash is stored. The mail leaves only if the
 * invitation commits.
 */
export async function inviteMember(rt: Runtime, by: ActingUser, input: InviteMemberInput): Promise<string> {
  const email = input.email.trim();
  return rt.db.transaction().execute(async (trx) => {
    const organisation = await lockOrganisation(trx, input.organisationId);
    if (!organisation) throw notFound();
    if (!isRoleValidFor(organisation.kind, input.role)) {
      throw new AppError('validation', { fields: [{ field: 'role', message: 'organisations.invite.role_invalid' }] });
    }
    const role: Role = input.role;
    if (await isMemberByEmail(trx, organisation.id, email)) {
      throw new AppError('conflict', { fields: [{ field: 'email', message: 'organisations.invite.already_member' }] });
    }
    if (await hasPendingInvitation(trx, organisation.id, email)) {
      throw new AppError('conflict', { fields: [{ field: 'email', message: 'organisations.invite.already_invited' }] });
    }

    const token = randomToken();
    const id = uuidv7();
    const expiresAt = new Date(Date.now() + invitationTtlMs);
    await trx
      .insertInto('invitations')
      .values({
        id,
        organisation_id: organisation.id,
        email,
        role,
        token_hash: hashToken(token),
        invited_by: by.userId,
        expires_at: expiresAt,
      })
      .execute();

    const t = translatorFor(input.locale);
    const params = {
      inviter: by.name,
      organisation: organisation.name,
      role: t(`organisations.role.${role}`),
      link: `${rt.config.publicUrl}/invitation/${token}`,
    };
    await queueMail(trx, rt.jobs, {
      to: email,
      template: 'organisations.invitation',
      subject: t('organisations.mail.invitation.subject', params),
      text: t('organisations.mail.invitation.text', params),
    });
    await recordAudit(trx, userActor(by), {
      action: 'organisations.invitation.created',
      subjectType: 'invitation',
      subjectId: id,
      organisationId: organisation.id,
      after: { email, role, expiresAt },
    });
    return id;
  });
}
