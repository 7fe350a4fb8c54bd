import { accrueInterest, cents } from '@marque/finance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  applyPayment,
  postEntry,
  reversePayment,
  settlePayment,
  UnbalancedEntryError,
  verifyLedger,
} from '../src/modules/ledger/index.ts';
import { createFieldCipher } from '../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../src/platform/crypto/keys.ts';
import type { Database } from '../src/platform/db/client.ts';
import { inTransaction } from '../src/platform/db/tx.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

const BUSINESS_DATE = '2026-11-24';
let t: TestDatabase;
let database: Database;

interface ContractBalances {
  id: number;
  account_number: string;
  type: string;
  apr: string | null;
  balance_cents: number;
  interest_cents: number;
  fees_cents: number;
  unapplied_cents: number;
  interest_accrued_through: string | null;
  payment_cents: number;
  payments_made: number;
  next_due_date: string | null;
  past_due_cents: number;
  days_past_due: number;
}

async function contractOf(email: string, type: 'loan' | 'lease'): Promise<ContractBalances> {
  const [row] = await database.query<ContractBalances>(
    `select c.* from contracts c join users u on u.customer_id = c.customer_id
      where u.email = $1 and c.type = $2 order by c.id limit 1`,
    [email, type],
  );
  if (!row) throw new Error(`no ${type} for ${email}`);
  return row;
}

async function entryLines(entryId: number) {
  return database.query<{ account: string; amount: number }>(
    'select account, amount_cents::int as amount from postings where entry_id = $1 order by id',
    [entryId],
  );
}

beforeAll(async () => {
  t = await freshDatabase();
  database = t.database;
  await prepareDatabase(
    { database, cipher: createFieldCipher(testFieldKeys()), now: new Date(`${BUSINESS_DATE}T15:00:00Z`) },
    { seedDemo: true },
  );
});
afterAll(() => t.drop());

describe('ledger: opening balances', () => {
  it('every seeded contract is on the ledger and `verify` is green', async () => {
    const v = await verifyLedger(database);
    expect(v).toMatchObject({ ok: true, trialBalance: 0, unbalancedEntries: [], mismatchedContracts: [] });
    const [counts] = await database.query<{ contracts: number; opened: number }>(
      `select (select count(*)::int from contracts where balance_cents <> 0) as contracts,
              (select count(*)::int from journal_entries where kind = 'opening_balance') as opened`,
    );
    expect(counts?.opened).toBe(counts?.contracts);
    expect(counts?.opened).toBeGreaterThan(3);
  });
});

describe('ledger: the journal cannot be bent', () => {
  it('rejects an unbalanced entry before writing anything', async () => {
    const loan = await contractOf('maya.thompson@example.com', 'loan');
    await expect(
      inTransaction(database.db, (tx) =>
        postEntry(tx, {
          contractId: loan.id,
          kind: 'adjustment',
          effectiveDate: BUSINESS_DATE,
          bookingDate: BUSINESS_DATE,
          description: 'lopsided',
          postings: [
            { account: ACCOUNTS.principal, amount: 100 },
            { account: ACCOUNTS.cash, amount: -99 },
          ],
        }),
      ),
    ).rejects.toBeInstanceOf(UnbalancedEntryError);
  });

  it('the database itself refuses unbalanced postings, updates and deletes', async () => {
    const [entry] = await database.query<{ id: number }>(
      'select id from journal_entries order by id limit 1',
    );
    await expect(
      database.query(
        `insert into postings (entry_id, contract_id, account, amount_cents) values ($1, null, 'gl.cash', 5)`,
        [entry?.id],
      ),
    ).rejects.toThrow(/does not balance/);
    await expect(database.query('update postings set amount_cents = amount_cents + 1')).rejects.toThrow(
      /append-only/,
    );
    await expect(database.query('delete from journal_entries')).rejects.toThrow(/append-only/);
    expect((await verifyLedger(database)).ok).toBe(true);
  });

  it('`verify` finds a contract whose balance was changed behind the ledger', async () => {
    const lease = await contractOf('daniel.reyes@example.com', 'lease');
    await database.query('update contracts set fees_cents = fees_cents + 1 where id = $1', [lease.id]);
    const v = await verifyLedger(database);
    expect(v.ok).toBe(false);
    expect(v.mismatchedContracts).toEqual([
      {
        accountNumber: lease.account_number,
        column: 'fees_cents',
        recorded: lease.fees_cents + 1,
        ledger: lease.fees_cents,
      },
    ]);
    await database.query('update contracts set fees_cents = fees_cents - 1 where id = $1', [lease.id]);
    expect((await verifyLedger(database)).ok).toBe(true);
  });
});

describe('ledger scenario: a loan payment accrues, splits and posts to the cent', () => {
  it('accrues simple interest since the last installment, then pays interest before principal', async () => {
    const before = await contractOf('maya.thompson@example.com', 'loan');
    expect(before.interest_cents).toBe(0);
    const from = before.interest_accrued_through ?? '';
    const interest = accrueInterest({
      principal: cents(before.balance_cents),
      apr: before.apr ?? '',
      from,
      to: BUSINESS_DATE,
    }).interest;
    expect(interest).toBeGreaterThan(0);

    const applied = await inTransaction(database.db, (tx) =>
      applyPayment(tx, {
        contractId: before.id,
        amount: before.payment_cents,
        effectiveDate: BUSINESS_DATE,
        bookingDate: BUSINESS_DATE,
        principalOnly: false,
        receivedInto: ACCOUNTS.cashInTransit,
        source: 'test:payment-1',
        description: 'Payment',
      }),
    );
    expect(applied.split).toEqual({
      fees: 0,
      interest,
      principal: before.payment_cents - interest,
      unapplied: 0,
    });
    expect(await entryLines(applied.entryId)).toEqual([
      { account: 'gl.cash_in_transit', amount: before.payment_cents },
      { account: 'interest', amount: -interest },
      { account: 'principal', amount: -(before.payment_cents - interest) },
    ]);
    const after = await contractOf('maya.thompson@example.com', 'loan');
    expect(after.balance_cents).toBe(before.balance_cents - (before.payment_cents - interest));
    expect(after.interest_cents).toBe(0);
    expect(after.interest_accrued_through).toBe(BUSINESS_DATE);
    expect(after.payments_made).toBe(before.payments_made + 1);
    expect((await verifyLedger(database)).ok).toBe(true);

    // The ACH debit comes back R01: everything it paid is owed again, and the principal it
    // had paid down earns interest for the days it was away (here none: same day).
    const reversed = await inTransaction(database.db, (tx) =>
      reversePayment(tx, {
        contractId: before.id,
        paymentEntryId: applied.entryId,
        principal: applied.split.principal,
        towardInstallments: applied.towardInstallments,
        effectiveDate: BUSINESS_DATE,
        bookingDate: BUSINESS_DATE,
        source: 'test:return-1',
        description: 'Returned: R01 insufficient funds',
      }),
    );
    expect(await entryLines(reversed.reversalEntryId)).toEqual([
      { account: 'gl.cash_in_transit', amount: -before.payment_cents },
      { account: 'interest', amount: interest },
      { account: 'principal', amount: before.payment_cents - interest },
    ]);
    const restored = await contractOf('maya.thompson@example.com', 'loan');
    expect(restored.balance_cents).toBe(before.balance_cents);
    expect(restored.interest_cents).toBe(interest);
    expect(restored.payments_made).toBe(before.payments_made);
    expect(restored.next_due_date).toBe(before.next_due_date);
    expect((await verifyLedger(database)).ok).toBe(true);
  });

  it('a lease payment pays the lease receivable and settles from in transit into cash', async () => {
    const before = await contractOf('daniel.reyes@example.com', 'lease');
    const applied = await inTransaction(database.db, async (tx) => {
      const a = await applyPayment(tx, {
        contractId: before.id,
        amount: before.payment_cents,
        effectiveDate: BUSINESS_DATE,
        bookingDate: BUSINESS_DATE,
        principalOnly: false,
        receivedInto: ACCOUNTS.cashInTransit,
        source: 'test:lease-1',
        description: 'Payment',
      });
      await settlePayment(tx, {
        contractId: before.id,
        amount: before.payment_cents,
        bookingDate: BUSINESS_DATE,
        source: 'test:lease-1',
      });
      return a;
    });
    expect(applied.split).toEqual({ fees: 0, interest: 0, principal: before.payment_cents, unapplied: 0 });
    const after = await contractOf('daniel.reyes@example.com', 'lease');
    expect(after.balance_cents).toBe(before.balance_cents - before.payment_cents);
    const [cash] = await database.query<{ cash: number; transit: number }>(
      `select coalesce(sum(amount_cents) filter (where account = 'gl.cash'), 0)::int as cash,
              coalesce(sum(amount_cents) filter (where account = 'gl.cash_in_transit'), 0)::int as transit
         from postings where contract_id = $1`,
      [before.id],
    );
    expect(cash).toEqual({ cash: before.payment_cents, transit: 0 });
    expect((await verifyLedger(database)).ok).toBe(true);
  });

  it('a payment onto a late account cures the oldest installments first', async () => {
    const late = await contractOf('chris.walker@example.com', 'loan');
    expect(late.days_past_due).toBeGreaterThan(29);
    await inTransaction(database.db, (tx) =>
      applyPayment(tx, {
        contractId: late.id,
        amount: late.past_due_cents,
        effectiveDate: BUSINESS_DATE,
        bookingDate: BUSINESS_DATE,
        principalOnly: false,
        receivedInto: ACCOUNTS.cash,
        source: 'test:cure',
        description: 'Payment',
      }),
    );
    const after = await contractOf('chris.walker@example.com', 'loan');
    expect(after.past_due_cents).toBe(0);
    expect(after.days_past_due).toBe(0);
    expect(after.next_due_date && after.next_due_date >= BUSINESS_DATE).toBe(true);
    expect((await verifyLedger(database)).ok).toBe(true);
    const [{ n } = { n: 0 }] = await database.query<{ n: number }>(
      'select count(*)::int as n from journal_entries where contract_id = $1',
      [late.id],
    );
    expect(n).toBeGreaterThanOrEqual(3);
  });
});
