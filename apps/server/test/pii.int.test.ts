import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { DEMO_BRAND } from '../src/platform/brand.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { createFieldCipher } from '../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../src/platform/crypto/keys.ts';
import { type Database, openDatabase } from '../src/platform/db/client.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { LogCapture, totpAt } from './support/app.ts';
import { recordingPorts } from './support/ports.ts';

/**
 * ASVS 16.2.5 / 11.3.2: canary PII seeded into the records and sent through the API must not
 * appear in the log output or in the raw files of the embedded database.
 */
const CANARY_SSN = '219099999';
const CANARY_DOB = '1990-07-04';
const CANARY_PASSWORD = 'canary-Password-7731-zebra';

let dataDir: string;
let database: Database;
const logs = new LogCapture();
const ports = recordingPorts();
/** Secrets the registration flow handles: the TOTP seed, the e-mailed code, recovery codes. */
const flowSecrets: string[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marque-pii-'));
  database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  const cipher = createFieldCipher(testFieldKeys());
  await prepareDatabase({ database, cipher, now: new Date('2026-11-24T12:00:00Z') }, { seedDemo: true });
  const app = await buildApp({
    database,
    cipher,
    clock: fixedClock(new Date('2026-11-24T12:00:00Z'), '2026-11-24'),
    brand: { brand: DEMO_BRAND, logoSvg: '<svg/>' },
    audit: ports.audit,
    mailer: ports.mailer,
    inbox: ports.inbox,
    logLevel: 'trace',
    logStream: logs,
  });
  await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'jordan.ellis@example.com', password: CANARY_PASSWORD, ssn: CANARY_SSN },
  });
  await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'x', password: CANARY_PASSWORD },
  });
  // The whole registration flow with the canary identity and password.
  const identity = { firstName: 'Jordan', lastName: 'Ellis', dateOfBirth: CANARY_DOB, zip: '92503' };
  await app.inject({
    method: 'POST',
    url: '/api/v1/registration/verify-identity',
    payload: { ...identity, ssn: '219099998' },
  });
  await app.inject({
    method: 'POST',
    url: '/api/v1/registration/verify-identity',
    payload: { ...identity, ssnLast4: '9999', vin: '7SLBR00000000000X' },
  });
  const verified = await app.inject({
    method: 'POST',
    url: '/api/v1/registration/verify-identity',
    payload: { ...identity, ssn: CANARY_SSN },
  });
  const reg = {
    cookie: `marque_registration=${verified.cookies.find((c) => c.name === 'marque_registration')?.value}`,
  };
  const step = (url: string, payload: object) =>
    app.inject({ method: 'POST', url: `/api/v1/registration/${url}`, headers: reg, payload });
  await step('credentials', { email: 'j.e@example.net', password: CANARY_PASSWORD });
  const emailCode = /\b(\d{6})\b/.exec(ports.mailer.messages.at(-1)?.text ?? '')?.[1] ?? '';
  await step('verify-email', { code: emailCode });
  const { secret } = (await step('totp', {})).json();
  const { recoveryCodes } = (
    await step('totp/confirm', { code: await totpAt(new Date('2026-11-24T12:00:00Z'), secret) })
  ).json();
  const done = await step('consents', { esign: true, privacyNotice: true });
  expect(done.statusCode).toBe(200);
  flowSecrets.push(secret, ...recoveryCodes);
  await app.close();
  await database.query('checkpoint');
  await database.close();
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

describe('PII canaries', () => {
  it('never appear in the logs', () => {
    expect(logs.lines.length).toBeGreaterThan(2);
    expect(logs.text).not.toContain(CANARY_PASSWORD);
    expect(logs.text).not.toContain(CANARY_SSN);
    expect(logs.text).not.toContain(CANARY_DOB);
    expect(flowSecrets.length).toBe(11);
    for (const secret of flowSecrets) expect(logs.text).not.toContain(secret);
  });

  it('never appear in the raw database files', () => {
    const files = filesUnder(path.join(dataDir, 'pglite'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      expect(bytes.includes(CANARY_SSN), file).toBe(false);
      expect(bytes.includes('219-09-9999'), file).toBe(false);
      expect(bytes.includes(CANARY_DOB), file).toBe(false);
      expect(bytes.includes(CANARY_PASSWORD), file).toBe(false);
      for (const secret of flowSecrets) expect(bytes.includes(secret), file).toBe(false);
    }
  });
});
