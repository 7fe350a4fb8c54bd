import { addDays, compareDates } from '@marque/finance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, applyPayment, openContractLedgers, verifyLedger } from '../src/modules/ledger/index.ts';
import { createNotificationInbox } from '../src/modules/notifications/index.ts';
import { runCob } from '../src/modules/servicing/index.ts';
import { readBusinessDate } from '../src/platform/clock.ts';
import { createFieldCipher } from '../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../src/platform/crypto/keys.ts';
import type { Database } from '../src/platform/db/client.ts';
import { inTransaction } from '../src/platform/db/tx.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

/**
 * Close of business day by day over two simulated months, on four contracts opened for the
 * test: a loan paid on time, one paid late (fee after grace, bucket moves and comes back), one
 * paid early, and a lease reaching its 90/60/30-day maturity notices. Journal amounts are
 * checked to the cent against figures worked out by hand in the comments.
 */
let t: TestDatabase;
let database: Database;
const START = '2026-11-24';
const END = '2027-01-31';
const PAYMENT = 103_280;
const ids = { onTime: 0, late: 0, early: 0, lease: 0 };

async function q<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return database.query<T>(text, params);
}

async function openContract(kind: 'loan' | 'lease', n: number): Promise<number> {
  const [row] = await q<{ id: number }>(
    `insert into contracts (public_id, account_number, customer_id, vehicle_id, dealer_id, type, contract_date,
       first_payment_date, maturity_date, term_months, payment_cents, amount_financed_cents, apr,
       gross_cap_cost_cents, cap_cost_reduction_cents, residual_cents, money_factor, mileage_allowance_per_year,
       balance_cents, interest_accrued_through, paid_toward_installments_cents, payments_made, next_due_date)
     select 'ctr_scenario' || $1, '99000000' || $1, c.customer_id, c.vehicle_id, c.dealer_id, $2,
       case when $2 = 'loan' then '2026-11-01'::date else '2024-03-01'::date end,
       case when $2 = 'loan' then '2026-12-01'::date else '2024-04-01'::date end,
       case when $2 = 'loan' then '2027-11-01'::date else '2027-03-01'::date end,
       case when $2 = 'loan' then 12 else 36 end,
       case when $2 = 'loan' then ${PAYMENT} else 45000 end,
       case when $2 = 'loan' then 1200000 end, case when $2 = 'loan' then 6.0000 end,
       case when $2 = 'lease' then 4000000 end, case when $2 = 'lease' then 300000 end,
       case when $2 = 'lease' then 2200000 end, case when $2 = 'lease' then 0.00150 end,
       case when $2 = 'lease' then 12000 end,
       case when $2 = 'loan' then 1200000 else 180000 end,
       case when $2 = 'loan' then '2026-11-01'::date end,
       case when $2 = 'loan' then 0 else 32 * 45000 end,
       case when $2 = 'loan' then 0 else 32 end,
       '2026-12-01'::date
       from contracts c join customers cu on cu.id = c.customer_id
      where cu.first_name = 'Maya' order by c.id limit 1
     returning id`,
    [String(n), kind],
  );
  if (!row) throw new Error('no demo contract to copy');
  return row.id;
}

async function pay(contractId: number, amount: number, date: string): Promise<void> {
  await inTransaction(database.db, (tx) =>
    applyPayment(tx, {
      contractId,
      amount,
      effectiveDate: date,
      bookingDate: date,
      principalOnly: false,
      receivedInto: ACCOUNTS.cash,
      source: `test:${contractId}:${date}`,
      description: 'Payment',
    }),
  );
}

beforeAll(async () => {
  t = await freshDatabase();
  database = t.database;
  await prepareDatabase(
    { database, cipher: createFieldCipher(testFieldKeys()), now: new Date(`${START}T15:00:00Z`) },
    { seedDemo: true },
  );
  ids.onTime = await openContract('loan', 1);
  ids.late = await openContract('loan', 2);
  ids.early = await openContract('loan', 3);
  ids.lease = await openContract('lease', 4);
  await openContractLedgers(database.db, START);
  // The customer's state's rule: 5 % or $25, the lesser, after 10 days of grace.
  await q(
    `insert into late_fee_rules (state, flat_cents, percent, combine, grace_days)
     select state, 2500, 5, 'lesser', 10 from customers where first_name = 'Maya'
     on conflict (state) do update set flat_cents = 2500, percent = 5, combine = 'lesser', min_cents = null,
       max_cents = null, grace_days = 10`,
  );
  // Each business day: the day's payments, then close of business.
  const payments: Record<string, [number, number][]> = {
    '2026-11-28': [[ids.early, PAYMENT]],
    '2026-12-01': [
      [ids.onTime, PAYMENT],
      [ids.lease, 45_000],
    ],
    '2026-12-20': [[ids.late, PAYMENT + 2_500]],
    '2027-01-01': [
      [ids.onTime, PAYMENT],
      [ids.late, PAYMENT],
      [ids.early, PAYMENT],
      [ids.lease, 45_000],
    ],
  };
  for (let d = START; compareDates(d, END) <= 0; d = addDays(d, 1)) {
    for (const [id, amount] of payments[d] ?? []) await pay(id, amount, d);
    const [r] = await runCob({ database, inbox: createNotificationInbox() }, { trigger: 'test' });
    if (r?.status !== 'completed') throw new Error(`COB ${d} ${r?.status}`);
  }
}, 300_000);
afterAll(() => t.drop());

const entries = (contractId: number, kind: string) =>
  q<{ effective_date: string; account: string; amount: number }>(
    `select j.effective_date, p.account, p.amount_cents as amount from journal_entries j
       join postings p on p.entry_id = j.id where j.contract_id = $1 and j.kind = $2 order by j.id, p.id`,
    [contractId, kind],
  );

describe('simulated months of close of business', () => {
  it('ends on the next business date with the ledger verified', async () => {
    expect(await readBusinessDate(database.db)).toBe(addDays(END, 1));
    const v = await verifyLedger(database);
    expect(v.ok, JSON.stringify(v).slice(0, 400)).toBe(true);
  });

  it('a loan paid on time: daily accruals to the cent, payments split, never delinquent', async () => {
    const accruals = await entries(ids.onTime, 'accrual');
    // 11-01 to 11-24: 1,200,000 × 6 % × 23 / 365 = 4,536.99 → 4,537; then 197.26 a day → 197.
    expect(accruals.slice(0, 4)).toEqual([
      { effective_date: START, account: 'interest', amount: 4537 },
      { effective_date: START, account: 'gl.interest_income', amount: -4537 },
      { effective_date: '2026-11-25', account: 'interest', amount: 197 },
      { effective_date: '2026-11-25', account: 'gl.interest_income', amount: -197 },
    ]);
    const [payment] = await entries(ids.onTime, 'payment').then((rows) => [rows]);
    // 12-01: interest 4,537 + 6 × 197 (11-25..11-30) + 197 (the payment's own day) = 5,916.
    expect(payment?.slice(0, 3)).toEqual([
      { effective_date: '2026-12-01', account: 'gl.cash', amount: PAYMENT },
      { effective_date: '2026-12-01', account: 'interest', amount: -5916 },
      { effective_date: '2026-12-01', account: 'principal', amount: -(PAYMENT - 5916) },
    ]);
    // After it: 1,102,636 × 6 % / 365 = 181.26 → 181 a day.
    const dec2 = accruals.find((a) => a.effective_date === '2026-12-02' && a.account === 'interest');
    expect(dec2?.amount).toBe(181);
    const history = await q('select * from delinquency_history where contract_id = $1', [ids.onTime]);
    expect(history).toEqual([]);
    expect(await entries(ids.onTime, 'fee')).toEqual([]);
  });

  it('a loan paid late: one fee after the grace days, bucket 1-29 then back to current', async () => {
    expect(await entries(ids.late, 'fee')).toEqual([
      { effective_date: '2026-12-12', account: 'fees', amount: 2500 },
      { effective_date: '2026-12-12', account: 'gl.fee_income', amount: -2500 },
    ]);
    expect(
      await q(
        'select due_date, amount_cents, business_date from late_fee_assessments where contract_id = $1',
        [ids.late],
      ),
    ).toEqual([{ due_date: '2026-12-01', amount_cents: 2500, business_date: '2026-12-12' }]);
    expect(
      await q(
        `select business_date, from_bucket, to_bucket, days_past_due from delinquency_history
          where contract_id = $1 order by id`,
        [ids.late],
      ),
    ).toEqual([
      { business_date: '2026-12-01', from_bucket: 'current', to_bucket: '1-29', days_past_due: 1 },
      { business_date: '2026-12-20', from_bucket: '1-29', to_bucket: 'current', days_past_due: 0 },
    ]);
    // The payment paid the fee first: 2,500 to fees, interest 11-01..12-20, the rest principal.
    const [paid] = await q<{ fees: number; interest: number }>(
      `select sum(p.amount_cents) filter (where p.account = 'fees')::int as fees,
              sum(p.amount_cents) filter (where p.account = 'interest')::int as interest
         from journal_entries j join postings p on p.entry_id = j.id
        where j.contract_id = $1 and j.kind = 'payment' and j.effective_date = '2026-12-20'`,
      [ids.late],
    );
    // 4,537 + 25 × 197 (11-25..12-19) + 197 (12-20) = 9,659.
    expect(paid).toEqual({ fees: -2500, interest: -9659 });
    const [c] = await q(
      'select fees_cents, past_due_cents, days_past_due, next_due_date from contracts where id = $1',
      [ids.late],
    );
    expect(c).toEqual({ fees_cents: 0, past_due_cents: 0, days_past_due: 0, next_due_date: '2027-02-01' });
  });

  it('a loan paid early: less interest, never delinquent, one reminder per due date', async () => {
    const [payment] = await entries(ids.early, 'payment');
    expect(payment).toBeDefined();
    const interest = (await entries(ids.early, 'payment')).find((p) => p.account === 'interest');
    // 11-28: 4,537 + 3 × 197 (11-25..11-27) + 197 (11-28) = 5,325.
    expect(interest?.amount).toBe(-5325);
    const reminders = await q<{ ref_date: string; business_date: string }>(
      `select ref_date, business_date from cob_notices where contract_id = $1 and kind = 'payment_due_reminder' order by 1`,
      [ids.early],
    );
    // Reminded 5 days before each due date, once: 12-01 (before paying it early), 01-01, 02-01.
    expect(reminders).toEqual([
      { ref_date: '2026-12-01', business_date: '2026-11-26' },
      { ref_date: '2027-01-01', business_date: '2026-12-27' },
      { ref_date: '2027-02-01', business_date: '2027-01-27' },
    ]);
    expect(await q('select * from delinquency_history where contract_id = $1', [ids.early])).toEqual([]);
  });

  it('a lease gets its maturity notices at 90, 60 and 30 days, once each, in the inbox too', async () => {
    expect(
      await q(
        `select kind, ref_date, business_date from cob_notices where contract_id = $1 and kind like 'lease_%' order by business_date`,
        [ids.lease],
      ),
    ).toEqual([
      { kind: 'lease_maturity_90', ref_date: '2027-03-01', business_date: '2026-12-01' },
      { kind: 'lease_maturity_60', ref_date: '2027-03-01', business_date: '2026-12-31' },
      { kind: 'lease_maturity_30', ref_date: '2027-03-01', business_date: '2027-01-30' },
    ]);
    const inbox = await q<{ title: string }>(
      `select n.title from notifications n join users u on u.id = n.user_id
        where u.email = 'maya.thompson@example.com' and n.kind like 'lease_maturity_%' order by n.id`,
    );
    expect(inbox.map((n) => n.title)).toEqual([
      'Your lease ends in 90 days',
      'Your lease ends in 60 days',
      'Your lease ends in 30 days',
    ]);
    expect(await entries(ids.lease, 'accrual')).toEqual([]);
  });
});
