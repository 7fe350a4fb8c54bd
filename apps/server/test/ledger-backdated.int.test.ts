import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  accrueContractTo,
  applyPayment,
  BackdatedPaymentError,
  lockContract,
  verifyLedger,
} from '../src/modules/ledger/index.ts';
import { createFieldCipher } from '../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../src/platform/crypto/keys.ts';
import type { Database } from '../src/platform/db/client.ts';
import { inTransaction } from '../src/platform/db/tx.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

/**
 * A backdated payment (W1-4), replayed the way Fineract re-processes a loan: the accruals
 * after its effective date are reversed, it is applied on its date, and interest is accrued
 * again to the accrued-through date on the lower principal. Every step is a new balanced
 * entry; nothing is updated.
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

interface Loan {
  id: number;
  apr: string;
  balance_cents: number;
  interest_cents: number;
  interest_accrued_through: string;
}

async function loan(): Promise<Loan> {
  const [row] = await database.query<Loan>(
    `select c.id, c.apr::text as apr, c.balance_cents, c.interest_cents, c.interest_accrued_through::text as interest_accrued_through
       from contracts c join users u on u.customer_id = c.customer_id
      where u.email = 'maya.thompson@example.com' and c.type = 'loan' order by c.id limit 1`,
  );
  if (!row) throw new Error('no loan');
  return row;
}

async function entriesAfter(id: number) {
  return database.query<{
    kind: string;
    effective: string;
    booked: string;
    from: string | null;
    reverses: boolean;
    lines: string;
  }>(
    `select e.kind, e.effective_date::text as effective, e.booking_date::text as booked, e.accrual_from::text as "from",
            e.reverses_entry_id is not null as reverses,
            (select string_agg(p.account || ' ' || p.amount_cents, ', ' order by p.id) from postings p where p.entry_id = e.id) as lines
       from journal_entries e where e.id > $1 order by e.id`,
    [id],
  );
}

const accrue = (contractId: number, date: string) =>
  inTransaction(database.db, async (tx) =>
    accrueContractTo(tx, await lockContract(tx, contractId), date, date, `cob:${date}`),
  );

describe('a backdated payment replays interest', () => {
  it('reverses the accruals after its date, applies it on its date and re-accrues, to the cent', async () => {
    // Maya's loan: $22,590.40 at 5.99 %, accrued through 2026-11-15; 2,259,040 × 0.0599 / 365
    // = 370.73 cents a day. Close of business accrues three spans.
    const start = await loan();
    expect(start).toMatchObject({
      balance_cents: 2_259_040,
      apr: '5.9900',
      interest_accrued_through: '2026-11-15',
    });
    await accrue(start.id, '2026-11-24'); // 9 days: 3,336.6 -> 3,337
    await accrue(start.id, '2026-11-27'); // 3 days: 1,112
    await accrue(start.id, '2026-11-30'); // 3 days: 1,112
    const [mark] = await database.query<{ id: number }>('select max(id)::int as id from journal_entries');
    expect(await loan()).toMatchObject({ interest_cents: 5_561, interest_accrued_through: '2026-11-30' });

    // $500 received on 2026-11-25, posted on 2026-11-30.
    const applied = await inTransaction(database.db, (tx) =>
      applyPayment(tx, {
        contractId: start.id,
        amount: 50_000,
        effectiveDate: '2026-11-25',
        bookingDate: '2026-11-30',
        principalOnly: false,
        receivedInto: ACCOUNTS.cash,
        source: 'test:backdated',
        description: 'Payment received 2026-11-25, posted late',
      }),
    );
    // Interest owed on the 25th: 3,337 + one day (370.7 -> 371) = 3,708; the rest is principal.
    expect(applied.split).toEqual({ fees: 0, interest: 3_708, principal: 46_292, unapplied: 0 });
    expect(await entriesAfter(mark?.id ?? 0)).toEqual([
      // The two accruals that end after the 25th come out, each on its own date.
      {
        kind: 'reversal',
        effective: '2026-11-27',
        booked: '2026-11-30',
        from: null,
        reverses: true,
        lines: 'interest -1112, gl.interest_income 1112',
      },
      {
        kind: 'reversal',
        effective: '2026-11-30',
        booked: '2026-11-30',
        from: null,
        reverses: true,
        lines: 'interest -1112, gl.interest_income 1112',
      },
      // Interest to the payment's date on the old principal.
      {
        kind: 'accrual',
        effective: '2026-11-25',
        booked: '2026-11-30',
        from: '2026-11-24',
        reverses: false,
        lines: 'interest 371, gl.interest_income -371',
      },
      {
        kind: 'payment',
        effective: '2026-11-25',
        booked: '2026-11-30',
        from: null,
        reverses: false,
        lines: 'gl.cash 50000, interest -3708, principal -46292',
      },
      // Re-accrued to the 30th on 2,212,748: 363.13 a day × 5 = 1,815.67 -> 1,816.
      {
        kind: 'accrual',
        effective: '2026-11-30',
        booked: '2026-11-30',
        from: '2026-11-25',
        reverses: false,
        lines: 'interest 1816, gl.interest_income -1816',
      },
    ]);
    expect(await loan()).toMatchObject({
      balance_cents: 2_212_748,
      interest_cents: 1_816,
      interest_accrued_through: '2026-11-30',
    });
    expect((await verifyLedger(database)).ok).toBe(true);
  });

  it('is refused, writing nothing, when a payment posted after its date would have to be re-applied', async () => {
    const start = await loan();
    await inTransaction(database.db, (tx) =>
      applyPayment(tx, {
        contractId: start.id,
        amount: 10_000,
        effectiveDate: '2026-11-30',
        bookingDate: '2026-11-30',
        principalOnly: false,
        receivedInto: ACCOUNTS.cash,
        source: 'test:on-time',
        description: 'Payment',
      }),
    );
    const before = await loan();
    const [entries] = await database.query<{ n: number }>('select count(*)::int as n from journal_entries');
    const attempt = inTransaction(database.db, (tx) =>
      applyPayment(tx, {
        contractId: start.id,
        amount: 10_000,
        effectiveDate: '2026-11-28',
        bookingDate: '2026-11-30',
        principalOnly: false,
        receivedInto: ACCOUNTS.cash,
        source: 'test:backdated-2',
        description: 'Payment received 2026-11-28',
      }),
    );
    await expect(attempt).rejects.toBeInstanceOf(BackdatedPaymentError);
    expect(await loan()).toEqual(before);
    expect(await database.query('select count(*)::int as n from journal_entries')).toEqual([entries]);
    expect((await verifyLedger(database)).ok).toBe(true);
  });
});
