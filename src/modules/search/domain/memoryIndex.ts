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
const cancelledCode = 3;
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
  /** The list as a set, without copying: its scores are the stored tenths. */
  scored(): ScoredSet {
    return { slots: this.slots.subarray(0, this.length), scores: this.tenths.subarray(0, this.length), divisor: 10 };
  }
}

/**
 * A set of slots in increasing order, with the score each slot earned from the query's words:
 * `scores[i] / divisor` (a postings list keeps tenths in bytes; combinations keep floats).
 */
interface ScoredSet {
  slots: Uint32Array;
  scores: Float32Array | Uint8Array;
  divisor: number;
}

const emptySet = (): ScoredSet => ({ slots: new Uint32Array(0), scores: new Float32Array(0), divisor: 1 });

/** The first index from `from` on whose slot is at least `slot` (exponential then binary search). */
function seek(slots: Uint32Array, from: number, slot: number): number {
  let step = 1;
  let low = from;
  let high = from;
  while (high < slots.length && (slots[high] as number) < slot) {
    low = high + 1;
    high += step;
    step *= 2;
  }
  high = Math.min(high, slots.length);
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((slots[mid] as number) < slot) low = mid + 1;
    else high = mid;
  }
  return low;
}

function intersect(a: ScoredSet, b: ScoredSet): ScoredSet {
  // the smaller set walks, the larger one is searched: "paris & habitat" reads a few thousand
  // entries of the long list instead of all of it
  const [small, large] = a.slots.length <= b.slots.length ? [a, b] : [b, a];
  const n = small.slots.length;
  const slots = new Uint32Array(n);
  const scores = new Float32Array(n);
  let j = 0;
  let k = 0;
  for (let i = 0; i < n && j < large.slots.length; i++) {
    const x = small.slots[i] as number;
    j = seek(large.slots, j, x);
    if (j < large.slots.length && large.slots[j] === x) {
      slots[k] = x;
      scores[k++] = (small.scores[i] as number) / small.divisor + (large.scores[j] as number) / large.divisor;
      j++;
    }
  }
  return { slots: slots.subarray(0, k), scores: scores.subarray(0, k), divisor: 1 };
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
      scores[k++] = (a.scores[i++] as number) / a.divisor + (b.scores[j++] as number) / b.divisor;
    } else if (x < y) {
      slots[k] = x;
      scores[k++] = (a.scores[i++] as number) / a.divisor;
    } else {
      slots[k] = y;
      scores[k++] = (b.scores[j++] as number) / b.divisor;
    }
  }
  return { slots: slots.subarray(0, k), scores: scores.subarray(0, k), divisor: 1 };
}

function subtract(a: ScoredSet, b: ScoredSet): ScoredSet {
  const slots = new Uint32Array(a.slots.length);
  const scores = new Float32Array(a.slots.length);
  let j = 0;
  let k = 0;
  for (let i = 0; i < a.slots.length; i++) {
    const x = a.slots[i] as number;
    j = seek(b.slots, j, x);
    if (j < b.slots.length && b.slots[j] === x) continue;
    slots[k] = x;
    scores[k++] = (a.scores[i] as number) / a.divisor;
  }
  return { slots: slots.subarray(0, k), scores: scores.subarray(0, k), divisor: 1 };
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
  /** the number of the document's combination of department, procedure, category, clauses, status */
  private profile = new Int32Array(0);
  private buyer = new Int32Array(0);
  /** the number of the document's set of CPV divisions (see `CpvSets`) */
  private cpvSet = new Int32Array(0);
  private readonly slotOf = new Map<string, number>();
  private readonly postings = new Map<string, Postings>();
  private readonly departments = new Dictionary();
  private readonly procedures = new Dictionary();
  private readonly categories = new Dictionary();
  private readonly buyers = new Dictionary();
  private readonly buyerNames: string[] = [];
  private readonly profiles = new ProfileTable();
  private readonly cpvSets = new CpvSets();
  /**
   * CPV sets and buyers of the live documents that are not cancelled, kept up to date: a search
   * without words nor filters (browsing) reads its CPV and buyer facets here instead of per row.
   */
  private readonly browsingCpvSets: number[] = [];
  /** how many live documents each profile has */
  private readonly profileLive: number[] = [];
  private readonly browsingBuyers: number[] = [];

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
    this.profile = grown(this.profile, (n) => new Int32Array(n));
    this.buyer = grown(this.buyer, (n) => new Int32Array(n));
    this.cpvSet = grown(this.cpvSet, (n) => new Int32Array(n));
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
    this.profile[slot] = this.profiles.numberOf(
      doc.department === null ? -1 : this.departments.numberOf(doc.department),
      this.procedures.numberOf(doc.procedure),
      this.categories.numberOf(doc.category),
      (doc.socialClause ? clauseBits.social : 0) |
        (doc.environmentalClause ? clauseBits.environmental : 0) |
        (doc.reservedContract ? clauseBits.reserved : 0),
      statusCodes[doc.status] ?? cancelledCode,
    );
    if (doc.buyerId === null) this.buyer[slot] = -1;
    else {
      const b = this.buyers.numberOf(doc.buyerId);
      this.buyerNames[b] = doc.buyerName;
      this.buyer[slot] = b;
    }
    this.cpvSet[slot] = this.cpvSets.numberOf(doc.cpvDivisions);
    this.countForBrowsing(slot, 1);
    this.countInProfile(slot);
    for (const [lexeme, weight] of doc.lexemes) {
      let list = this.postings.get(lexeme);
      if (!list) {
        list = new Postings();
        this.postings.set(lexeme, list);
      }
      list.push(slot, weight);
    }
  }

  private countForBrowsing(slot: number, delta: 1 | -1): void {
    if (this.profiles.code[this.profile[slot] as number] === cancelledCode) return;
    const set = this.cpvSet[slot] as number;
    this.browsingCpvSets[set] = (this.browsingCpvSets[set] ?? 0) + delta;
    const b = this.buyer[slot] as number;
    if (b >= 0) this.browsingBuyers[b] = (this.browsingBuyers[b] ?? 0) + delta;
  }

  private countInProfile(slot: number): void {
    const p = this.profile[slot] as number;
    this.profileLive[p] = (this.profileLive[p] ?? 0) + 1;
  }

  remove(tenderId: string): void {
    const slot = this.slotOf.get(tenderId);
    if (slot === undefined) return;
    this.countForBrowsing(slot, -1);
    const p = this.profile[slot] as number;
    this.profileLive[p] = (this.profileLive[p] ?? 0) - 1;
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
    move([this.alive, this.published, this.deadline, this.profile, this.cpvSet, this.buyer], 1);
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
    // (profiles keep their live counts: compaction moves documents, it does not add or drop any)
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
      if (!list) return emptySet();
      return list.scored();
    }
    let set: ScoredSet = emptySet();
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
    return { slots, scores: new Float32Array(this.count), divisor: 1 };
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
   * runs over every match (a million on an empty search), so it is written flat and does little per
   * row: the filters on the low-cardinality fields (department, procedure, category, clauses,
   * status) are decided once per *profile* (see `ProfileTable`) into a table of missed filters, and
   * a row's facet counts on those fields are one increment of its profile's counter, spread over
   * the facets at the end. A row that fails exactly one filter still counts for that filter's facet
   * (each facet is counted without its own filter). Buffers are reused between searches.
   */
  search(query: MemoryQuery): MemoryResult {
    const candidates = query.text ? this.evaluate(query.text) : null;
    const f = query.filters;
    const now = query.now;
    const profiles = this.profiles;
    // the missed filters of every (profile, deadline passed) pair; a value the index never saw matches nothing
    const misses = profiles.missTable(f, {
      department: allowedOf(this.departments, f.department),
      procedure: allowedOf(this.procedures, f.procedure),
      category: allowedOf(this.categories, f.category),
    });
    const cpvSets = this.cpvSets;
    const cpvMisses = cpvSets.missTable(f.cpv);
    const useBuyer = f.buyer.length > 0;
    const buyerAllowed = allowedOf(this.buyers, f.buyer);
    const deadlineUntil = f.deadline ? now + Number(f.deadline) * day : 0;
    const week = now + 7 * day;
    const month = now + 30 * day;

    const counting = query.facets;
    // browsing (no words, no filter): the CPV and buyer facets are kept up to date by `upsert`
    const browsing =
      candidates === null &&
      f.cpv.length + f.department.length + f.procedure.length + f.category.length + f.buyer.length === 0 &&
      f.clause.length + f.status.length === 0 &&
      f.deadline === null;
    const countPerRow = counting && !browsing;
    const keyCounts = new Int32Array(misses.length);
    const keyOneMiss = new Int32Array(misses.length);
    const cpvSetCounts = new Int32Array(cpvSets.size);
    const buyerCounts = new Int32Array(this.buyers.values.length + 1);
    let soon7 = 0;
    let soon30 = 0;

    // the page is kept while scanning: a match is offered to the heap only when its two sort
    // numbers (greater is better) reach those of the worst kept one — rarely, on a broad search
    const top = new TopOf(query.offset + query.limit, this.compare(query.sort));
    const relevance = query.sort === 'relevance';
    const byPublished = query.sort === 'published';

    // profiles whose rows count nowhere, or (without words) all count for one facet, are skipped
    const skip = this.profilesToSkip(
      misses,
      candidates === null,
      f.cpv.length > 0 || useBuyer || deadlineUntil !== 0,
      keyOneMiss,
    );
    const n = candidates ? candidates.slots.length : this.count;
    const candidateSlots = candidates ? candidates.slots : null;
    const candidateScores = candidates ? candidates.scores : null;
    const divisor = candidates ? candidates.divisor : 1;
    let total = 0;
    const { alive, cpvSet, buyer, deadline, profile, published } = this;
    for (let i = 0; i < n; i++) {
      const slot = candidateSlots === null ? i : (candidateSlots[i] as number);
      if (alive[slot] === 0) continue;
      const p = profile[slot] as number;
      if (skip[p] === 1) continue;
      const dl = deadline[slot] as number;
      const key = (p << 1) | (dl <= now ? 1 : 0);
      const set = cpvSet[slot] as number;
      let miss = (misses[key] as number) | (cpvMisses[set] as number);
      if (useBuyer) {
        const b = buyer[slot] as number;
        if (b < 0 || buyerAllowed[b] === 0) miss |= missBits.buyer;
      }
      if (deadlineUntil !== 0 && !(dl > now && dl <= deadlineUntil)) miss |= missBits.deadline;
      if (miss === 0) {
        total++;
        const score = candidateScores === null ? 0 : (candidateScores[i] as number) / divisor;
        let first: number;
        let second = 0;
        if (relevance) {
          first = score;
          second = published[slot] as number;
        } else if (byPublished) {
          first = published[slot] as number;
        } else {
          first = Number.isNaN(dl) ? Number.NEGATIVE_INFINITY : -dl;
        }
        if (first > top.worstFirst || (first === top.worstFirst && second >= top.worstSecond)) {
          top.offer(slot, score, first, second);
        }
        if (!counting) continue;
        keyCounts[key] = (keyCounts[key] as number) + 1;
        if (countPerRow) {
          cpvSetCounts[set] = (cpvSetCounts[set] as number) + 1;
          const b = buyer[slot] as number;
          if (b >= 0) buyerCounts[b] = (buyerCounts[b] as number) + 1;
        }
        if (dl > now && dl <= month) {
          soon30++;
          if (dl <= week) soon7++;
        }
        continue;
      }
      // a row that misses exactly one filter counts for that filter's facet only
      if (!counting || (miss & (miss - 1)) !== 0) continue;
      if (miss === misses[key]) {
        // a profile field: spread at the end
        keyOneMiss[key] = (keyOneMiss[key] as number) + 1;
      } else if (miss === missBits.cpv) {
        cpvSetCounts[set] = (cpvSetCounts[set] as number) + 1;
      } else if (miss === missBits.buyer) {
        const b = buyer[slot] as number;
        if (b >= 0) buyerCounts[b] = (buyerCounts[b] as number) + 1;
      } else if (dl > now && dl <= month) {
        soon30++;
        if (dl <= week) soon7++;
      }
    }

    const hits = top.page(query.offset).map(({ slot, score }) => ({ tenderId: this.tenderIds[slot] as string, score }));
    if (!counting) return { total, hits, facets: null };
    const facets: RawFacet[] = [];
    const emit = (
      dim: FacetDimension,
      counts: ArrayLike<number>,
      valueFor: (n: number) => string,
      labelOf?: (n: number) => string,
    ) => {
      for (let v = 0; v < counts.length; v++) {
        const count = counts[v] as number;
        if (count > 0) facets.push({ dim, value: valueFor(v), label: labelOf ? labelOf(v) : null, count });
      }
    };
    if (browsing) {
      cpvSetCounts.set(Array.from(this.browsingCpvSets.slice(0, cpvSetCounts.length), (c) => c ?? 0));
      buyerCounts.set(Array.from(this.browsingBuyers.slice(0, buyerCounts.length), (c) => c ?? 0));
    }
    const spread = profiles.spread(misses, keyCounts, keyOneMiss, {
      departments: this.departments.values.length,
      procedures: this.procedures.values.length,
      categories: this.categories.values.length,
    });
    emit('cpv', cpvSets.spread(cpvSetCounts), (v) => String(v).padStart(2, '0'));
    emit('department', spread.department, (v) => this.departments.values[v] as string);
    emit('procedure', spread.procedure, (v) => this.procedures.values[v] as string);
    emit('category', spread.category, (v) => this.categories.values[v] as string);
    emit(
      'buyer',
      buyerCounts.subarray(0, this.buyers.values.length),
      (v) => this.buyers.values[v] as string,
      (v) => this.buyerNames[v] ?? '',
    );
    emit('status', spread.status, (v) => publicStatuses[v] as string);
    emit('clause', spread.clause, (v) => clauseNames[v] as string);
    emit('deadline', [soon7, soon30], (v) => (v === 0 ? '7' : '30'));
    return { total, hits, facets };
  }

  /**
   * The profiles a scan can pass over (flag 1): those whose rows all miss two filters or more
   * count nowhere; without words, those whose rows all miss the same single profile filter
   * (whatever their deadline) count their live rows for that filter's facet here, without a visit —
   * unless a CPV, buyer or deadline filter could add a second miss. A department filter thus reads
   * one row in seven; the scan stays sequential, which the memory caches need.
   */
  private profilesToSkip(
    misses: Uint8Array,
    withoutWords: boolean,
    rowFilters: boolean,
    keyOneMiss: Int32Array,
  ): Uint8Array {
    const single = (m: number) => m !== 0 && (m & (m - 1)) === 0;
    const nowhere = (m: number) => m !== 0 && !single(m);
    const skip = new Uint8Array(this.profiles.size);
    for (let p = 0; p < this.profiles.size; p++) {
      const open = misses[p * 2] as number;
      const passed = misses[p * 2 + 1] as number;
      if (nowhere(open) && nowhere(passed)) {
        skip[p] = 1;
      } else if (withoutWords && !rowFilters && open === passed && single(open)) {
        keyOneMiss[p * 2] = (keyOneMiss[p * 2] as number) + (this.profileLive[p] ?? 0);
        skip[p] = 1;
      }
    }
    return skip;
  }

  /** The order of two matches: negative when (slot a, score sa) comes first. */
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
}

/**
 * The best `keep` matches seen so far, as a heap whose root is the worst kept one. The scan reads
 * `worstFirst` / `worstSecond` (the root's two sort numbers, greater is better) and offers a match
 * only when it may enter; `compare` settles equal numbers by the identifier.
 */
class TopOf {
  worstFirst = Number.NEGATIVE_INFINITY;
  worstSecond = Number.NEGATIVE_INFINITY;
  private readonly slots: number[] = [];
  private readonly scores: number[] = [];
  private readonly firsts: number[] = [];
  private readonly seconds: number[] = [];

  constructor(
    private readonly keep: number,
    private readonly compare: (a: number, b: number, sa: number, sb: number) => number,
  ) {}

  /** whether kept entry i is worse than kept entry j */
  private worse(i: number, j: number): boolean {
    return (
      this.compare(
        this.slots[i] as number,
        this.slots[j] as number,
        this.scores[i] as number,
        this.scores[j] as number,
      ) > 0
    );
  }

  private swap(i: number, j: number): void {
    for (const a of [this.slots, this.scores, this.firsts, this.seconds]) {
      const t = a[i] as number;
      a[i] = a[j] as number;
      a[j] = t;
    }
  }

  offer(slot: number, score: number, first: number, second: number): void {
    if (this.keep === 0) return;
    if (this.slots.length < this.keep) {
      this.slots.push(slot);
      this.scores.push(score);
      this.firsts.push(first);
      this.seconds.push(second);
      let n = this.slots.length - 1;
      while (n > 0) {
        const p = (n - 1) >> 1;
        if (!this.worse(n, p)) break;
        this.swap(n, p);
        n = p;
      }
      if (this.slots.length === this.keep) this.remember();
      return;
    }
    if (this.compare(slot, this.slots[0] as number, score, this.scores[0] as number) >= 0) return;
    this.slots[0] = slot;
    this.scores[0] = score;
    this.firsts[0] = first;
    this.seconds[0] = second;
    let n = 0;
    for (;;) {
      const l = 2 * n + 1;
      const r = l + 1;
      let w = n;
      if (l < this.slots.length && this.worse(l, w)) w = l;
      if (r < this.slots.length && this.worse(r, w)) w = r;
      if (w === n) break;
      this.swap(n, w);
      n = w;
    }
    this.remember();
  }

  private remember(): void {
    this.worstFirst = this.firsts[0] as number;
    this.worstSecond = this.seconds[0] as number;
  }

  /** The kept matches in order, from `offset` on. */
  page(offset: number): { slot: number; score: number }[] {
    const order = this.slots.map((_, i) => i);
    order.sort((i, j) =>
      this.compare(
        this.slots[i] as number,
        this.slots[j] as number,
        this.scores[i] as number,
        this.scores[j] as number,
      ),
    );
    return order.slice(offset).map((i) => ({ slot: this.slots[i] as number, score: this.scores[i] as number }));
  }
}

/**
 * The sets of CPV divisions documents carry ("45", "45 + 71"…), each with a number, as profiles
 * do for the other fields: a search decides the CPV filter and counts the CPV facet per set.
 */
class CpvSets {
  private readonly numbers = new Map<string, number>();
  readonly divisions: number[][] = [];

  get size(): number {
    return this.divisions.length;
  }

  numberOf(divisions: readonly string[]): number {
    const valid = [
      ...new Set(
        divisions
          .filter((d) => /^[0-9]{2}$/.test(d))
          .map((d) => Number.parseInt(d, 10))
          .sort((a, b) => a - b),
      ),
    ];
    const key = valid.join(',');
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.divisions.length;
      this.numbers.set(key, n);
      this.divisions.push(valid);
    }
    return n;
  }

  /** `missBits.cpv` for the sets carrying none of the asked divisions (nothing asked: no miss). */
  missTable(asked: readonly string[]): Uint8Array {
    const table = new Uint8Array(this.size);
    if (asked.length === 0) return table;
    const wanted = new Set(asked.filter((d) => /^[0-9]{2}$/.test(d)).map((d) => Number.parseInt(d, 10)));
    for (let n = 0; n < this.size; n++) {
      if (!(this.divisions[n] as number[]).some((d) => wanted.has(d))) table[n] = missBits.cpv;
    }
    return table;
  }

  /** Counts per division (0 to 99) from counts per set. */
  spread(perSet: Int32Array): Int32Array {
    const counts = new Int32Array(100);
    for (let n = 0; n < perSet.length; n++) {
      const c = perSet[n] as number;
      if (c === 0) continue;
      for (const d of this.divisions[n] as number[]) counts[d] = (counts[d] as number) + c;
    }
    return counts;
  }
}

/** Bits of the filters a row misses (one byte). */
const missBits = {
  department: 1,
  procedure: 2,
  category: 4,
  clause: 8,
  status: 16,
  cpv: 32,
  buyer: 64,
  deadline: 128,
} as const;

const clauseNames = ['social', 'environmental', 'reserved'] as const;

/** For each number of a dictionary, whether the filter allows it (the last cell: an unknown value). */
function allowedOf(dictionary: Dictionary, values: readonly string[]): Uint8Array {
  const allowed = new Uint8Array(dictionary.values.length + 1);
  for (const v of values) {
    const n = dictionary.find(v);
    if (n !== undefined) allowed[n] = 1;
  }
  return allowed;
}

/**
 * The combinations of a document's low-cardinality fields (department, procedure, category,
 * clauses, stored status) that occur, each with a number: a few thousand at most, against a
 * million documents. A search decides its filters once per combination, not once per row.
 */
class ProfileTable {
  private readonly numbers = new Map<number, number>();
  readonly department: number[] = [];
  readonly procedure: number[] = [];
  readonly category: number[] = [];
  readonly clauses: number[] = [];
  readonly code: number[] = [];

  get size(): number {
    return this.code.length;
  }

  numberOf(department: number, procedure: number, category: number, clauses: number, code: number): number {
    // dictionaries stay far below these bounds (a department, a procedure, a category per tender)
    const key = (((department + 1) * 4096 + procedure) * 4096 + category) * 32 + clauses * 4 + code;
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.code.length;
      this.numbers.set(key, n);
      this.department.push(department);
      this.procedure.push(procedure);
      this.category.push(category);
      this.clauses.push(clauses);
      this.code.push(code);
    }
    return n;
  }

  /** The public status of a stored status code, knowing whether the deadline has passed. */
  static publicStatus(code: number, deadlinePassed: boolean): number {
    return code === 0 ? (deadlinePassed ? 1 : 0) : code === 1 ? 1 : code === 2 ? 2 : 3;
  }

  /** Missed filters per (profile, deadline passed): entry `profile * 2 + passed`. */
  missTable(
    f: MemoryFilters,
    allowed: { department: Uint8Array; procedure: Uint8Array; category: Uint8Array },
  ): Uint8Array {
    const clauseMask = f.clause.reduce((m, c) => m | clauseBits[c], 0);
    const statusAllowed = new Uint8Array(4);
    for (const st of f.status.length > 0 ? f.status : (['open', 'closed', 'awarded'] as const)) {
      statusAllowed[publicStatuses.indexOf(st)] = 1;
    }
    const table = new Uint8Array(this.size * 2);
    for (let p = 0; p < this.size; p++) {
      let miss = 0;
      const d = this.department[p] as number;
      if (f.department.length > 0 && (d < 0 || allowed.department[d] === 0)) miss |= missBits.department;
      if (f.procedure.length > 0 && allowed.procedure[this.procedure[p] as number] === 0) miss |= missBits.procedure;
      if (f.category.length > 0 && allowed.category[this.category[p] as number] === 0) miss |= missBits.category;
      if (clauseMask !== 0 && ((this.clauses[p] as number) & clauseMask) === 0) miss |= missBits.clause;
      for (const passed of [0, 1]) {
        const status = ProfileTable.publicStatus(this.code[p] as number, passed === 1);
        table[p * 2 + passed] = statusAllowed[status] === 0 ? miss | missBits.status : miss;
      }
    }
    return table;
  }

  /**
   * Spreads the rows counted per (profile, deadline passed) over the facets of those fields: rows
   * that passed every filter count everywhere, rows that missed one profile filter count for it only.
   */
  spread(
    misses: Uint8Array,
    passed: Int32Array,
    missedOne: Int32Array,
    sizes: { departments: number; procedures: number; categories: number },
  ) {
    const out = {
      department: new Int32Array(sizes.departments),
      procedure: new Int32Array(sizes.procedures),
      category: new Int32Array(sizes.categories),
      status: new Int32Array(4),
      clause: new Int32Array(3),
    };
    for (let key = 0; key < misses.length; key++) {
      const all = passed[key] as number;
      const one = missedOne[key] as number;
      if (all === 0 && one === 0) continue;
      const p = key >> 1;
      const add = (bit: number, count: number) => {
        if (count === 0) return;
        if (bit === missBits.department || bit === 0) {
          const d = this.department[p] as number;
          if (d >= 0) out.department[d] = (out.department[d] as number) + count;
        }
        if (bit === missBits.procedure || bit === 0) {
          const v = this.procedure[p] as number;
          out.procedure[v] = (out.procedure[v] as number) + count;
        }
        if (bit === missBits.category || bit === 0) {
          const v = this.category[p] as number;
          out.category[v] = (out.category[v] as number) + count;
        }
        if (bit === missBits.clause || bit === 0) {
          const flags = this.clauses[p] as number;
          for (let b = 0; b < 3; b++) if (flags & (1 << b)) out.clause[b] = (out.clause[b] as number) + count;
        }
        if (bit === missBits.status || bit === 0) {
          const st = ProfileTable.publicStatus(this.code[p] as number, (key & 1) === 1);
          out.status[st] = (out.status[st] as number) + count;
        }
      };
      add(0, all);
      add(misses[key] as number, one);
    }
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
