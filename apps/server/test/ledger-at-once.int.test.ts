import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPaymentAtOnce } from '../src/modules/ledger/apply-payment-at-once.ts';
import { ACCOUNTS, applyPayment, type LedgerContract, lockContract } from '../src/modules/ledger/index.ts';
import { createFieldCipher } from '../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../src/platform/crypto/keys.ts';
import type { Database, Db } from '../src/platform/db/client.ts';
import { inTransaction } from '../src/platform/db/tx.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

/**
 * The one-statement payment path (applyPaymentAtOnce) writes exactly what the locking path
 * writes: for every seeded contract and a few amounts (principal-only too), both are run in a
 * transaction that is rolled back, and their journal lines and contract rows compared.
 */
let t: TestDatabase;
let database: Database;

beforeAll(async () => {
  t = await freshDatabase();
  database = t.database;
  await prepareDatabase(
    { database, cipher: createFieldCipher(testFieldKeys()), now: new Date('2026-11-24T15:00:00Z') },
    { seedDemo: true },
  );
});
afterAll(() => t.drop());

class Rollback extends Error {
  constructor(readonly captured: unknown) {
    super('rollback');
  }
}

/** Runs `post` in a transaction, captures what it wrote, and rolls it back. */
async function capture(contractId: number, post: (tx: Db) => Promise<unknown>) {
  try {
    await inTransaction(database.db, async (tx) => {
      const result = await post(tx);
      const entries = await tx.execute(
        `select e.kind, e.effective_date::text as effective, e.booking_date::text as booked, e.accrual_from::text as "from",
                e.description, e.source,
                (select string_agg(p.account || ' ' || p.amount_cents, ', ' order by p.id) from postings p where p.entry_id = e.id) as lines
           from journal_entries e where e.contract_id = ${contractId} and e.booking_date = '2026-11-24' order by e.id` as never,
      );
      const [contract] = await tx
        .execute(`select * from contracts where id = ${contractId}` as never)
        .then((r) => (r as unknown as { rows: unknown[] }).rows);
      throw new Rollback({ result, entries: (entries as unknown as { rows: unknown[] }).rows, contract });
    });
  } catch (error) {
    if (error instanceof Rollback)
      return error.captured as { result: unknown; entries: unknown[]; contract: unknown };
    throw error;
  }
  throw new Error('not rolled back');
}

describe('one-statement payment posting', () => {
  it('writes the same entries, split and contract columns as the locking path', async () => {
    const ids = (
      await database.query<{ id: number }>("select id from contracts where status = 'active' order by id")
    ).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(3);
    let compared = 0;
    for (const id of ids) {
      for (const [amount, principalOnly] of [
        [1_000, false],
        [60_000, false],
        [25_000, true],
      ] as const) {
        const payment = {
          contractId: id,
          amount,
          effectiveDate: '2026-11-24',
          bookingDate: '2026-11-24',
          principalOnly,
          receivedInto: ACCOUNTS.cashInTransit,
          source: `test:${id}:${amount}`,
          description: 'Payment',
        };
        const locking = await capture(id, (tx) => applyPayment(tx, payment));
        const atOnce = await capture(id, async (tx) => {
          const seen: LedgerContract = await lockContract(tx, id);
          const applied = await applyPaymentAtOnce(tx, seen, payment);
          expect(applied, 'the one-statement path was taken').not.toBeNull();
          return applied;
        });
        const { entryId: _a, ...lockingResult } = locking.result as { entryId: number };
        const { entryId: _b, ...atOnceResult } = atOnce.result as { entryId: number };
        expect(atOnceResult).toEqual(lockingResult);
        expect(atOnce.entries).toEqual(locking.entries);
        expect(atOnce.contract).toEqual(locking.contract);
        compared++;
      }
    }
    expect(compared).toBe(ids.length * 3);
  });
});
