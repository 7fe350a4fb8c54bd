import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const key = Buffer.alloc(32, 1).toString('base64');
const otherKey = Buffer.alloc(32, 2).toString('base64');

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('has defaults that run the embedded database in ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.encryption.source).toBe('data-dir');
    expect(config.secureCookies).toBe(false);
  });

  it('explains each bad value on its own line, naming the variable', () => {
    const problems = problemsOf({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith('PORT:'))).toContain('"eighty"');
    expect(problems.find((p) => p.startsWith('DATABASE_URL:'))).toContain('postgres://');
    // URLs and keys may hold secrets: their values are never echoed.
    expect(problems.join('\n')).not.toContain('mysql://x');
    expect(problems.find((p) => p.startsWith('LOG_LEVEL:'))).toBeDefined();
  });

  it('requires encryption keys and PostgreSQL in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.some((p) => p.startsWith('ENCRYPTION_KEY:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('BLIND_INDEX_KEY:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('DATABASE_URL:'))).toBe(true);
  });

  it('takes keys from the environment, and rejects keys of the wrong length', () => {
    const config = loadConfig({ ENCRYPTION_KEY: key, BLIND_INDEX_KEY: otherKey, ENCRYPTION_KEY_ID: 'k2026' });
    expect(config.encryption).toMatchObject({ source: 'env', keyId: 'k2026' });
    expect(problemsOf({ ENCRYPTION_KEY: 'c2hvcnQ=', BLIND_INDEX_KEY: otherKey })[0]).toContain('32 bytes');
    expect(problemsOf({ ENCRYPTION_KEY: key })[0]).toContain('set together');
  });

  it('uses Secure __Host- cookies and HSTS when the public origin is https', () => {
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://portal.example.com' }).secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_ORIGIN: 'http://localhost:3000' }).secureCookies).toBe(false);
  });
});

describe('mail configuration', () => {
  it('writes .eml files unless SMTP_URL is set, from a default sender', () => {
    const config = loadConfig({});
    expect(config.smtpUrl).toBeUndefined();
    expect(config.mailFrom).toContain('@');
  });

  it('takes an smtp:// or smtps:// URL and a sender with or without a name', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://mailer:s3cret@smtp.example.com:465',
      MAIL_FROM: 'Solenne Motor Finance <no-reply@solenne.example>',
    });
    expect(config.smtpUrl).toBe('smtps://mailer:s3cret@smtp.example.com:465');
    expect(config.mailFrom).toBe('Solenne Motor Finance <no-reply@solenne.example>');
    expect(loadConfig({ MAIL_FROM: 'no-reply@solenne.example' }).mailFrom).toBe('no-reply@solenne.example');
  });

  it('rejects other URLs without echoing them, and a sender that is not an address', () => {
    const problems = problemsOf({ SMTP_URL: 'http://user:pw@mail.example.com', MAIL_FROM: 'nobody' });
    expect(problems.find((p) => p.startsWith('SMTP_URL:'))).toContain('smtp://');
    expect(problems.join('\n')).not.toContain('user:pw');
    expect(problems.find((p) => p.startsWith('MAIL_FROM:'))).toBeDefined();
    expect(problemsOf({ MAIL_FROM: 'Evil <a@b.example>\r\nBcc: x@y.example' })[0]).toMatch(/^MAIL_FROM:/);
  });
});
