import type { FastifyInstance, FastifyRequest } from 'fastify';
import { alertsRoutes } from '../modules/alerts/index.js';
import { apiTokensRoutes, authenticateBearer } from '../modules/api-tokens/index.js';
import { backofficeRoutes } from '../modules/backoffice/index.js';
import { companyRegistryRoutes } from '../modules/company-registry/index.js';
import { contractsRoutes } from '../modules/contracts/index.js';
import { directoryRoutes } from '../modules/directory/index.js';
import { dumeRoutes } from '../modules/dume/index.js';
import { evaluationRoutes } from '../modules/evaluation/index.js';
import { identityRoutes, resolveSession, sessionCookieName } from '../modules/identity/index.js';
import { installationRoutes } from '../modules/installation/index.js';
import { intentionsRoutes } from '../modules/intentions/index.js';
import { messagingRoutes } from '../modules/messaging/index.js';
import { organisationsRoutes } from '../modules/organisations/index.js';
import { partneringRoutes } from '../modules/partnering/index.js';
import { searchRoutes, tenderTextSearch } from '../modules/search/index.js';
import { siteRoutes } from '../modules/site/index.js';
import { submissionsRoutes } from '../modules/submissions/index.js';
import { tendersRoutes } from '../modules/tenders/index.js';
import { vaultRoutes } from '../modules/vault/index.js';
import { watchlistRoutes } from '../modules/watchlist/index.js';
import type { Principal } from '../platform/http/principal.js';
import type { Runtime } from '../platform/runtime.js';

/** Every module's HTTP routes, in one place: a newcomer sees here what the platform serves. */
export async function registerModules(app: FastifyInstance, rt: Runtime): Promise<void> {
  await siteRoutes(app, rt);
  await identityRoutes(app, rt);
  await organisationsRoutes(app, rt);
  await apiTokensRoutes(app, rt);
  await backofficeRoutes(app, rt);
  await installationRoutes(app, rt);
  // the tenders API searches through the search module's index (a port defined by tenders)
  await tendersRoutes(app, rt, tenderTextSearch);
  await searchRoutes(app, rt);
  await watchlistRoutes(app, rt);
  await submissionsRoutes(app, rt);
  await companyRegistryRoutes(app, rt);
  await vaultRoutes(app, rt);
  await directoryRoutes(app, rt);
  await partneringRoutes(app, rt);
  await intentionsRoutes(app, rt);
  await dumeRoutes(app, rt);
  await alertsRoutes(app, rt);
  await messagingRoutes(app, rt);
  await evaluationRoutes(app, rt);
  await contractsRoutes(app, rt);
}

/** Who is behind a request: a session cookie for pages, a bearer token for the API. */
export async function resolvePrincipal(rt: Runtime, req: FastifyRequest): Promise<Principal> {
  // A bearer header that is present but invalid, revoked or expired answers 401, never anonymous.
  const authorization = req.headers.authorization;
  if (authorization !== undefined && req.url.startsWith('/api/')) return authenticateBearer(rt.db, authorization);
  const cookie = req.cookies[sessionCookieName];
  if (cookie && !req.url.startsWith('/api/')) {
    const session = await resolveSession(rt.db, cookie);
    if (session) return session;
  }
  return { kind: 'anonymous' };
}
