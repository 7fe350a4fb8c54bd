import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoggingSmsSender, createNotificationInbox } from '../src/modules/notifications/index.ts';
import { parseNachaFile } from '../src/modules/payments/ach/index.ts';
import { findPaymentMethod } from '../src/modules/payments/index.ts';
import { checkPayment, recordPayment } from '../src/modules/payments/make-payment.ts';
import { type Database, openDatabase } from '../src/platform/db/client.ts';
import { inTransaction } from '../src/platform/db/tx.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

/**
 * "The ACH export and returns round trip works from the CLI": the real `marque` commands on an
 * embedded database on disk (or the test's PostgreSQL database): seed, a portal payment,
 * `ach export`, a bank's returns file, `ach returns` twice, `ledger verify`.
 */
const BIN = fileURLToPath(new URL('../bin/marque.js', import.meta.url));
let dataDir: string;
let pg: TestDatabase | null = null;

function marque(args: string[]) {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...inherited, LOG_LEVEL: 'warn', DATA_DIR: dataDir, ...(pg?.url ? { DATABASE_URL: pg.url } : {}) },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  if (pg) return work(pg.database);
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marque-ach-cli-'));
  if (process.env.TEST_DATABASE_URL) pg = await freshDatabase();
});
afterAll(async () => {
  await pg?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('marque ach export | returns (CLI)', () => {
  it('sends a payment, imports its return once, and leaves the ledger balanced', async () => {
    const seeded = marque(['seed', '--demo']);
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);

    // A portal payment by Maya, through the same use cases the API runs.
    const confirmation = await withDatabase(async (database) => {
      const [maya] = await database.query<{
        user_id: number;
        customer_id: number;
        contract: string;
        method: string;
      }>(
        `select u.id as user_id, u.customer_id, c.public_id as contract, m.public_id as method
           from users u join contracts c on c.customer_id = u.customer_id join payment_methods m on m.customer_id = u.customer_id
          where u.email = 'maya.thompson@example.com' and m.kind = 'bank_account' limit 1`,
      );
      if (!maya) throw new Error('no demo customer');
      const [{ date } = { date: '' }] = await database.query<{ date: string }>(
        'select date::text as date from business_date',
      );
      const input = {
        actor: { userId: maya.user_id, customerId: maya.customer_id },
        accountId: maya.contract,
        request: { paymentMethodId: maya.method, amount: 25_000, currency: 'USD' as const },
        businessDate: date,
        now: new Date(),
      };
      const checked = await checkPayment(database.db, { findPaymentMethod }, input);
      const payment = await inTransaction(database.db, (tx) =>
        recordPayment(
          tx,
          {
            inbox: createNotificationInbox(),
            sms: createLoggingSmsSender({ now: () => new Date(), log: { info: () => {} } }),
            brandName: 'Solenne Motor Finance',
          },
          { ...input, checked, processorReference: null },
        ),
      );
      return { number: payment.confirmationNumber, date };
    });

    const out = path.join(dataDir, 'debits.ach');
    const exported = marque(['ach', 'export', '--date', confirmation.date, '--out', out]);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/Wrote .*debits\.ach: 1 debits, \$250\.00 \(WEB 1\)/);
    const file = fs.readFileSync(out, 'utf8');
    const [entry] = parseNachaFile(file).batches.flatMap((b) => b.entries);
    expect(entry?.individualId).toBe(confirmation.number);

    const again = marque([
      'ach',
      'export',
      '--date',
      confirmation.date,
      '--out',
      path.join(dataDir, 'none.ach'),
    ]);
    expect(again.stdout).toContain('Nothing to send');

    const returns = path.join(dataDir, 'returns.ach');
    const simulated = marque([
      'ach',
      'simulate-returns',
      out,
      '--code',
      'R01',
      '--trace',
      entry?.traceNumber ?? '',
      '--out',
      returns,
    ]);
    expect(simulated.stdout).toContain('1 R01 returns');
    const imported = marque(['ach', 'returns', returns]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('Imported: 1 returned, 1 NSF fees, 0 autopay suspended, 0 skipped');
    // The return notice was queued with the returns and the command relayed it (ADR 0011).
    expect(imported.stdout).toMatch(/Mail: [1-9]\d* sent, 0 to retry, 0 given up\./);
    const mailDir = path.join(dataDir, 'mail');
    const emlOf = (category: string) =>
      fs
        .readdirSync(mailDir)
        .filter((n) => n.endsWith('.eml'))
        .filter((n) =>
          fs.readFileSync(path.join(mailDir, n), 'utf8').includes(`X-Marque-Category: ${category}`),
        );
    expect(emlOf('payment_returned')).toHaveLength(1);
    const twice = marque(['ach', 'returns', returns]);
    expect(twice.stdout).toContain('Already imported: this file changed nothing.');
    expect(twice.stdout).toContain('Mail: 0 sent');
    const relayed = marque(['mail', 'relay']);
    expect(relayed.code).toBe(0);
    expect(relayed.stdout).toContain('Mail: 0 sent, 0 to retry, 0 given up.');
    expect(relayed.stdout).toMatch(/Queue: 0 queued, [1-9]\d* sent, 0 failed\./);
    expect(emlOf('payment_returned')).toHaveLength(1);

    const verify = marque(['ledger', 'verify']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(
      /^OK: \d+ entries, \d+ postings, trial balance 0; every contract matches its ledger/,
    );
  }, 300_000);

  it('ledger verify exits 1 and names the contract when a balance was changed behind the ledger', async () => {
    await withDatabase((database) =>
      database.query(
        'update contracts set balance_cents = balance_cents + 7 where account_number = (select min(account_number) from contracts)',
      ),
    );
    const verify = marque(['ledger', 'verify']);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(/FAILED: .*\n {2}account \d+: balance_cents is \d+, ledger says \d+/);
  }, 60_000);
});
