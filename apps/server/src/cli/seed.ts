import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { migrateDatabase } from '../platform/db/migrate.ts';
import { ensureBusinessDate } from '../seed/prepare.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { seedSyntheticContracts } from '../seed/seed-synthetic.ts';
import { withRuntime } from './shared.ts';

function positiveInt(value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n <= 0 || n > 50_000_000)
    throw new InvalidArgumentError('expected a whole number from 1 to 50000000');
  return n;
}

export function seedCommand(): Command {
  return new Command('seed')
    .description('Create demo data (--demo) and/or N synthetic contracts for benchmarks (--contracts N)')
    .option('--demo', 'the demo brand, dealer, staff and customers (skipped when already present)')
    .option(
      '--contracts <n>',
      'add N synthetic contracts (100k in well under a minute on PostgreSQL)',
      positiveInt,
    )
    .action(async (options: { demo?: boolean; contracts?: number }) => {
      if (!options.demo && !options.contracts) {
        process.stderr.write('marque seed: say what to create: --demo and/or --contracts N\n');
        process.exit(2);
      }
      await withRuntime(async ({ database, cipher }) => {
        await migrateDatabase(database);
        const businessDate = await ensureBusinessDate(database, new Date());
        if (options.demo || options.contracts) {
          const demo = await seedDemo({ db: database.db, cipher }, businessDate);
          process.stdout.write(
            demo.seeded
              ? `Demo data created: ${demo.customers} customers, ${demo.contracts} contracts, ${demo.users} users (business date ${businessDate}).\n`
              : 'Demo data already present.\n',
          );
        }
        if (options.contracts) {
          const bar = new cliProgress.SingleBar(
            {
              format: 'Contracts {bar} {percentage}% | {value}/{total} | {duration}s',
              noTTYOutput: true,
              notTTYSchedule: 5000,
            },
            cliProgress.Presets.shades_classic,
          );
          const started = Date.now();
          bar.start(options.contracts, 0);
          await seedSyntheticContracts(database, options.contracts, businessDate, (done) => bar.update(done));
          bar.stop();
          process.stdout.write(
            `Created ${options.contracts} synthetic contracts in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
          );
        }
      });
    });
}
