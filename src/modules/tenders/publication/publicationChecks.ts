import type { DbOrTrx } from '../../../platform/db/kysely.js';

/**
 * Conditions other modules put on publication (the submissions module: a complete opening
 * committee with its key), without this module importing them: they register here when their
 * routes are set up. Each check returns catalogue keys of the problems it finds (empty when
 * none); they are listed with the drafting problems and block `publishTender` the same way.
 */
export type PublicationCheck = (
  db: DbOrTrx,
  tender: { id: string; reference: string; buyer_id: string },
) => Promise<string[]>;

const checks = new Map<string, PublicationCheck>();

export function addPublicationCheck(name: string, check: PublicationCheck): void {
  checks.set(name, check);
}

export async function runPublicationChecks(
  db: DbOrTrx,
  tender: { id: string; reference: string; buyer_id: string },
): Promise<string[]> {
  const found: string[] = [];
  // one after the other: inside a transaction on PGlite there is one connection
  for (const check of checks.values()) found.push(...(await check(db, tender)));
  return found;
}
