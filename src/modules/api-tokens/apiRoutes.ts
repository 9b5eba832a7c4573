import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Runtime } from '../../platform/runtime.js';
import type { apiScopes } from './domain/scopes.js';
import { getOrganisation } from './getOrganisation.js';
import { decodeCursor, listAuditEvents } from './listAuditEvents.js';
import { listMembers } from './listMembers.js';

/** The problem+json body every API error has (see sendError in src/app/server.ts). */
const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('stable error code: validation, unauthenticated, forbidden, not_found…'),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    instance: z.string().optional(),
  })
  .meta({ id: 'Problem' });

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problem } },
});

const ok = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { 'application/json': { schema } },
});

const unauthorized = problemResponse('Token missing, invalid, revoked or expired.');
const forbidden = problemResponse('The token lacks the required scope; `detail` names it.');

/**
 * `security` names the scope the operation needs: OpenAPI 3.1 allows role names in the
 * requirement of a non-OAuth scheme, and the documentation page reads them from there.
 */
const bearer = (scope: (typeof apiScopes)[number]) => [{ bearer: [scope] }];

const organisation = z
  .object({
    id: z.uuid(),
    kind: z.enum(['buyer', 'company', 'platform']),
    name: z.string(),
    siret: z.string().nullable(),
    siren: z.string().nullable(),
    naf: z.string().nullable().describe('NAF/APE activity code, e.g. 43.21A'),
    size: z.enum(['TPE', 'PME', 'ETI', 'GE']).nullable(),
    department: z.string().nullable(),
    isEss: z.boolean().describe('social and solidarity economy'),
    isSiae: z.boolean().describe('work integration social enterprise'),
    memberSince: z.iso.date().nullable().describe('membership of the platform, for buyers'),
    memberUntil: z.iso.date().nullable(),
  })
  .meta({ id: 'Organisation' });

const member = z.object({
  name: z.string(),
  email: z.string(),
  role: z.enum([
    'buyer_agent',
    'buyer_admin',
    'company_member',
    'company_admin',
    'platform_operator',
    'platform_admin',
  ]),
  since: z.iso.datetime(),
});

const auditEvent = z.object({
  id: z.uuid(),
  occurredAt: z.iso.datetime(),
  actorType: z.enum(['user', 'api_token', 'system', 'cli', 'anonymous']),
  actorUserId: z.uuid().nullable(),
  actorApiTokenId: z.uuid().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  before: z.unknown().describe('state before the change, secrets redacted'),
  after: z.unknown().describe('state after the change, secrets redacted'),
});

const auditQuery = z.object({
  action: z.string().min(1).max(100).optional().describe('only this action, e.g. api_token.created'),
  from: z.iso.datetime({ offset: true }).optional().describe('events at or after this instant (ISO 8601)'),
  to: z.iso.datetime({ offset: true }).optional().describe('events before this instant (ISO 8601)'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('page size, 1 to 200'),
  cursor: z
    .string()
    .max(200)
    .refine((v) => decodeCursor(v) !== undefined, 'Invalid cursor: use the nextCursor value of a response.')
    .optional()
    .describe('nextCursor of the previous page'),
});

/** API v1: read access for an organisation's own software, by bearer token only. */
export async function apiV1Routes(app: FastifyInstance, rt: Runtime): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/organisation',
    {
      schema: {
        tags: ['Organisation'],
        operationId: 'getOrganisation',
        summary: 'The organisation of the token',
        security: bearer('organisation:read'),
        response: { 200: ok('The organisation of the token.', organisation), 401: unauthorized, 403: forbidden },
      },
    },
    async (req) => getOrganisation(rt, req.principal),
  );

  api.get(
    '/api/v1/organisations/:id',
    {
      schema: {
        tags: ['Organisation'],
        operationId: 'getOrganisationById',
        summary: 'An organisation by identifier: only the token’s own organisation is visible',
        security: bearer('organisation:read'),
        params: z.object({ id: z.string().max(100).describe('organisation identifier (UUID)') }),
        response: {
          200: ok('The organisation, when it is the token’s.', organisation),
          401: unauthorized,
          403: forbidden,
          404: problemResponse('No such organisation, or not the token’s.'),
        },
      },
    },
    async (req) => getOrganisation(rt, req.principal, req.params.id),
  );

  api.get(
    '/api/v1/organisation/members',
    {
      schema: {
        tags: ['Organisation'],
        operationId: 'listMembers',
        summary: 'The members of the token’s organisation',
        security: bearer('members:read'),
        response: {
          200: ok('The members, by name.', z.object({ items: z.array(member) })),
          401: unauthorized,
          403: forbidden,
        },
      },
    },
    async (req) => listMembers(rt, req.principal),
  );

  api.get(
    '/api/v1/audit-events',
    {
      schema: {
        tags: ['Audit'],
        operationId: 'listAuditEvents',
        summary: 'Audit events of the token’s organisation, newest first, paginated by cursor',
        security: bearer('audit:read'),
        querystring: auditQuery,
        response: {
          200: ok(
            'A page of events, newest first.',
            z.object({
              items: z.array(auditEvent),
              nextCursor: z.string().nullable().describe('null on the last page'),
            }),
          ),
          400: problemResponse('Invalid parameter; `errors` says which.'),
          401: unauthorized,
          403: forbidden,
        },
      },
    },
    async (req) =>
      listAuditEvents(rt, req.principal, {
        action: req.query.action,
        from: req.query.from,
        to: req.query.to,
        limit: req.query.limit,
        cursor: req.query.cursor,
      }),
  );
}
