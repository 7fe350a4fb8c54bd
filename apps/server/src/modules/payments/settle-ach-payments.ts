import { addBusinessDays, federalReserveCalendar, type IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { ACCOUNTS } from '../ledger/index.ts';
import { SETTLEMENT_BUSINESS_DAYS } from './ach-policy.ts';

/**
 * ACH debits sent long enough ago without a return have arrived: move their money from cash
 * in transit to cash and mark them settled. A later return (an unauthorised-debit claim)
 * still reverses them. Set-based: the whole day's settlements in one statement, atomic.
 */
export async function settleAchPayments(
  db: Db,
  input: { businessDate: IsoDate; now: Date },
): Promise<number> {
  const year = Number(input.businessDate.slice(0, 4));
  const calendar = federalReserveCalendar(year - 1, year);
  // Sent on or before the day that is SETTLEMENT_BUSINESS_DAYS business days before today.
  let cutoff = input.businessDate;
  for (
    let back = 1;
    addBusinessDays(cutoff, SETTLEMENT_BUSINESS_DAYS, calendar) > input.businessDate;
    back++
  ) {
    cutoff = new Date(Date.parse(`${input.businessDate}T00:00:00Z`) - back * 86_400_000)
      .toISOString()
      .slice(0, 10);
  }
  // One statement: the payments move to settled and each gets its settlement entry (Dr cash,
  // Cr cash in transit, as `settlePayment` posts it; neither line moves the contract's read
  // model). The status filter makes a rerun find nothing.
  const result = await db.execute(sql`
    with s as (
      update payments set status = 'settled', settled_at = ${input.now.toISOString()}::timestamptz
       where status = 'submitted' and effective_date <= ${cutoff}::date
      returning id, contract_id, amount_cents, 'payment:' || public_id as source
    ), e as (
      insert into journal_entries (contract_id, kind, effective_date, booking_date, description, source)
      select contract_id, 'settlement', ${input.businessDate}::date, ${input.businessDate}::date,
             'ACH debit settled', source
        from s order by id
      returning id, source
    ), p as (
      insert into postings (entry_id, contract_id, account, amount_cents)
      select e.id, s.contract_id, x.account, x.amount
        from e join s on s.source = e.source
        cross join lateral (values (${ACCOUNTS.cash}, s.amount_cents),
                                   (${ACCOUNTS.cashInTransit}, -s.amount_cents)) as x(account, amount)
      returning 1
    )
    select count(*)::int as n from s`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}
