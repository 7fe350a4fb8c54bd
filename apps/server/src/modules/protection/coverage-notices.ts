import type { IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { type NotifyDeps, notify } from '../notifications/index.ts';
import { coverageNoticeCopy } from './coverage-copy.ts';

/** Days before a product's end date that the customer is told, latest threshold first. */
export const COVERAGE_NOTICE_DAYS = [60, 30] as const;
/** Miles before a product's mileage limit that the customer is told (once). */
export const COVERAGE_NOTICE_MILES = 1_000;

interface Candidate {
  product_id: string;
  contract_id: string;
  customer_id: number;
  name: string;
  end_date: string;
  end_miles: number | null;
  account_number: string;
  threshold: string;
  days_left: number;
  miles_left: number | null;
  language: string;
}

function noticeOf(c: Candidate) {
  const facts = {
    name: c.name,
    last4: c.account_number.slice(-4),
    endDate: c.end_date,
    endMiles: c.end_miles,
    daysLeft: c.days_left,
    milesLeft: c.miles_left,
  };
  return coverageNoticeCopy(facts, c.threshold, c.language);
}

/**
 * Service-plan and warranty expiry notices for one partition of the close of business: every
 * live product (not cancelled, contract active) whose coverage ends within 60 or 30 days gets
 * that threshold's notice (a product first seen at 45 days gets the 60-day one only), and a
 * product with a mileage limit gets one notice when the latest odometer reading (customer,
 * dealer service or work order) comes within 1,000 miles of it. The candidates are one
 * set-based query; each goes through `notify` (the customer's channel choices for
 * `service_and_warranty`) with a dedupe key per product, kind and threshold, so a rerun or a
 * catch-up never tells anyone twice. E-mails are queued by `notify` in the mail outbox.
 */
export async function sendCoverageNotices(
  db: Db,
  deps: NotifyDeps,
  input: { businessDate: IsoDate; fromContractId: number; toContractId: number },
): Promise<{ generated: number }> {
  const d = sql`${input.businessDate}::date`;
  const result = await db.execute(sql`
    with live as (
      select p.id, p.public_id, p.contract_id, p.customer_id, p.name, p.end_date, p.end_miles,
             c.account_number, cu.preferred_language as language
        from protection_products p
        join contracts c on c.id = p.contract_id
        join customers cu on cu.id = p.customer_id
       where p.contract_id between ${input.fromContractId} and ${input.toContractId}
         and c.status = 'active' and p.cancelled_on is null and p.end_date > ${d}
    ), by_date as (
      select l.*, t.days::text as threshold, (l.end_date - ${d}) as days_left, null::int as miles_left
        from live l
        cross join (values (60, 30), (30, 0)) as t(days, floor_days)
       where l.end_date - ${d} <= t.days and l.end_date - ${d} > t.floor_days
    ), by_miles as (
      select l.*, 'miles' as threshold, (l.end_date - ${d}) as days_left, l.end_miles - r.odometer as miles_left
        from live l
        cross join lateral (
          select odometer from (
            select reading_date as on_date, odometer from odometer_readings where contract_id = l.contract_id
            union all
            select opened_on, odometer from work_orders where contract_id = l.contract_id and status <> 'cancelled'
          ) o where o.on_date <= ${d} order by on_date desc, odometer desc limit 1
        ) r
       where l.end_miles is not null
         and l.end_miles - r.odometer between 1 and ${COVERAGE_NOTICE_MILES}
    )
    select public_id as product_id, contract_id, customer_id, name, end_date::text, end_miles,
           account_number, threshold, days_left, miles_left, language
      from (select * from by_date union all select * from by_miles) x
     order by contract_id, id, threshold`);
  const candidates = (result as unknown as { rows: Candidate[] }).rows;
  let generated = 0;
  for (const c of candidates) {
    const outcome = await notify(db, deps, {
      customerId: Number(c.customer_id),
      event: 'service_and_warranty',
      kind: 'coverage_ending',
      ...noticeOf(c),
      dedupeKey: `coverage_ending:${c.product_id}:${c.threshold}`,
    });
    if (outcome.duplicate) continue;
    generated++;
  }
  return { generated };
}

/** The hook as the close of business calls it (servicing's `serviceNotices`). */
export function closeOfBusinessCoverageNotices(deps: NotifyDeps) {
  return (db: Db, input: { businessDate: IsoDate; fromContractId: number; toContractId: number }) =>
    sendCoverageNotices(db, deps, input);
}
