import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays } from '@marque/finance';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, applyPayment, BackdatedPaymentError, verifyLedger } from '../src/modules/ledger/index.ts';
import { runCob } from '../src/modules/servicing/index.ts';
import { readBusinessDate } from '../src/platform/clock.ts';
import type { Database } from '../src/platform/db/client.ts';
import { inTransaction } from '../src/platform/db/tx.ts';
import { cobDigest, cobPortfolio, cobTestDeps, marque } from './support/cob.ts';
import type { TestDatabase } from './support/database.ts';

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
  const t = await cobPortfolio(CONTRACTS, START);
  opened.push(t);
  return t;
}

const digest = cobDigest;
const cobDeps = (database: Database) => cobTestDeps(database, { partitionSize: 50 });

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

/** Runs `marque cob --date THROUGH` and kills it with SIGKILL after `afterMs` (if still running). */
async function cobProcess(url: string, dataDir: string, afterMs: number): Promise<number | null> {
  const child = marque(['cob', '--date', THROUGH], { url, dataDir });
  const timer = setTimeout(() => {
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, afterMs);
  const code = await child.exited;
  clearTimeout(timer);
  return code;
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
