/**
 * The "cover" of an alert: a small set of keys such that every tender the alert matches carries at
 * least one of them. The matcher pre-selects candidate alerts with `alerts.match_keys && tender_keys`
 * on a GIN index, then tests only those exactly: without a cover, every alert would be evaluated
 * for every tender. Pure functions over the text form of a PostgreSQL tsquery.
 */

type Node =
  | { kind: 'term'; lexeme: string; prefix: boolean }
  | { kind: 'not'; child: Node }
  | { kind: 'and'; left: Node; right: Node }
  | { kind: 'or'; left: Node; right: Node };

/** Tokens of the text PostgreSQL prints for a tsquery: `'nettoi' & ( 'a' | 'b' ) & !'c' <-> 'd':*`. */
function tokenise(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === ' ') {
      i++;
    } else if (c === "'") {
      let j = i + 1;
      let lexeme = '';
      while (j < text.length) {
        if (text.charAt(j) === "'" && text.charAt(j + 1) === "'") {
          lexeme += "'";
          j += 2;
        } else if (text.charAt(j) === "'") {
          break;
        } else {
          lexeme += text.charAt(j);
          j++;
        }
      }
      j++;
      // weights and prefix marks follow the lexeme: ':*', ':AB', ':*A'
      let suffix = '';
      if (text.charAt(j) === ':') {
        const m = /^:[*A-D]+/.exec(text.slice(j));
        suffix = m?.[0] ?? '';
        j += suffix.length;
      }
      tokens.push(`'${suffix.includes('*') ? '*' : ' '}${lexeme}`);
      i = j;
    } else if (c === '<') {
      const end = text.indexOf('>', i);
      tokens.push('&');
      i = end < 0 ? text.length : end + 1;
    } else if ('&|!()'.includes(c)) {
      tokens.push(c);
      i++;
    } else {
      throw new Error(`unexpected character in tsquery: ${c}`);
    }
  }
  return tokens;
}

/** Precedence, lowest first: `|`, then `&` (and the phrase operators, treated as `&`), then `!`. */
export function parseTsquery(text: string): Node | null {
  const tokens = tokenise(text);
  if (tokens.length === 0) return null;
  let pos = 0;
  const peek = () => tokens[pos];
  const parseOr = (): Node => {
    let left = parseAnd();
    while (peek() === '|') {
      pos++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): Node => {
    let left = parseUnary();
    while (peek() === '&') {
      pos++;
      left = { kind: 'and', left, right: parseUnary() };
    }
    return left;
  };
  const parseUnary = (): Node => {
    const token = tokens[pos++];
    if (token === '!') return { kind: 'not', child: parseUnary() };
    if (token === '(') {
      const inner = parseOr();
      if (tokens[pos++] !== ')') throw new Error('unbalanced parentheses in tsquery');
      return inner;
    }
    if (token?.startsWith("'")) return { kind: 'term', lexeme: token.slice(2), prefix: token.charAt(1) === '*' };
    throw new Error(`unexpected token in tsquery: ${token ?? 'end'}`);
  };
  const tree = parseOr();
  if (pos !== tokens.length) throw new Error('trailing tokens in tsquery');
  return tree;
}

/** Longer lexemes are rarer in French tender texts: a cheap stand-in for document frequency. */
function weight(cover: string[]): number {
  return cover.length * 100 - Math.min(...cover.map((l) => l.length));
}

/**
 * Lexemes of which every matching document holds at least one, or null when there is none
 * (a query that only excludes words, or a prefix search that an array overlap cannot test).
 */
export function lexemeCover(node: Node): string[] | null {
  switch (node.kind) {
    case 'term':
      return node.prefix ? null : [node.lexeme];
    case 'not':
      return null;
    case 'or': {
      const left = lexemeCover(node.left);
      const right = lexemeCover(node.right);
      return left && right ? [...new Set([...left, ...right])] : null;
    }
    case 'and': {
      const left = lexemeCover(node.left);
      const right = lexemeCover(node.right);
      if (!left) return right;
      if (!right) return left;
      return weight(left) <= weight(right) ? left : right;
    }
  }
}

export interface AlertFilters {
  cpv: readonly string[];
  department: readonly string[];
  procedure: readonly string[];
  category: readonly string[];
  buyer: readonly string[];
  clause: readonly string[];
}

/** The keys a tender carries, on the filter side (its words are added by the SQL, as 'w:<lexeme>'). */
export function filterKeysOf(doc: {
  cpvDivisions: readonly string[];
  department: string | null;
  procedure: string;
  category: string;
  buyerId: string | null;
  clauses: readonly string[];
}): string[] {
  return [
    ...doc.cpvDivisions.map((c) => `c:${c}`),
    ...(doc.department ? [`d:${doc.department}`] : []),
    `p:${doc.procedure}`,
    `k:${doc.category}`,
    ...(doc.buyerId ? [`b:${doc.buyerId}`] : []),
    ...doc.clauses.map((c) => `s:${c}`),
  ];
}

/**
 * The match keys of an alert: its keywords' cover when there is one; otherwise the values of its
 * most selective filter (a buyer, then a department, a CPV division, a procedure, a clause, a
 * category). Null when neither exists: such an alert would match every tender, and is refused.
 */
export function matchKeys(lexemes: string[] | null, filters: AlertFilters): string[] | null {
  if (lexemes && lexemes.length > 0) return lexemes.map((l) => `w:${l}`);
  if (filters.buyer.length > 0) return filters.buyer.map((b) => `b:${b}`);
  if (filters.department.length > 0) return filters.department.map((d) => `d:${d}`);
  if (filters.cpv.length > 0) return filters.cpv.map((c) => `c:${c}`);
  if (filters.procedure.length > 0) return filters.procedure.map((p) => `p:${p}`);
  if (filters.clause.length > 0) return filters.clause.map((c) => `s:${c}`);
  if (filters.category.length > 0) return filters.category.map((c) => `k:${c}`);
  return null;
}
