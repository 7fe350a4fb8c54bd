import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { DEMO_BRAND } from '../../src/platform/brand.ts';
import { type Clock, fixedClock } from '../../src/platform/clock.ts';
import { createFieldCipher, type FieldCipher } from '../../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../../src/platform/crypto/keys.ts';
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
  /** Move the wall clock (sessions) without touching the business date. */
  setNow(instant: Date): void;
  close(): Promise<void>;
}

/** A migrated database with the demo data, and the app built on it with a controllable clock. */
export async function testApp(options: { seed?: boolean; clock?: Clock } = {}): Promise<TestApp> {
  const db = await freshDatabase();
  const cipher = createFieldCipher(testFieldKeys());
  let now = new Date('2026-11-24T15:00:00Z');
  await prepareDatabase({ database: db.database, cipher, now }, { seedDemo: options.seed ?? true });
  const logs = new LogCapture();
  const app = await buildApp({
    database: db.database,
    clock: options.clock ?? fixedClock(() => now, BUSINESS_DATE),
    brand: { brand: DEMO_BRAND, logoSvg: '<svg/>' },
    cipher,
    logLevel: 'info',
    logStream: logs,
  });
  await app.ready();
  return {
    app,
    db,
    cipher,
    logs,
    setNow(instant) {
      now = instant;
    },
    async close() {
      await app.close();
      await db.drop();
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
