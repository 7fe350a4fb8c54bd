import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { contracts } from '../contracts/index.ts';
import { type AccountCode, isSubLedger, READ_MODEL } from './accounts.ts';
import type { EntryKind } from './tables.ts';

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
  /** Payments: applied to principal only (see tables.ts). */
  principalOnly?: boolean;
  /** A re-applied payment: the entry it replaces (see replay-payments.ts). */
  replacesEntryId?: number;
  postings: readonly NewPosting[];
}

/** How an entry moves the contract's read-model balance columns. */
export interface ReadModelDelta {
  balance: number;
  interest: number;
  fees: number;
  unapplied: number;
}

export const NO_DELTA: ReadModelDelta = { balance: 0, interest: 0, fees: 0, unapplied: 0 };

export class UnbalancedEntryError extends Error {
  constructor(detail: string) {
    super(`Journal entry rejected: ${detail}`);
    this.name = 'UnbalancedEntryError';
  }
}

const COLUMN_TO_DELTA = {
  balance_cents: 'balance',
  interest_cents: 'interest',
  fees_cents: 'fees',
  unapplied_cents: 'unapplied',
} as const;

export function addDeltas(a: ReadModelDelta, b: ReadModelDelta): ReadModelDelta {
  return {
    balance: a.balance + b.balance,
    interest: a.interest + b.interest,
    fees: a.fees + b.fees,
    unapplied: a.unapplied + b.unapplied,
  };
}

/**
 * Writes one balanced entry and its lines in a single statement, without touching the
 * contract: the caller applies the returned delta (several entries can share one UPDATE).
 * Returns null when every line was zero.
 */
export async function insertEntry(
  tx: Db,
  entry: NewEntry,
): Promise<{ id: number; delta: ReadModelDelta } | null> {
  const lines = entryLines(entry);
  if (lines === null) return null;
  const result = await tx.execute(sql`
    with entry as (${entryInsertSql(entry)})
    insert into postings (entry_id, contract_id, account, amount_cents)
    select entry.id, ${entry.contractId}, v.account, v.amount from entry, (values ${linesSql(lines)}) as v(account, amount)
    returning entry_id`);
  const id = Number((result as unknown as { rows: { entry_id: number }[] }).rows[0]?.entry_id);
  if (!Number.isSafeInteger(id)) throw new Error('journal entry insert returned nothing');
  return { id, delta: deltaOf(lines) };
}

/**
 * The lines an entry writes (zero lines dropped), checked: whole cents, summing to zero, at
 * least two. Null when every line was zero.
 */
export function entryLines(entry: NewEntry): NewPosting[] | null {
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
  return lines;
}

/**
 * `insert into journal_entries ... returning id` for one entry; with `onlyIfRowIn` (the name of
 * an earlier CTE) it is written only when that CTE has a row, so one statement can write it
 * conditionally.
 */
export function entryInsertSql(entry: NewEntry, onlyIfRowIn?: string): SQL {
  const columns = sql`${entry.contractId}::bigint, ${entry.kind}, ${entry.effectiveDate}::date, ${entry.bookingDate}::date, ${entry.description},
    ${entry.source ?? null}, ${entry.accrualFrom ?? null}::date, ${entry.reversesEntryId ?? null}::bigint,
    ${entry.principalOnly ?? false}::boolean, ${entry.replacesEntryId ?? null}::bigint`;
  return sql`insert into journal_entries (contract_id, kind, effective_date, booking_date, description, source, accrual_from, reverses_entry_id, principal_only, replaces_entry_id)
    ${onlyIfRowIn ? sql`select ${columns} from ${sql.raw(onlyIfRowIn)}` : sql`values (${columns})`}
    returning id`;
}

export function linesSql(lines: readonly NewPosting[]): SQL {
  return sql.join(
    lines.map((l) => sql`(${l.account}, ${l.amount}::bigint)`),
    sql`, `,
  );
}

/** How checked lines move the contract's read-model columns. */
export function deltaOf(lines: readonly NewPosting[]): ReadModelDelta {
  const delta = { ...NO_DELTA };
  for (const line of lines) {
    if (!isSubLedger(line.account)) continue;
    const { column, sign } = READ_MODEL[line.account];
    delta[COLUMN_TO_DELTA[column]] += sign * line.amount;
  }
  return delta;
}

/** Moves the contract's read-model balances (and any other ledger-owned columns) in one UPDATE. */
export async function applyReadModel(
  tx: Db,
  contractId: number,
  delta: ReadModelDelta,
  also: Partial<typeof contracts.$inferInsert> = {},
): Promise<void> {
  const moves = Object.values(delta).some((d) => d !== 0);
  if (!moves && Object.keys(also).length === 0) return;
  await tx
    .update(contracts)
    .set({
      ...(moves
        ? {
            balanceCents: sql`${contracts.balanceCents} + ${delta.balance}`,
            interestCents: sql`${contracts.interestCents} + ${delta.interest}`,
            feesCents: sql`${contracts.feesCents} + ${delta.fees}`,
            unappliedCents: sql`${contracts.unappliedCents} + ${delta.unapplied}`,
          }
        : {}),
      ...also,
    })
    .where(sql`${contracts.id} = ${contractId}`);
}

/** One entry, and the contract's balances moved by it, in the caller's transaction. */
export async function postEntry(tx: Db, entry: NewEntry): Promise<number | null> {
  const written = await insertEntry(tx, entry);
  if (!written) return null;
  await applyReadModel(tx, entry.contractId, written.delta);
  return written.id;
}
