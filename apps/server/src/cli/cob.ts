import { isoDate } from '@marque/finance';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { closeOfBusinessStatements, drawAllDocuments } from '../modules/documents/index.ts';
import { createLoggingSmsSender, createNotificationInbox } from '../modules/notifications/index.ts';
import { createSimulatedProcessor, findPaymentMethod } from '../modules/payments/index.ts';
import { closeOfBusinessCoverageNotices } from '../modules/protection/index.ts';
import { type CobDeps, joinCob, runCob } from '../modules/servicing/index.ts';
import { loadBrand } from '../platform/brand.ts';
import type { Config } from '../platform/config.ts';
import { migrationsCurrent } from '../platform/db/migrate.ts';
import type { Runtime } from '../platform/runtime.ts';
import { describeRelay, relayQueuedMail } from './mail.ts';
import { withRuntime } from './shared.ts';

function dateOption(value: string): string {
  try {
    return isoDate(value, 'date');
  } catch {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  }
}

function countOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('expected 1 to 64');
  return n;
}

function sizeOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000)
    throw new InvalidArgumentError('expected 1 to 10000000');
  return n;
}

function secondsOption(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 86_400)
    throw new InvalidArgumentError('expected 0 to 86400 seconds');
  return n;
}

/** What close of business needs from a process's runtime (the CLI and the worker in `start`). */
export function cobDepsFor(runtime: Runtime, config: Config, extra: Partial<CobDeps> = {}): CobDeps {
  const { database, cipher } = runtime;
  const inbox = createNotificationInbox();
  const brand = loadBrand(config.brandFile);
  return {
    database,
    inbox,
    generateStatements: closeOfBusinessStatements({ inbox, brand }),
    serviceNotices: closeOfBusinessCoverageNotices({
      inbox,
      sms: createLoggingSmsSender({ now: () => new Date(), log: { info: () => {} } }),
      brandName: brand.brand.name,
      now: () => new Date(),
    }),
    payments: {
      findPaymentMethod,
      processor: createSimulatedProcessor({ db: database.db, now: () => new Date(), cipher }),
    },
    workers: Math.max(1, Math.min(config.databasePoolSize - 1, 2)),
    ...extra,
  };
}

/**
 * `marque cob --join [--wait S]`: help the close of business another process is running (claim
 * its partitions). Exit 0 when there is none, or once nothing is left to claim (for S seconds).
 */
async function join(runtime: Runtime, config: Config, options: CobOptions): Promise<void> {
  const result = await joinCob(
    cobDepsFor(runtime, config, {
      ...(options.workers ? { workers: options.workers } : {}),
      ...(options.partitionSize ? { partitionSize: options.partitionSize } : {}),
    }),
    { waitMs: (options.wait ?? 0) * 1000 },
  );
  process.stdout.write(
    result.runs.length
      ? `Joined run(s) ${result.runs.join(', ')}: closed ${result.partitions} partition(s).\n`
      : 'No close of business to join.\n',
  );
}

/** Draws the PDFs of the statements the close cut, with a progress line; says how it went. */
async function drawStatements(runtime: Runtime, config: Config): Promise<string> {
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    { format: 'Statements {value} drawn | {duration}s', noTTYOutput: true, notTTYSchedule: 5000 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(0, 0);
  const drawn = await drawAllDocuments(runtime.database.db, loadBrand(config.brandFile), {
    onProgress: (n) => bar.update(n),
  });
  bar.stop();
  if (drawn === 0) return '';
  const seconds = (Date.now() - started) / 1000;
  return `Drew ${drawn} statement PDF(s) in ${seconds.toFixed(1)} s (${Math.round(drawn / Math.max(seconds, 0.001))}/s).\n`;
}

interface CobOptions {
  date?: string;
  draw?: boolean;
  workers?: number;
  partitionSize?: number;
  join?: boolean;
  wait?: number;
}

/**
 * `marque cob [--date D]`: close the current business date, or catch up through D one day at a
 * time (a D already closed is rerun: whatever it left undone is completed). Exit 1 when a day
 * fails; its failures are listed and `GET /api/v1/ops/cob` shows them.
 */
export function cobCommand(): Command {
  return new Command('cob')
    .description(
      'Close of business: accrue, bill, late fees, aging, autopay, notices; then advance the business date',
    )
    .option('--date <YYYY-MM-DD>', 'close through this date (default: the current business date)', dateOption)
    .option('--workers <n>', 'concurrent partition workers (PostgreSQL)', countOption)
    .option('--partition-size <n>', 'contract ids per partition (keep it stable for a date)', sizeOption)
    .option('--join', 'help the close of business another process is running (PostgreSQL)')
    .option('--wait <seconds>', 'with --join: wait this long for a close to join', secondsOption)
    .option('--no-draw', "leave the statements' PDFs to the drawer of `marque start`")
    .action(async (options: CobOptions) => {
      await withRuntime(async (runtime, config) => {
        if (!(await migrationsCurrent(runtime.database))) {
          process.stderr.write('marque: the database is not migrated; run `marque migrate` first.\n');
          process.exitCode = 1;
          return;
        }
        if (options.join) {
          await join(runtime, config, options);
          return;
        }
        const bar = new cliProgress.SingleBar(
          {
            format: 'COB {date} {bar} {percentage}% | {value}/{total} partition steps | {duration}s',
            noTTYOutput: true,
            notTTYSchedule: 5000,
          },
          cliProgress.Presets.shades_classic,
        );
        let current = '';
        const started = Date.now();
        const results = await runCob(
          cobDepsFor(runtime, config, {
            ...(options.workers ? { workers: options.workers } : {}),
            ...(options.partitionSize ? { partitionSize: options.partitionSize } : {}),
            onProgress: ({ date, done, total }) => {
              if (date !== current) {
                if (current) bar.stop();
                current = date;
                bar.start(total, done, { date });
              } else bar.update(done, { date });
            },
          }),
          { ...(options.date ? { through: options.date } : {}), trigger: 'cli' },
        );
        if (current) bar.stop();
        const closedIn = (Date.now() - started) / 1000;
        for (const r of results) {
          process.stdout.write(
            `${r.businessDate}: ${r.status}${r.failures ? ` with ${r.failures} failure(s)` : ''} (run ${r.runId})\n`,
          );
        }
        const last = results.at(-1);
        process.stdout.write(
          `Closed ${results.filter((r) => r.status === 'completed').length} day(s) in ${closedIn.toFixed(1)} s; business date ${last?.nextBusinessDate ?? 'unchanged'}.\n`,
        );
        // The statements were cut in the close; their PDFs are drawn now (ADR 0012), unless the
        // drawer of a running `marque start` is left to it.
        if (options.draw !== false) process.stdout.write(await drawStatements(runtime, config));
        // The day's notices, statements and coverage e-mails were queued with the steps; send them.
        process.stdout.write(describeRelay(await relayQueuedMail(runtime, config)));
        if (results.some((r) => r.status !== 'completed')) process.exitCode = 1;
      });
    });
}
