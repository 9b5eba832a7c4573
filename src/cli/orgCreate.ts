import { parseArgs } from 'node:util';
import {
  checkSiret,
  createOrganisation,
  normaliseIdentifier,
  type OrganisationInput,
} from '../modules/organisations/index.js';
import { type CliContext, parseCommandArgs, requireOption } from './context.js';
import { CliError, cliErrorFrom } from './errors.js';

export const orgCreateHelp =
  'create an organisation: --kind buyer|company --siret --name [--department --city --legal-category --member-since --naf --size --ess --siae]';

/** The option behind each field of the use case, to name it in error messages. */
const optionOf: Record<string, string> = {
  kind: '--kind',
  name: '--name',
  siret: '--siret',
  legalCategory: '--legal-category',
  department: '--department',
  city: '--city',
  memberSince: '--member-since',
  memberUntil: '--member-until',
  naf: '--naf',
  size: '--size',
};

export function parseOrgCreateArgs(args: string[]): OrganisationInput {
  const values = parseCommandArgs('org:create', () =>
    parseArgs({
      args,
      strict: true,
      options: {
        kind: { type: 'string' },
        siret: { type: 'string' },
        name: { type: 'string' },
        department: { type: 'string' },
        city: { type: 'string' },
        'legal-category': { type: 'string' },
        'member-since': { type: 'string' },
        naf: { type: 'string' },
        size: { type: 'string' },
        ess: { type: 'boolean' },
        siae: { type: 'boolean' },
      },
    }),
  ).values;
  const kind = requireOption('org:create', values.kind, 'kind');
  const siret = normaliseIdentifier(requireOption('org:create', values.siret, 'siret'));
  const name = requireOption('org:create', values.name, 'name');
  // Checked here too, so that a typo fails at once, before the database is opened.
  const problem = checkSiret(siret);
  if (problem === 'format') throw new CliError(`org:create: --siret "${values.siret}" must have 14 digits.`);
  if (problem === 'checksum') {
    throw new CliError(`org:create: --siret "${values.siret}" is not a valid SIRET (its check digit is wrong).`);
  }
  if (kind === 'buyer') {
    if (values.naf !== undefined || values.size !== undefined || values.ess || values.siae) {
      throw new CliError('org:create: --naf, --size, --ess and --siae describe companies, not buyers.');
    }
    return {
      kind,
      siret,
      name,
      legalCategory: values['legal-category'] ?? '',
      department: values.department,
      city: values.city,
      memberSince: values['member-since'],
    };
  }
  if (kind === 'company') {
    if (values['legal-category'] !== undefined || values['member-since'] !== undefined) {
      throw new CliError('org:create: --legal-category and --member-since describe buyers, not companies.');
    }
    return {
      kind,
      siret,
      name,
      department: values.department,
      city: values.city,
      naf: values.naf,
      size: values.size as 'TPE' | 'PME' | 'ETI' | 'GE' | undefined,
      isEss: values.ess ?? false,
      isSiae: values.siae ?? false,
    };
  }
  throw new CliError(`org:create: --kind must be "buyer" or "company", not "${kind}".`);
}

/** `halle org:create`: a member buyer or a company, through the same use case as the back office. */
export async function orgCreateCommand(ctx: CliContext, args: string[]): Promise<void> {
  const input = parseOrgCreateArgs(args);
  let id: string;
  try {
    id = await createOrganisation(ctx.rt, { type: 'cli' }, input);
  } catch (error) {
    throw cliErrorFrom('org:create', error, optionOf);
  }
  ctx.out(`Created ${input.kind} ${input.name} (SIRET ${input.siret}, id ${id}).`);
}
