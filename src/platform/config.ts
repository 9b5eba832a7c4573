import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting of the platform, parsed once from the environment.
 * Nothing else in the code base reads `process.env`.
 */
const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  HALLE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Halle <ne-pas-repondre@halle.localhost>'),
  PUBLIC_URL: z.url().optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HALLE_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  HALLE_SEED_DEMO: booleanFlag.optional(),
  TRUST_PROXY: booleanFlag.default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SEARCH_MEMORY_INDEX: booleanFlag.optional(),
  HALLE_SIGNING_KEY_FILE: z.string().min(1).optional(),
  COMPANY_REGISTRY_URL: z.url().optional(),
  COMPANY_REGISTRY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(4000),
  ALERTS_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  CONTRACT_END_REMINDER_DAYS: z
    .string()
    .regex(/^\d{1,4}(,\d{1,4})*$/, 'days before the end of a contract, comma-separated (90,30)')
    .default('90,30'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** root of the filesystem blob store: `<dataDir>/blobs` */
  blobsDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** true when running on the embedded PGlite engine */
  embedded: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  /** secret used to sign cookies and CSRF tokens; generated into the data dir when absent */
  sessionSecret: string | undefined;
  logLevel: string;
  role: 'all' | 'web' | 'worker';
  /** demo data is loaded into an empty database only on the embedded engine outside production */
  seedDemo: boolean;
  trustProxy: boolean;
  secureCookies: boolean;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** web processes keep an in-memory copy of the search index (on, except in tests that ask for it) */
  searchMemoryIndex: boolean;
  /** PEM file of the platform's Ed25519 receipt-signing key: generated there at first use when absent; every web process must see the same file */
  signingKeyFile: string;
  /**
   * base URL of a company search service speaking the API of recherche-entreprises.api.gouv.fr
   * (`/search?q=<siret>`); without it the embedded registry extract is used
   */
  companyRegistryUrl: string | undefined;
  companyRegistryTimeoutMs: number;
  /** hour of the day (Europe/Paris) at which daily alert digests go out */
  alertsDigestHour: number;
  /** days before the end of a contract at which its buyer's agents are reminded (each once) */
  contractEndReminderDays: number[];
};

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const embedded = e.DATABASE_URL === undefined;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.HALLE_DATA_DIR),
    blobsDir: path.join(path.resolve(e.HALLE_DATA_DIR), 'blobs'),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    embedded,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl,
    sessionSecret: e.SESSION_SECRET,
    logLevel: e.LOG_LEVEL,
    role: e.HALLE_ROLE,
    seedDemo: (e.HALLE_SEED_DEMO ?? embedded) && e.NODE_ENV !== 'production',
    trustProxy: e.TRUST_PROXY,
    secureCookies: publicUrl.startsWith('https://'),
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    searchMemoryIndex: e.SEARCH_MEMORY_INDEX ?? e.NODE_ENV !== 'test',
    signingKeyFile: path.resolve(e.HALLE_SIGNING_KEY_FILE ?? path.join(e.HALLE_DATA_DIR, 'signing-key.pem')),
    companyRegistryUrl: e.COMPANY_REGISTRY_URL?.replace(/\/$/, ''),
    companyRegistryTimeoutMs: e.COMPANY_REGISTRY_TIMEOUT_MS,
    alertsDigestHour: e.ALERTS_DIGEST_HOUR,
    contractEndReminderDays: [...new Set(e.CONTRACT_END_REMINDER_DAYS.split(',').map(Number))].sort((a, b) => b - a),
  };
}

let loaded: Config | undefined;

/** The process configuration, parsed from `process.env` on first use. */
export function loadConfig(): Config {
  loaded ??= parseConfig(process.env);
  return loaded;
}
