import { Command } from 'commander';
import { buildApp } from '../app.ts';
import { createAuditLog } from '../modules/audit/index.ts';
import { createNotificationInbox } from '../modules/notifications/index.ts';
import { type CobWorker, startCobWorker } from '../modules/servicing/index.ts';
import { loadBrand } from '../platform/brand.ts';
import { systemClock } from '../platform/clock.ts';
import { createMailer } from '../platform/mail.ts';
import { openRuntime } from '../platform/runtime.ts';
import { ensureWebBuilt, WEB_DIST } from '../platform/web-build.ts';
import { prepareDatabase } from '../seed/prepare.ts';
import { cobDepsFor } from './cob.ts';
import { configOrExit, fail } from './shared.ts';

/**
 * `marque start`: migrate, seed the demo on an empty database, build the web app if needed,
 * listen, and shut down gracefully on SIGTERM/SIGINT (stop accepting, finish in-flight
 * requests, close the database, release the DATA_DIR lock).
 */
export function startCommand(): Command {
  return new Command('start')
    .description('Run the API and web app (migrates and seeds demo data on first run)')
    .action(async () => {
      const config = configOrExit();
      const say = (message: string) => process.stdout.write(`${message}\n`);
      try {
        if (!config.webDist) ensureWebBuilt(say);
      } catch (error) {
        fail(error);
      }
      const runtime = await openRuntime(config).catch(fail);
      try {
        const prepared = await prepareDatabase(
          { database: runtime.database, cipher: runtime.cipher, now: new Date() },
          { seedDemo: config.seedDemo },
        );
        if (prepared.demo?.seeded)
          say(`Demo data created (business date ${prepared.businessDate}); logins are in the README.`);
        const clock = systemClock(runtime.database.db);
        const app = await buildApp({
          database: runtime.database,
          clock,
          brand: loadBrand(config.brandFile),
          cipher: runtime.cipher,
          audit: createAuditLog({ now: clock.now }),
          mailer: createMailer(config),
          inbox: createNotificationInbox({ now: clock.now }),
          // Links in e-mails and the passkey relying party (its hostname is the RP ID).
          publicOrigin: config.publicOrigin ?? `http://localhost:${config.port}`,
          logLevel: config.logLevel,
          secureCookies: config.secureCookies,
          trustProxy: config.trustProxy,
          allowedOrigins: config.publicOrigin ? [config.publicOrigin] : [],
          webDist: config.webDist ?? WEB_DIST,
          // The mail outbox's safety net: e-mail queued by the close of business worker, by other
          // processes, or waiting for a retry (requests nudge the relay themselves).
          mailRelayIntervalMs: 5_000,
          // The PDFs of the statements a close of business cut, drawn soon after it (ADR 0012).
          documentDrawIntervalMs: 5_000,
        });
        // Close of business in the same process: each business date the clock has passed.
        const cob: CobWorker | null = config.cobWorker
          ? startCobWorker(cobDepsFor(runtime, config), {
              onError: (error) => app.log.error({ err: error }, 'close of business failed'),
            })
          : null;
        let closing = false;
        const shutdown = async (signal: string) => {
          if (closing) return;
          closing = true;
          app.log.info({ signal }, 'shutting down');
          const force = setTimeout(() => process.exit(1), 10_000);
          force.unref();
          await app.close();
          await cob?.stop();
          await runtime.close();
          process.exit(0);
        };
        process.once('SIGTERM', () => void shutdown('SIGTERM'));
        process.once('SIGINT', () => void shutdown('SIGINT'));
        const address = await app.listen({ port: config.port, host: config.host });
        say(`Marque is running at ${address.replace('0.0.0.0', 'localhost')} (${runtime.database.kind}).`);
      } catch (error) {
        await runtime.close();
        fail(error);
      }
    });
}
