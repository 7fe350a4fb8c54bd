import type { IsoDate } from '@marque/finance';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { ACCOUNTS } from './accounts.ts';

/**
 * The SQL twin of @marque/finance `accrueInterest` (actual/365, half-up once for the span):
 * principal × APR% × days / 365, computed in exact integer arithmetic. `apr` is numeric(7,4),
 * so apr × 10 000 is whole; `div(2n + d, 2d)` is round-half-up for n ≥ 0.
 */
export function accrualAmountSql(balance: SQL, apr: SQL, days: SQL): SQL {
  return sql`div(2 * (${balance})::numeric * ((${apr}) * 10000)::numeric * (${days})::numeric + 365000000, 730000000)::bigint`;
}

/**
 * Accrues every active loan with id in [lo, hi] through `date` in three writes (ADR 0010):
 * (entry ids are drawn up front with nextval, so lines need no join back to their entries)
 * one UPDATE of the read model (interest, accrued-through), one INSERT of the entries and one
 * of their lines (Dr interest, Cr interest income), all one statement, so it commits whole.
 * Idempotent per (contract, date): a loan already accrued through `date` is not selected.
 * Rows are locked by the UPDATE, so a payment on the same contract waits for the commit.
 */
export async function accrueRange(
  tx: Db,
  input: { lo: number; hi: number; date: IsoDate; bookingDate: IsoDate; source: string },
): Promise<number> {
  const from = sql`coalesce(c.interest_accrued_through, c.contract_date)`;
  const amount = accrualAmountSql(sql`c.balance_cents`, sql`c.apr`, sql`(${input.date}::date - ${from})`);
  const result = await tx.execute(sql`
    with due as materialized (
      select c.id, ${from} as from_date, ${amount} as amount,
             nextval(pg_get_serial_sequence('journal_entries', 'id')) as entry_id
        from contracts c
       where c.id between ${input.lo} and ${input.hi}
         and c.type = 'loan' and c.status = 'active' and c.apr is not null
         and ${from} < ${input.date}::date
       for update
    ), u as (
      update contracts c
         set interest_cents = c.interest_cents + d.amount, interest_accrued_through = ${input.date}::date
        from due d where c.id = d.id
      returning 1
    ), e as (
      insert into journal_entries (id, contract_id, kind, effective_date, booking_date, accrual_from, source, description)
      overriding system value
      select d.entry_id, d.id, 'accrual', ${input.date}::date, ${input.bookingDate}::date, d.from_date, ${input.source},
             'Interest ' || d.from_date || ' to ' || ${input.date}
        from due d where d.amount > 0
      returning 1
    ), p as (
      insert into postings (entry_id, contract_id, account, amount_cents)
      select d.entry_id, d.id, x.account, x.amount
        from due d
        cross join lateral (values (${ACCOUNTS.interest}, d.amount), (${ACCOUNTS.interestIncome}, -d.amount)) as x(account, amount)
       where d.amount > 0
      returning 1
    )
    select count(*)::int as n from due`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}
