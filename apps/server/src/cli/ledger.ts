import { Command } from 'commander';
import { verifyLedger } from '../modules/ledger/index.ts';
import { migrationsCurrent } from '../platform/db/migrate.ts';
import { withRuntime } from './shared.ts';

/**
 * `marque ledger verify`: exit 0 with a one-line summary when every entry balances, the trial
 * balance is zero and every contract agrees with its sub-ledger; otherwise exit 1 listing the
 * first offenders.
 */
export function ledgerCommand(): Command {
  const ledger = new Command('ledger').description('The double-entry journal');
  ledger
    .command('verify')
    .description('Check that entries balance, the trial balance is zero and contracts match their ledger')
    .action(async () => {
      await withRuntime(async ({ database }) => {
        if (!(await migrationsCurrent(database))) {
          process.stderr.write('marque: the database is not migrated; run `marque migrate` first.\n');
          process.exitCode = 1;
          return;
        }
        const v = await verifyLedger(database);
        const summary = `${v.entries} entries, ${v.postings} postings, trial balance ${v.trialBalance}`;
        if (v.ok) {
          process.stdout.write(`OK: ${summary}; every contract matches its ledger\n`);
          return;
        }
        process.stdout.write(`FAILED: ${summary}\n`);
        for (const u of v.unbalancedEntries) {
          process.stdout.write(`  entry ${u.entryId}: ${u.lines} lines summing to ${u.sum}\n`);
        }
        for (const m of v.mismatchedContracts) {
          process.stdout.write(
            `  account ${m.accountNumber}: ${m.column} is ${m.recorded}, ledger says ${m.ledger}\n`,
          );
        }
        process.exitCode = 1;
      });
    });
  return ledger;
}
