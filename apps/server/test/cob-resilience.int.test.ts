import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays } from '@marque/finance';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { closeOfBusinessStatements } from '../src/modules/documents/index.ts';
import { ACCOUNTS, applyPayment, BackdatedPaymentError, verifyLedger } from '../src/modules/ledger/index.ts';
import { createLoggingSmsSender, createNotificationInbox } from '../src/modules/notifications/index.ts';
import { closeOfBusinessCoverageNotices } from '../src/modules/protection/index.ts';
import { runCob } from '../src/modules/servicing/index.ts';
import { readBusinessDate } from '../src/platform/clock.ts';
import { createFieldCipher } from '../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../src/platform/crypto/keys.ts';
import type { Database } from '../src/platform/db/client.ts';
import { inTransaction } from '../src/platform/db/tx.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { seedSyntheticContracts } from '../src/seed/seed-synthetic.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

/**
 * Close of business survives a crash at any point: killed (kill -9 of `marque cob` on
 * PostgreSQL; a throw at a random step boundary in process on PGlite) and rerun until done, it
 * ends with the same digest (balances, journal totals, aging, notices, business date) as an
 * uninterrupted run. And after random days with random payments the ledger verifies.
 */
const START = '2026-11-24';
const THROUGH = addDays(START, 2);
const CONTRACTS = 300;
const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const t of opened) await t.drop();
});

async function portfolio(): Promise<TestDatabase> {
  const t = await freshDatabase();
  opened.push(t);
  await prepareDatabase(
    { database: t.database, cipher: createFieldCipher(testFieldKeys()), now: new Date(`${START}T15:00:00Z`) },
    { seedDemo: true },
  );
  await seedSyntheticContracts(t.database, CONTRACTS, START);
  return t;
}

/** Everything close of business decides, keyed by what does not depend on random ids. */
async function digest(database: Database): Promise<string> {
  const parts = await Promise.all([
    database.query(
      `select account_number, balance_cents, interest_cents, fees_cents, unapplied_cents, interest_accrued_through,
              next_due_date, past_due_cents, days_past_due, payments_made from contracts order by account_number`,
    ),
    database.query(
      `select j.kind, j.effective_date, p.account, count(*)::int as n, sum(p.amount_cents)::bigint as total
         from journal_entries j join postings p on p.entry_id = j.id group by 1, 2, 3 order by 1, 2, 3`,
    ),
    database.query(
      `select c.account_number, h.business_date, h.from_bucket, h.to_bucket, h.days_past_due
         from delinquency_history h join contracts c on c.id = h.contract_id order by 1, 2`,
    ),
    database.query(
      `select c.account_number, n.kind, n.ref_date, n.business_date
         from cob_notices n join contracts c on c.id = n.contract_id order by 1, 2, 3`,
    ),
    database.query('select count(*)::int as n from notifications'),
    database.query(`select kind, count(*)::int as n from documents group by kind order by kind`),
    database.query(`select c.account_number, f.due_date, f.amount_cents from late_fee_assessments f
                      join contracts c on c.id = f.contract_id order by 1, 2`),
    readBusinessDate(database.db),
  ]);
  return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The hooks `marque cob` wires (statements, coverage notices), so both runs do the same work. */
function cobDeps(database: Database) {
  const inbox = createNotificationInbox();
  const now = () => new Date();
  return {
    database,
    inbox,
    partitionSize: 50,
    generateStatements: closeOfBusinessStatements({ inbox }),
    serviceNotices: closeOfBusinessCoverageNotices({
      inbox,
      sms: createLoggingSmsSender({ now, log: { info: () => {} } }),
      brandName: 'Solenne Motor Finance',
      now,
    }),
  };
}

let baseline = '';
async function baselineDigest(): Promise<string> {
  if (baseline) return baseline;
  const t = await portfolio();
  const results = await runCob(cobDeps(t.database), { through: THROUGH, trigger: 'test' });
  expect(results.map((r) => r.status)).toEqual(['completed', 'completed', 'completed']);
  baseline = await digest(t.database);
  return baseline;
}

class SimulatedCrash extends Error {}

const SERVER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs `marque cob --date THROUGH` and kills it with SIGKILL after `afterMs` (if still running). */
function cobProcess(url: string, dataDir: string, afterMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/marque.js', 'cob', '--date', THROUGH], {
      cwd: SERVER_ROOT,
      env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, NODE_ENV: 'development' },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('crash and resume', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: killed at random points and rerun, the digest equals an uninterrupted run`, async () => {
      const want = await baselineDigest();
      const t = await portfolio();
      const random = fc.sample(fc.integer({ min: 1, max: 1_000_000 }), { seed, numRuns: 20 });
      let crashes = 0;
      if (t.kind === 'postgres' && t.url) {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marque-cob-'));
        try {
          // Node and tsx need ~1 s to start; kill somewhere in the first few seconds of work.
          for (let i = 0; i < 20; i++) {
            const code = await cobProcess(t.url, dataDir, 800 + ((random[i] ?? 0) % 2500));
            if (code === 0) break;
            crashes++;
          }
          const code = await cobProcess(t.url, dataDir, 120_000);
          expect(code).toBe(0);
        } finally {
          fs.rmSync(dataDir, { recursive: true, force: true });
        }
      } else {
        for (let i = 0; ; i++) {
          let boundary = 0;
          const crashAt = 1 + ((random[i] ?? 0) % 40);
          try {
            await runCob(
              {
                ...cobDeps(t.database),
                crash: () => {
                  if (i < 6 && ++boundary === crashAt)
                    throw new SimulatedCrash(`crash at boundary ${crashAt}`);
                },
              },
              { through: THROUGH, trigger: 'test' },
            );
            break;
          } catch (error) {
            if (!(error instanceof SimulatedCrash)) throw error;
            crashes++;
          }
        }
      }
      expect(crashes).toBeGreaterThan(0);
      expect(await digest(t.database)).toBe(want);
      expect((await verifyLedger(t.database)).ok).toBe(true);
    }, 300_000);
  }
});

describe('property: random days with random payments keep the ledger verified', () => {
  it('ledger verify is green after every close', async () => {
    const t = await portfolio();
    const database = t.database;
    const ids = (
      await database.query<{ id: number }>("select id from contracts where status = 'active' order by id")
    ).map((r) => r.id);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(
            fc.record({ pick: fc.nat(ids.length - 1), amount: fc.integer({ min: 1, max: 250_000 }) }),
            {
              maxLength: 6,
            },
          ),
          { minLength: 1, maxLength: 4 },
        ),
        async (days) => {
          for (const payments of days) {
            const date = await readBusinessDate(database.db);
            if (!date) throw new Error('no business date');
            for (const p of payments) {
              const contractId = ids[p.pick] as number;
              await inTransaction(database.db, (tx) =>
                applyPayment(tx, {
                  contractId,
                  amount: p.amount,
                  effectiveDate: date,
                  bookingDate: date,
                  principalOnly: false,
                  receivedInto: ACCOUNTS.cash,
                  source: `test:${contractId}`,
                  description: 'Payment',
                }),
              ).catch((error) => {
                if (!(error instanceof BackdatedPaymentError)) throw error;
              });
            }
            const [r] = await runCob(cobDeps(database), { trigger: 'test' });
            expect(r?.status).toBe('completed');
            const v = await verifyLedger(database);
            expect(v.ok, JSON.stringify(v).slice(0, 300)).toBe(true);
          }
        },
      ),
      { numRuns: 3, seed: 7 },
    );
  }, 300_000);
});
