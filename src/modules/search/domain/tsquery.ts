/**
 * The text form of a PostgreSQL tsquery (what `websearch_to_tsquery(...)::text` prints), read back
 * into a tree, so the in-memory index evaluates exactly the query PostgreSQL built: same parsing of
 * the user's syntax, same French stemming and accent folding, done once by the database.
 *
 *   'travaux' & !'peintur'      'nettoyag' | 'gardiennag'      'group' <-> 'scolair'
 */
export type QueryNode =
  | { kind: 'term'; lexeme: string; prefix: boolean }
  | { kind: 'not'; node: QueryNode }
  | { kind: 'and'; left: QueryNode; right: QueryNode }
  | { kind: 'or'; left: QueryNode; right: QueryNode }
  /** `<->` and `<N>`: the words in order at a distance (needs positions) */
  | { kind: 'phrase'; left: QueryNode; right: QueryNode; distance: number };

type Token =
  | { type: 'term'; lexeme: string; prefix: boolean }
  | { type: 'op'; op: '&' | '|' | '!' | '(' | ')' }
  | { type: 'phrase'; distance: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ') {
      i++;
    } else if (c === "'") {
      // a quoted lexeme; a quote inside is doubled, a backslash escapes the next character
      let lexeme = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated lexeme in tsquery');
        const d = text[i] as string;
        if (d === '\\') {
          lexeme += text[i + 1] ?? '';
          i += 2;
        } else if (d === "'" && text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
        } else if (d === "'") {
          i++;
          break;
        } else {
          lexeme += d;
          i++;
        }
      }
      // optional weight and prefix flags: ':*', ':AB', ':*A'
      let prefix = false;
      if (text[i] === ':') {
        i++;
        while (i < text.length && /[*ABCDabcd]/.test(text[i] as string)) {
          if (text[i] === '*') prefix = true;
          i++;
        }
      }
      tokens.push({ type: 'term', lexeme, prefix });
    } else if (c === '<') {
      const end = text.indexOf('>', i);
      if (end < 0) throw new Error('unterminated phrase operator in tsquery');
      const inner = text.slice(i + 1, end);
      tokens.push({ type: 'phrase', distance: inner === '-' ? 1 : Number.parseInt(inner, 10) });
      i = end + 1;
    } else if (c === '&' || c === '|' || c === '!' || c === '(' || c === ')') {
      tokens.push({ type: 'op', op: c });
      i++;
    } else {
      throw new Error(`unexpected character in tsquery: ${c}`);
    }
  }
  return tokens;
}

/** Parses PostgreSQL's printed tsquery. Precedence, tightest first: `!`, `<->`, `&`, `|`. */
export function parseTsquery(text: string): QueryNode | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  let pos = 0;
  const peek = () => tokens[pos];

  function primary(): QueryNode {
    const token = tokens[pos++];
    if (!token) throw new Error('unexpected end of tsquery');
    if (token.type === 'term') return { kind: 'term', lexeme: token.lexeme, prefix: token.prefix };
    if (token.type === 'op' && token.op === '!') return { kind: 'not', node: primary() };
    if (token.type === 'op' && token.op === '(') {
      const node = or();
      const close = tokens[pos++];
      if (close?.type !== 'op' || close.op !== ')') throw new Error('missing ) in tsquery');
      return node;
    }
    throw new Error('unexpected token in tsquery');
  }
  function phrase(): QueryNode {
    let node = primary();
    for (let t = peek(); t?.type === 'phrase'; t = peek()) {
      pos++;
      node = { kind: 'phrase', left: node, right: primary(), distance: t.distance };
    }
    return node;
  }
  function and(): QueryNode {
    let node = phrase();
    for (let t = peek(); t?.type === 'op' && t.op === '&'; t = peek()) {
      pos++;
      node = { kind: 'and', left: node, right: phrase() };
    }
    return node;
  }
  function or(): QueryNode {
    let node = and();
    for (let t = peek(); t?.type === 'op' && t.op === '|'; t = peek()) {
      pos++;
      node = { kind: 'or', left: node, right: and() };
    }
    return node;
  }
  const root = or();
  if (pos !== tokens.length) throw new Error('trailing tokens in tsquery');
  return root;
}

/** True when the tree needs word positions (phrases), which the in-memory index does not keep. */
export function needsPositions(node: QueryNode): boolean {
  switch (node.kind) {
    case 'term':
      return false;
    case 'not':
      return needsPositions(node.node);
    case 'phrase':
      return true;
    default:
      return needsPositions(node.left) || needsPositions(node.right);
  }
}

/** Writes a tree back as tsquery text (for `::tsquery`: highlighting what was actually searched). */
export function serializeTsquery(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return `'${node.lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'${node.prefix ? ':*' : ''}`;
    case 'not':
      return `!${serializeTsquery(node.node)}`;
    case 'and':
      return `( ${serializeTsquery(node.left)} & ${serializeTsquery(node.right)} )`;
    case 'or':
      return `( ${serializeTsquery(node.left)} | ${serializeTsquery(node.right)} )`;
    case 'phrase':
      return `( ${serializeTsquery(node.left)} <${node.distance}> ${serializeTsquery(node.right)} )`;
  }
}

/** Replaces each positive word by itself or its corrections (`fix` answers [] to keep a word as is). */
export function withCorrections(node: QueryNode, fix: (lexeme: string) => string[]): QueryNode {
  switch (node.kind) {
    case 'term': {
      const alternatives = node.prefix ? [] : fix(node.lexeme);
      return alternatives.reduce<QueryNode>(
        (tree, lexeme) => ({ kind: 'or', left: tree, right: { kind: 'term', lexeme, prefix: false } }),
        node,
      );
    }
    case 'not':
      // an excluded word stays exactly what was typed
      return node;
    case 'phrase':
      return node;
    default:
      return { ...node, left: withCorrections(node.left, fix), right: withCorrections(node.right, fix) };
  }
}
