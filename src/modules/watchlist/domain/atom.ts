/**
 * Atom 1.0 (RFC 4287) writing, pure: any search as a feed that feed readers poll.
 */

/** Characters XML 1.0 forbids even escaped (control characters): dropped, or the feed is invalid. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
const invalidXmlChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Escapes text for element content and attribute values alike. */
export function escapeXml(value: string): string {
  return value
    .replace(invalidXmlChars, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface AtomEntry {
  /** the tender id (a UUID), written as urn:uuid: so it never changes with the host name */
  id: string;
  title: string;
  /** absolute link to the notice page */
  url: string;
  summary: string;
  updated: Date;
  published?: Date | null | undefined;
  author?: string | undefined;
}

export interface AtomMeta {
  /** a stable IRI of this feed (tag URI or absolute URL) */
  id: string;
  title: string;
  /** absolute URL of the feed itself */
  selfUrl: string;
  /** absolute URL of the HTML page showing the same results */
  alternateUrl: string;
  /** used when there is no entry; otherwise the latest entry's update */
  now: Date;
  generator: string;
  lang: string;
}

export function buildAtomFeed(items: AtomEntry[], meta: AtomMeta): string {
  const updated = new Date(Math.max(0, ...items.map((item) => item.updated.getTime())));
  const feedUpdated = items.length ? updated : meta.now;
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(meta.lang)}">`,
    `  <id>${escapeXml(meta.id)}</id>`,
    `  <title>${escapeXml(meta.title)}</title>`,
    `  <updated>${feedUpdated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(meta.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(meta.alternateUrl)}"/>`,
    `  <author><name>${escapeXml(meta.generator)}</name></author>`,
    `  <generator>${escapeXml(meta.generator)}</generator>`,
  ];
  for (const item of items) {
    out.push(
      '  <entry>',
      `    <id>urn:uuid:${escapeXml(item.id)}</id>`,
      `    <title>${escapeXml(item.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>`,
      `    <updated>${item.updated.toISOString()}</updated>`,
    );
    if (item.published) out.push(`    <published>${item.published.toISOString()}</published>`);
    if (item.author) out.push(`    <author><name>${escapeXml(item.author)}</name></author>`);
    out.push(`    <summary type="text">${escapeXml(item.summary)}</summary>`, '  </entry>');
  }
  out.push('</feed>');
  return `${out.join('\n')}\n`;
}
