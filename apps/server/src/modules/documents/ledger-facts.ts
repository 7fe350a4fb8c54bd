import type { IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];

/**
 * Read from the journal (ADR 0007), never from the read model: what the customer owed at the
 * end of the day before the period, and the interest their payments paid (net of returned
 * payments) in the `interest` range. For a period before the contract was boarded
 * onto the ledger, the opening balance it was boarded with.
 */
export async function ledgerFacts(
  db: Db,
  contractId: number,
  period: { start: IsoDate; end: IsoDate },
  interest: { from: IsoDate; to: IsoDate },
): Promise<{ opening: number; interestPaid: number }> {
  const [row] = rowsOf<{
    opening: string | number;
    paid: string | number;
    opened: string | number;
    first: string | null;
  }>(
    await db.execute(sql`
      select coalesce(sum(p.amount_cents) filter (where e.effective_date < ${period.start}::date), 0) as opening,
             coalesce(-sum(p.amount_cents) filter (
               where p.account = 'interest'
                 and e.effective_date between ${interest.from}::date and ${interest.to}::date
                 and (e.kind = 'payment' or (e.kind = 'reversal' and r.kind = 'payment'))), 0) as paid,
             coalesce(sum(p.amount_cents) filter (where e.kind = 'opening_balance'), 0) as opened,
             min(e.effective_date)::text as first
        from journal_entries e
        join postings p on p.entry_id = e.id
        left join journal_entries r on r.id = e.reverses_entry_id
       where e.contract_id = ${contractId} and e.kind <> 'settlement'
         and p.account in ('principal', 'interest', 'fees', 'unapplied')`),
  );
  // A contract boarded onto the ledger after this period (its first entry is later)
  // owed, for all we know, what it was boarded with.
  const boardedLater = row?.first != null && row.first > period.end;
  return {
    opening: boardedLater ? Number(row.opened) : Number(row?.opening ?? 0),
    interestPaid: Number(row?.paid ?? 0),
  };
}
