import fs from 'node:fs';
import { isoDate } from '@marque/finance';
import { Command, InvalidArgumentError } from 'commander';
import { createLoggingSmsSender, createNotificationInbox } from '../modules/notifications/index.ts';
import { buildReturnsFile, parseNachaFile } from '../modules/payments/ach/index.ts';
import { createSimulatedProcessor, importAchReturns, sendAchForDate } from '../modules/payments/index.ts';
import { loadBrand } from '../platform/brand.ts';
import { readBusinessDate } from '../platform/clock.ts';
import { migrationsCurrent } from '../platform/db/migrate.ts';
import { describeRelay, relayQueuedMail } from './mail.ts';
import { withRuntime } from './shared.ts';

function dateOption(value: string): string {
  try {
    return isoDate(value, 'date');
  } catch {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  }
}

/**
 * `marque ach export --date D --out FILE`: settle, post the day's scheduled payments and
 * autopay drafts, and write the NACHA file of every debit due (PPD autopay, WEB portal).
 * `marque ach returns FILE`: import a bank's returns file (importing it again changes nothing).
 */
export function achCommand(): Command {
  const ach = new Command('ach').description('ACH files: send debits, import returns');
  ach
    .command('export')
    .description('Write the NACHA file of everything due to be sent on a business date and mark it submitted')
    .option('--date <YYYY-MM-DD>', 'business date (default: the current business date)', dateOption)
    .requiredOption('--out <file>', 'where to write the NACHA file')
    .action(async (options: { date?: string; out: string }) => {
      await withRuntime(async ({ database, cipher }) => {
        if (!(await migrationsCurrent(database))) {
          process.stderr.write('marque: the database is not migrated; run `marque migrate` first.\n');
          process.exitCode = 1;
          return;
        }
        const businessDate = options.date ?? (await readBusinessDate(database.db));
        if (!businessDate) throw new Error('no business date: run `marque seed` first');
        const now = new Date();
        const day = await sendAchForDate(
          database.db,
          {
            cipher,
            processor: createSimulatedProcessor({ db: database.db, now: () => now, cipher }),
            inbox: createNotificationInbox(),
          },
          { businessDate, out: options.out, now },
        );
        const file = day.file;
        process.stdout.write(
          `${businessDate}: settled ${day.settled}; scheduled posted ${day.scheduled.posted}, failed ${day.scheduled.failed}; ` +
            `autopay drafted ${day.autopay.drafted}, skipped ${day.autopay.skipped}\n` +
            (file
              ? `Wrote ${options.out}: ${file.entries} debits, $${(file.totalCents / 100).toFixed(2)} (${file.batches
                  .map((b) => `${b.secCode} ${b.entries}`)
                  .join(', ')}), file ${file.fileId}\n`
              : 'Nothing to send: no file written.\n'),
        );
      });
    });
  ach
    .command('returns')
    .description(
      'Import an ACH returns file: reverse each returned payment, charge NSF fees, suspend autopay where required',
    )
    .argument('<file>', 'the returns file from the bank')
    .action(async (fileName: string) => {
      const text = fs.readFileSync(fileName, 'utf8');
      await withRuntime(async (runtime, config) => {
        const { database } = runtime;
        const businessDate = await readBusinessDate(database.db);
        if (!businessDate) throw new Error('no business date: run `marque seed` first');
        const result = await importAchReturns(
          database.db,
          {
            inbox: createNotificationInbox(),
            // Development adapter: the texts land in the sms outbox (numbers masked in any log).
            sms: createLoggingSmsSender({ now: () => new Date(), log: { info: () => {} } }),
            brandName: loadBrand(config.brandFile).brand.name,
          },
          { text, businessDate, now: new Date() },
        );
        // The notices' e-mails were queued with the returns; send them now.
        process.stdout.write(describeRelay(await relayQueuedMail(runtime, config)));
        if (result.alreadyImported) {
          process.stdout.write('Already imported: this file changed nothing.\n');
          return;
        }
        process.stdout.write(
          `Imported: ${result.returned} returned, ${result.nsfFees} NSF fees, ${result.autopaySuspended} autopay suspended, ${result.skipped.length} skipped\n`,
        );
        for (const s of result.skipped)
          process.stdout.write(`  skipped ${s.traceNumber} ${s.returnCode}: ${s.reason}\n`);
      });
    });
  ach
    .command('simulate-returns')
    .description('Demo and testing: write the returns file a bank would send for entries of one of our files')
    .argument('<file>', 'a NACHA file written by `marque ach export`')
    .requiredOption('--out <file>', 'where to write the returns file')
    .option('--code <R-code>', 'the return reason code', 'R01')
    .option('--trace <number>', 'only the entry with this trace number (default: every entry)')
    .action((fileName: string, options: { out: string; code: string; trace?: string }) => {
      const original = fs.readFileSync(fileName, 'utf8');
      const entries = parseNachaFile(original).batches.flatMap((b) => b.entries);
      const chosen = entries.filter((e) => options.trace === undefined || e.traceNumber === options.trace);
      if (chosen.length === 0) {
        process.stderr.write('marque: no entry with that trace number in the file\n');
        process.exitCode = 2;
        return;
      }
      const now = new Date().toISOString();
      fs.writeFileSync(
        options.out,
        `${buildReturnsFile({
          original,
          returns: chosen.map((e) => ({ traceNumber: e.traceNumber, returnCode: options.code })),
          fileCreationDate: now.slice(0, 10),
          fileCreationTime: now.slice(11, 16).replace(':', ''),
        })}\n`,
      );
      process.stdout.write(`Wrote ${options.out}: ${chosen.length} ${options.code} returns\n`);
    });
  return ach;
}
