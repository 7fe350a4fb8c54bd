import type { IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';

/** A contract's principal over time and what its payments paid, read from the journal. */
export interface PrincipalHistory {
  /** Principal balance at the end of each effective date on which an entry changed it, oldest first. */
  points: { date: IsoDate; balance: number }[];
  /** The opening (conversion) entry: its date and the principal it brought forward, if any. */
  opening: { date: IsoDate; principal: number } | null;
  /** Interest paid by payments on the ledger, net of returned payments. */
  interestPaid: number;
}

interface DayRow {
  effective_date: string;
  balance: string | number;
}

/**
 * Reads the principal sub-ledger: one point per effective date (running sum of principal
 * postings), the opening entry, and the interest share of payments (credits to `interest` by
 * payment entries, less the debits of their reversals).
 */
export async function principalHistory(db: Db, contractId: number): Promise<PrincipalHistory> {
  const days = await db.execute(sql`
    with daily as (
      select e.effective_date, sum(p.amount_cents) as change, max(e.id) as last_id
        from journal_entries e join postings p on p.entry_id = e.id
       where e.contract_id = ${contractId} and p.account = 'principal'
       group by e.effective_date
    )
    select effective_date, sum(change) over (order by effective_date, last_id) as balance
      from daily order by effective_date`);
  const summary = await db.execute(sql`
    select
      (select e.effective_date from journal_entries e
        where e.contract_id = ${contractId} and e.kind = 'opening_balance' order by e.id limit 1) as opened_on,
      (select coalesce(sum(p.amount_cents), 0) from journal_entries e join postings p on p.entry_id = e.id
        where e.contract_id = ${contractId} and e.kind = 'opening_balance' and p.account = 'principal') as opening_principal,
      (select coalesce(-sum(p.amount_cents), 0) from journal_entries e
         join postings p on p.entry_id = e.id
         left join journal_entries r on r.id = e.reverses_entry_id
        where e.contract_id = ${contractId} and p.account = 'interest'
          and (e.kind = 'payment' or (e.kind = 'reversal' and r.kind = 'payment'))) as interest_paid`);
  const s = (summary as unknown as { rows: Record<string, string | number | null>[] }).rows[0];
  const openedOn = s?.opened_on == null ? null : String(s.opened_on);
  return {
    points: (days as unknown as { rows: DayRow[] }).rows.map((r) => ({
      date: String(r.effective_date),
      balance: Number(r.balance),
    })),
    opening: openedOn === null ? null : { date: openedOn, principal: Number(s?.opening_principal ?? 0) },
    interestPaid: Number(s?.interest_paid ?? 0),
  };
}
