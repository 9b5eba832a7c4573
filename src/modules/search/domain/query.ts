/**
 * The search request, cleaned before any SQL sees it: every value comes out of a closed list or a
 * strict pattern, so unknown or hostile values are simply dropped (a best-effort search, never an
 * error). The text itself is only ever a bound parameter of `websearch_to_tsquery`.
 */
export const maxQueryLength = 200;
export const pageSize = 20;
export const maxPage = 500;

export const procedureValues = [
  'adapted',
  'open',
  'restricted',
  'competitive_negotiation',
  'competitive_dialogue',
  'negotiated_without_notice',
  'design_contest',
] as const;
export const categoryValues = ['works', 'goods', 'services'] as const;
export const clauseValues = ['social', 'environmental', 'reserved'] as const;
export const deadlineValues = ['7', '30'] as const;
export const statusValues = ['open', 'closed', 'awarded', 'cancelled'] as const;
export const sortValues = ['relevance', 'deadline', 'published'] as const;

export type ProcedureValue = (typeof procedureValues)[number];
export type CategoryValue = (typeof categoryValues)[number];
export type ClauseValue = (typeof clauseValues)[number];
export type DeadlineValue = (typeof deadlineValues)[number];
export type StatusValue = (typeof statusValues)[number];
export type SortValue = (typeof sortValues)[number];

/** What callers pass (pages, API, feeds, benchmarks): loose on purpose, cleaned by `normaliseInput`. */
export interface SearchInput {
  q?: string | undefined;
  cpv?: readonly string[] | undefined;
  department?: readonly string[] | undefined;
  procedure?: readonly string[] | undefined;
  category?: readonly string[] | undefined;
  buyer?: readonly string[] | undefined;
  clause?: readonly string[] | undefined;
  deadline?: string | undefined;
  status?: readonly string[] | undefined;
  sort?: string | undefined;
  page?: number | string | undefined;
  facets?: boolean | undefined;
}

export interface NormalisedInput {
  q: string;
  /** the text was cut at `maxQueryLength` characters */
  truncated: boolean;
  cpv: string[];
  department: string[];
  procedure: ProcedureValue[];
  category: CategoryValue[];
  buyer: string[];
  clause: ClauseValue[];
  deadline: DeadlineValue | null;
  status: StatusValue[];
  sort: SortValue;
  page: number;
  facets: boolean;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const departmentPattern = /^(\d{2,3}|2[AB])$/;
const divisionPattern = /^\d{2}$/;
// control characters (C0, DEL, C1) and the private-use markers of highlighting
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\uE000\uE001]/g;

/**
 * The text of the query: control characters become spaces, runs of spaces shrink, the length is
 * capped (on code points, so an emoji is never cut in half), and a query with no letter or digit
 * at all (only punctuation) is an empty query.
 */
export function cleanQuery(raw: string | undefined): { q: string; truncated: boolean } {
  if (!raw) return { q: '', truncated: false };
  const spaced = raw.replace(controlCharacters, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(spaced);
  const truncated = chars.length > maxQueryLength;
  const q = (truncated ? chars.slice(0, maxQueryLength).join('') : spaced).trim();
  if (!/[\p{L}\p{N}]/u.test(q)) return { q: '', truncated };
  return { q, truncated };
}

function pick<T extends string>(values: readonly string[] | undefined, allowed: readonly T[]): T[] {
  if (!values) return [];
  return [...new Set(values.filter((v): v is T => (allowed as readonly string[]).includes(v)))];
}

function matching(values: readonly string[] | undefined, pattern: RegExp, max = 50): string[] {
  if (!values) return [];
  return [...new Set(values.map((v) => v.trim().toUpperCase()).filter((v) => pattern.test(v)))].slice(0, max);
}

export function normaliseInput(input: SearchInput): NormalisedInput {
  const { q, truncated } = cleanQuery(input.q);
  const sort = pick(input.sort ? [input.sort] : [], sortValues)[0] ?? (q ? 'relevance' : 'published');
  const pageNumber = typeof input.page === 'number' ? input.page : Number.parseInt(input.page ?? '1', 10);
  const page = Number.isFinite(pageNumber) ? Math.min(Math.max(Math.trunc(pageNumber), 1), maxPage) : 1;
  return {
    q,
    truncated,
    cpv: matching(input.cpv, divisionPattern),
    department: matching(input.department, departmentPattern),
    procedure: pick(input.procedure, procedureValues),
    category: pick(input.category, categoryValues),
    buyer: (input.buyer ?? [])
      .filter((b) => uuidPattern.test(b))
      .map((b) => b.toLowerCase())
      .slice(0, 50),
    clause: pick(input.clause, clauseValues),
    deadline: pick(input.deadline ? [input.deadline] : [], deadlineValues)[0] ?? null,
    status: pick(input.status, statusValues),
    // relevance means nothing without text: the newest first then
    sort: sort === 'relevance' && !q ? 'published' : sort,
    page,
    facets: input.facets ?? true,
  };
}

/** The query string of a search (shareable URL), without the empty values. */
export function toQueryString(input: NormalisedInput, overrides: Partial<NormalisedInput> = {}): string {
  const v = { ...input, ...overrides };
  const params = new URLSearchParams();
  if (v.q) params.set('q', v.q);
  for (const c of v.cpv) params.append('cpv', c);
  for (const d of v.department) params.append('department', d);
  for (const p of v.procedure) params.append('procedure', p);
  for (const c of v.category) params.append('category', c);
  for (const b of v.buyer) params.append('buyer', b);
  for (const c of v.clause) params.append('clause', c);
  if (v.deadline) params.set('deadline', v.deadline);
  for (const s of v.status) params.append('status', s);
  if (v.sort !== (v.q ? 'relevance' : 'published')) params.set('sort', v.sort);
  if (v.page > 1) params.set('page', String(v.page));
  return params.toString();
}

export function hasFilters(input: NormalisedInput): boolean {
  return (
    input.cpv.length +
      input.department.length +
      input.procedure.length +
      input.category.length +
      input.buyer.length +
      input.clause.length +
      input.status.length >
      0 || input.deadline !== null
  );
}
