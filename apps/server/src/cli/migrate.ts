import { Command } from 'commander';
import { migrateDatabase } from '../platform/db/migrate.ts';
import { withRuntime } from './shared.ts';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('Apply pending database migrations (forward-only)')
    .action(async () => {
      await withRuntime(async ({ database }) => {
        const { applied } = await migrateDatabase(database);
        process.stdout.write(
          applied ? `Applied ${applied} migration(s).\n` : 'The database is up to date.\n',
        );
      });
    });
}
