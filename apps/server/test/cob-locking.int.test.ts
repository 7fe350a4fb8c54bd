import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, accrueRange, applyPayment, verifyLedger } from '../src/modules/ledger/index.ts';
import { createFieldCipher } from '../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../src/platform/crypto/keys.ts';
import type { Database } from '../src/platform/db/client.ts';
import { inTransaction } from '../src/platform/db/tx.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

/**
 * ADR 0010: a contract being closed cannot be changed meanwhile. A payment arriving while the
 * accrual step holds the partition waits (row lock on PostgreSQL; the single connection's
 * transaction queue on PGlite) and then applies to what the step left, accruing nothing twice.
 */
let t: TestDatabase;
let database: Database;
const DATE = '2026-11-24';
beforeAll(async () => {
  t = await freshDatabase();
  database = t.database;
  await prepareDatabase(
    { database, cipher: createFieldCipher(testFieldKeys()), now: new Date(`${DATE}T15:00:00Z`) },
    { seedDemo: true },
  );
}, 60_000);
afterAll(() => t.drop());

describe('a payment during close of business', () => {
  it('waits for the step to commit, then applies without accruing the day again', async () => {
    const [loan] = await database.query<{ id: number; interest_cents: number }>(
      `select id, interest_cents from contracts where type = 'loan' and status = 'active'
          and interest_accrued_through < $1 order by id limit 1`,
      [DATE],
    );
    if (!loan) throw new Error('no loan to close');
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let stepLocked: () => void = () => {};
    const locked = new Promise<void>((resolve) => {
      stepLocked = resolve;
    });
    const step = inTransaction(database.db, async (tx) => {
      const n = await accrueRange(tx, {
        lo: loan.id,
        hi: loan.id,
        date: DATE,
        bookingDate: DATE,
        source: `cob:${DATE}`,
      });
      stepLocked();
      await gate; // the step is still open: its row lock is held
      return n;
    });
    await locked;
    let paid = false;
    const payment = inTransaction(database.db, (tx) =>
      applyPayment(tx, {
        contractId: Number(loan.id),
        amount: 10_000,
        effectiveDate: DATE,
        bookingDate: DATE,
        principalOnly: false,
        receivedInto: ACCOUNTS.cash,
        source: 'test:during-cob',
        description: 'Payment during close',
      }),
    ).then((applied) => {
      paid = true;
      return applied;
    });
    await new Promise((r) => setTimeout(r, 400));
    expect(paid).toBe(false);
    release();
    expect(await step).toBe(1);
    const applied = await payment;
    expect(paid).toBe(true);
    // No accrual of its own: the step had brought interest to the date already.
    const accruals = await database.query<{ n: number }>(
      `select count(*)::int as n from journal_entries where contract_id = $1 and kind = 'accrual' and effective_date = $2`,
      [loan.id, DATE],
    );
    expect(accruals[0]?.n).toBe(1);
    expect(
      applied.split.interest + applied.split.principal + applied.split.fees + applied.split.unapplied,
    ).toBe(10_000);
    expect((await verifyLedger(database)).ok).toBe(true);
  });
});
