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
  /** the number of the document's combination of department, procedure, category, clauses, status */
  private profile = new Int32Array(0);
  private buyer = new Int32Array(0);
  /** CPV divisions (00 to 99) as a 128-bit set per slot: four 32-bit words */
  private cpv = new Uint32Array(0);
  private readonly slotOf = new Map<string, number>();
  private readonly postings = new Map<string, Postings>();
  private readonly departments = new Dictionary();
  private readonly procedures = new Dictionary();
  private readonly categories = new Dictionary();
  private readonly buyers = new Dictionary();
  private readonly buyerNames: string[] = [];
  private readonly profiles = new ProfileTable();
  /** the matches of the last search, reused: a broad search would otherwise allocate megabytes each time */
  private scratchSlots = new Uint32Array(0);
  private scratchScores = new Float32Array(0);

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
    this.profile[slot] = this.profiles.numberOf(
      doc.department === null ? -1 : this.departments.numberOf(doc.department),
      this.procedures.numberOf(doc.procedure),
      this.categories.numberOf(doc.category),
      (doc.socialClause ? clauseBits.social : 0) |
        (doc.environmentalClause ? clauseBits.environmental : 0) |
        (doc.reservedContract ? clauseBits.reserved : 0),
      statusCodes[doc.status] ?? 3,
    );
    if (doc.buyerId === null) this.buyer[slot] = -1;
    else {
      const b = this.buyers.numberOf(doc.buyerId);
      this.buyerNames[b] = doc.buyerName;
      this.buyer[slot] = b;
    }
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
    move([this.alive, this.published, this.deadline, this.profile, this.buyer], 1);
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
    const cpvMask = new Uint32Array(4);
    for (const division of f.cpv) {
      const d = Number.parseInt(division, 10);
      if (Number.isInteger(d) && d >= 0 && d <= 99)
        cpvMask[d >> 5] = ((cpvMask[d >> 5] as number) | (1 << (d & 31))) >>> 0;
    }
    const useCpv = f.cpv.length > 0;
    const [m0, m1, m2, m3] = cpvMask as unknown as [number, number, number, number];
    const useBuyer = f.buyer.length > 0;
    const buyerAllowed = allowedOf(this.buyers, f.buyer);
    const deadlineUntil = f.deadline ? now + Number(f.deadline) * day : 0;
    const week = now + 7 * day;
    const month = now + 30 * day;

    const counting = query.facets;
    const keyCounts = new Int32Array(misses.length);
    const keyOneMiss = new Int32Array(misses.length);
    const cpvCounts = new Int32Array(128);
    const buyerCounts = new Int32Array(this.buyers.values.length + 1);
    let soon7 = 0;
    let soon30 = 0;

    const n = candidates ? candidates.slots.length : this.count;
    if (this.scratchSlots.length < n) {
      this.scratchSlots = new Uint32Array(this.capacity);
      this.scratchScores = new Float32Array(this.capacity);
    }
    const resultSlots = this.scratchSlots;
    const resultScores = this.scratchScores;
    const candidateSlots = candidates ? candidates.slots : null;
    const candidateScores = candidates ? candidates.scores : null;
    let total = 0;
    const { alive, cpv, buyer, deadline, profile } = this;
    for (let i = 0; i < n; i++) {
      const slot = candidateSlots === null ? i : (candidateSlots[i] as number);
      if (alive[slot] === 0) continue;
      const dl = deadline[slot] as number;
      const key = ((profile[slot] as number) << 1) | (dl <= now ? 1 : 0);
      let miss = misses[key] as number;
      if (useCpv) {
        const w = slot << 2;
        if (
          ((cpv[w] as number) & m0) === 0 &&
          ((cpv[w + 1] as number) & m1) === 0 &&
          ((cpv[w + 2] as number) & m2) === 0 &&
          ((cpv[w + 3] as number) & m3) === 0
        )
          miss |= missBits.cpv;
      }
      if (useBuyer) {
        const b = buyer[slot] as number;
        if (b < 0 || buyerAllowed[b] === 0) miss |= missBits.buyer;
      }
      if (deadlineUntil !== 0 && !(dl > now && dl <= deadlineUntil)) miss |= missBits.deadline;
      if (miss === 0) {
        resultSlots[total] = slot;
        resultScores[total++] = candidateScores === null ? 0 : (candidateScores[i] as number);
        if (!counting) continue;
        keyCounts[key] = (keyCounts[key] as number) + 1;
      } else if (!counting || (miss & (miss - 1)) !== 0) {
        continue;
      } else if (miss === misses[key]) {
        // the one missed filter is a profile field: counted for that field only, at the end
        keyOneMiss[key] = (keyOneMiss[key] as number) + 1;
        continue;
      }
      // here: every filter passed, or only the CPV, buyer or deadline one missed
      if (miss === 0 || miss === missBits.cpv) {
        const w = slot << 2;
        for (let k = 0; k < 4; k++) {
          let bits = cpv[w + k] as number;
          while (bits !== 0) {
            const low = bits & -bits;
            const bit = (k << 5) | (31 - Math.clz32(low));
            cpvCounts[bit] = (cpvCounts[bit] as number) + 1;
            bits = (bits ^ low) >>> 0;
          }
        }
      }
      if (miss === 0 || miss === missBits.buyer) {
        const b = buyer[slot] as number;
        if (b >= 0) buyerCounts[b] = (buyerCounts[b] as number) + 1;
      }
      if ((miss === 0 || miss === missBits.deadline) && dl > now && dl <= month) {
        soon30++;
        if (dl <= week) soon7++;
      }
    }

    const hits = this.topOf(resultSlots.subarray(0, total), resultScores.subarray(0, total), query);
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
    const spread = profiles.spread(misses, keyCounts, keyOneMiss, {
      departments: this.departments.values.length,
      procedures: this.procedures.values.length,
      categories: this.categories.values.length,
    });
    emit('cpv', cpvCounts, (v) => String(v).padStart(2, '0'));
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

  /**
   * The page asked for, without sorting every match: a bounded heap keeps the best `offset + limit`.
   * Each match is first compared with the worst kept one on two numbers (inline, no call): almost
   * every match of a broad search stops there.
   */
  private topOf(slots: Uint32Array, scores: Float32Array, query: MemoryQuery): { tenderId: string; score: number }[] {
    const keep = query.offset + query.limit;
    const cmp = this.compare(query.sort);
    const better = (i: number, j: number) =>
      cmp(slots[i] as number, slots[j] as number, scores[i] as number, scores[j] as number) < 0;
    let chosen: number[];
    if (slots.length <= keep * 4) {
      chosen = Array.from({ length: slots.length }, (_, i) => i);
    } else {
      // the two numbers that order matches before the identifier tie-break, greater is better
      const { published, deadline } = this;
      const bySort = query.sort;
      const first = (i: number): number => {
        if (bySort === 'relevance') return scores[i] as number;
        if (bySort === 'published') return published[slots[i] as number] as number;
        const d = deadline[slots[i] as number] as number;
        return Number.isNaN(d) ? Number.NEGATIVE_INFINITY : -d;
      };
      const second = (i: number): number => (bySort === 'relevance' ? (published[slots[i] as number] as number) : 0);
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
      for (let i = 0; i < keep; i++) {
        heap.push(i);
        up(heap.length - 1);
      }
      let worstFirst = first(heap[0] as number);
      let worstSecond = second(heap[0] as number);
      const relevance = bySort === 'relevance';
      const byPublished = bySort === 'published';
      for (let i = keep; i < slots.length; i++) {
        const slot = slots[i] as number;
        let a: number;
        let b = 0;
        if (relevance) {
          a = scores[i] as number;
          b = published[slot] as number;
        } else if (byPublished) {
          a = published[slot] as number;
        } else {
          const d = deadline[slot] as number;
          a = Number.isNaN(d) ? Number.NEGATIVE_INFINITY : -d;
        }
        if (a < worstFirst || (a === worstFirst && b < worstSecond)) continue;
        if (!better(i, heap[0] as number)) continue;
        heap[0] = i;
        down(0);
        worstFirst = first(heap[0] as number);
        worstSecond = second(heap[0] as number);
      }
      chosen = heap;
    }
    chosen.sort((i, j) => (better(i, j) ? -1 : better(j, i) ? 1 : 0));
    return chosen.slice(query.offset, keep).map((i) => ({
      tenderId: this.tenderIds[slots[i] as number] as string,
      score: scores[i] as number,
    }));
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
