export { apiTokensRoutes } from './routes.js';
