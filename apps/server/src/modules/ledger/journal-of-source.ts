import type { JournalEntry } from '@marque/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { rowsOf } from './list-transactions.ts';

const usd = (amount: number) => ({ amount: Number(amount), currency: 'USD' as const });

/**
 * Every journal entry a thing caused (a payment's accrual, application, settlement, return),
 * with its lines as debits and credits, oldest first: what an agent reads to explain a payment.
 */
export async function journalOfSource(db: Db, contractId: number, source: string): Promise<JournalEntry[]> {
  const rows = rowsOf<{
    entry_id: number;
    public_id: string;
    kind: string;
    description: string;
    effective_date: string;
    booking_date: string;
    account: string;
    amount: number;
  }>(
    await db.execute(sql`
      select e.id as entry_id, e.public_id, e.kind, e.description, e.effective_date, e.booking_date, p.account, p.amount_cents as amount
        from journal_entries e join postings p on p.entry_id = e.id
       where e.contract_id = ${contractId}
         and (e.source = ${source} or e.reverses_entry_id in (select id from journal_entries where contract_id = ${contractId} and source = ${source}))
       order by e.id, p.id`),
  );
  const entries = new Map<number, JournalEntry>();
  for (const row of rows) {
    let entry = entries.get(row.entry_id);
    if (!entry) {
      entry = {
        id: row.public_id,
        kind: row.kind,
        description: row.description,
        effectiveDate: row.effective_date,
        bookingDate: row.booking_date,
        lines: [],
      };
      entries.set(row.entry_id, entry);
    }
    const amount = Number(row.amount);
    entry.lines.push({
      account: row.account,
      debit: amount > 0 ? usd(amount) : null,
      credit: amount < 0 ? usd(-amount) : null,
    });
  }
  return [...entries.values()];
}
