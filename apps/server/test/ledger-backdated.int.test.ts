import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  accrueContractTo,
  applyPayment,
  BackdatedPaymentError,
  listTransactions,
  lockContract,
  postEntry,
  reversePayment,
  verifyLedger,
} from '../src/modules/ledger/index.ts';
import { createFieldCipher } from '../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../src/platform/crypto/keys.ts';
import type { Database } from '../src/platform/db/client.ts';
import { inTransaction } from '../src/platform/db/tx.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

/**
 * A backdated payment (W1-4), replayed the way Fineract re-processes a loan: the accruals and
 * payments after its effective date are reversed, it is applied on its date, each later
 * payment is re-applied on its own date in effective-date order, and interest is accrued again
 * to the accrued-through date. Every step is a new balanced entry; nothing is updated.
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
      // Re-accrued to the same close-of-business dates on 2,212,748 (363.13 a day), so interest
      // is rounded over the same spans as if the payment had come on time: 2 days 726.27 -> 726,
      // 3 days 1,089.40 -> 1,089.
      {
        kind: 'accrual',
        effective: '2026-11-27',
        booked: '2026-11-30',
        from: '2026-11-25',
        reverses: false,
        lines: 'interest 726, gl.interest_income -726',
      },
      {
        kind: 'accrual',
        effective: '2026-11-30',
        booked: '2026-11-30',
        from: '2026-11-27',
        reverses: false,
        lines: 'interest 1089, gl.interest_income -1089',
      },
    ]);
    expect(await loan()).toMatchObject({
      balance_cents: 2_212_748,
      interest_cents: 1_815,
      interest_accrued_through: '2026-11-30',
    });
    expect((await verifyLedger(database)).ok).toBe(true);
  });
});

interface State {
  balance_cents: number;
  interest_cents: number;
  fees_cents: number;
  unapplied_cents: number;
  interest_accrued_through: string;
  paid_toward_installments_cents: number;
  payments_made: number;
  next_due_date: string | null;
}

async function stateOf(id: number): Promise<State> {
  const [row] = await database.query<State>(
    `select balance_cents, interest_cents, fees_cents, unapplied_cents, interest_accrued_through::text as interest_accrued_through,
            paid_toward_installments_cents, payments_made, next_due_date::text as next_due_date
       from contracts where id = $1`,
    [id],
  );
  if (!row) throw new Error('no contract');
  return row;
}

async function loanAt(apr: string): Promise<number> {
  const [row] = await database.query<{ id: number }>(
    `select id from contracts where type = 'loan' and status = 'active' and apr = $1::numeric order by id limit 1`,
    [apr],
  );
  if (!row) throw new Error(`no loan at ${apr}`);
  return row.id;
}

const lastEntryId = async () =>
  (await database.query<{ id: number }>('select max(id)::int as id from journal_entries'))[0]?.id ?? 0;

const pay = (
  contractId: number,
  effectiveDate: string,
  amount: number,
  options: { bookingDate?: string; principalOnly?: boolean; source?: string } = {},
) =>
  inTransaction(database.db, (tx) =>
    applyPayment(tx, {
      contractId,
      amount,
      effectiveDate,
      bookingDate: options.bookingDate ?? effectiveDate,
      principalOnly: options.principalOnly ?? false,
      receivedInto: ACCOUNTS.cashInTransit,
      source: options.source ?? `test:${contractId}:${effectiveDate}`,
      description: `${options.principalOnly ? 'Principal-only payment' : 'Payment'} ${effectiveDate}`,
    }),
  );

const fee = (contractId: number, date: string, amount: number) =>
  inTransaction(database.db, (tx) =>
    postEntry(tx, {
      contractId,
      kind: 'fee',
      effectiveDate: date,
      bookingDate: date,
      description: 'Late fee',
      source: `cob:${date}`,
      postings: [
        { account: ACCOUNTS.fees, amount },
        { account: ACCOUNTS.feeIncome, amount: -amount },
      ],
    }),
  );

const payments = (contractId: number) =>
  database.query<{ effective: string; description: string; lines: string }>(
    `select e.effective_date::text as effective, e.description,
            (select string_agg(p.account || ' ' || p.amount_cents, ', ' order by p.id) from postings p where p.entry_id = e.id) as lines
       from journal_entries e
      where e.contract_id = $1 and e.kind = 'payment'
        and not exists (select 1 from journal_entries r where r.reverses_entry_id = e.id)
      order by e.effective_date, e.id`,
    [contractId],
  );

describe('a backdated payment re-applies the payments after it, in effective-date order', () => {
  it('payments on the 10th and 20th, a late fee on the 16th, a payment dated the 5th posted on the 25th', async () => {
    // Loan at 7.49 %: $29,151.98 accrued through 2026-11-15; installment $808.09.
    const id = await loanAt('7.49');
    const start = await stateOf(id);
    expect(start).toMatchObject({ balance_cents: 2_915_198, interest_cents: 0, fees_cents: 0 });
    // As it happened: 2,915,198 × 7.49 % / 365 = 598.215 cents a day.
    await accrue(id, '2026-11-24'); // 9 days: 5,383.93 -> 5,384
    // The 10th: 16 days, 9,571.43 -> 9,571; 808.09 = 149.55 interest + 658.54 principal -> 2,849,344.
    await pay(id, '2026-12-10', 80_809, { source: 'payment:pay_replay10' });
    await accrue(id, '2026-12-15'); // 5 days on 2,849,344: 2,923.51 -> 2,924
    await fee(id, '2026-12-16', 1_500);
    // The 20th: 5 more days, 2,924; 808.09 = 15.00 fee + 58.48 interest + 734.61 principal.
    await pay(id, '2026-12-20', 80_809, { source: 'payment:pay_replay20' });
    await accrue(id, '2026-12-25'); // 5 days on 2,775,883: 2,848.13 -> 2,848
    expect(await stateOf(id)).toMatchObject({
      balance_cents: 2_775_883,
      interest_cents: 2_848,
      fees_cents: 0,
    });

    // A payments row for the 10th (as the payments module writes it): the replay moves it.
    const [method] = await database.query<{ id: number; public_id: string; customer_id: number }>(
      `select m.id, m.public_id, c.customer_id from payment_methods m join contracts c on c.customer_id = m.customer_id
        where c.id = $1 order by m.id limit 1`,
      [id],
    );
    if (!method) throw new Error('no payment method');
    const [tenth] = await database.query<{ id: number }>(
      `select id::int from journal_entries where source = 'payment:pay_replay10' and kind = 'payment'`,
    );
    await database.query(
      `insert into payments (public_id, confirmation_number, contract_id, customer_id, payment_method_id, payment_method_public_id,
                             method_type, method_label, amount_cents, channel, status, scheduled_for, effective_date, entry_id,
                             split_fees_cents, split_interest_cents, split_principal_cents, split_unapplied_cents,
                             toward_installments_cents, created_at)
       values ('pay_replay10', 'MQREPLAY10', $1, $2, $3, $4, 'bank_account', 'Checking 0000', 80809, 'web', 'pending',
               '2026-12-10', '2026-12-10', $5, 0, 14955, 65854, 0, 80809, now())`,
      [id, method.customer_id, method.id, method.public_id, tenth?.id],
    );

    const mark = await lastEntryId();
    // $500 received on 2026-12-05, posted on 2026-12-25.
    const applied = await pay(id, '2026-12-05', 50_000, {
      bookingDate: '2026-12-25',
      source: 'payment:pay_late05',
    });
    // As if on time: 11 days from the 24th on 2,915,198 = 6,580.36 -> 6,580; owed 5,384 + 6,580.
    expect(applied.split).toEqual({ fees: 0, interest: 11_964, principal: 38_036, unapplied: 0 });
    const rev = (effective: string, lines: string) => ({
      kind: 'reversal',
      effective,
      booked: '2026-12-25',
      from: null,
      reverses: true,
      lines,
    });
    const acc = (from: string, effective: string, interest: number) => ({
      kind: 'accrual',
      effective,
      booked: '2026-12-25',
      from,
      reverses: false,
      lines: `interest ${interest}, gl.interest_income -${interest}`,
    });
    const payment = (effective: string, lines: string) => ({
      kind: 'payment',
      effective,
      booked: '2026-12-25',
      from: null,
      reverses: false,
      lines,
    });
    expect(await entriesAfter(mark)).toEqual([
      // Rewind, in effective-date order: every accrual ending after the 5th and both payments.
      rev('2026-12-10', 'interest -9571, gl.interest_income 9571'),
      rev('2026-12-10', 'gl.cash_in_transit -80809, interest 14955, principal 65854'),
      rev('2026-12-15', 'interest -2924, gl.interest_income 2924'),
      rev('2026-12-20', 'interest -2924, gl.interest_income 2924'),
      rev('2026-12-20', 'gl.cash_in_transit -80809, fees 1500, interest 5848, principal 73461'),
      rev('2026-12-25', 'interest -2848, gl.interest_income 2848'),
      // Forward: the late payment on the 5th (the fee of the 16th is not owed yet) ...
      acc('2026-11-24', '2026-12-05', 6_580),
      payment('2026-12-05', 'gl.cash_in_transit 50000, interest -11964, principal -38036'),
      // ... the 10th again: 5 days on 2,877,162 = 2,952.05 -> 2,952; the rest to principal ...
      acc('2026-12-05', '2026-12-10', 2_952),
      payment('2026-12-10', 'gl.cash_in_transit 80809, interest -2952, principal -77857'),
      // ... close of business on the 15th again: 5 days on 2,799,305 = 2,872.16 -> 2,872 ...
      acc('2026-12-10', '2026-12-15', 2_872),
      // ... the 20th again: 5 more days, 2,872; the fee of the 16th first ...
      acc('2026-12-15', '2026-12-20', 2_872),
      payment('2026-12-20', 'gl.cash_in_transit 80809, fees -1500, interest -5744, principal -73565'),
      // ... and interest to the 25th again: 5 days on 2,725,740 = 2,796.68 -> 2,797.
      acc('2026-12-20', '2026-12-25', 2_797),
    ]);
    // Installments: fees are not installments, so the 10th credits 808.09 and the 20th 793.09,
    // as before the replay, plus the late 500.00: 25,050.79 + 808.09 + 793.09 + 500.00 =
    // 27,151.97 = 33.6 installments of 808.09 -> 33 made, next due 2024-05-15 + 33 months.
    expect(await stateOf(id)).toEqual({
      balance_cents: 2_725_740,
      interest_cents: 2_797,
      fees_cents: 0,
      unapplied_cents: 0,
      interest_accrued_through: '2026-12-25',
      paid_toward_installments_cents: start.paid_toward_installments_cents + 80_809 + 79_309 + 50_000,
      payments_made: 33,
      next_due_date: '2027-02-15',
    });
    expect(await payments(id)).toEqual([
      { effective: '2026-12-05', description: 'Payment 2026-12-05', lines: expect.any(String) },
      {
        effective: '2026-12-10',
        description: 'Payment 2026-12-10 (re-applied after a payment dated 2026-12-05)',
        lines: expect.any(String),
      },
      {
        effective: '2026-12-20',
        description: 'Payment 2026-12-20 (re-applied after a payment dated 2026-12-05)',
        lines: expect.any(String),
      },
    ]);
    // The payments row follows its re-applied entry, with the new split.
    const [row] = await database.query(
      `select p.split_fees_cents, p.split_interest_cents, p.split_principal_cents, p.split_unapplied_cents,
              p.toward_installments_cents, e.source, e.kind, e.replaces_entry_id = $1 as replaces
         from payments p join journal_entries e on e.id = p.entry_id where p.public_id = 'pay_replay10'`,
      [tenth?.id],
    );
    expect(row).toEqual({
      split_fees_cents: 0,
      split_interest_cents: 2_952,
      split_principal_cents: 77_857,
      split_unapplied_cents: 0,
      toward_installments_cents: 80_809,
      source: 'payment:pay_replay10',
      kind: 'payment',
      replaces: true,
    });
    // The customer's transactions: each payment once, with its replayed split; no returns.
    const list = await listTransactions(database.db, id, { limit: 50 });
    const shown = list.data.filter((x) => x.effectiveDate >= '2026-11-25');
    expect(
      shown.map((x) => [x.type, x.effectiveDate, x.amount.amount, x.split?.interest.amount ?? null]),
    ).toEqual([
      ['interest', '2026-12-25', 2_797, null],
      ['payment', '2026-12-20', -80_809, 5_744],
      ['interest', '2026-12-20', 2_872, null],
      ['interest', '2026-12-15', 2_872, null],
      ['payment', '2026-12-10', -80_809, 2_952],
      ['interest', '2026-12-10', 2_952, null],
      ['payment', '2026-12-05', -50_000, 11_964],
      ['interest', '2026-12-05', 6_580, null],
      ['fee', '2026-12-16', 1_500, null],
    ]);
    expect(list.data[0]?.balance.amount).toBe(2_725_740 + 2_797);
    expect(list.data.find((x) => x.effectiveDate === '2026-12-10' && x.type === 'payment')?.payment?.id).toBe(
      'pay_replay10',
    );
    expect((await verifyLedger(database)).ok).toBe(true);
  });

  it('a principal-only payment after it stays principal-only', async () => {
    // Loan at 4.90 %: $22,539.28 accrued through 2026-11-15. 2,253,928 × 4.90 % / 365 = 302.58 a day.
    const id = await loanAt('4.90');
    const start = await stateOf(id);
    expect(start).toMatchObject({ balance_cents: 2_253_928, interest_cents: 0 });
    await accrue(id, '2026-11-24'); // 9 days: 2,723.24 -> 2,723
    // 16 days: 4,841.31 -> 4,841; $1,000 principal-only: all to principal, interest stays owed.
    await pay(id, '2026-12-10', 100_000, { principalOnly: true });
    await accrue(id, '2026-12-15'); // 5 days on 2,153,928: 1,445.79 -> 1,446
    expect(await stateOf(id)).toMatchObject({ balance_cents: 2_153_928, interest_cents: 9_010 });

    // $600 dated 2026-12-05 posted on the 15th: 11 days from the 24th, 3,328.40 -> 3,328;
    // it pays 2,723 + 3,328 = 6,051 interest and 53,949 principal -> 2,199,979.
    const applied = await pay(id, '2026-12-05', 60_000, { bookingDate: '2026-12-15' });
    expect(applied.split).toEqual({ fees: 0, interest: 6_051, principal: 53_949, unapplied: 0 });
    // The principal-only payment again: 5 days on 2,199,979 = 1,476.70 -> 1,477 stays owed,
    // $1,000 to principal -> 2,099,979; then 5 days = 1,409.57 -> 1,410. Interest 1,477 + 1,410.
    expect((await payments(id)).at(-1)).toEqual({
      effective: '2026-12-10',
      description: 'Principal-only payment 2026-12-10 (re-applied after a payment dated 2026-12-05)',
      lines: 'gl.cash_in_transit 100000, principal -100000',
    });
    // Only the late $600 counts toward installments, as the principal-only one never did.
    expect(await stateOf(id)).toMatchObject({
      balance_cents: 2_099_979,
      interest_cents: 2_887,
      interest_accrued_through: '2026-12-15',
      paid_toward_installments_cents: start.paid_toward_installments_cents + 60_000,
    });
    expect((await verifyLedger(database)).ok).toBe(true);
  });

  it('a returned payment after it stays returned; its restored-principal interest is re-accrued', async () => {
    // Loan at 9.75 %, behind: $19,757.74 accrued through 2026-09-15; 527.77 cents a day.
    const id = await loanAt('9.75');
    const start = await stateOf(id);
    expect(start).toMatchObject({ balance_cents: 1_975_774, interest_cents: 0 });
    await accrue(id, '2026-11-24'); // 70 days: 36,944.27 -> 36,944
    // 16 days: 8,444.40 -> 8,444; $498.74 = 453.88 interest + 44.86 principal -> 1,971,288.
    const returned = await pay(id, '2026-12-10', 49_874);
    await accrue(id, '2026-12-15'); // 5 days on 1,971,288: 2,632.88 -> 2,633
    // Returned on the 16th: reversed, and 5 days on the 4,486 restored = 5.99 -> 6.
    await inTransaction(database.db, (tx) =>
      reversePayment(tx, {
        contractId: id,
        paymentEntryId: returned.entryId,
        principal: returned.split.principal,
        towardInstallments: returned.towardInstallments,
        effectiveDate: '2026-12-10',
        bookingDate: '2026-12-16',
        source: 'test:return',
        description: 'Returned by the bank: R01',
      }),
    );
    await accrue(id, '2026-12-20'); // 5 days on 1,975,774: 2,638.88 -> 2,639
    expect(await stateOf(id)).toMatchObject({ balance_cents: 1_975_774, interest_cents: 50_666 });

    const mark = await lastEntryId();
    // $500 dated 2026-12-05, posted on the 20th: 11 days from the 24th on 1,975,774 = 5,805.53
    // -> 5,806; owed 36,944 + 5,806 = 42,750, so 42,750 interest and 7,250 principal.
    const applied = await pay(id, '2026-12-05', 50_000, { bookingDate: '2026-12-20' });
    expect(applied.split).toEqual({ fees: 0, interest: 42_750, principal: 7_250, unapplied: 0 });
    const entries = await entriesAfter(mark);
    // Four accruals out (including the restored-principal one); the returned payment is not
    // touched: it and its return already net to nothing.
    expect(entries.filter((e) => e.kind === 'reversal').map((e) => e.lines)).toEqual([
      'interest -8444, gl.interest_income 8444',
      'interest -2633, gl.interest_income 2633',
      'interest -6, gl.interest_income 6',
      'interest -2639, gl.interest_income 2639',
    ]);
    expect(entries.filter((e) => e.kind === 'payment')).toHaveLength(1);
    // Re-accrued to the same dates on 1,968,524: 3 × (5 days, 2,629.19 -> 2,629) = 7,887.
    expect(entries.filter((e) => e.kind === 'accrual').map((e) => [e.from, e.effective, e.lines])).toEqual([
      ['2026-11-24', '2026-12-05', 'interest 5806, gl.interest_income -5806'],
      ['2026-12-05', '2026-12-10', 'interest 2629, gl.interest_income -2629'],
      ['2026-12-10', '2026-12-15', 'interest 2629, gl.interest_income -2629'],
      ['2026-12-15', '2026-12-20', 'interest 2629, gl.interest_income -2629'],
    ]);
    expect(await stateOf(id)).toMatchObject({
      balance_cents: 1_968_524,
      interest_cents: 7_887,
      interest_accrued_through: '2026-12-20',
      paid_toward_installments_cents: start.paid_toward_installments_cents + 50_000,
    });
    // The return is still shown as a return.
    const list = await listTransactions(database.db, id, { limit: 50 });
    expect(list.data.filter((x) => x.type === 'return')).toHaveLength(1);
    expect(list.data[0]?.balance.amount).toBe(1_968_524 + 7_887);
    expect((await verifyLedger(database)).ok).toBe(true);
  });

  it('is refused, writing nothing, when an entry it cannot replay comes after it (an opening balance)', async () => {
    // Maya's loan was brought onto the ledger on 2026-11-24 with interest accrued through the
    // 15th (the opening balance's interest): a payment dated the 14th would change interest
    // that was never journaled.
    const before = await loan();
    const [entries] = await database.query<{ n: number }>('select count(*)::int as n from journal_entries');
    const attempt = pay(before.id, '2026-11-14', 10_000, { bookingDate: '2026-12-01' });
    await expect(attempt).rejects.toBeInstanceOf(BackdatedPaymentError);
    await expect(attempt).rejects.toThrow(/opening_balance/);
    expect(await loan()).toEqual(before);
    expect(await database.query('select count(*)::int as n from journal_entries')).toEqual([entries]);
  });

  it('the one-statement path defers a backdated payment to the locking path, which replays it', async () => {
    // The 7.49 % loan of the first scenario, accrued through 2026-12-25 with a payment on the 20th.
    const id = await loanAt('7.49');
    const before = await stateOf(id);
    expect(before.interest_accrued_through).toBe('2026-12-25');
    const mark = await lastEntryId();
    await inTransaction(database.db, async (tx) => {
      const seen = await lockContract(tx, id);
      return applyPayment(
        tx,
        {
          contractId: id,
          amount: 10_000,
          effectiveDate: '2026-12-18',
          bookingDate: '2026-12-26',
          principalOnly: false,
          receivedInto: ACCOUNTS.cash,
          source: 'test:at-once-backdated',
          description: 'Payment 2026-12-18',
        },
        seen,
      );
    });
    const entries = await entriesAfter(mark);
    // Rewound to the 15th (the span holding the 18th): two accruals and the payment of the 20th.
    expect(entries.filter((e) => e.kind === 'reversal')).toHaveLength(3);
    expect((await payments(id)).map((p) => p.effective)).toEqual([
      '2026-12-05',
      '2026-12-10',
      '2026-12-18',
      '2026-12-20',
    ]);
    expect(await stateOf(id)).toMatchObject({ interest_accrued_through: '2026-12-25' });
    expect((await verifyLedger(database)).ok).toBe(true);
  });
});
