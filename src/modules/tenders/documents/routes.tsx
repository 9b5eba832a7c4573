import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../../platform/runtime.js';

export async function documentsRoutes(_app: FastifyInstance, _rt: Runtime): Promise<void> {}
