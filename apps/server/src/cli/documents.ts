import { Command, InvalidArgumentError } from 'commander';
import { DEMO_LENDER_DETAILS, issueYearEndStatements } from '../modules/documents/index.ts';
import { loadBrand } from '../platform/brand.ts';
import { migrationsCurrent } from '../platform/db/migrate.ts';
import { withRuntime } from './shared.ts';

function taxYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 2000) throw new InvalidArgumentError('a year such as 2025');
  return year;
}

/** `marque documents year-end --year 2025`: the year-end interest statement of every loan for a tax year. */
export function documentsCommand(): Command {
  const documents = new Command('documents').description(
    'Statements, letters and notices in the document centre',
  );
  documents
    .command('year-end')
    .description('Issue the year-end interest statement (Form 1098-VLI facts) of every loan for a tax year')
    .requiredOption('--year <year>', 'the tax year', taxYear)
    .action(async (options: { year: number }) => {
      await withRuntime(async ({ database }, config) => {
        if (!(await migrationsCurrent(database))) {
          process.stderr.write('marque: the database is not migrated; run `marque migrate` first.\n');
          process.exitCode = 1;
          return;
        }
        const deps = {
          brand: loadBrand(config.brandFile),
          lender: DEMO_LENDER_DETAILS,
          now: () => new Date(),
        };
        const issued = await issueYearEndStatements(database.db, deps, options.year);
        process.stdout.write(`Issued ${issued} year-end interest statements for ${options.year}\n`);
      });
    });
  return documents;
}
