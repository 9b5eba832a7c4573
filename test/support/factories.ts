import { randomInt } from 'node:crypto';
import { hashPassword } from '../../src/modules/identity/index.js';
import { checkSiren, completeSiret } from '../../src/modules/organisations/domain/siret.js';
import type { CompanySize, OrganisationKind, Role } from '../../src/platform/db/schema.js';
import { uuidv7 } from '../../src/platform/ids.js';
import type { Runtime } from '../../src/platform/runtime.js';

export const defaultPassword = 'Correct-Horse-42-Battery';
let cachedHash: Promise<string> | undefined;

/** A valid SIRET that no other test uses (random SIREN completed with Luhn digits). */
export function randomSiret(): string {
  for (;;) {
    const body = String(randomInt(10_000_000, 99_999_999));
    // one check digit in ten makes a valid SIREN; from there a valid NIC is a few steps away
    for (let d = 0; d < 10; d++) {
      const siren = `${body}${d}`;
      if (siren !== '356000000' && checkSiren(siren) === null) return completeSiret(siren, randomInt(10, 90000));
    }
  }
}

export async function createOrganisation(
  rt: Runtime,
  values: { kind?: OrganisationKind; name?: string; siret?: string; department?: string; size?: CompanySize } = {},
): Promise<{ id: string; siret: string; name: string }> {
  const kind = values.kind ?? 'company';
  const siret = values.siret ?? randomSiret();
  const id = uuidv7();
  const name = values.name ?? `${kind === 'buyer' ? 'Commune' : 'Société'} ${siret.slice(0, 6)}`;
  await rt.db
    .insertInto('organisations')
    .values({
      id,
      kind,
      name,
      siret: kind === 'platform' ? null : siret,
      department: values.department ?? '75',
      legal_category: kind === 'buyer' ? '7210' : '5710',
      naf: kind === 'company' ? '43.21A' : null,
      size: kind === 'company' ? (values.size ?? 'PME') : null,
      city: 'Paris',
      member_since: kind === 'buyer' ? '2020-01-01' : null,
      member_until: null,
    })
    .execute();
  return { id, siret, name };
}

export async function createUser(
  rt: Runtime,
  values: {
    email?: string;
    name?: string;
    password?: string;
    verified?: boolean;
    memberships?: { organisationId: string; role: Role }[];
  } = {},
): Promise<{ id: string; email: string; password: string }> {
  const id = uuidv7();
  const email = values.email ?? `user-${id.slice(-12)}@exemple.fr`;
  const password = values.password ?? defaultPassword;
  if (password === defaultPassword) cachedHash ??= hashPassword(defaultPassword);
  const passwordHash = password === defaultPassword && cachedHash ? await cachedHash : await hashPassword(password);
  await rt.db
    .insertInto('users')
    .values({
      id,
      email,
      name: values.name ?? 'Camille Martin',
      password_hash: passwordHash,
      email_verified_at: values.verified === false ? null : new Date(),
    })
    .execute();
  for (const m of values.memberships ?? []) {
    await rt.db
      .insertInto('memberships')
      .values({ user_id: id, organisation_id: m.organisationId, role: m.role })
      .execute();
  }
  return { id, email, password };
}
