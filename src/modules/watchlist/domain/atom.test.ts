import { describe, expect, it } from 'vitest';
import { buildAtomFeed, escapeXml } from './atom.js';

/**
 * A tiny XML well-formedness check, enough for what the feed writer produces: every tag closes in
 * order, attributes are quoted, text holds no raw "<" and every "&" starts a known entity.
 * Returns the element names in document order.
 */
function checkWellFormed(xml: string): string[] {
  const names: string[] = [];
  const stack: string[] = [];
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  while (rest.length) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    if (/&(?!(amp|lt|gt|quot|apos);)/.test(text)) throw new Error(`bad entity in ${text}`);
    if (lt === -1) break;
    const gt = rest.indexOf('>', lt);
    if (gt === -1) throw new Error('unclosed tag');
    const tag = rest.slice(lt + 1, gt);
    rest = rest.slice(gt + 1);
    if (tag.startsWith('/')) {
      const open = stack.pop();
      if (open !== tag.slice(1)) throw new Error(`</${tag.slice(1)}> closes <${open}>`);
      continue;
    }
    const match = /^([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)$/.exec(tag);
    if (!match?.[1]) throw new Error(`malformed tag <${tag}>`);
    const attributes = match[2] ?? '';
    if (/&(?!(amp|lt|gt|quot|apos);)/.test(attributes)) throw new Error(`bad entity in ${attributes}`);
    names.push(match[1]);
    if (match[3] !== '/') stack.push(match[1]);
  }
  if (stack.length) throw new Error(`unclosed ${stack.join(', ')}`);
  return names;
}

const meta = {
  id: 'tag:halle.example,2026:recherche?q=toiture',
  title: 'Recherche « toiture » & <étanchéité>',
  selfUrl: 'https://halle.example/recherche/flux.atom?q=toiture&dep=93',
  alternateUrl: 'https://halle.example/recherche?q=toiture&dep=93',
  now: new Date('2026-11-28T10:00:00Z'),
  generator: 'Halle',
  lang: 'fr',
};

describe('Atom feed', () => {
  it('escapes XML special characters and drops forbidden control characters', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>\u0001`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
  });

  it('is well-formed even with hostile titles, with one entry per tender', () => {
    const xml = buildAtomFeed(
      [
        {
          id: '0190aaaa-0000-7000-8000-000000000001',
          title: 'Réfection </title><script>alert(1)</script> & toiture "A"',
          url: 'https://halle.example/consultations/2026-0001',
          summary: 'Acheteur : Ville de Montreuil — date limite : 15/12/2026 12:00 (heure de Paris)',
          updated: new Date('2026-11-20T08:00:00Z'),
          published: new Date('2026-11-20T08:00:00Z'),
        },
        {
          id: '0190aaaa-0000-7000-8000-000000000002',
          title: 'Étanchéité des terrasses',
          url: 'https://halle.example/consultations/2026-0002',
          summary: 'Acheteur : Département de la Seine-Saint-Denis',
          updated: new Date('2026-11-25T08:00:00Z'),
        },
      ],
      meta,
    );
    const names = checkWellFormed(xml);
    expect(names[0]).toBe('feed');
    expect(names.filter((n) => n === 'entry')).toHaveLength(2);
    expect(xml).toContain('<id>urn:uuid:0190aaaa-0000-7000-8000-000000000001</id>');
    expect(xml).toContain('&lt;/title&gt;&lt;script&gt;');
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('href="https://halle.example/recherche/flux.atom?q=toiture&amp;dep=93"');
    // the feed is as recent as its latest entry
    expect(xml).toContain('  <updated>2026-11-25T08:00:00.000Z</updated>');
  });

  it('is a valid empty feed when nothing matches', () => {
    const xml = buildAtomFeed([], meta);
    expect(checkWellFormed(xml)).not.toContain('entry');
    expect(xml).toContain('<updated>2026-11-28T10:00:00.000Z</updated>');
  });

  it('the checker itself rejects broken XML', () => {
    expect(() => checkWellFormed('<feed><title>a & b</title></feed>')).toThrow();
    expect(() => checkWellFormed('<feed><title>a</feed>')).toThrow();
  });
});
