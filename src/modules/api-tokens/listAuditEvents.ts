import type { ActorType } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import { isUuid } from './domain/token.js';
import { requireScope } from './policies.js';
import { listAuditEventsOfOrganisation } from './repo.js';

export interface AuditEventsQuery {
  action?: string | undefined;
  /** ISO 8601 instants with offset */
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface AuditEventResource {
  id: string;
  occurredAt: string;
  actorType: ActorType;
  actorUserId: string | null;
  actorApiTokenId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  before: unknown;
  after: unknown;
}

interface Position {
  occurredAt: string;
  id: string;
}

const positionPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The cursor is opaque to clients: the last event's exact position, as base64url JSON. */
function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.occurredAt, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): Position | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [occurredAt, id] = value as unknown[];
    if (typeof occurredAt !== 'string' || typeof id !== 'string') return undefined;
    if (!positionPattern.test(occurredAt) || Number.isNaN(Date.parse(occurredAt)) || !isUuid(id)) {
      return undefined;
    }
    return { occurredAt, id };
  } catch {
    return undefined;
  }
}

/**
 * The audit trail of the token's organisation only, newest first, page by page. `nextCursor` is
 * null on the last page.
 */
export async function listAuditEvents(
  rt: Runtime,
  principal: Principal,
  query: AuditEventsQuery,
): Promise<{ items: AuditEventResource[]; nextCursor: string | null }> {
  const token = requireScope(principal, 'audit:read');
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (query.cursor !== undefined && !after)
    throw new AppError('bad_request', { messageKey: 'apiTokens.api.cursor_invalid' });
  // Fetch one more than asked: its presence tells whether there is a next page.
  const rows = await listAuditEventsOfOrganisation(rt.db, {
    organisationId: token.organisationId,
    action: query.action,
    from: query.from,
    to: query.to,
    after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      // to the microsecond, as stored: a client can pass it back as `from` or `to` without rounding
      occurredAt: r.position,
      actorType: r.actor_type,
      actorUserId: r.actor_user_id,
      actorApiTokenId: r.actor_api_token_id,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      before: r.before ?? null,
      after: r.after ?? null,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ occurredAt: last.position, id: last.id }) : null,
  };
}
