import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { AccountCode } from './accounts.ts';
import { postEntry } from './post-entry.ts';
import { journalEntries, postings } from './tables.ts';

/**
 * Corrects an entry the only way a ledger may: a new entry with every line negated, effective
 * on the original's date and booked today. Reversing twice is refused by a unique index.
 */
export async function reverseEntry(
  tx: Db,
  entryId: number,
  booking: { bookingDate: string; description: string; source?: string },
): Promise<number> {
  const [original] = await tx.select().from(journalEntries).where(eq(journalEntries.id, entryId));
  if (!original || original.contractId === null) throw new Error(`journal entry ${entryId} not found`);
  const lines = await tx
    .select({ account: postings.account, amount: postings.amountCents })
    .from(postings)
    .where(eq(postings.entryId, entryId));
  const id = await postEntry(tx, {
    contractId: original.contractId,
    kind: 'reversal',
    effectiveDate: original.effectiveDate,
    bookingDate: booking.bookingDate,
    description: booking.description,
    ...(booking.source === undefined ? {} : { source: booking.source }),
    reversesEntryId: entryId,
    postings: lines.map((l) => ({ account: l.account as AccountCode, amount: -l.amount })),
  });
  if (id === null) throw new Error(`journal entry ${entryId} has no lines`);
  return id;
}
