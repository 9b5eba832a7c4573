/** Identity: people, passwords, sessions, e-mail checks. Other modules import only this file. */
export { checkPasswordStrength } from './domain/password.js';
export { issueEmailVerification } from './emailVerification.js';
export { identityMessages } from './messages.js';
export { hashPassword } from './passwords.js';
export { identityRoutes } from './routes.js';
export { resolveSession, sessionCookieName } from './sessions.js';
export { EmailVerificationNotice } from './views/EmailVerificationNotice.js';
