import type { Trx } from '../../platform/db/kysely.js';
import { nafLabel } from '../organisations/index.js';
import { embeddedRegistry } from './embeddedRegistry.js';

/**
 * Demo data: the profiles of the demo companies, completed from the embedded registry extract
 * (built from the same generator, see scripts/build-registry-extract.ts). Two companies in three
 * chose to appear in the supplier directory, so a demo buyer has suppliers to find; the rule is
 * deterministic (by SIRET) so guides can rely on it. Returns how many profiles were written.
 */
export async function seedCompanyProfiles(
  trx: Trx,
  companies: { id: string; siret: string | null }[],
): Promise<number> {
  const rows = [];
  for (const company of companies) {
    if (!company.siret) continue;
    const record = await embeddedRegistry.lookup(company.siret);
    if (!record) continue;
    rows.push({
      organisation_id: company.id,
      address: record.address,
      postal_code: record.postalCode,
      head_office: record.headOffice,
      keywords: (nafLabel(record.naf) ?? '').slice(0, 500),
      source: 'embedded' as const,
      in_directory: Number(company.siret.slice(-3)) % 3 !== 0,
    });
  }
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('company_profiles')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  return rows.length;
}
