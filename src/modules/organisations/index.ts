/** Organisations: companies and buyers, their members and invitations. Other modules import only this file. */
export { createOrganisation, type OrganisationInput, organisationInput } from './createOrganisation.js';
export { adminRoleFor, isAdminRole, isRoleValidFor, rolesForKind } from './domain/roles.js';
export { checkSiren, checkSiret, completeSiret, formatSiret, luhnValid, normaliseIdentifier } from './domain/siret.js';
export { companySizes } from './domain/sizes.js';
export { organisationsMessages } from './messages.js';
export { canAdministerOrganisation, canViewOrganisation } from './policies.js';
export {
  type Department,
  departmentName,
  isDepartmentCode,
  isNafCode,
  listDepartments,
  type NafSubclass,
  nafLabel,
  nafSubclasses,
} from './reference.js';
export { organisationsRoutes } from './routes.js';
export { SignUpPage } from './views/SignUpPage.js';
