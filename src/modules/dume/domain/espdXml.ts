import type { EspdCriterion } from './criteria.js';

/**
 * ESPD documents of the v2.1.1 generation (ESPD-EDM 2.1.1 over UBL 2.2, the one national DUME
 * services exchange): the request a buyer attaches to its tender and the response a company
 * returns. Pure string building; every text goes through `xml()`.
 */
export function xml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // characters XML 1.0 forbids (controls) would make the document malformed
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
  );
}

export interface EspdParty {
  name: string;
  siret: string | null;
  street: string;
  city: string;
  postalCode: string;
  email?: string | undefined;
}

export interface EspdTender {
  reference: string;
  title: string;
  description: string;
  procedureType: string;
}

const ns = [
  'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"',
  'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"',
].join(' ');

/** Our procedures in the EU ProcedureType code list; an adapted procedure (MAPA) has no code. */
const procedureCodes: Record<string, string> = {
  open: 'OPEN',
  restricted: 'RESTRICTED',
  competitive_negotiation: 'NEG_W_CALL',
  competitive_dialogue: 'COMP_DIAL',
  negotiated_without_notice: 'NEG_WO_CALL',
  design_contest: 'OPEN',
};

function header(kind: 'request' | 'response', tender: EspdTender, id: string, uuid: string, issuedAt: Date): string {
  const iso = issuedAt.toISOString();
  const procedure = procedureCodes[tender.procedureType];
  return [
    '<cbc:UBLVersionID schemeAgencyID="OASIS-UBL-TC">2.2</cbc:UBLVersionID>',
    `<cbc:CustomizationID schemeAgencyID="CEN-BII" schemeVersionID="2.1.1">urn:www.cenbii.eu:transaction:${kind === 'request' ? 'biitrdm070' : 'biitrdm092'}:ver3.0</cbc:CustomizationID>`,
    '<cbc:ProfileID schemeAgencyID="CEN-BII" schemeVersionID="2.1.1">4.1</cbc:ProfileID>',
    `<cbc:ID schemeAgencyID="HALLE">${xml(id)}</cbc:ID>`,
    '<cbc:CopyIndicator>false</cbc:CopyIndicator>',
    `<cbc:UUID schemeID="ISO/IEC 9834-8:2008 - 4UUID" schemeAgencyID="EU-COM-GROW" schemeVersionID="2.1.1">${uuid}</cbc:UUID>`,
    `<cbc:ContractFolderID schemeAgencyID="HALLE">${xml(tender.reference)}</cbc:ContractFolderID>`,
    `<cbc:IssueDate>${iso.slice(0, 10)}</cbc:IssueDate>`,
    `<cbc:IssueTime>${iso.slice(11, 19)}Z</cbc:IssueTime>`,
    '<cbc:VersionID schemeAgencyID="EU-COM-GROW" schemeVersionID="2.1.1">2.1.1</cbc:VersionID>',
    procedure
      ? `<cbc:ProcedureCode listID="ProcedureType" listAgencyID="EU-COM-OP" listVersionID="1.0">${procedure}</cbc:ProcedureCode>`
      : '',
    '<cbc:QualificationApplicationTypeCode listID="QualificationApplicationType" listAgencyID="EU-COM-GROW" listVersionID="2.1.1">Basic</cbc:QualificationApplicationTypeCode>',
  ]
    .filter(Boolean)
    .join('\n  ');
}

function party(p: EspdParty, extra = ''): string {
  return [
    '<cac:Party>',
    extra,
    p.siret
      ? `<cac:PartyIdentification><cbc:ID schemeID="SIRET" schemeAgencyID="FR-INSEE">${xml(p.siret)}</cbc:ID></cac:PartyIdentification>`
      : '',
    `<cac:PartyName><cbc:Name>${xml(p.name)}</cbc:Name></cac:PartyName>`,
    '<cac:PostalAddress>',
    p.street ? `<cbc:StreetName>${xml(p.street)}</cbc:StreetName>` : '',
    p.city ? `<cbc:CityName>${xml(p.city)}</cbc:CityName>` : '',
    p.postalCode ? `<cbc:PostalZone>${xml(p.postalCode)}</cbc:PostalZone>` : '',
    '<cac:Country><cbc:IdentificationCode listID="CountryCodeIdentifier" listAgencyID="ISO" listName="CountryCodeIdentifier" listVersionID="1.0">FR</cbc:IdentificationCode></cac:Country>',
    '</cac:PostalAddress>',
    p.email ? `<cac:Contact><cbc:ElectronicMail>${xml(p.email)}</cbc:ElectronicMail></cac:Contact>` : '',
    '</cac:Party>',
  ]
    .filter(Boolean)
    .join('');
}

function project(tender: EspdTender): string {
  return `<cac:ProcurementProject><cbc:Name>${xml(tender.title)}</cbc:Name>${
    tender.description ? `<cbc:Description>${xml(tender.description.slice(0, 4000))}</cbc:Description>` : ''
  }</cac:ProcurementProject>`;
}

export function espdRequestXml(input: {
  tender: EspdTender;
  buyer: EspdParty;
  criteria: EspdCriterion[];
  uuid: string;
  issuedAt: Date;
}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<QualificationApplicationRequest xmlns="urn:oasis:names:specification:ubl:schema:xsd:QualificationApplicationRequest-2" ${ns}>
  ${header('request', input.tender, `ESPDREQ-${input.tender.reference}`, input.uuid, input.issuedAt)}
  <cac:ContractingParty>${party(input.buyer)}</cac:ContractingParty>
  ${project(input.tender)}
  ${input.criteria.map((c) => c.xml).join('\n  ')}
</QualificationApplicationRequest>
`;
}

export function espdResponseXml(input: {
  tender: EspdTender;
  buyer: EspdParty;
  company: EspdParty & { sme: boolean | null };
  criteria: EspdCriterion[];
  answers: Record<string, boolean>;
  uuid: string;
  responseIds: () => string;
  issuedAt: Date;
}): string {
  const sme =
    input.company.sme === true
      ? '<cbc:IndustryClassificationCode listID="EOIndustryClassificationCode" listAgencyID="EU-COM-GROW" listVersionID="2.1.1">SME</cbc:IndustryClassificationCode>'
      : '';
  const responses = input.criteria.map(
    (c) => `<cac:TenderingCriterionResponse>
    <cbc:ID schemeID="ISO/IEC 9834-8:2008 - 4UUID" schemeAgencyID="EU-COM-GROW" schemeVersionID="2.1.1">${input.responseIds()}</cbc:ID>
    <cbc:ValidatedCriterionPropertyID schemeID="CriteriaTaxonomy" schemeAgencyID="EU-COM-GROW" schemeVersionID="2.1.1">${xml(c.questionId)}</cbc:ValidatedCriterionPropertyID>
    <cac:ResponseValue>
      <cbc:ID schemeID="ISO/IEC 9834-8:2008 - 4UUID" schemeAgencyID="EU-COM-GROW" schemeVersionID="2.1.1">${input.responseIds()}</cbc:ID>
      <cbc:ResponseIndicator>${(input.answers[c.questionId] ?? c.kind === 'selection') ? 'true' : 'false'}</cbc:ResponseIndicator>
    </cac:ResponseValue>
  </cac:TenderingCriterionResponse>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<QualificationApplicationResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:QualificationApplicationResponse-2" ${ns}>
  ${header('response', input.tender, `ESPDRESP-${input.tender.reference}-${input.company.siret ?? ''}`, input.uuid, input.issuedAt)}
  <cac:ContractingParty>${party(input.buyer)}</cac:ContractingParty>
  <cac:EconomicOperatorParty>${party(input.company, sme)}</cac:EconomicOperatorParty>
  ${project(input.tender)}
  ${input.criteria.map((c) => c.xml).join('\n  ')}
  ${responses.join('\n  ')}
</QualificationApplicationResponse>
`;
}
