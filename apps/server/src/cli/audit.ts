import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { verifyAuditChain } from '../modules/audit/index.ts';
import { migrationsCurrent } from '../platform/db/migrate.ts';
import { withRuntime } from './shared.ts';

/** Chains longer than this show a progress bar (on a terminal). */
const PROGRESS_FROM = 50_000;

/**
 * `marque audit verify`: walk the audit chain in order and recompute every hash.
 * Exit 0 with `OK: N events, chain intact`, or exit 1 naming the first broken link:
 * `Broken at event id X: <why>`.
 */
export function auditCommand(): Command {
  const audit = new Command('audit').description('The security audit log (append-only, hash-chained)');
  audit
    .command('verify')
    .description(
      'Check the hash chain of the audit log; exit 1 at the first edited, removed or inserted event',
    )
    .action(async () => {
      await withRuntime(async ({ database }) => {
        if (!(await migrationsCurrent(database))) {
          process.stderr.write('marque: the database is not migrated; run `marque migrate` first.\n');
          process.exitCode = 1;
          return;
        }
        const [row] = await database.query<{ n: number }>('select count(*)::int as n from audit_events');
        const total = row?.n ?? 0;
        const bar =
          process.stderr.isTTY && total >= PROGRESS_FROM
            ? new cliProgress.SingleBar(
                { format: 'Audit events {bar} {percentage}% | {value}/{total}', stream: process.stderr },
                cliProgress.Presets.shades_classic,
              )
            : null;
        bar?.start(total, 0);
        const verdict = await verifyAuditChain({ db: database.db }, { onProgress: (n) => bar?.update(n) });
        bar?.stop();
        if (verdict.ok) {
          process.stdout.write(`OK: ${verdict.events} events, chain intact\n`);
          process.stdout.write(`Last hash: ${verdict.lastHash}\n`);
        } else {
          process.stdout.write(`Broken at event id ${verdict.brokenAtId}: ${verdict.reason}\n`);
          process.stdout.write(`${verdict.events} events before it are intact.\n`);
          process.exitCode = 1;
        }
      });
    });
  return audit;
}
