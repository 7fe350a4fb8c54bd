import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../apps/server/src/app.ts';
import { createAuditLog } from '../../apps/server/src/modules/audit/index.ts';
import { createNotificationInbox } from '../../apps/server/src/modules/notifications/index.ts';
import { loadBrand } from '../../apps/server/src/platform/brand.ts';
import { fixedClock, systemClock } from '../../apps/server/src/platform/clock.ts';
import { createFieldCipher } from '../../apps/server/src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../../apps/server/src/platform/crypto/keys.ts';
import { createMailer } from '../../apps/server/src/platform/mail.ts';
import { WEB_DIST } from '../../apps/server/src/platform/web-build.ts';
import { prepareDatabase } from '../../apps/server/src/seed/prepare.ts';
import { freshDatabase, type TestDatabase } from '../../apps/server/test/support/database.ts';
import { RecordingAudit, RecordingInbox, RecordingMailer } from '../../apps/server/test/support/ports.ts';

export { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../apps/server/src/seed/demo-data.ts';

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  /** What the server e-mailed (verification codes, alerts), also written as .eml files. */
  mailer: RecordingMailer;
  /** Reads e-mailed codes as a person would, waiting a little for the message to arrive. */
  mail: { lastCode(address: string, timeoutMs?: number): Promise<string> };
  /**
   * Ages every session's last second-factor proof past the 5-minute step-up window, as if the
   * person signed in a while ago: the next sensitive change asks for a fresh code.
   */
  ageSecondFactors(): Promise<void>;
  /** Leaves a message in the mail queue as the relay leaves one it gave up on (8 failed sends). */
  giveUpMail(to: string, subject: string): Promise<void>;
  close(): Promise<void>;
}

/** A port nobody listens on right now (the OS picks it), for the server to take at once. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface ServerOptions {
  /**
   * 'fixed' (default): the business date stays today's, whatever runs. 'database': read it from
   * the database as production does, so a close of business visibly advances it.
   */
  businessDate?: 'fixed' | 'database';
}

/**
 * The real server (the built web app included) on a fresh seeded database, listening on a
 * free port. The web app must have been built (`npm test` builds it first). The browser uses
 * http://localhost:PORT, which is also the server's PUBLIC_ORIGIN: WebAuthn takes the RP ID from
 * its hostname and refuses an IP address, and passkeys answer only to that exact origin.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error('The web app is not built: run `npm run build` (npm test does it for you).');
  }
  const db: TestDatabase = await freshDatabase();
  const cipher = createFieldCipher(testFieldKeys());
  const now = new Date();
  const businessDate = now.toISOString().slice(0, 10);
  await prepareDatabase({ database: db.database, cipher, now }, { seedDemo: true });
  const clock =
    options.businessDate === 'database'
      ? systemClock(db.database.db)
      : fixedClock(() => new Date(), businessDate);
  const mailRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'marque-e2e-mail-'));
  const mailer = new RecordingMailer(
    createMailer({ smtpUrl: undefined, mailFrom: 'Marque <no-reply@marque.test>', dataDir: mailRoot }),
  );
  const port = await freePort();
  const publicOrigin = `http://localhost:${port}`;
  const app = await buildApp({
    publicOrigin,
    database: db.database,
    cipher,
    clock,
    brand: loadBrand(undefined),
    audit: new RecordingAudit(createAuditLog({ now: clock.now })),
    mailer,
    inbox: new RecordingInbox(createNotificationInbox({ now: clock.now })),
    logLevel: 'warn',
    webDist: WEB_DIST,
  });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url: publicOrigin,
    app,
    mailer,
    mail: {
      async lastCode(address, timeoutMs = 5_000) {
        const until = Date.now() + timeoutMs;
        for (;;) {
          const text = mailer.to(address).at(-1)?.text ?? '';
          const code = /\b(\d{6})\b/.exec(text)?.[1];
          if (code) return code;
          if (Date.now() > until) throw new Error(`no code e-mailed to ${address}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      },
    },
    async ageSecondFactors() {
      await db.database.query(
        "update sessions set second_factor_at = second_factor_at - interval '10 minutes' where second_factor_at is not null",
      );
    },
    async giveUpMail(to, subject) {
      await db.database.query(
        `insert into mail_outbox (to_address, subject, text, category, created_at, available_at, attempts, failed_at, last_error)
         values ($1, $2, 'Sent again from the ops console.', 'notice', now(), now(), 8, now(), 'connection refused')`,
        [to, subject],
      );
    },
    async close() {
      await app.close();
      await db.drop();
      fs.rmSync(mailRoot, { recursive: true, force: true });
    },
  };
}
