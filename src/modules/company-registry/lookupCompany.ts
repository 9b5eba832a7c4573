import type { Config } from '../../platform/config.js';
import type { Runtime } from '../../platform/runtime.js';
import { type CompanyRegistry, type LookupOutcome, RegistryUnavailable } from './domain/registry.js';
import { embeddedRegistry } from './embeddedRegistry.js';
import { httpRegistry } from './httpRegistry.js';

/** The configured adapter: the HTTP service when `COMPANY_REGISTRY_URL` is set, else the extract. */
export function registryFor(config: Config): CompanyRegistry {
  return config.companyRegistryUrl
    ? httpRegistry(config.companyRegistryUrl, config.companyRegistryTimeoutMs)
    : embeddedRegistry;
}

/**
 * Looks a (checked) SIRET up. Never throws for the registry's sake: a registry that fails gives
 * 'unavailable' and the person types the fields in by hand.
 */
export async function lookupCompany(
  rt: Runtime,
  siret: string,
  registry = registryFor(rt.config),
): Promise<LookupOutcome> {
  try {
    const record = await registry.lookup(siret);
    return record ? { status: 'found', record, source: registry.source } : { status: 'unknown' };
  } catch (error) {
    if (!(error instanceof RegistryUnavailable)) throw error;
    rt.logger.warn({ err: error.message, source: registry.source }, 'company registry unavailable');
    return { status: 'unavailable' };
  }
}
