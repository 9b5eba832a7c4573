/**
 * Supplier directory (sourcing): companies opt in or out, buyers search, save and export
 * selections, and contact listed companies. Other modules import only this file.
 */
export { directoryMessages } from './messages.js';
export { type BuyerActor, requireBuyer } from './policies.js';
export { type DirectoryCompany, type Selection, selectionOf, selectionsOf } from './repo.js';
export { directoryRoutes } from './routes.js';
