import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { contracts } from '../contracts/index.ts';
import { type AccountCode, isSubLedger, READ_MODEL } from './accounts.ts';
import { type EntryKind, journalEntries, postings } from './tables.ts';

export interface NewPosting {
  account: AccountCode;
  /** Debit positive, credit negative; zero lines are dropped. */
  amount: number;
}

export interface NewEntry {
  contractId: number;
  kind: EntryKind;
  effectiveDate: string;
  bookingDate: string;
  description: string;
  source?: string;
  accrualFrom?: string;
  reversesEntryId?: number;
  postings: readonly NewPosting[];
}

export class UnbalancedEntryError extends Error {
  constructor(detail: string) {
    super(`Journal entry rejected: ${detail}`);
    this.name = 'UnbalancedEntryError';
  }
}

/**
 * Writes one balanced entry and moves the contract's read-model balances by the same amounts,
 * in the caller's transaction. Returns the entry id, or null when every line was zero.
 */
export async function postEntry(tx: Db, entry: NewEntry): Promise<number | null> {
  const lines = entry.postings.filter((p) => p.amount !== 0);
  if (lines.length === 0) return null;
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amount))
      throw new UnbalancedEntryError(`${line.account} is not whole cents`);
  }
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  if (total !== 0 || lines.length < 2) {
    throw new UnbalancedEntryError(`lines sum to ${total} over ${lines.length} postings`);
  }
  const [row] = await tx
    .insert(journalEntries)
    .values({
      contractId: entry.contractId,
      kind: entry.kind,
      effectiveDate: entry.effectiveDate,
      bookingDate: entry.bookingDate,
      description: entry.description,
      source: entry.source ?? null,
      accrualFrom: entry.accrualFrom ?? null,
      reversesEntryId: entry.reversesEntryId ?? null,
    })
    .returning({ id: journalEntries.id });
  if (!row) throw new Error('journal entry insert returned nothing');
  await tx.insert(postings).values(
    lines.map((l) => ({
      entryId: row.id,
      contractId: entry.contractId,
      account: l.account,
      amountCents: l.amount,
    })),
  );
  await moveReadModel(tx, entry.contractId, lines);
  return row.id;
}

async function moveReadModel(tx: Db, contractId: number, lines: readonly NewPosting[]): Promise<void> {
  const delta = { balance_cents: 0, interest_cents: 0, fees_cents: 0, unapplied_cents: 0 };
  for (const line of lines) {
    if (!isSubLedger(line.account)) continue;
    const { column, sign } = READ_MODEL[line.account];
    delta[column] += sign * line.amount;
  }
  if (Object.values(delta).every((d) => d === 0)) return;
  await tx
    .update(contracts)
    .set({
      balanceCents: sql`${contracts.balanceCents} + ${delta.balance_cents}`,
      interestCents: sql`${contracts.interestCents} + ${delta.interest_cents}`,
      feesCents: sql`${contracts.feesCents} + ${delta.fees_cents}`,
      unappliedCents: sql`${contracts.unappliedCents} + ${delta.unapplied_cents}`,
    })
    .where(sql`${contracts.id} = ${contractId}`);
}
