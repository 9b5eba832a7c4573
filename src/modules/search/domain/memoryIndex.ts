import type { QueryNode } from './tsquery.js';

/**
 * An in-memory inverted index of the public tenders, kept by each web process beside the
 * PostgreSQL index it mirrors. Why: PostgreSQL's GIN index finds the matches of a broad word
 * ("travaux": a quarter of a million tenders) quickly, but ranking them and counting eight facets
 * means visiting every match row by row — hundreds of milliseconds at a million tenders. Here the
 * postings are sorted arrays of slot numbers and the facet values are typed arrays, so matching,
 * exact facet counts and the top of the ranking take a few milliseconds. PostgreSQL stays the
 * source of truth: this index is rebuilt from it at start and follows its change log.
 *
 * A document's words are PostgreSQL's own lexemes (the weighted `tsvector` of the search table),
 * and the query is PostgreSQL's own `websearch_to_tsquery`, read back by `parseTsquery`: stemming,
 * accents and stop words are decided by the database, never re-implemented here.
 */
export interface IndexedTender {
  tenderId: string;
  publishedAt: number;
  /** epoch milliseconds, or null without a deadline */
  deadline: number | null;
  status: string;
  department: string | null;
  procedure: string;
  category: string;
  buyerId: string | null;
  buyerName: string;
  cpvDivisions: readonly string[];
  socialClause: boolean;
  environmentalClause: boolean;
  reservedContract: boolean;
  /** lexeme → weight of its best position (A 1.0, B 0.4, C 0.2, D 0.1, as the SQL ranking) */
  lexemes: ReadonlyMap<string, number>;
}

export type FacetDimension =
  | 'cpv'
  | 'department'
  | 'procedure'
  | 'category'
  | 'buyer'
  | 'clause'
  | 'deadline'
  | 'status';
export type PublicStatus = 'open' | 'closed' | 'awarded' | 'cancelled';

export interface MemoryFilters {
  cpv: readonly string[];
  department: readonly string[];
  procedure: readonly string[];
  category: readonly string[];
  buyer: readonly string[];
  clause: readonly ('social' | 'environmental' | 'reserved')[];
  deadline: '7' | '30' | null;
  /** the statuses asked for; empty means open, closed and awarded (as the SQL search) */
  status: readonly PublicStatus[];
}

export interface MemoryQuery {
  /** null: every document (browsing without words) */
  text: QueryNode | null;
  filters: MemoryFilters;
  now: number;
  sort: 'relevance' | 'deadline' | 'published';
  offset: number;
  limit: number;
  facets: boolean;
}

export interface RawFacet {
  dim: FacetDimension;
  value: string;
  label: string | null;
  count: number;
}

export interface MemoryResult {
  total: number;
  /** the page, in order */
  hits: { tenderId: string; score: number }[];
  facets: RawFacet[] | null;
}

const weightOfClass: Record<string, number> = { A: 1, B: 0.4, C: 0.2, D: 0.1 };

/**
 * Reads PostgreSQL's text form of a tsvector (`'lexeme':1A,4 'autre':2`) into lexeme → best weight.
 * A lexeme without position (a stripped vector) counts as D.
 */
export function parseTsvector(text: string): Map<string, number> {
  const lexemes = new Map<string, number>();
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      i++;
      continue;
    }
    if (text[i] !== "'") throw new Error('malformed tsvector');
    let lexeme = '';
    i++;
    for (;;) {
      if (i >= text.length) throw new Error('unterminated lexeme in tsvector');
      const c = text[i] as string;
      if (c === '\\') {
        lexeme += text[i + 1] ?? '';
        i += 2;
      } else if (c === "'" && text[i + 1] === "'") {
        lexeme += "'";
        i += 2;
      } else if (c === "'") {
        i++;
        break;
      } else {
        lexeme += c;
        i++;
      }
    }
    let best = 0;
    if (text[i] === ':') {
      i++;
      while (i < text.length && text[i] !== ' ') {
        const start = i;
        while (i < text.length && /[0-9]/.test(text[i] as string)) i++;
        const letter = /[A-D]/.test(text[i] ?? '') ? (text[i++] as string) : 'D';
        if (i === start) throw new Error('malformed position in tsvector');
        best = Math.max(best, weightOfClass[letter] ?? 0.1);
        if (text[i] === ',') i++;
      }
    } else {
      best = 0.1;
    }
    lexemes.set(lexeme, Math.max(best, lexemes.get(lexeme) ?? 0));
  }
  return lexemes;
}

const statusCodes: Record<string, number> = { published: 0, closed: 1, opened: 1, evaluation: 1, awarded: 2 };
const publicStatuses: PublicStatus[] = ['open', 'closed', 'awarded', 'cancelled'];
const clauseBits = { social: 1, environmental: 2, reserved: 4 } as const;
const day = 24 * 3600 * 1000;

/** A growable list of strings with their numbers (departments, procedures, buyers…). */
class Dictionary {
  readonly values: string[] = [];
  private readonly numbers = new Map<string, number>();
  numberOf(value: string): number {
    let n = this.numbers.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value);
      this.numbers.set(value, n);
    }
    return n;
  }
  find(value: string): number | undefined {
    return this.numbers.get(value);
  }
}

/** The documents carrying one lexeme, in slot order, with the lexeme's weight there in tenths (1 byte). */
class Postings {
  slots = new Uint32Array(4);
  tenths = new Uint8Array(4);
  length = 0;
  push(slot: number, weight: number): void {
    if (this.length === this.slots.length) {
      const slots = new Uint32Array(this.slots.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      const tenths = new Uint8Array(this.tenths.length * 2);
      tenths.set(this.tenths);
      this.tenths = tenths;
    }
    this.slots[this.length] = slot;
    this.tenths[this.length] = Math.round(weight * 10);
    this.length++;
  }
  /** Gives back the room kept for growth (after a bulk load). */
  trim(): void {
    this.slots = this.slots.slice(0, Math.max(this.length, 1));
    this.tenths = this.tenths.slice(0, Math.max(this.length, 1));
  }
  scored(): ScoredSet {
    const scores = new Float32Array(this.length);
    for (let i = 0; i < this.length; i++) scores[i] = (this.tenths[i] as number) / 10;
    return { slots: this.slots.subarray(0, this.length), scores };
  }
}

/** A set of slots in increasing order, with the score each slot earned from the query's words. */
interface ScoredSet {
  slots: Uint32Array;
  scores: Float32Array;
}

function intersect(a: ScoredSet, b: ScoredSet): ScoredSet {
  const n = Math.min(a.slots.length, b.slots.length);
  const slots = new Uint32Array(n);
  const scores = new Float32Array(n);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.slots.length && j < b.slots.length) {
    const x = a.slots[i] as number;
    const y = b.slots[j] as number;
    if (x === y) {
      slots[k] = x;
      scores[k++] = (a.scores[i++] as number) + (b.scores[j++] as number);
    } else if (x < y) i++;
    else j++;
  }
  return { slots: slots.subarray(0, k), scores: scores.subarray(0, k) };
}

function unite(a: ScoredSet, b: ScoredSet): ScoredSet {
  const slots = new Uint32Array(a.slots.length + b.slots.length);
  const scores = new Float32Array(slots.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.slots.length || j < b.slots.length) {
    const x = i < a.slots.length ? (a.slots[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < b.slots.length ? (b.slots[j] as number) : Number.POSITIVE_INFINITY;
    if (x === y) {
      slots[k] = x;
      scores[k++] = (a.scores[i++] as number) + (b.scores[j++] as number);
    } else if (x < y) {
      slots[k] = x;
      scores[k++] = a.scores[i++] as number;
    } else {
      slots[k] = y;
      scores[k++] = b.scores[j++] as number;
    }
  }
  return { slots: slots.subarray(0, k), scores: scores.subarray(0, k) };
}

function subtract(a: ScoredSet, b: ScoredSet): ScoredSet {
  const slots = new Uint32Array(a.slots.length);
  const scores = new Float32Array(a.slots.length);
  let j = 0;
  let k = 0;
  for (let i = 0; i < a.slots.length; i++) {
    const x = a.slots[i] as number;
    while (j < b.slots.length && (b.slots[j] as number) < x) j++;
    if (j < b.slots.length && b.slots[j] === x) continue;
    slots[k] = x;
    scores[k++] = a.scores[i] as number;
  }
  return { slots: slots.subarray(0, k), scores: scores.subarray(0, k) };
}

export class TenderMemoryIndex {
  private capacity = 0;
  private count = 0;
  private live = 0;
  private tenderIds: string[] = [];
  private alive = new Uint8Array(0);
  private published = new Float64Array(0);
  /** NaN when there is no deadline */
  private deadline = new Float64Array(0);
  private status = new Uint8Array(0);
  private department = new Int32Array(0);
  private procedure = new Int32Array(0);
  private category = new Int32Array(0);
  private buyer = new Int32Array(0);
  private clauses = new Uint8Array(0);
  /** CPV divisions (00 to 99) as a 128-bit set per slot: four 32-bit words */
  private cpv = new Uint32Array(0);
  private readonly slotOf = new Map<string, number>();
  private readonly postings = new Map<string, Postings>();
  private readonly departments = new Dictionary();
  private readonly procedures = new Dictionary();
  private readonly categories = new Dictionary();
  private readonly buyers = new Dictionary();
  private readonly buyerNames: string[] = [];

  get size(): number {
    return this.live;
  }

  /** Gives back the growth room of every postings list: after a bulk load, a third of the memory. */
  trim(): void {
    for (const list of this.postings.values()) list.trim();
  }

  has(tenderId: string): boolean {
    return this.slotOf.has(tenderId);
  }

  private grow(): void {
    const capacity = Math.max(1024, this.capacity * 2);
    const grown = <T extends { length: number; set(a: T): void }>(old: T, make: (n: number) => T, width = 1): T => {
      const next = make(capacity * width);
      next.set(old);
      return next;
    };
    this.alive = grown(this.alive, (n) => new Uint8Array(n));
    this.published = grown(this.published, (n) => new Float64Array(n));
    this.deadline = grown(this.deadline, (n) => new Float64Array(n));
    this.status = grown(this.status, (n) => new Uint8Array(n));
    this.department = grown(this.department, (n) => new Int32Array(n));
    this.procedure = grown(this.procedure, (n) => new Int32Array(n));
    this.category = grown(this.category, (n) => new Int32Array(n));
    this.buyer = grown(this.buyer, (n) => new Int32Array(n));
    this.clauses = grown(this.clauses, (n) => new Uint8Array(n));
    this.cpv = grown(this.cpv, (n) => new Uint32Array(n), 4);
    this.capacity = capacity;
  }

  /** Adds or replaces a document. A replaced one leaves a dead slot, reclaimed by `compact`. */
  upsert(doc: IndexedTender): void {
    this.remove(doc.tenderId);
    if (this.count === this.capacity) this.grow();
    const slot = this.count++;
    this.live++;
    this.slotOf.set(doc.tenderId, slot);
    this.tenderIds[slot] = doc.tenderId;
    this.alive[slot] = 1;
    this.published[slot] = doc.publishedAt;
    this.deadline[slot] = doc.deadline ?? Number.NaN;
    this.status[slot] = statusCodes[doc.status] ?? 3;
    this.department[slot] = doc.department === null ? -1 : this.departments.numberOf(doc.department);
    this.procedure[slot] = this.procedures.numberOf(doc.procedure);
    this.category[slot] = this.categories.numberOf(doc.category);
    if (doc.buyerId === null) this.buyer[slot] = -1;
    else {
      const b = this.buyers.numberOf(doc.buyerId);
      this.buyerNames[b] = doc.buyerName;
      this.buyer[slot] = b;
    }
    this.clauses[slot] =
      (doc.socialClause ? clauseBits.social : 0) |
      (doc.environmentalClause ? clauseBits.environmental : 0) |
      (doc.reservedContract ? clauseBits.reserved : 0);
    for (let w = 0; w < 4; w++) this.cpv[slot * 4 + w] = 0;
    for (const division of doc.cpvDivisions) {
      const d = Number.parseInt(division, 10);
      if (!Number.isInteger(d) || d < 0 || d > 99 || division.length !== 2) continue;
      const word = slot * 4 + (d >> 5);
      this.cpv[word] = ((this.cpv[word] as number) | (1 << (d & 31))) >>> 0;
    }
    for (const [lexeme, weight] of doc.lexemes) {
      let list = this.postings.get(lexeme);
      if (!list) {
        list = new Postings();
        this.postings.set(lexeme, list);
      }
      list.push(slot, weight);
    }
  }

  remove(tenderId: string): void {
    const slot = this.slotOf.get(tenderId);
    if (slot === undefined) return;
    this.alive[slot] = 0;
    this.slotOf.delete(tenderId);
    this.live--;
    if (this.count - this.live > 10_000 && this.count - this.live > this.live) this.compact();
  }

  /** Drops the dead slots: renumbers the live ones and filters every postings list. */
  compact(): void {
    const renumber = new Int32Array(this.count).fill(-1);
    let next = 0;
    for (let slot = 0; slot < this.count; slot++) if (this.alive[slot]) renumber[slot] = next++;
    const move = (arrays: { copyWithin: unknown; [i: number]: number }[], width: number) => {
      for (const array of arrays) {
        for (let slot = 0; slot < this.count; slot++) {
          const to = renumber[slot] as number;
          if (to < 0 || to === slot) continue;
          for (let w = 0; w < width; w++) array[to * width + w] = array[slot * width + w] as number;
        }
      }
    };
    move(
      [
        this.alive,
        this.published,
        this.deadline,
        this.status,
        this.department,
        this.procedure,
        this.category,
        this.buyer,
        this.clauses,
      ],
      1,
    );
    move([this.cpv], 4);
    const ids: string[] = [];
    for (let slot = 0; slot < this.count; slot++) {
      const to = renumber[slot] as number;
      if (to >= 0) ids[to] = this.tenderIds[slot] as string;
    }
    this.tenderIds = ids;
    for (const [tenderId, slot] of this.slotOf) this.slotOf.set(tenderId, renumber[slot] as number);
    for (const [lexeme, list] of this.postings) {
      let k = 0;
      for (let i = 0; i < list.length; i++) {
        const to = renumber[list.slots[i] as number] as number;
        if (to < 0) continue;
        list.slots[k] = to;
        list.tenths[k++] = list.tenths[i] as number;
      }
      list.length = k;
      if (k === 0) this.postings.delete(lexeme);
    }
    this.count = next;
  }

  /** How many live and dead documents carry the lexeme (its postings' length). */
  frequency(lexeme: string): number {
    return this.postings.get(lexeme)?.length ?? 0;
  }

  /**
   * Known lexemes close to a mistyped one (edit distance 1, or 2 from six letters on), the most
   * frequent first: "restor" (restoration) finds "restaur", "champigy" finds "champigny". Words of
   * three letters or less are left alone: they would match too much.
   */
  corrections(lexeme: string, limit = 3): string[] {
    const max = lexeme.length >= 6 ? 2 : lexeme.length >= 4 ? 1 : 0;
    if (max === 0) return [];
    const found: { word: string; distance: number; frequency: number }[] = [];
    for (const [word, list] of this.postings) {
      if (word === lexeme || Math.abs(word.length - lexeme.length) > max) continue;
      const distance = boundedDistance(lexeme, word, max);
      if (distance <= max) found.push({ word, distance, frequency: list.length });
    }
    found.sort((a, b) => a.distance - b.distance || b.frequency - a.frequency || (a.word < b.word ? -1 : 1));
    return found.slice(0, limit).map((f) => f.word);
  }

  private termSet(lexeme: string, prefix: boolean): ScoredSet {
    if (!prefix) {
      const list = this.postings.get(lexeme);
      if (!list) return { slots: new Uint32Array(0), scores: new Float32Array(0) };
      return list.scored();
    }
    let set: ScoredSet = { slots: new Uint32Array(0), scores: new Float32Array(0) };
    for (const [word, list] of this.postings) {
      if (!word.startsWith(lexeme)) continue;
      set = unite(set, list.scored());
    }
    // a word matched through several of its forms counts once, at its best
    return set;
  }

  private everything(): ScoredSet {
    const slots = new Uint32Array(this.count);
    for (let i = 0; i < this.count; i++) slots[i] = i;
    return { slots, scores: new Float32Array(this.count) };
  }

  private evaluate(node: QueryNode): ScoredSet {
    switch (node.kind) {
      case 'term':
        return this.termSet(node.lexeme, node.prefix);
      case 'not':
        return subtract(this.everything(), this.evaluate(node.node));
      case 'and': {
        // `a & !b` is a difference, not an intersection with the (huge) complement of b
        if (node.right.kind === 'not') return subtract(this.evaluate(node.left), this.evaluate(node.right.node));
        if (node.left.kind === 'not') return subtract(this.evaluate(node.right), this.evaluate(node.left.node));
        return intersect(this.evaluate(node.left), this.evaluate(node.right));
      }
      case 'or':
        return unite(this.evaluate(node.left), this.evaluate(node.right));
      case 'phrase':
        throw new Error('phrases need word positions: search them in PostgreSQL');
    }
  }

  /**
   * Matches, filters, counts the facets and keeps the page, in one pass over the matches. The loop
   * is written flat (lookup tables, no callback per row) because it runs over every match: a
   * million on an empty search.
   */
  search(query: MemoryQuery): MemoryResult {
    const candidates = query.text ? this.evaluate(query.text) : null;
    const f = query.filters;
    const now = query.now;
    const lookup = (dictionary: Dictionary, values: readonly string[]) => {
      const allowed = new Uint8Array(dictionary.values.length + 1);
      for (const v of values) {
        const n = dictionary.find(v);
        if (n !== undefined) allowed[n] = 1;
      }
      return allowed;
    };
    // one bit per active filter, in the order of `dimensions`; a value the index never saw matches nothing
    const cpvMask = new Uint32Array(4);
    for (const division of f.cpv) {
      const d = Number.parseInt(division, 10);
      if (Number.isInteger(d) && d >= 0 && d <= 99)
        cpvMask[d >> 5] = ((cpvMask[d >> 5] as number) | (1 << (d & 31))) >>> 0;
    }
    const useCpv = f.cpv.length > 0;
    const useDepartment = f.department.length > 0;
    const departmentAllowed = lookup(this.departments, f.department);
    const useProcedure = f.procedure.length > 0;
    const procedureAllowed = lookup(this.procedures, f.procedure);
    const useCategory = f.category.length > 0;
    const categoryAllowed = lookup(this.categories, f.category);
    const useBuyer = f.buyer.length > 0;
    const buyerAllowed = lookup(this.buyers, f.buyer);
    const clauseMask = f.clause.reduce((m, c) => m | clauseBits[c], 0);
    const deadlineUntil = f.deadline ? now + Number(f.deadline) * day : 0;
    const statusAllowed = new Uint8Array(4);
    for (const st of f.status.length > 0 ? f.status : (['open', 'closed', 'awarded'] as const)) {
      statusAllowed[publicStatuses.indexOf(st)] = 1;
    }

    const counters = query.facets ? new FacetCounters(this) : null;
    const n = candidates ? candidates.slots.length : this.count;
    const resultSlots = new Uint32Array(n);
    const resultScores = new Float32Array(n);
    let total = 0;
    const { alive, cpv, department, procedure, category, buyer, clauses, deadline, status } = this;
    for (let i = 0; i < n; i++) {
      const slot = candidates ? (candidates.slots[i] as number) : i;
      if (alive[slot] === 0) continue;
      const dl = deadline[slot] as number;
      const code = status[slot] as number;
      const publicStatus =
        code === 0 && (Number.isNaN(dl) || dl > now) ? 0 : code === 0 || code === 1 ? 1 : code === 2 ? 2 : 3;
      let misses = 0;
      let missed = '' as FacetDimension | '';
      if (useCpv) {
        const w = slot * 4;
        if (
          ((cpv[w] as number) & (cpvMask[0] as number)) === 0 &&
          ((cpv[w + 1] as number) & (cpvMask[1] as number)) === 0 &&
          ((cpv[w + 2] as number) & (cpvMask[2] as number)) === 0 &&
          ((cpv[w + 3] as number) & (cpvMask[3] as number)) === 0
        ) {
          misses++;
          missed = 'cpv';
        }
      }
      if (useDepartment) {
        const d = department[slot] as number;
        if (d < 0 || departmentAllowed[d] === 0) {
          misses++;
          missed = 'department';
        }
      }
      if (useProcedure && procedureAllowed[procedure[slot] as number] === 0) {
        misses++;
        missed = 'procedure';
      }
      if (useCategory && categoryAllowed[category[slot] as number] === 0) {
        misses++;
        missed = 'category';
      }
      if (misses > 1) continue;
      if (useBuyer) {
        const b = buyer[slot] as number;
        if (b < 0 || buyerAllowed[b] === 0) {
          misses++;
          missed = 'buyer';
        }
      }
      if (clauseMask !== 0 && ((clauses[slot] as number) & clauseMask) === 0) {
        misses++;
        missed = 'clause';
      }
      if (deadlineUntil !== 0 && !(dl > now && dl <= deadlineUntil)) {
        misses++;
        missed = 'deadline';
      }
      if (statusAllowed[publicStatus] === 0) {
        misses++;
        missed = 'status';
      }
      if (misses > 1) continue;
      if (misses === 0) {
        resultSlots[total] = slot;
        resultScores[total++] = candidates ? (candidates.scores[i] as number) : 0;
        counters?.countAll(slot, publicStatus, now);
      } else if (counters && missed !== '') {
        // a row that fails one filter only still counts for that filter's facet
        counters.countOne(missed, slot, publicStatus, now);
      }
    }

    const hits = this.topOf(resultSlots.subarray(0, total), resultScores.subarray(0, total), query);
    return { total, hits, facets: counters ? counters.facets() : null };
  }

  private compare(sort: MemoryQuery['sort']): (a: number, b: number, sa: number, sb: number) => number {
    const id = (slot: number) => this.tenderIds[slot] as string;
    const byIdDesc = (a: number, b: number) => (id(a) < id(b) ? 1 : id(a) > id(b) ? -1 : 0);
    if (sort === 'deadline') {
      return (a, b) => {
        const da = this.deadline[a] as number;
        const db = this.deadline[b] as number;
        if (Number.isNaN(da) !== Number.isNaN(db)) return Number.isNaN(da) ? 1 : -1;
        if (da !== db && !Number.isNaN(da)) return da - db;
        return -byIdDesc(a, b);
      };
    }
    const byPublished = (a: number, b: number) =>
      (this.published[b] as number) - (this.published[a] as number) || byIdDesc(a, b);
    if (sort === 'published') return (a, b) => byPublished(a, b);
    return (a, b, sa, sb) => sb - sa || byPublished(a, b);
  }

  /** The page asked for, without sorting every match: a bounded heap keeps the best `offset + limit`. */
  private topOf(slots: Uint32Array, scores: Float32Array, query: MemoryQuery): { tenderId: string; score: number }[] {
    const keep = query.offset + query.limit;
    const cmp = this.compare(query.sort);
    const better = (i: number, j: number) =>
      cmp(slots[i] as number, slots[j] as number, scores[i] as number, scores[j] as number) < 0;
    let chosen: number[];
    if (slots.length <= keep * 4) {
      chosen = Array.from({ length: slots.length }, (_, i) => i);
    } else {
      // max-heap on "worse": the root is the worst of the kept ones
      const heap: number[] = [];
      const worse = (i: number, j: number) => better(j, i);
      const up = (n: number) => {
        while (n > 0) {
          const p = (n - 1) >> 1;
          if (!worse(heap[n] as number, heap[p] as number)) break;
          [heap[n], heap[p]] = [heap[p] as number, heap[n] as number];
          n = p;
        }
      };
      const down = (n: number) => {
        for (;;) {
          const l = 2 * n + 1;
          const r = l + 1;
          let w = n;
          if (l < heap.length && worse(heap[l] as number, heap[w] as number)) w = l;
          if (r < heap.length && worse(heap[r] as number, heap[w] as number)) w = r;
          if (w === n) return;
          [heap[n], heap[w]] = [heap[w] as number, heap[n] as number];
          n = w;
        }
      };
      for (let i = 0; i < slots.length; i++) {
        if (heap.length < keep) {
          heap.push(i);
          up(heap.length - 1);
        } else if (better(i, heap[0] as number)) {
          heap[0] = i;
          down(0);
        }
      }
      chosen = heap;
    }
    chosen.sort((i, j) => (better(i, j) ? -1 : better(j, i) ? 1 : 0));
    return chosen.slice(query.offset, keep).map((i) => ({
      tenderId: this.tenderIds[slots[i] as number] as string,
      score: scores[i] as number,
    }));
  }

  /** @internal the columns the facet counters read (no copy) */
  columns() {
    return {
      department: this.department,
      procedure: this.procedure,
      category: this.category,
      buyer: this.buyer,
      clauses: this.clauses,
      deadline: this.deadline,
      cpv: this.cpv,
      departments: this.departments.values,
      procedures: this.procedures.values,
      categories: this.categories.values,
      buyers: this.buyers.values,
      buyerNames: this.buyerNames,
    };
  }
}

/** Counts per facet value, in typed arrays indexed by the dictionaries' numbers. */
class FacetCounters {
  private readonly c: ReturnType<TenderMemoryIndex['columns']>;
  private readonly cpv = new Int32Array(128);
  private readonly department: Int32Array;
  private readonly procedure: Int32Array;
  private readonly category: Int32Array;
  private readonly buyer: Int32Array;
  private readonly status = new Int32Array(4);
  private readonly clause = new Int32Array(3);
  private readonly deadline = new Int32Array(2);

  constructor(index: TenderMemoryIndex) {
    this.c = index.columns();
    this.department = new Int32Array(this.c.departments.length);
    this.procedure = new Int32Array(this.c.procedures.length);
    this.category = new Int32Array(this.c.categories.length);
    this.buyer = new Int32Array(this.c.buyers.length);
  }

  /** Counts a row for every facet; inline, since it runs for every result. */
  countAll(slot: number, publicStatus: number, now: number): void {
    const c = this.c;
    this.countCpv(slot);
    const d = c.department[slot] as number;
    if (d >= 0) this.department[d] = (this.department[d] as number) + 1;
    const p = c.procedure[slot] as number;
    this.procedure[p] = (this.procedure[p] as number) + 1;
    const k = c.category[slot] as number;
    this.category[k] = (this.category[k] as number) + 1;
    const b = c.buyer[slot] as number;
    if (b >= 0) this.buyer[b] = (this.buyer[b] as number) + 1;
    const flags = c.clauses[slot] as number;
    if (flags !== 0)
      for (let bit = 0; bit < 3; bit++) if (flags & (1 << bit)) this.clause[bit] = (this.clause[bit] as number) + 1;
    const dl = c.deadline[slot] as number;
    if (dl > now && dl <= now + 30 * day) {
      this.deadline[1] = (this.deadline[1] as number) + 1;
      if (dl <= now + 7 * day) this.deadline[0] = (this.deadline[0] as number) + 1;
    }
    this.status[publicStatus] = (this.status[publicStatus] as number) + 1;
  }

  private countCpv(slot: number): void {
    for (let w = 0; w < 4; w++) {
      let bits = this.c.cpv[slot * 4 + w] as number;
      while (bits !== 0) {
        const low = bits & -bits;
        const bit = 31 - Math.clz32(low);
        this.cpv[w * 32 + bit] = (this.cpv[w * 32 + bit] as number) + 1;
        bits = (bits ^ low) >>> 0;
      }
    }
  }

  countOne(dim: FacetDimension, slot: number, publicStatus: number, now: number): void {
    const c = this.c;
    switch (dim) {
      case 'cpv':
        this.countCpv(slot);
        return;
      case 'clause': {
        const flags = c.clauses[slot] as number;
        for (let b = 0; b < 3; b++) if (flags & (1 << b)) this.clause[b] = (this.clause[b] as number) + 1;
        return;
      }
      case 'deadline': {
        const d = c.deadline[slot] as number;
        if (d > now && d <= now + 7 * day) this.deadline[0] = (this.deadline[0] as number) + 1;
        if (d > now && d <= now + 30 * day) this.deadline[1] = (this.deadline[1] as number) + 1;
        return;
      }
      case 'status':
        this.status[publicStatus] = (this.status[publicStatus] as number) + 1;
        return;
      default: {
        const n = c[dim][slot] as number;
        if (n >= 0) this[dim][n] = (this[dim][n] as number) + 1;
      }
    }
  }

  facets(): RawFacet[] {
    const c = this.c;
    const out: RawFacet[] = [];
    const emit = (
      dim: FacetDimension,
      counts: Int32Array,
      valueFor: (n: number) => string,
      labelOf?: (n: number) => string,
    ) => {
      counts.forEach((count, n) => {
        if (count > 0) out.push({ dim, value: valueFor(n), label: labelOf ? labelOf(n) : null, count });
      });
    };
    emit('cpv', this.cpv, (n) => String(n).padStart(2, '0'));
    emit('department', this.department, (n) => c.departments[n] as string);
    emit('procedure', this.procedure, (n) => c.procedures[n] as string);
    emit('category', this.category, (n) => c.categories[n] as string);
    emit(
      'buyer',
      this.buyer,
      (n) => c.buyers[n] as string,
      (n) => c.buyerNames[n] ?? '',
    );
    emit('status', this.status, (n) => publicStatuses[n] as string);
    emit('clause', this.clause, (n) => ['social', 'environmental', 'reserved'][n] as string);
    emit('deadline', this.deadline, (n) => ['7', '30'][n] as string);
    return out;
  }
}

/** Levenshtein distance, or `max + 1` as soon as it is sure to exceed `max`. */
function boundedDistance(a: string, b: string, max: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length] as number;
}
