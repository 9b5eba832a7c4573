export { organisationsRoutes } from './routes.js';
