/** API tokens and the public API. Other modules import only this file. */
export { type ApiScope, apiScopes } from './domain/scopes.js';
export { apiTokensMessages } from './messages.js';
export { requireScope } from './policies.js';
export { authenticateBearer } from './resolveApiToken.js';
export { apiTokensRoutes } from './routes.js';
