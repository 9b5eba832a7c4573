import type { Principal } from '../../../platform/http/principal.js';
import { uuidv7 } from '../../../platform/ids.js';
import type { Runtime } from '../../../platform/runtime.js';
import { actingCompany } from '../policies.js';

/**
 * One line of the retrievals register per download (a file or the whole ZIP). Anonymous
 * downloads are allowed and counted; a person signed in for a company is identified, so the
 * buyer can tell them about answers and corrigenda.
 */
export async function recordRetrieval(
  rt: Runtime,
  principal: Principal,
  input: { tenderId: string; dceVersion: number; documentId: string | null },
): Promise<void> {
  const company = actingCompany(principal);
  await rt.db
    .insertInto('retrievals')
    .values({
      id: uuidv7(),
      tender_id: input.tenderId,
      dce_version: input.dceVersion,
      document_id: input.documentId,
      user_id: company?.userId ?? null,
      organisation_id: company?.companyId ?? null,
    })
    .execute();
}
