/** Installation: the first platform administrator, by a one-time link or by the CLI. */
export { createPlatformAdmin, type PlatformAdminInput } from './createPlatformAdmin.js';
export { platformOrganisationName, setupLinkHours } from './domain/platform.js';
export { installationMessages } from './messages.js';
export { installationRoutes } from './routes.js';
export { hasPlatformAdmin, type IssueSetupLinkResult, issueSetupLink } from './setupLink.js';
