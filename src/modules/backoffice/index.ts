export { backofficeRoutes } from './routes.js';
