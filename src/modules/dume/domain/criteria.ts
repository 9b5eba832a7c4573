/**
 * ESPD criteria as the official v2.1.1 request example defines them. Each criterion is kept as
 * its XML block (copied verbatim into the documents we generate, so their structure stays the
 * official one) with what the form needs: its name and the id of its main yes/no question. Pure.
 */
export interface EspdCriterion {
  id: string;
  typeCode: string;
  name: string;
  description: string;
  kind: 'exclusion' | 'selection';
  /** id of the first INDICATOR question ("Your answer"): what a response answers */
  questionId: string;
  /** the `<cac:TenderingCriterion>` element, comments removed */
  xml: string;
}

const open = '<cac:TenderingCriterion>';
const close = '</cac:TenderingCriterion>';

function first(xml: string, pattern: RegExp): string {
  return pattern.exec(xml)?.[1]?.trim() ?? '';
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The criteria of an ESPD document: exclusion grounds and the global selection indicator. */
export function parseCriteria(documentXml: string): EspdCriterion[] {
  const xml = documentXml.replace(/<!--[\s\S]*?-->/g, '');
  const out: EspdCriterion[] = [];
  let at = xml.indexOf(open);
  while (at >= 0) {
    const end = xml.indexOf(close, at);
    if (end < 0) break;
    const block = xml.slice(at, end + close.length);
    at = xml.indexOf(open, end);
    const typeCode = first(block, /<cbc:CriterionTypeCode[^>]*>([^<]+)</);
    const kind = typeCode.startsWith('CRITERION.EXCLUSION.')
      ? 'exclusion'
      : typeCode === 'CRITERION.SELECTION.ALL'
        ? 'selection'
        : null;
    if (!kind) continue;
    const question =
      /<cac:TenderingCriterionProperty>\s*<cbc:ID[^>]*>([^<]+)<\/cbc:ID>(?:(?!<\/cac:TenderingCriterionProperty>)[\s\S])*?<cbc:TypeCode[^>]*>QUESTION<\/cbc:TypeCode>\s*<cbc:ValueDataTypeCode[^>]*>INDICATOR</.exec(
        block,
      );
    if (!question?.[1]) continue;
    out.push({
      id: first(block, /<cbc:ID[^>]*>([^<]+)<\/cbc:ID>/),
      typeCode,
      name: unescapeXml(first(block, /<cbc:Name>([^<]*)<\/cbc:Name>/)),
      description: unescapeXml(first(block, /<cbc:Description>([^<]*)<\/cbc:Description>/)),
      kind,
      questionId: question[1].trim(),
      xml: block,
    });
  }
  return out;
}

/**
 * The global selection indicator ("the economic operator satisfies all the required selection
 * criteria"), with its ESPD-EDM 2.1.1 taxonomy ids: the official Basic request example carries it
 * in a comment only, so it is written out here, exactly as there.
 */
const tax = 'schemeID="CriteriaTaxonomy" schemeAgencyID="EU-COM-GROW" schemeVersionID="2.1.1"';
const globalSelectionXml = `<cac:TenderingCriterion>
    <cbc:ID ${tax}>f4dc58dd-af45-4602-a4c8-3dca30fac082</cbc:ID>
    <cbc:CriterionTypeCode listID="CriteriaTypeCode" listAgencyID="EU-COM-GROW" listVersionID="2.1.1">CRITERION.SELECTION.ALL</cbc:CriterionTypeCode>
    <cbc:Name>Global indication for all selection criteria</cbc:Name>
    <cbc:Description>Concerning the selection criteria the economic operator declares that It satisfies all the required selection criteria indicated in the relevant notice or in the procurement documents referred to in the notice.</cbc:Description>
    <cac:TenderingCriterionPropertyGroup>
      <cbc:ID ${tax}>8684a40f-f0ac-43ed-8571-caf9e25dd934</cbc:ID>
      <cbc:PropertyGroupTypeCode listID="PropertyGroupType" listAgencyID="EU-COM-GROW" listVersionID="2.1.1">ON*</cbc:PropertyGroupTypeCode>
      <cac:TenderingCriterionProperty>
        <cbc:ID ${tax}>acebd59c-e30a-4b4e-b8b3-35d46117009e</cbc:ID>
        <cbc:Description>Your answer?</cbc:Description>
        <cbc:TypeCode listID="CriterionElementType" listAgencyID="EU-COM-GROW" listVersionID="2.1.1">QUESTION</cbc:TypeCode>
        <cbc:ValueDataTypeCode listID="ResponseDataType" listAgencyID="EU-COM-GROW" listVersionID="2.1.1">INDICATOR</cbc:ValueDataTypeCode>
      </cac:TenderingCriterionProperty>
    </cac:TenderingCriterionPropertyGroup>
  </cac:TenderingCriterion>`;

/** What a Halle tender asks in its ESPD: every exclusion ground, then the global selection indicator. */
export function tenderCriteria(officialRequestXml: string): EspdCriterion[] {
  const exclusions = parseCriteria(officialRequestXml).filter((c) => c.kind === 'exclusion');
  return [...exclusions, ...parseCriteria(globalSelectionXml)];
}

/**
 * Default answers: "no" to every exclusion ground (the company is in none of those situations),
 * "yes" to the global selection indicator. The form changes what the company says otherwise.
 */
export function defaultAnswers(criteria: EspdCriterion[]): Record<string, boolean> {
  return Object.fromEntries(criteria.map((c) => [c.questionId, c.kind === 'selection']));
}
