/**
 * Highlighted excerpts without HTML: PostgreSQL's `ts_headline` marks matches with two
 * private-use characters (stripped from indexed text, so they cannot be forged), and the text is
 * split here into segments that the page renders as text (escaped by Preact) inside `<mark>`.
 * No markup is ever built from user or tender text.
 */
export const highlightStart = '\uE000';
export const highlightStop = '\uE001';

export interface Segment {
  text: string;
  highlighted: boolean;
}

export function toSegments(marked: string): Segment[] {
  const segments: Segment[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const start = rest.indexOf(highlightStart);
    if (start === -1) {
      segments.push({ text: rest.replaceAll(highlightStop, ''), highlighted: false });
      break;
    }
    if (start > 0) segments.push({ text: rest.slice(0, start).replaceAll(highlightStop, ''), highlighted: false });
    const stop = rest.indexOf(highlightStop, start + 1);
    const end = stop === -1 ? rest.length : stop;
    const text = rest.slice(start + 1, end).replaceAll(highlightStart, '');
    if (text) segments.push({ text, highlighted: true });
    rest = stop === -1 ? '' : rest.slice(stop + 1);
  }
  // adjacent plain segments merge, so the output stays small
  return segments.filter((s) => s.text.length > 0);
}
