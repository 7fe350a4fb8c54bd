import type { IsoDate } from '@marque/finance';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { ACCOUNTS } from './accounts.ts';

/**
 * Books fees for many contracts in one statement (close of business late fees): `fees` is a
 * query or data-modifying statement returning `(contract_id, amount, description)`, at most one
 * row per contract. Each becomes an entry Dr fees / Cr fee income, and the contract's
 * `fees_cents` read model moves in the same statement. Returns how many fees were booked.
 */
export async function bookFees(
  tx: Db,
  input: { fees: SQL; date: IsoDate; bookingDate: IsoDate; source: string },
): Promise<number> {
  const result = await tx.execute(sql`
    with assessed as (${input.fees}),
    fee as materialized (
      select a.contract_id, a.amount, a.description, nextval(pg_get_serial_sequence('journal_entries', 'id')) as entry_id
        from assessed a where a.amount > 0
    ), e as (
      insert into journal_entries (id, contract_id, kind, effective_date, booking_date, source, description)
      overriding system value
      select f.entry_id, f.contract_id, 'fee', ${input.date}::date, ${input.bookingDate}::date, ${input.source}, f.description
        from fee f
      returning 1
    ), p as (
      insert into postings (entry_id, contract_id, account, amount_cents)
      select f.entry_id, f.contract_id, x.account, x.amount
        from fee f
        cross join lateral (values (${ACCOUNTS.fees}, f.amount), (${ACCOUNTS.feeIncome}, -f.amount)) as x(account, amount)
      returning 1
    ), u as (
      update contracts c set fees_cents = c.fees_cents + f.amount
        from fee f where c.id = f.contract_id
      returning 1
    )
    select count(*)::int as n from u`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}
