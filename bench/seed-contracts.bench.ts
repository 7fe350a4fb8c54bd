/**
 * `marque seed --contracts N` on PostgreSQL, against a baseline measured in the same run: one
 * raw `INSERT ... SELECT generate_series` writing the same number of rows into a table shaped
 * like `contracts` (no IDs computed, no joins, no constraints).
 *
 *   node --import tsx bench/seed-contracts.bench.ts [N]     (BENCH_DATABASE_URL, default the local test server)
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { createFieldCipher } from '../apps/server/src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../apps/server/src/platform/crypto/keys.ts';
import { openDatabase } from '../apps/server/src/platform/db/client.ts';
import { prepareDatabase } from '../apps/server/src/seed/prepare.ts';
import { seedSyntheticContracts } from '../apps/server/src/seed/seed-synthetic.ts';

const N = Number(process.argv[2] ?? 100_000);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `marque_bench_${crypto.randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ kind: 'postgres', url: url.toString() });
try {
  await prepareDatabase(
    { database, cipher: createFieldCipher(testFieldKeys()), now: new Date('2026-11-24T12:00:00Z') },
    { seedDemo: true },
  );
  await database.exec('create table baseline (like contracts including defaults)');
  let started = performance.now();
  await database.query(
    `insert into baseline (id, public_id, account_number, customer_id, vehicle_id, dealer_id, type, contract_date,
       first_payment_date, maturity_date, term_months, payment_cents, amount_financed_cents, apr, balance_cents)
     select g, 'ctr_' || g, g::text, 1, 1, 1, 'loan', '2025-01-15', '2025-02-15', '2030-01-15', 60, 50000, 2500000, 5.99, 2000000
       from generate_series(1, $1::int) g`,
    [N * 3], // three tables' worth of rows: customers, vehicles, contracts
  );
  const baselineMs = performance.now() - started;
  started = performance.now();
  await seedSyntheticContracts(database, N, '2026-11-24');
  const seedMs = performance.now() - started;
  const perSecond = Math.round(N / (seedMs / 1000));
  process.stdout.write(
    `seed --contracts ${N}: ${(seedMs / 1000).toFixed(2)} s (${perSecond.toLocaleString('en-US')} contracts/s)\n` +
      `baseline raw INSERT ... SELECT of ${N * 3} rows: ${(baselineMs / 1000).toFixed(2)} s\n` +
      `ratio seed / baseline: ${(seedMs / baselineMs).toFixed(1)}x\n`,
  );
} finally {
  await database.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
