/**
 * The shape of an API token: `halle_<prefix>_<secret>`. The prefix (8 characters) is stored and
 * shown, so an administrator can tell tokens apart and a leaked one can be recognised in a log;
 * the secret (32 random bytes) is never stored, only the SHA-256 of the whole token.
 */
const tokenPrefixLength = 8;
const tokenSecretLength = 43;

const tokenPattern = new RegExp(`^halle_[A-Za-z0-9_-]{${tokenPrefixLength}}_[A-Za-z0-9_-]{${tokenSecretLength}}$`);

export function formatToken(prefix: string, secret: string): string {
  return `halle_${prefix}_${secret}`;
}

/** Cheap shape check before any database work: garbage never reaches a query. */
export function looksLikeToken(value: string): boolean {
  return tokenPattern.test(value);
}

/** What an administrator sees in the list; never enough to use the token. */
export function visiblePrefix(prefix: string): string {
  return `halle_${prefix}_…`;
}

export type TokenStatus = 'active' | 'revoked' | 'expired';

export function tokenStatus(token: { revoked_at: Date | null; expires_at: Date | null }, now: Date): TokenStatus {
  if (token.revoked_at) return 'revoked';
  if (token.expires_at && token.expires_at.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Offset of Europe/Paris from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function parisOffsetMs(instant: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The last second of a calendar day in Paris (`2026-12-31` → 31 December 23:59:59 Paris time),
 * right across daylight-saving changes; undefined when the text is not a real date.
 */
export function endOfParisDay(date: string): Date | undefined {
  const match = isoDate.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  // Next midnight as a wall-clock time, converted with the offset in force at that moment.
  const nextMidnightWall = Date.UTC(year, month - 1, day + 1);
  let instant = nextMidnightWall - parisOffsetMs(nextMidnightWall);
  instant = nextMidnightWall - parisOffsetMs(instant);
  return new Date(instant - 1000);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Identifiers from URLs are checked before they reach a uuid column (a bad cast is a 500). */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
