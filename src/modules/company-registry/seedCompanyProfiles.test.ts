import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import type { Runtime } from '../../platform/runtime.js';
import { seedCompanyProfiles } from './seedCompanyProfiles.js';

let rt: Runtime;
beforeAll(async () => {
  rt = await createTestRuntime();
});
afterAll(async () => {
  await rt.close();
});

describe('demo company profiles', () => {
  it('completes the profiles of companies the registry extract knows, and only those', async () => {
    const known = await createOrganisation(rt, { kind: 'company', siret: '81234567600017' });
    const unknown = await createOrganisation(rt, { kind: 'company' });
    const written = await rt.db.transaction().execute((trx) => seedCompanyProfiles(trx, [known, unknown]));
    expect(written).toBe(1);
    const rows = await rt.db.selectFrom('company_profiles').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ organisation_id: known.id, source: 'embedded', in_directory: true });
    expect(rows[0]?.postal_code).toMatch(/^\d{5}$/);
    expect(rows[0]?.keywords).toContain('menuiserie');
  });
});
