import { recordAudit } from '../../platform/audit/record.js';
import type { CompanySize } from '../../platform/db/schema.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/translator.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { hashPassword, issueEmailVerification } from '../identity/index.js';
import { findUserByEmail, siretRegistered, uniqueViolation } from './repo.js';

export interface SignUpCompanyInput {
  /** already normalised and checked (14 digits, valid key) */
  siret: string;
  name: string;
  naf: string;
  size: CompanySize;
  department: string;
  city: string;
  isEss: boolean;
  isSiae: boolean;
  personName: string;
  email: string;
  password: string;
  locale: Locale;
  ip: string | undefined;
}

// The message never names the company that holds the SIRET: anyone can type any SIRET.
const siretTaken: FieldError = { field: 'siret', message: 'organisations.siret.taken' };
const emailTaken: FieldError = { field: 'email', message: 'organisations.email.taken' };

/**
 * Creates a company, its first administrator and the e-mail verification of that person, all
 * in one transaction. Duplicates are checked first to show every problem at once, and again by
 * the unique indexes, so two simultaneous sign-ups with the same SIRET cannot both succeed.
 */
export async function signUpCompany(
  rt: Runtime,
  input: SignUpCompanyInput,
): Promise<{ organisationId: string; userId: string }> {
  const email = input.email.trim();
  const duplicates: FieldError[] = [];
  if (await siretRegistered(rt.db, input.siret)) duplicates.push(siretTaken);
  if (await findUserByEmail(rt.db, email)) duplicates.push(emailTaken);
  if (duplicates.length) throw new AppError('conflict', { fields: duplicates });

  // argon2 takes a while: hash before the transaction, not while holding its locks.
  const passwordHash = await hashPassword(input.password);
  const organisationId = uuidv7();
  const userId = uuidv7();
  try {
    await rt.db.transaction().execute(async (trx) => {
      const organisation = {
        id: organisationId,
        kind: 'company' as const,
        name: input.name,
        siret: input.siret,
        naf: input.naf,
        size: input.size,
        department: input.department,
        city: input.city,
        is_ess: input.isEss,
        is_siae: input.isSiae,
      };
      await trx.insertInto('organisations').values(organisation).execute();
      await trx
        .insertInto('users')
        .values({ id: userId, email, name: input.personName, password_hash: passwordHash, locale: input.locale })
        .execute();
      await trx
        .insertInto('memberships')
        .values({ user_id: userId, organisation_id: organisationId, role: 'company_admin' })
        .execute();
      await issueEmailVerification(trx, rt, { id: userId, email, name: input.personName, locale: input.locale });

      const actor = { type: 'user' as const, userId, ip: input.ip };
      await recordAudit(trx, actor, {
        action: 'organisations.organisation.created',
        subjectType: 'organisation',
        subjectId: organisationId,
        organisationId,
        after: organisation,
      });
      await recordAudit(trx, actor, {
        action: 'organisations.user.registered',
        subjectType: 'user',
        subjectId: userId,
        organisationId,
        after: { email, name: input.personName },
      });
      await recordAudit(trx, actor, {
        action: 'organisations.member.added',
        subjectType: 'membership',
        subjectId: userId,
        organisationId,
        after: { userId, role: 'company_admin' },
      });
    });
  } catch (error) {
    const index = uniqueViolation(error);
    if (index === 'organisations_siret_key') throw new AppError('conflict', { fields: [siretTaken] });
    if (index === 'users_email_key') throw new AppError('conflict', { fields: [emailTaken] });
    throw error;
  }
  return { organisationId, userId };
}
