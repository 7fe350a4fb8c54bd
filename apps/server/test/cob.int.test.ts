import { accrueInterest, addDays, cents, dueStatus, lateFeeAmount } from '@marque/finance';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accrualAmountSql, verifyLedger } from '../src/modules/ledger/index.ts';
import { createNotificationInbox } from '../src/modules/notifications/index.ts';
import { runCob } from '../src/modules/servicing/index.ts';
import { lateFeeAmountSql } from '../src/modules/servicing/steps/late-fees.ts';
import { readBusinessDate } from '../src/platform/clock.ts';
import { createFieldCipher } from '../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../src/platform/crypto/keys.ts';
import type { Database } from '../src/platform/db/client.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { seedSyntheticContracts } from '../src/seed/seed-synthetic.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

/**
 * Close of business over a demo + synthetic portfolio: the SQL accrual and late fee equal the
 * finance package's to the cent, days close one after another, the ledger stays verified, and
 * rerunning a closed date changes nothing.
 */
let t: TestDatabase;
let database: Database;
const START = '2026-11-24';

beforeAll(async () => {
  t = await freshDatabase();
  database = t.database;
  await prepareDatabase(
    { database, cipher: createFieldCipher(testFieldKeys()), now: new Date(`${START}T15:00:00Z`) },
    { seedDemo: true },
  );
  await seedSyntheticContracts(database, 600, START);
}, 120_000);
afterAll(() => t.drop());

const deps = () => ({ database, inbox: createNotificationInbox(), partitionSize: 100 });

async function one<T>(text: string, params: unknown[] = []): Promise<T> {
  const [row] = await database.query<T>(text, params);
  return row as T;
}

describe('SQL money equals @marque/finance', () => {
  it('accrual: principal × APR × days / 365, half-up once, for random spans', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            balance: fc.integer({ min: 0, max: 15_000_000 }),
            apr: fc.integer({ min: 0, max: 2999999 }).map((n) => (n / 10000).toFixed(4)),
            days: fc.integer({ min: 1, max: 400 }),
          }),
          { minLength: 50, maxLength: 50 },
        ),
        async (cases) => {
          const json = JSON.stringify(cases);
          const result = await database.db.execute(
            sql`select ${accrualAmountSql(sql`(x->>'balance')::bigint`, sql`(x->>'apr')::numeric(7,4)`, sql`(x->>'days')::int`)} as amount
                  from jsonb_array_elements(${json}::jsonb) with ordinality as a(x, i) order by i`,
          );
          const got = (result as unknown as { rows: { amount: number }[] }).rows.map((r) => Number(r.amount));
          const want = cases.map(
            (c) =>
              accrueInterest({
                principal: cents(c.balance),
                apr: c.apr,
                from: START,
                to: addDays(START, c.days),
              }).interest,
          );
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('late fee: flat, percent, greater/lesser, min and max like lateFeeAmount', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          flat: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
          percent: fc.option(
            fc.integer({ min: 0, max: 20_000 }).map((n) => (n / 1000).toFixed(3)),
            { nil: undefined },
          ),
          combine: fc.constantFrom('greater' as const, 'lesser' as const),
          min: fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: undefined }),
          max: fc.option(fc.integer({ min: 2_000, max: 10_000 }), { nil: undefined }),
          installment: fc.integer({ min: 1, max: 300_000 }),
        }),
        async (r) => {
          fc.pre(r.flat !== undefined || r.percent !== undefined);
          const result = await database.db.execute(
            sql`select ${lateFeeAmountSql(sql`${r.installment}::bigint`)} as fee
                  from (select ${r.flat ?? null}::bigint as flat_cents, ${r.percent ?? null}::numeric(6,3) as percent,
                               ${r.combine}::text as combine, ${r.min ?? null}::bigint as min_cents,
                               ${r.max ?? null}::bigint as max_cents) r`,
          );
          const got = Number((result as unknown as { rows: { fee: number }[] }).rows[0]?.fee);
          const want = lateFeeAmount(
            {
              graceDays: 10,
              combine: r.combine,
              ...(r.flat === undefined ? {} : { flat: cents(r.flat) }),
              ...(r.percent === undefined ? {} : { percent: r.percent }),
              ...(r.min === undefined ? {} : { min: cents(r.min) }),
              ...(r.max === undefined ? {} : { max: cents(r.max) }),
            },
            cents(r.installment),
          );
          expect(got).toBe(want);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('marque cob over a portfolio', () => {
  it('closes three days, accrues every active loan to the cent, keeps the ledger verified', async () => {
    const loans = await database.query<{ id: number; balance_cents: number; apr: string; from: string }>(
      `select id, balance_cents, apr::text as apr, coalesce(interest_accrued_through, contract_date)::text as from
         from contracts where type = 'loan' and status = 'active' order by id`,
    );
    const results = await runCob(deps(), { through: addDays(START, 2), trigger: 'test' });
    expect(results.map((r) => [r.businessDate, r.status])).toEqual([
      [START, 'completed'],
      [addDays(START, 1), 'completed'],
      [addDays(START, 2), 'completed'],
    ]);
    expect(await readBusinessDate(database.db)).toBe(addDays(START, 3));
    // Day one's accrual of every loan is exactly finance's from its accrued-through date.
    const booked = await database.query<{ contract_id: number; amount: number }>(
      `select j.contract_id, p.amount_cents as amount from journal_entries j
         join postings p on p.entry_id = j.id and p.account = 'interest'
        where j.kind = 'accrual' and j.effective_date = $1`,
      [START],
    );
    const byContract = new Map(booked.map((b) => [b.contract_id, Number(b.amount)]));
    let compared = 0;
    for (const l of loans) {
      if (l.from >= START) continue;
      const want = accrueInterest({
        principal: cents(l.balance_cents),
        apr: l.apr,
        from: l.from,
        to: START,
      }).interest;
      expect(byContract.get(l.id) ?? 0, `contract ${l.id}`).toBe(want);
      compared++;
    }
    expect(compared).toBeGreaterThan(300);
    const v = await verifyLedger(database);
    expect(v.ok, JSON.stringify(v).slice(0, 500)).toBe(true);
    const notAccrued = await one<{ n: number }>(
      `select count(*)::int as n from contracts where type = 'loan' and status = 'active' and interest_accrued_through <> $1`,
      [addDays(START, 2)],
    );
    expect(notAccrued.n).toBe(0);
  });

  it("leaves every active contract's due status as @marque/finance computes it for the new business date", async () => {
    // The billing step reads only contracts the day can change (an installment due, or behind):
    // every other one must already be exactly what dueStatus says, three days and ~60 due dates on.
    const businessDate = addDays(START, 3);
    const rows = await database.query<{
      id: number;
      first: string;
      term: number;
      payment: number;
      paid: number;
      made: number;
      next: string | null;
      past_due: number;
      dpd: number;
    }>(
      `select id, first_payment_date::text as first, term_months as term, payment_cents as payment,
              paid_toward_installments_cents as paid, payments_made as made, next_due_date::text as next,
              past_due_cents as past_due, days_past_due as dpd
         from contracts where status = 'active' order by id`,
    );
    const crossed = rows.filter((r) => r.next !== null && r.next >= START && r.next < businessDate);
    expect(rows.length).toBeGreaterThan(500);
    for (const r of rows) {
      const want = dueStatus({
        firstPaymentDate: r.first,
        termMonths: r.term,
        payment: cents(Number(r.payment)),
        paidTowardInstallments: cents(Number(r.paid)),
        businessDate,
      });
      expect([r.made, r.next, Number(r.past_due), r.dpd], `contract ${r.id}`).toEqual([
        want.paymentsMade,
        want.nextDueDate,
        want.pastDue,
        want.daysPastDue,
      ]);
    }
    // Installments fell due during the three days (due days are spread over the month) and
    // those contracts are now behind: the days the step must not skip.
    const billed = await one<{ n: number }>(
      `select count(*)::int as n from contracts where status = 'active' and next_due_date >= $1 and next_due_date < $2 and days_past_due > 0`,
      [START, businessDate],
    );
    expect(billed.n + crossed.length).toBeGreaterThan(10);
  });

  it('rerunning a closed date writes nothing and leaves the business date', async () => {
    const before = await one<{ e: number; p: number; h: number }>(
      `select (select count(*)::int from journal_entries) as e, (select count(*)::int from postings) as p,
              (select count(*)::int from delinquency_history) as h`,
    );
    const [rerun] = await runCob(deps(), { through: addDays(START, 1), trigger: 'test' });
    expect(rerun?.status).toBe('completed');
    const after = await one<{ e: number; p: number; h: number }>(
      `select (select count(*)::int from journal_entries) as e, (select count(*)::int from postings) as p,
              (select count(*)::int from delinquency_history) as h`,
    );
    expect(after).toEqual(before);
    expect(await readBusinessDate(database.db)).toBe(addDays(START, 3));
  });

  it('ages the seeded delinquent contracts into buckets with history', async () => {
    const buckets = await database.query<{ bucket: string; n: number }>(
      'select bucket, count(*)::int as n from delinquency_status group by bucket order by bucket',
    );
    expect(buckets.length).toBeGreaterThan(1);
    const mismatch = await one<{ n: number }>(
      `select count(*)::int as n from delinquency_status s join contracts c on c.id = s.contract_id
        where s.days_past_due <> c.days_past_due`,
    );
    expect(mismatch.n).toBe(0);
    const fees = await one<{ n: number }>(`select count(*)::int as n from late_fee_assessments`);
    expect(fees.n).toBeGreaterThan(0);
  });
});
