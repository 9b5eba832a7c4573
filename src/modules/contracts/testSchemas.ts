import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { validateXML } from 'xmllint-wasm';

/**
 * The official DECP 2022 schemas (data/reference/decp/) as validators, for the tests: the JSON
 * Schema is draft-07, which ajv's default class speaks; it uses no "format" keyword.
 */
const dir = fileURLToPath(new URL('../../../data/reference/decp/', import.meta.url));
const jsonSchema = JSON.parse(fs.readFileSync(`${dir}schema_decp_v2.0.3.json`, 'utf8')) as object;
const xsd = fs.readFileSync(`${dir}schema_decp_v2.0.2.xsd`, 'utf8');
export const officialExampleXml = fs.readFileSync(`${dir}Marche.xml`, 'utf8');

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(jsonSchema);

export function jsonSchemaErrors(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`.trim());
}

export async function xsdErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'decp.xml', contents: xml }],
    schema: [{ fileName: 'schema_decp_v2.0.2.xsd', contents: xsd }],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
