import type { IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];

export interface LedgerFacts {
  opening: number;
  interestPaid: number;
}

/**
 * Read from the journal (ADR 0007), never from the read model: what each customer owed at the
 * end of the day before the period, and the interest their payments paid (net of returned
 * payments) in the `interest` range. For a period before the contract was boarded onto the
 * ledger, the opening balance it was boarded with. One statement for all the contracts (a
 * close-of-business partition's statements; joined from `unnest`, so each contract is an index
 * lookup); a contract without entries is absent.
 */
export async function ledgerFactsOf(
  db: Db,
  contractIds: readonly number[],
  period: { start: IsoDate; end: IsoDate },
  interest: { from: IsoDate; to: IsoDate },
): Promise<Map<number, LedgerFacts>> {
  const facts = new Map<number, LedgerFacts>();
  if (contractIds.length === 0) return facts;
  const ids = `{${contractIds.map((id) => Math.trunc(id)).join(',')}}`;
  const rows = rowsOf<{
    contract_id: string | number;
    opening: string | number;
    paid: string | number;
    opened: string | number;
    first: string | null;
  }>(
    await db.execute(sql`
      select e.contract_id,
             coalesce(sum(p.amount_cents) filter (where e.effective_date < ${period.start}::date), 0) as opening,
             coalesce(-sum(p.amount_cents) filter (
               where p.account = 'interest'
                 and e.effective_date between ${interest.from}::date and ${interest.to}::date
                 and (e.kind = 'payment' or (e.kind = 'reversal' and r.kind = 'payment'))), 0) as paid,
             coalesce(sum(p.amount_cents) filter (where e.kind = 'opening_balance'), 0) as opened,
             min(e.effective_date)::text as first
        from unnest(${ids}::bigint[]) as w(id)
        join journal_entries e on e.contract_id = w.id
        join postings p on p.entry_id = e.id
        left join journal_entries r on r.id = e.reverses_entry_id
       where e.kind <> 'settlement'
         and p.account in ('principal', 'interest', 'fees', 'unapplied')
       group by e.contract_id`),
  );
  for (const row of rows) {
    // A contract boarded onto the ledger after this period (its first entry is later)
    // owed, for all we know, what it was boarded with.
    const boardedLater = row.first != null && row.first > period.end;
    facts.set(Number(row.contract_id), {
      opening: Number(boardedLater ? row.opened : row.opening),
      interestPaid: Number(row.paid),
    });
  }
  return facts;
}

/** ledgerFactsOf for one contract (zeros when it has no entries). */
export async function ledgerFacts(
  db: Db,
  contractId: number,
  period: { start: IsoDate; end: IsoDate },
  interest: { from: IsoDate; to: IsoDate },
): Promise<LedgerFacts> {
  const facts = await ledgerFactsOf(db, [contractId], period, interest);
  return facts.get(contractId) ?? { opening: 0, interestPaid: 0 };
}
