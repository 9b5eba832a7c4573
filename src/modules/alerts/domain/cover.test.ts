import { describe, expect, it } from 'vitest';
import { filterKeysOf, lexemeCover, matchKeys, parseTsquery } from './cover.js';

const noFilters = { cpv: [], department: [], procedure: [], category: [], buyer: [], clause: [] };

function cover(text: string): string[] | null {
  const tree = parseTsquery(text);
  return tree ? lexemeCover(tree) : null;
}

describe('the cover of a tsquery', () => {
  it('keeps one required term of a conjunction, the longest (rarest) one', () => {
    expect(cover("'nettoi' & 'local'")).toEqual(['nettoi']);
    expect(cover("'desamiant' & 'ecol' & 'lyce'")).toEqual(['desamiant']);
  });

  it('needs every alternative of a disjunction', () => {
    expect(cover("'toitur' | 'couvertur'")?.sort()).toEqual(['couvertur', 'toitur']);
    expect(cover("( 'toitur' | 'zinc' ) & 'gymnas'")).toEqual(['gymnas']);
    // one key beats two, even a short one
    expect(cover("( 'toitur' | 'zinc' ) & 'ab'")).toEqual(['ab']);
    expect(cover("( 'toitur' | 'zinc' ) | 'ab'")?.sort()).toEqual(['ab', 'toitur', 'zinc']);
  });

  it('treats a phrase as a conjunction and ignores excluded words', () => {
    expect(cover("'espac' <-> 'vert'")).toEqual(['espac']);
    expect(cover("'espac' <2> 'vert' & !'elag'")).toEqual(['espac']);
    expect(cover("!'elag'")).toBeNull();
    expect(cover("'a' | !'b'")).toBeNull();
  });

  it('has no cover for a prefix search, and reads quotes inside lexemes', () => {
    expect(cover("'nettoy':*")).toBeNull();
    expect(cover("'aujourd''hui' & 'x'")).toEqual(["aujourd'hui"]);
    expect(cover("'chauffag':AB & 'x'")).toEqual(['chauffag']);
  });

  it('refuses what is not a tsquery', () => {
    expect(() => parseTsquery("'a' & ")).toThrow();
    expect(() => parseTsquery("( 'a'")).toThrow();
    expect(parseTsquery('')).toBeNull();
  });
});

describe('match keys', () => {
  it('prefers words, then the most selective filter', () => {
    expect(matchKeys(['nettoi'], { ...noFilters, department: ['93'] })).toEqual(['w:nettoi']);
    expect(matchKeys(null, { ...noFilters, department: ['93', '75'], cpv: ['45'] })).toEqual(['d:93', 'd:75']);
    expect(matchKeys(null, { ...noFilters, category: ['works'] })).toEqual(['k:works']);
    expect(matchKeys(null, noFilters)).toBeNull();
  });

  it('gives a tender a key for every filter value it has', () => {
    expect(
      filterKeysOf({
        cpvDivisions: ['45', '90'],
        department: '93',
        procedure: 'open',
        category: 'works',
        buyerId: null,
        clauses: ['social'],
      }),
    ).toEqual(['c:45', 'c:90', 'd:93', 'p:open', 'k:works', 's:social']);
  });
});
