import type { IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];

/**
 * Read from the journal (ADR 0007), never from the read model: what the customer owed at the
 * end of the day before `periodStart`, and the interest their payments paid (net of returned
 * payments) from `interestFrom` to `interestTo`.
 */
export async function ledgerFacts(
  db: Db,
  contractId: number,
  periodStart: IsoDate,
  interestFrom: IsoDate,
  interestTo: IsoDate,
): Promise<{ opening: number; interestPaid: number }> {
  const [row] = rowsOf<{ opening: string | number; paid: string | number }>(
    await db.execute(sql`
      select coalesce(sum(p.amount_cents) filter (where e.effective_date < ${periodStart}::date), 0) as opening,
             coalesce(-sum(p.amount_cents) filter (
               where p.account = 'interest'
                 and e.effective_date between ${interestFrom}::date and ${interestTo}::date
                 and (e.kind = 'payment' or (e.kind = 'reversal' and r.kind = 'payment'))), 0) as paid
        from journal_entries e
        join postings p on p.entry_id = e.id
        left join journal_entries r on r.id = e.reverses_entry_id
       where e.contract_id = ${contractId} and e.kind <> 'settlement'
         and p.account in ('principal', 'interest', 'fees', 'unapplied')`),
  );
  return { opening: Number(row?.opening ?? 0), interestPaid: Number(row?.paid ?? 0) };
}
