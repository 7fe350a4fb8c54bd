import { sql } from 'drizzle-orm';
import { type RangeStep, rowCount } from './step.ts';

/** Days past due to bucket: current, 1-29, 30-59, 60-89, 90-119, 120+. */
export const BUCKET_SQL = sql`case when c.days_past_due <= 0 then 'current' when c.days_past_due < 30 then '1-29'
  when c.days_past_due < 60 then '30-59' when c.days_past_due < 90 then '60-89'
  when c.days_past_due < 120 then '90-119' else '120+' end`;

/**
 * Delinquency aging: `delinquency_status` holds the delinquent contracts (days past due, past
 * due amount, bucket since), `delinquency_history` one row per bucket change. Runs after
 * billing, so days past due are as of the next business date. Rerunning changes nothing.
 */
export const ageStep: RangeStep = {
  name: 'age_delinquency',
  async run(tx, ctx) {
    const result = await tx.execute(sql`
      with cur as materialized (
        select c.id, c.days_past_due, c.past_due_cents, ${BUCKET_SQL} as bucket, s.bucket as from_bucket
          from contracts c left join delinquency_status s on s.contract_id = c.id
         where c.id between ${ctx.lo} and ${ctx.hi} and c.status = 'active'
      ), chg as (
        select * from cur where coalesce(from_bucket, 'current') <> bucket
      ), h as (
        insert into delinquency_history (contract_id, business_date, from_bucket, to_bucket, days_past_due)
        select id, ${ctx.businessDate}::date, coalesce(from_bucket, 'current'), bucket, days_past_due from chg
        on conflict do nothing
        returning 1
      ), up as (
        insert into delinquency_status (contract_id, bucket, days_past_due, past_due_cents, since)
        select id, bucket, days_past_due, past_due_cents, ${ctx.businessDate}::date from cur where bucket <> 'current'
        on conflict (contract_id) do update
          set since = case when delinquency_status.bucket = excluded.bucket then delinquency_status.since else excluded.since end,
              bucket = excluded.bucket, days_past_due = excluded.days_past_due, past_due_cents = excluded.past_due_cents
        returning 1
      ), gone as (
        delete from delinquency_status s
         where s.contract_id in (select id from chg where bucket = 'current')
        returning 1
      )
      select (select count(*) from h)::int as n`);
    return rowCount(result);
  },
};
