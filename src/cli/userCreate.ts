import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { z } from 'zod';
import { checkPasswordStrength, hashPassword } from '../modules/identity/index.js';
import { checkSiret, isRoleValidFor, normaliseIdentifier, rolesForKind } from '../modules/organisations/index.js';
import { recordAudit } from '../platform/audit/record.js';
import type { OrganisationKind, Role } from '../platform/db/schema.js';
import { uuidv7 } from '../platform/ids.js';
import { type CliContext, generatePassword, parseCommandArgs, requireOption } from './context.js';
import { CliError, english } from './errors.js';

export const userCreateHelp =
  'create a user: --email --name [--password] [--org <siret> --role admin|member|<role>] (prints a generated password)';

const email = z.string().trim().max(254).pipe(z.email());

export interface UserCreateArgs {
  email: string;
  name: string;
  password: string | undefined;
  org: string | undefined;
  role: string | undefined;
}

export function parseUserCreateArgs(args: string[]): UserCreateArgs {
  const values = parseCommandArgs('user:create', () =>
    parseArgs({
      args,
      strict: true,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
        org: { type: 'string' },
        role: { type: 'string' },
      },
    }),
  ).values;
  const parsedEmail = email.safeParse(requireOption('user:create', values.email, 'email'));
  if (!parsedEmail.success) throw new CliError(`user:create: --email "${values.email}" is not a valid e-mail address.`);
  const name = requireOption('user:create', values.name, 'name').trim();
  if (name.length > 200) throw new CliError('user:create: --name cannot exceed 200 characters.');
  if (values.password !== undefined) {
    const problem = checkPasswordStrength(values.password, parsedEmail.data);
    if (problem) throw new CliError(`user:create: --password: ${english(problem)}`);
  }
  let org: string | undefined;
  if (values.org !== undefined) {
    org = normaliseIdentifier(values.org);
    if (checkSiret(org) !== null) throw new CliError(`user:create: --org "${values.org}" is not a valid SIRET.`);
  }
  if (values.role !== undefined && org === undefined) {
    throw new CliError('user:create: --role needs --org <siret> (the organisation the role is held in).');
  }
  return { email: parsedEmail.data, name, password: values.password, org, role: values.role };
}

/** `admin` and `member` name the roles of any kind of organisation; full role names work too. */
function resolveRole(kind: OrganisationKind, wanted: string | undefined): Role {
  const [member, admin] = rolesForKind(kind);
  if (wanted === undefined || wanted === 'member' || wanted === 'agent' || wanted === 'operator') return member;
  if (wanted === 'admin') return admin;
  if (isRoleValidFor(kind, wanted)) return wanted;
  throw new CliError(
    `user:create: --role "${wanted}" does not exist in a ${kind} organisation (use ${member} or ${admin}).`,
  );
}

/** `halle user:create`: a person, with a membership when --org is given. */
export async function userCreateCommand(ctx: CliContext, args: string[]): Promise<void> {
  const input = parseUserCreateArgs(args);
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const created = await ctx.rt.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where(sql`lower(email)`, '=', input.email.toLowerCase())
      .executeTakeFirst();
    if (taken) throw new CliError(`user:create: a user with the e-mail address ${input.email} already exists.`);
    let membership: { organisationId: string; organisationName: string; role: Role } | undefined;
    if (input.org !== undefined) {
      const org = await trx
        .selectFrom('organisations')
        .select(['id', 'name', 'kind'])
        .where('siret', '=', input.org)
        .executeTakeFirst();
      if (!org) throw new CliError(`user:create: no organisation has the SIRET ${input.org}.`);
      membership = { organisationId: org.id, organisationName: org.name, role: resolveRole(org.kind, input.role) };
    }
    const userId = uuidv7();
    // Created by an operator with shell access, who vouches for the address.
    await trx
      .insertInto('users')
      .values({
        id: userId,
        email: input.email,
        name: input.name,
        password_hash: passwordHash,
        email_verified_at: new Date(),
      })
      .execute();
    await recordAudit(
      trx,
      { type: 'cli' },
      {
        action: 'identity.user.created',
        subjectType: 'user',
        subjectId: userId,
        after: { email: input.email, name: input.name },
      },
    );
    if (membership) {
      await trx
        .insertInto('memberships')
        .values({ user_id: userId, organisation_id: membership.organisationId, role: membership.role })
        .execute();
      await recordAudit(
        trx,
        { type: 'cli' },
        {
          action: 'organisations.membership.created',
          subjectType: 'membership',
          subjectId: userId,
          organisationId: membership.organisationId,
          after: { userId, role: membership.role },
        },
      );
    }
    return { userId, membership };
  });
  ctx.out(`Created user ${input.name} <${input.email}> (${created.userId}).`);
  if (created.membership) ctx.out(`  ${created.membership.role} of ${created.membership.organisationName}`);
  if (input.password === undefined) ctx.out(`  password (shown once): ${password}`);
}
