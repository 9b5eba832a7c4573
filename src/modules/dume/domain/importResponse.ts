import { SaxesParser } from 'saxes';

/**
 * Reads the answers of an ESPD response XML of the v2.1.1 generation. A strict XML parser: a
 * malformed document, a document that is not an ESPD response, or one of another ESPD version
 * (v3, v4…) is refused with the reason, never half-read. Pure.
 */
export type ImportProblem = 'malformed' | 'not_response' | 'version';

export type ImportResult =
  | { ok: true; version: string; answers: Record<string, boolean>; siret: string | null }
  | { ok: false; problem: ImportProblem };

const responseNs = 'urn:oasis:names:specification:ubl:schema:xsd:QualificationApplicationResponse-2';
const cbc = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';

export function readEspdResponse(text: string): ImportResult {
  const parser = new SaxesParser({ xmlns: true });
  const stack: string[] = [];
  let rootOk: boolean | null = null;
  let version = '';
  let text_ = '';
  const answers: Record<string, boolean> = {};
  let property: string | null = null;
  let indicator: boolean | null = null;
  let siret: string | null = null;
  let failed = false;
  parser.on('error', () => {
    failed = true;
  });
  parser.on('opentag', (tag) => {
    if (stack.length === 0) rootOk = tag.local === 'QualificationApplicationResponse' && tag.uri === responseNs;
    stack.push(tag.uri === cbc ? `cbc:${tag.local}` : tag.local);
    text_ = '';
    if (tag.local === 'TenderingCriterionResponse') {
      property = null;
      indicator = null;
    }
  });
  parser.on('text', (t) => {
    text_ += t;
  });
  parser.on('closetag', (tag) => {
    const path = stack.join('/');
    const value = text_.trim();
    if (stack.length === 2 && stack[1] === 'cbc:VersionID') version = value;
    if (tag.local === 'ValidatedCriterionPropertyID') property = value;
    if (tag.local === 'ResponseIndicator') indicator = value === 'true';
    if (tag.local === 'TenderingCriterionResponse' && property && indicator !== null) answers[property] = indicator;
    if (
      tag.local === 'ID' &&
      path.includes('EconomicOperatorParty/Party/PartyIdentification') &&
      /^\d{14}$/.test(value)
    ) {
      siret = value;
    }
    stack.pop();
    text_ = '';
  });
  try {
    parser.write(text).close();
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (failed || rootOk === null) return { ok: false, problem: 'malformed' };
  if (!rootOk) return { ok: false, problem: 'not_response' };
  if (version !== '2.1.1') return { ok: false, problem: 'version' };
  return { ok: true, version, answers, siret };
}
