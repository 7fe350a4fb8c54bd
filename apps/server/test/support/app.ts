import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { OutboxMessage } from '@marque/contracts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { createAuditLog } from '../../src/modules/audit/index.ts';
import { createNotificationInbox, readOutboxMessage } from '../../src/modules/notifications/index.ts';
import { DEMO_BRAND } from '../../src/platform/brand.ts';
import { type Clock, fixedClock } from '../../src/platform/clock.ts';
import { createFieldCipher, type FieldCipher } from '../../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../../src/platform/crypto/keys.ts';
import { createMailer, type OutboxMailer } from '../../src/platform/mail.ts';
import type { AuditLog, NotificationInbox } from '../../src/platform/ports.ts';
import { prepareDatabase } from '../../src/seed/prepare.ts';
import { freshDatabase, type TestDatabase } from './database.ts';

export const BUSINESS_DATE = '2026-11-24';
export { DEMO_PASSWORD } from '../../src/seed/demo-data.ts';

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
  /** The real audit log and inbox on the test database, as the app uses them. */
  audit: AuditLog;
  inbox: NotificationInbox;
  /** The app's mailer: .eml files in a temporary directory, removed by `close`. */
  mailer: OutboxMailer;
  /** Every message the app sent so far, oldest first, parsed. */
  sentMail(): Promise<OutboxMessage[]>;
  /** Move the wall clock (sessions) without touching the business date. */
  setNow(instant: Date): void;
  close(): Promise<void>;
}

/** A migrated database with the demo data, and the app built on it with a controllable clock. */
export async function testApp(
  options: { seed?: boolean; clock?: Clock; mailer?: OutboxMailer } = {},
): Promise<TestApp> {
  const db = await freshDatabase();
  const cipher = createFieldCipher(testFieldKeys());
  let now = new Date('2026-11-24T15:00:00Z');
  await prepareDatabase({ database: db.database, cipher, now }, { seedDemo: options.seed ?? true });
  const logs = new LogCapture();
  const clock = options.clock ?? fixedClock(() => now, BUSINESS_DATE);
  const audit = createAuditLog({ now: clock.now });
  const inbox = createNotificationInbox({ now: clock.now });
  const mailRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'marque-mail-'));
  const mailer =
    options.mailer ??
    createMailer({
      smtpUrl: undefined,
      mailFrom: 'Marque <no-reply@marque.test>',
      dataDir: mailRoot,
    });
  const app = await buildApp({
    database: db.database,
    clock,
    brand: { brand: DEMO_BRAND, logoSvg: '<svg/>' },
    cipher,
    audit,
    mailer,
    inbox,
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
    async sentMail() {
      const dir = mailer.outboxDir ?? '';
      const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.eml')) : [];
      const messages = await Promise.all(names.sort().map((n) => readOutboxMessage(dir, n)));
      return messages.filter((m): m is OutboxMessage => m !== null);
    },
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

/** The session cookie from a response, as a `cookie` request header value. */
export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'marque_session');
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `marque_session=${cookie.value}`;
}

export async function logInAs(app: FastifyInstance, email: string, password: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  return sessionCookieOf(response);
}
