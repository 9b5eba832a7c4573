import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { checkRegister, signingKey, verifyReceipt } from '../modules/submissions/index.js';
import { loadConfig } from '../platform/config.js';
import { type CliContext, parseCommandArgs } from './context.js';
import { CliError } from './errors.js';

export const verifyReceiptHelp =
  'verify a receipt offline: halle verify-receipt receipt.json [--key public-key.pem] (default: this installation’s key)';

/**
 * `halle verify-receipt receipt.json`: checks the Ed25519 signature of a receipt against a
 * public key file (as published at /.well-known/halle-signing-key), without any database.
 */
export async function verifyReceiptCommand(
  args: string[],
  out: (text: string) => void = (t) => process.stdout.write(`${t}\n`),
): Promise<void> {
  const { values, positionals } = parseCommandArgs('verify-receipt', () =>
    parseArgs({ args, options: { key: { type: 'string' } }, allowPositionals: true, strict: true }),
  );
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new CliError('verify-receipt: give one receipt file, e.g. halle verify-receipt accuse.json');
  let document: unknown;
  try {
    document = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    throw new CliError(`verify-receipt: cannot read ${file} as JSON (${(error as Error).message})`);
  }
  const pem = values.key
    ? await fs.readFile(values.key, 'utf8').catch(() => {
        throw new CliError(`verify-receipt: cannot read the key file ${values.key}`);
      })
    : (await signingKey(loadConfig().signingKeyFile)).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const result = verifyReceipt(document, pem);
  if (!result.valid) throw new CliError(`verify-receipt: INVALID receipt (${result.reason})`);
  const body = (
    document as {
      body: {
        tender: { reference: string };
        company: { name: string };
        sealedAt: string;
        late: boolean;
        files: unknown[];
        register: { position: number };
      };
    }
  ).body;
  out(
    `Valid receipt: tender ${body.tender.reference}, ${body.company.name}, sealed ${body.sealedAt}${body.late ? ' (LATE)' : ''}, ` +
      `${body.files.length} file(s), register position ${body.register.position}.`,
  );
}

export const verifyRegisterHelp =
  'verify the hash chain of a tender’s deposits register and its receipts: halle verify-register <reference>';

export function parseVerifyRegisterArgs(args: string[]): string {
  const { positionals } = parseCommandArgs('verify-register', () =>
    parseArgs({ args, options: {}, allowPositionals: true, strict: true }),
  );
  const reference = positionals[0];
  if (!reference || positionals.length > 1)
    throw new CliError('verify-register: give one tender reference, e.g. halle verify-register 2026-0042');
  return reference;
}

/** `halle verify-register <reference>`: the chain from its first entry, its head, and each receipt against its entry. */
export async function verifyRegisterCommand(ctx: CliContext, args: string[]): Promise<void> {
  const reference = parseVerifyRegisterArgs(args);
  const tender = await ctx.rt.db
    .selectFrom('tenders')
    .select(['id'])
    .where('reference', '=', reference)
    .executeTakeFirst();
  if (!tender) throw new CliError(`verify-register: no tender ${reference}`);
  const chain = await checkRegister(ctx.rt.db, tender.id);
  if (!chain.valid) throw new CliError(`verify-register: BROKEN at position ${chain.position}: ${chain.reason}`);
  const key = await signingKey(ctx.rt.config.signingKeyFile);
  const pem = key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const rows = await ctx.rt.db
    .selectFrom('deposit_register')
    .innerJoin('submissions', 'submissions.id', 'deposit_register.submission_id')
    .select(['deposit_register.position', 'deposit_register.entry_hash', 'submissions.receipt'])
    .where('deposit_register.tender_id', '=', tender.id)
    .orderBy('deposit_register.position')
    .execute();
  for (const row of rows) {
    const receipt = row.receipt as { body?: { register?: { entryHash?: string } } } | null;
    if (!verifyReceipt(receipt, pem).valid || receipt?.body?.register?.entryHash !== row.entry_hash) {
      throw new CliError(`verify-register: the receipt of position ${row.position} does not match its register entry`);
    }
  }
  ctx.out(
    `Register of ${reference} intact: ${chain.length} entr${chain.length === 1 ? 'y' : 'ies'}, head ${chain.head}; every receipt matches.`,
  );
}
