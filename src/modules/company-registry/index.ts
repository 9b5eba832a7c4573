/**
 * Company registry and company profile: a `CompanyRegistry` port (embedded extract by default,
 * the recherche-entreprises HTTP API when configured), sign-up from a SIRET (or a request to join
 * a company already registered) and the profile page. Other modules import only this file.
 */
export type { CompanyRecord, CompanyRegistry, LookupOutcome } from './domain/registry.js';
export { registryMessages } from './messages.js';
export { type CompanyActor, companyActor, requireCompanyActor } from './policies.js';
export { type CompanyProfile, companyAdminEmails, companyProfile } from './repo.js';
export { companyRegistryRoutes } from './routes.js';
export { seedCompanyProfiles } from './seedCompanyProfiles.js';
