import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../platform/runtime.js';
import { clarificationsRoutes } from './clarifications/routes.js';
import { documentsRoutes } from './documents/routes.js';
import { draftingRoutes } from './drafting/routes.js';
import { publicationRoutes } from './publication/routes.js';
import type { TenderTextSearch } from './publication/textSearch.js';

/** `textSearch` is provided by the search module (see publication/textSearch.ts). */
export async function tendersRoutes(app: FastifyInstance, rt: Runtime, textSearch?: TenderTextSearch): Promise<void> {
  await draftingRoutes(app, rt);
  await documentsRoutes(app, rt);
  await publicationRoutes(app, rt, textSearch);
  await clarificationsRoutes(app, rt);
}
