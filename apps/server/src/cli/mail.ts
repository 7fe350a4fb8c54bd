import { Command, InvalidArgumentError } from 'commander';
import { mailQueueCounts, type RelayResult, relayMail } from '../modules/notifications/index.ts';
import type { Config } from '../platform/config.ts';
import { createMailer } from '../platform/mail.ts';
import type { Runtime } from '../platform/runtime.ts';
import { withRuntime } from './shared.ts';

/**
 * Sends what the mail outbox holds due, batch after batch until nothing is due (a failed
 * message waits for its backoff, so the loop ends). For CLI commands that queue e-mail.
 */
export async function relayQueuedMail(runtime: Runtime, config: Config): Promise<RelayResult> {
  const mailer = createMailer(config);
  const total: RelayResult = { sent: 0, retried: 0, gaveUp: 0 };
  const log = {
    error: (obj: object, msg: string) => process.stderr.write(`${msg} ${JSON.stringify(obj)}\n`),
  };
  for (;;) {
    const pass = await relayMail(runtime.database.db, mailer, { now: () => new Date(), log });
    total.sent += pass.sent;
    total.retried += pass.retried;
    total.gaveUp += pass.gaveUp;
    if (pass.sent + pass.retried + pass.gaveUp === 0) return total;
  }
}

export function describeRelay(result: RelayResult): string {
  return `Mail: ${result.sent} sent, ${result.retried} to retry, ${result.gaveUp} given up.\n`;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 3600) throw new InvalidArgumentError('expected 1 to 3600 seconds');
  return n;
}

/** `marque mail relay [--watch s]`: send the queued e-mail (once, or every s seconds). */
export function mailCommand(): Command {
  const mail = new Command('mail').description('The transactional e-mail outbox');
  mail
    .command('relay')
    .description('Send the e-mail queued in the database (safe to run in several processes at once)')
    .option('--watch <seconds>', 'keep relaying every so many seconds until interrupted', seconds)
    .action(async (options: { watch?: number }) => {
      await withRuntime(async (runtime, config) => {
        for (;;) {
          process.stdout.write(describeRelay(await relayQueuedMail(runtime, config)));
          if (!options.watch) break;
          await new Promise((resolve) => setTimeout(resolve, (options.watch ?? 1) * 1000));
        }
        const counts = await mailQueueCounts(runtime.database.db);
        process.stdout.write(
          `Queue: ${counts.queued} queued, ${counts.sent} sent, ${counts.failed} failed.\n`,
        );
      });
    });
  return mail;
}
