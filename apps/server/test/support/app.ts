import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { OutboxMessage } from '@marque/contracts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { buildApp } from '../../src/app.ts';
import { createAuditLog } from '../../src/modules/audit/index.ts';
import {
  createNotificationInbox,
  type RelayResult,
  readOutboxMessage,
  relayMail,
} from '../../src/modules/notifications/index.ts';
import { DEMO_BRAND } from '../../src/platform/brand.ts';
import { type Clock, fixedClock } from '../../src/platform/clock.ts';
import { createFieldCipher, type FieldCipher } from '../../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../../src/platform/crypto/keys.ts';
import { createMailer, type OutboxMailer } from '../../src/platform/mail.ts';
import { DEFAULT_THROTTLE_POLICY, type ThrottlePolicy } from '../../src/platform/throttle/throttle.ts';
import { DEMO_TOTP_SECRET } from '../../src/seed/demo-data.ts';
import { prepareDatabase } from '../../src/seed/prepare.ts';
import { freshDatabase, type TestDatabase } from './database.ts';
import { RecordingAudit, RecordingInbox, RecordingMailer } from './ports.ts';

export const BUSINESS_DATE = '2026-11-24';
export { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/seed/demo-data.ts';

/** Every log line the app wrote, as raw text, so tests can look for leaked secrets. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(chunk.toString('utf8'));
    done();
  }
  get text(): string {
    return this.lines.join('');
  }
}

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  cipher: FieldCipher;
  logs: LogCapture;
  /**
   * The real audit log, inbox and mailer (.eml files in a temporary directory, removed by
   * `close`), each wrapped to also keep what passed through it in memory for assertions.
   */
  mailer: RecordingMailer;
  audit: RecordingAudit;
  inbox: RecordingInbox;
  /**
   * Sends what the mail outbox holds due through `mailer`, as the relay of `marque start` does.
   * The app relays by itself after each changing request; call this after using a use case
   * directly (an import, a close of business) to see its e-mail.
   */
  relayMail(): Promise<RelayResult>;
  /** Every message the app sent so far, oldest first, parsed from the outbox files. */
  sentMail(): Promise<OutboxMessage[]>;
  /** The app's wall clock. */
  now(): Date;
  /** Move the wall clock (sessions) without touching the business date. */
  setNow(instant: Date): void;
  close(): Promise<void>;
}

/**
 * Limits generous enough that a test file's many sign-ins from one IP never trip them; the
 * throttle tests pass DEFAULT_THROTTLE_POLICY (or tighter) explicitly.
 */
export const RELAXED_THROTTLE: ThrottlePolicy = Object.fromEntries(
  Object.entries(DEFAULT_THROTTLE_POLICY).map(([scope, limits]) => [
    scope,
    {
      account: { ...limits.account, max: 10_000 },
      ip: { ...limits.ip, max: 10_000 },
      global: { ...limits.global, max: 100_000 },
    },
  ]),
) as ThrottlePolicy;

/** A migrated database with the demo data, and the app built on it with a controllable clock. */
export async function testApp(
  options: {
    seed?: boolean;
    clock?: Clock;
    mailer?: OutboxMailer;
    throttle?: ThrottlePolicy;
    /** Wrap the field cipher (e.g. to count the work a request does). */
    wrapCipher?: (cipher: FieldCipher) => FieldCipher;
  } = {},
): Promise<TestApp> {
  const db = await freshDatabase();
  const cipher = createFieldCipher(testFieldKeys());
  let now = new Date('2026-11-24T15:00:00Z');
  await prepareDatabase({ database: db.database, cipher, now }, { seedDemo: options.seed ?? true });
  const logs = new LogCapture();
  const clock = options.clock ?? fixedClock(() => now, BUSINESS_DATE);
  const audit = new RecordingAudit(createAuditLog({ now: clock.now }));
  const inbox = new RecordingInbox(createNotificationInbox({ now: clock.now }));
  const mailRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'marque-mail-'));
  const mailer = new RecordingMailer(
    options.mailer ??
      createMailer({ smtpUrl: undefined, mailFrom: 'Marque <no-reply@marque.test>', dataDir: mailRoot }),
  );
  const app = await buildApp({
    database: db.database,
    clock,
    brand: { brand: DEMO_BRAND, logoSvg: '<svg/>' },
    cipher: options.wrapCipher ? options.wrapCipher(cipher) : cipher,
    audit,
    mailer,
    inbox,
    throttle: options.throttle ?? RELAXED_THROTTLE,
    logLevel: 'info',
    logStream: logs,
  });
  await app.ready();
  return {
    app,
    db,
    cipher,
    logs,
    audit,
    inbox,
    mailer,
    relayMail: () => relayMail(db.database.db, mailer, { now: clock.now, batchSize: 1000 }),
    async sentMail() {
      const dir = mailer.outboxDir ?? '';
      const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.eml')) : [];
      const messages = await Promise.all(names.sort().map((n) => readOutboxMessage(dir, n)));
      return messages.filter((m): m is OutboxMessage => m !== null);
    },
    now: () => now,
    setNow(instant) {
      now = instant;
    },
    async close() {
      await app.close();
      await db.drop();
      fs.rmSync(mailRoot, { recursive: true, force: true });
    },
  };
}

export function cookieOf(response: LightMyRequestResponse, name: string): string {
  const cookie = response.cookies.find((c) => c.name === name && c.value !== '');
  if (!cookie) throw new Error(`no ${name} cookie in response ${response.statusCode}: ${response.body}`);
  return `${name}=${cookie.value}`;
}

/** The session cookie from a response, as a `cookie` request header value. */
export function sessionCookieOf(response: LightMyRequestResponse): string {
  return cookieOf(response, 'marque_session');
}

export function preAuthCookieOf(response: LightMyRequestResponse): string {
  return cookieOf(response, 'marque_preauth');
}

/** The current TOTP code of a secret at an instant (the app's clock, not the machine's). */
export function totpAt(at: Date, secret = DEMO_TOTP_SECRET): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** The password step alone: answers the pre-auth cookie. */
export async function passwordStep(t: TestApp, email: string, password: string): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (response.json().status !== 'mfa_required') throw new Error(`password step: ${response.body}`);
  return preAuthCookieOf(response);
}

/**
 * Full sign-in: password, then the demo TOTP code. Each call first moves the clock 30 seconds
 * on, because a TOTP code is accepted once (ASVS 6.5.1) and the test clock otherwise stands still.
 */
export async function logInAs(
  t: TestApp,
  email: string,
  password: string,
  secret = DEMO_TOTP_SECRET,
): Promise<string> {
  t.setNow(new Date(t.now().getTime() + 30_000));
  const preAuth = await passwordStep(t, email, password);
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/mfa/totp',
    headers: { cookie: preAuth },
    payload: { code: await totpAt(t.now(), secret) },
  });
  return sessionCookieOf(response);
}
