import type { Trx } from '../db/kysely.js';
import type { ActorType } from '../db/schema.js';
import { uuidv7 } from '../ids.js';

/** Who performs a command: a signed-in user, an API token, the CLI or the system itself. */
export type Actor =
  | { type: 'user'; userId: string; ip?: string | undefined }
  | { type: 'api_token'; tokenId: string; organisationId: string; ip?: string | undefined }
  | { type: 'anonymous'; ip?: string | undefined }
  | { type: 'cli' }
  | { type: 'system' };

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  organisationId?: string | null;
  before?: unknown;
  after?: unknown;
}

const secretKeys = /password|token|hash|secret/i;

/** Removes secrets from audit payloads: the audit trail is readable by operators. */
function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = secretKeys.test(k) ? '[redacted]' : redact(v);
    return out;
  }
  return value;
}

/** Writes an audit event in the caller's transaction: the change and its trace commit together. */
export async function recordAudit(trx: Trx, actor: Actor, entry: AuditEntry): Promise<void> {
  const actorType: ActorType = actor.type;
  await trx
    .insertInto('audit_events')
    .values({
      id: uuidv7(),
      actor_type: actorType,
      actor_user_id: actor.type === 'user' ? actor.userId : null,
      actor_api_token_id: actor.type === 'api_token' ? actor.tokenId : null,
      organisation_id: entry.organisationId ?? (actor.type === 'api_token' ? actor.organisationId : null),
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(redact(entry.before)),
      after: entry.after === undefined ? null : JSON.stringify(redact(entry.after)),
      ip: 'ip' in actor ? (actor.ip ?? null) : null,
    })
    .execute();
}
