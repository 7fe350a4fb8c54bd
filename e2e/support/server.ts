import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadBrand } from '../../apps/server/src/platform/brand.ts';
import { fixedClock } from '../../apps/server/src/platform/clock.ts';
import { createFieldCipher } from '../../apps/server/src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../../apps/server/src/platform/crypto/keys.ts';
import type { MailMessage } from '../../apps/server/src/platform/ports.ts';
import { WEB_DIST } from '../../apps/server/src/platform/web-build.ts';
import * as demo from '../../apps/server/src/seed/demo-data.ts';
import { prepareDatabase } from '../../apps/server/src/seed/prepare.ts';
import { freshDatabase, type TestDatabase } from '../../apps/server/test/support/database.ts';

export { DEMO_PASSWORD } from '../../apps/server/src/seed/demo-data.ts';

/**
 * The demo customers' authenticator secret, from the seed (the identity branch adds it). Read
 * loosely so this file type-checks before that branch is merged.
 */
export const DEMO_TOTP_SECRET: string = String((demo as Record<string, unknown>).DEMO_TOTP_SECRET ?? '');

/** Every message the server sent, so journeys can read e-mailed codes as a person would. */
export class CapturedMail {
  readonly messages: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> {
    this.messages.push(message);
  }
  /** The last 6-digit code e-mailed to an address, waiting a little for it to arrive. */
  async lastCode(address: string, timeoutMs = 5_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const text = this.messages.filter((m) => m.to === address).at(-1)?.text ?? '';
      const code = /\b(\d{6})\b/.exec(text)?.[1];
      if (code) return code;
      if (Date.now() > until) throw new Error(`no code e-mailed to ${address}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  /** Mail the server sent (the mailer port is a recorder in these journeys). */
  mail: CapturedMail;
  close(): Promise<void>;
}

/**
 * The real server (the built web app included) on a fresh seeded database, listening on a
 * free port. The web app must have been built (`npm test` builds it first).
 */
export async function startServer(): Promise<RunningServer> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error('The web app is not built: run `npm run build` (npm test does it for you).');
  }
  const db: TestDatabase = await freshDatabase();
  const cipher = createFieldCipher(testFieldKeys());
  const now = new Date();
  const businessDate = now.toISOString().slice(0, 10);
  await prepareDatabase({ database: db.database, cipher, now }, { seedDemo: true });
  const mail = new CapturedMail();
  // A variable, not a literal: `mailer` is a dependency only once the identity branch is merged
  // (then also pass its recording `audit` and `inbox`, e.g. `...recordingPorts(), mailer: mail`).
  const deps = {
    database: db.database,
    cipher,
    clock: fixedClock(() => new Date(), businessDate),
    brand: loadBrand(undefined),
    mailer: mail,
    logLevel: 'warn',
    webDist: WEB_DIST,
  };
  const app = await buildApp(deps);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    app,
    mail,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
