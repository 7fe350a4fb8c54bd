/**
 * Close of business for one business date on PostgreSQL, against a baseline measured in the
 * same run: one raw `UPDATE contracts SET ...` touching the same rows (every active contract)
 * and nothing else (no journal, no due status, no aging, no notices).
 *
 *   node --import tsx bench/cob.bench.ts [N] [workers]
 *   BENCH_STATEMENTS=1 node --import tsx bench/cob.bench.ts [N] [workers]   (with monthly statements)
 *   (BENCH_DATABASE_URL, else TEST_DATABASE_URL / DATABASE_URL, else the local test server)
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { closeOfBusinessStatements, drawAllDocuments } from '../apps/server/src/modules/documents/index.ts';
import { verifyLedger } from '../apps/server/src/modules/ledger/index.ts';
import { createNotificationInbox } from '../apps/server/src/modules/notifications/index.ts';
import { runCob } from '../apps/server/src/modules/servicing/index.ts';
import { loadBrand } from '../apps/server/src/platform/brand.ts';
import { createFieldCipher } from '../apps/server/src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../apps/server/src/platform/crypto/keys.ts';
import { openDatabase } from '../apps/server/src/platform/db/client.ts';
import { prepareDatabase } from '../apps/server/src/seed/prepare.ts';
import { seedSyntheticContracts } from '../apps/server/src/seed/seed-synthetic.ts';

const N = Number(process.argv[2] ?? 100_000);
const WORKERS = Number(process.argv[3] ?? 2);
/** The statement step wired as `marque cob` wires it (cli/cob.ts cobDepsFor), minus e-mail. */
const STATEMENTS = process.env.BENCH_STATEMENTS === '1';
// Synthetic due days are spread over the 1st to the 28th and statements are cut 20 days ahead,
// so any day cuts about 1/28 of the book's statements (the 25th: those due on the 15th).
const DATE = STATEMENTS ? '2026-11-25' : '2026-11-24';
const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const name = `marque_bench_${crypto.randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: WORKERS + 2 });
const say = (s: string) => process.stdout.write(`${s}\n`);
try {
  await prepareDatabase(
    { database, cipher: createFieldCipher(testFieldKeys()), now: new Date(`${DATE}T12:00:00Z`) },
    { seedDemo: true },
  );
  let started = performance.now();
  await seedSyntheticContracts(database, N, DATE);
  say(`seeded ${N} contracts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await database.exec('vacuum analyze');

  started = performance.now();
  const [touched] = await database.query<{ n: number }>(
    `with u as (update contracts set interest_cents = interest_cents, days_past_due = days_past_due
                 where status = 'active' returning 1) select count(*)::int as n from u`,
  );
  const baselineMs = performance.now() - started;
  await database.exec('vacuum analyze contracts');

  started = performance.now();
  const [result] = await runCob(
    {
      database,
      inbox: createNotificationInbox(),
      workers: WORKERS,
      ...(STATEMENTS
        ? { generateStatements: closeOfBusinessStatements({ brand: loadBrand(undefined) }) }
        : {}),
    },
    { through: DATE, trigger: 'bench' },
  );
  const cobMs = performance.now() - started;
  const steps = await database.query<{ step: string; rows: number; ms: number }>(
    `select step, sum(rows)::int as rows, sum(ms)::int as ms from cob_step_marks group by step order by min(finished_at)`,
  );
  // The run-wide payments (scheduled payments, ACH settlement) run before their marker is
  // written, so its own ms is ~0: time them from the run's start to the marker instead.
  const [payments] = await database.query<{ ms: number }>(
    `select (extract(epoch from (m.finished_at - r.started_at)) * 1000)::int as ms
       from cob_step_marks m join cob_runs r on r.id = m.run_id where m.step = 'payments'`,
  );
  const [drafted] = await database.query<{ n: number }>(
    `select count(*)::int as n from payments where channel = 'autopay'`,
  );
  const verdict = await verifyLedger(database);
  say(`COB ${DATE} for ${N} contracts (${touched?.n} active), ${WORKERS} workers: ${result?.status}`);
  say(`  close of business: ${(cobMs / 1000).toFixed(2)} s`);
  say(`  baseline single UPDATE of the same ${touched?.n} rows: ${(baselineMs / 1000).toFixed(2)} s`);
  say(`  ratio COB / baseline: ${(cobMs / baselineMs).toFixed(1)}x`);
  say(`  run-wide payments phase (scheduled, ACH settlement): ${payments?.ms ?? 0} ms`);
  say(`  autopay drafts: ${drafted?.n ?? 0} payments`);
  say(
    `  steps (ms summed over partitions): ${steps.map((s) => `${s.step} ${s.ms} (${s.rows} rows)`).join(', ')}`,
  );
  const st = steps.find((s) => s.step === 'statements');
  if (STATEMENTS)
    say(
      `  statements: ${st?.rows ?? 0} cut; statements step ${((st?.ms ?? 0) / 1000).toFixed(2)} s (summed over partitions)`,
    );
  if (STATEMENTS) {
    // The PDFs of the statements cut in the close, drawn after it as `marque cob` draws them
    // (ADR 0012); two drawers so one renders while the other waits on the database.
    started = performance.now();
    const drawn = await Promise.all([
      drawAllDocuments(database.db, loadBrand(undefined), { batch: 100 }),
      drawAllDocuments(database.db, loadBrand(undefined), { batch: 100 }),
    ]);
    const drawMs = performance.now() - started;
    const total = drawn[0] + drawn[1];
    say(
      `  statement PDFs drawn after the close: ${total} in ${(drawMs / 1000).toFixed(2)} s (${Math.round(total / (drawMs / 1000))}/s); close + drawing ${((cobMs + drawMs) / 1000).toFixed(2)} s`,
    );
  }
  say(`  ledger verify: ${verdict.ok ? 'OK' : 'FAILED'} (${verdict.entries} entries)`);
} finally {
  await database.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
