import { type SQL, sql } from 'drizzle-orm';
import { bookFees } from '../../ledger/index.ts';
import type { RangeStep } from './step.ts';

/**
 * @marque/finance `lateFeeAmount` in SQL: a flat amount and/or a percent of the installment
 * (half-up to the cent), the greater or lesser of both, clamped to min and max. `r` is the
 * customer's state rule; `inst` the installment in cents.
 */
export function lateFeeAmountSql(inst: SQL): SQL {
  const pct = sql`div(2 * (${inst})::numeric * (r.percent * 1000) + 100000, 200000)::bigint`;
  const both = sql`case when r.combine = 'lesser' then least(r.flat_cents, ${pct}) else greatest(r.flat_cents, ${pct}) end`;
  const fee = sql`case when r.flat_cents is not null and r.percent is not null then ${both}
                       else coalesce(r.flat_cents, ${pct}) end`;
  // greatest/least skip nulls, so an absent min or max does nothing.
  return sql`least(greatest(${fee}, r.min_cents), r.max_cents)`;
}

/**
 * Late fees after each contract's grace days, once per installment (late_fee_assessments is
 * keyed by contract and due date): the latest installment whose grace ended by the closed date
 * (due + grace + 1 <= date, as `lateFee` says) and is still not paid in full. The rule is the
 * customer's state's, else `*`. Only contracts already past due are looked at.
 */
export const lateFeeStep: RangeStep = {
  name: 'late_fees',
  run(tx, ctx) {
    const fees = sql`
      insert into late_fee_assessments (contract_id, due_date, amount_cents, business_date)
      select x.id, x.due_date, x.amount, ${ctx.businessDate}::date
        from (
          select c.id, (c.first_payment_date + (k.n - 1) * interval '1 month')::date as due_date,
                 ${lateFeeAmountSql(sql`c.payment_cents`)} as amount
            from contracts c
            join customers cu on cu.id = c.customer_id
            cross join lateral (
              select * from late_fee_rules lr where lr.state = cu.state or lr.state = '*'
               order by (lr.state = '*') limit 1
            ) r
            cross join lateral (
              select cob_installments_before(c.first_payment_date, c.term_months, (${ctx.businessDate}::date - r.grace_days)) as n
            ) k
           where c.id between ${ctx.lo} and ${ctx.hi} and c.status = 'active' and c.days_past_due > 0
             and k.n > 0 and c.paid_toward_installments_cents < k.n * c.payment_cents
        ) x
       where x.amount > 0
      on conflict do nothing
      returning contract_id, amount_cents as amount, 'Late fee, installment due ' || due_date as description`;
    return bookFees(tx, {
      fees,
      date: ctx.businessDate,
      bookingDate: ctx.businessDate,
      source: `cob:${ctx.businessDate}`,
    });
  },
};
