import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes only from the environment, validated once at start-up.
 * A bad value stops the process with one line per problem (see `ConfigError`).
 */
const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_ORIGIN: z.url().optional().describe('External origin, e.g. https://portal.example.com'),
  TRUST_PROXY: booleanString.default(false),
  ENCRYPTION_KEY: base64Key.optional(),
  ENCRYPTION_KEY_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/)
    .optional(),
  BLIND_INDEX_KEY: base64Key.optional(),
  SEED_DEMO: booleanString.default(true),
  COB_WORKER: booleanString.default(true),
  BRAND_FILE: z.string().min(1).optional(),
  WEB_DIST: z.string().min(1).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')
    .optional()
    .describe('smtp://user:password@host:587 (STARTTLS) or smtps://...:465; unset: .eml files'),
  MAIL_FROM: z
    .string()
    .max(200)
    .regex(
      /^(?:[^<>\r\n"]+ <[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
      'must be an address, optionally with a name: "Solenne Motor Finance <no-reply@solenne.example>"',
    )
    .default('Marque <no-reply@marque.localhost>'),
});

export type Config = {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  logLevel: string;
  publicOrigin: string | undefined;
  /** Cookies get `Secure` and the `__Host-` prefix, and HSTS is sent, when the public origin is https. */
  secureCookies: boolean;
  trustProxy: boolean;
  encryption: { source: 'env'; keyId: string; key: Buffer; blindIndexKey: Buffer } | { source: 'data-dir' };
  seedDemo: boolean;
  /** `marque start` closes each business day once the wall clock has passed it (ADR 0010). */
  cobWorker: boolean;
  brandFile: string | undefined;
  webDist: string | undefined;
  /** Outgoing mail goes by SMTP when set; otherwise each message is an .eml file in DATA_DIR/mail. */
  smtpUrl: string | undefined;
  mailFrom: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        const shown = name in env && !/KEY|URL/.test(name) ? ` (got "${env[name]}")` : '';
        return `${name}: ${issue.message}${shown}`;
      }),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  let encryption: Config['encryption'] = { source: 'data-dir' };
  if (e.ENCRYPTION_KEY || e.BLIND_INDEX_KEY) {
    if (!e.ENCRYPTION_KEY || !e.BLIND_INDEX_KEY) {
      problems.push('ENCRYPTION_KEY and BLIND_INDEX_KEY must be set together');
    } else {
      encryption = {
        source: 'env',
        keyId: e.ENCRYPTION_KEY_ID ?? 'k1',
        key: Buffer.from(e.ENCRYPTION_KEY, 'base64'),
        blindIndexKey: Buffer.from(e.BLIND_INDEX_KEY, 'base64'),
      };
    }
  } else if (e.NODE_ENV === 'production') {
    problems.push(
      'ENCRYPTION_KEY: required in production (32 random bytes, base64); generate with `openssl rand -base64 32`',
    );
    problems.push(
      'BLIND_INDEX_KEY: required in production (32 random bytes, base64, different from ENCRYPTION_KEY)',
    );
  }
  if (e.NODE_ENV === 'production' && !e.DATABASE_URL) {
    problems.push(
      'DATABASE_URL: required in production (the embedded database is for development and demos)',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    logLevel: e.LOG_LEVEL,
    publicOrigin: e.PUBLIC_ORIGIN,
    secureCookies: e.PUBLIC_ORIGIN?.startsWith('https://') ?? false,
    trustProxy: e.TRUST_PROXY,
    encryption,
    seedDemo: e.SEED_DEMO,
    cobWorker: e.COB_WORKER,
    brandFile: e.BRAND_FILE,
    webDist: e.WEB_DIST,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
  };
}
