import type { Transaction, TransactionList, TransactionType } from '@marque/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { ValidationError } from '../../platform/errors.ts';

export interface TransactionFilter {
  type?: TransactionType | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

interface Row {
  public_id: string;
  kind: string;
  description: string;
  effective_date: string;
  booking_date: string;
  reverses_kind: string | null;
  change: number;
  balance: number;
  fees: number;
  interest: number;
  principal: number;
  unapplied: number;
  payment_id: string | null;
  payment_status: Transaction['payment'] extends infer P
    ? P extends { status: infer S }
      ? S
      : never
    : never;
  confirmation_number: string | null;
  seq: number;
}

const usd = (amount: number) => ({ amount: Number(amount), currency: 'USD' as const });

function typeOf(kind: string, reversesKind: string | null): TransactionType {
  if (kind === 'accrual') return 'interest';
  if (kind === 'reversal') return reversesKind === 'payment' ? 'return' : 'adjustment';
  return kind as TransactionType;
}

const TYPE_FILTER: Record<TransactionType, string> = {
  opening_balance: "kind = 'opening_balance'",
  payment: "kind = 'payment'",
  interest: "kind = 'accrual'",
  fee: "kind = 'fee'",
  return: "kind = 'reversal' and reverses_kind = 'payment'",
  adjustment: "(kind = 'adjustment' or (kind = 'reversal' and reverses_kind is distinct from 'payment'))",
  settlement: "kind = 'settlement'",
};

/**
 * What a backdated payment's replay took out and put back (replay-payments.ts), collapsed: an
 * accrual that was reversed and its reversal, and a payment that was re-applied and the
 * reversal that took it out. Each pair nets to zero on every account, so leaving both out
 * keeps the running balance right; the customer sees the re-applied payment with its new split
 * (and the re-accrued interest) instead of confusing duplicates. A returned payment is not
 * collapsed: its reversal is shown as a return.
 */
const REPLAYED = sql.raw(`(
  (e.kind = 'accrual' and exists (select 1 from journal_entries x where x.reverses_entry_id = e.id))
  or (e.kind = 'reversal' and r.kind = 'accrual')
  or (e.kind = 'payment' and exists (select 1 from journal_entries x where x.replaces_entry_id = e.id))
  or (e.kind = 'reversal' and exists (select 1 from journal_entries x where x.replaces_entry_id = e.reverses_entry_id)))`);

/** The payment a line of `running` books or returns (each index looked up on its own). */
const PAYMENT_OF_LINE = sql.raw(`left join lateral (
        select x.public_id, x.status, x.confirmation_number from payments x where x.entry_id = r.seq
        union all
        select x.public_id, x.status, x.confirmation_number from payments x where x.reversal_entry_id = r.seq
        limit 1
      ) pay on true`);

/**
 * The `lines` and `running` CTEs over the journal entries `entries` names (as `e`, filtered by
 * `which`; a batch joins them from `unnest`, so each contract is an index lookup): one row per journal entry
 * that changed what the customer owes, with its split and the contract's running balance.
 */
function historyOf(entries: SQL, which: SQL) {
  return sql`lines as (
      select e.id as seq, e.contract_id, e.public_id, e.kind, e.description, e.effective_date, e.booking_date,
             r.kind as reverses_kind,
             coalesce(sum(p.amount_cents) filter (where p.account in ('principal', 'interest', 'fees', 'unapplied')), 0) as change,
             -coalesce(sum(p.amount_cents) filter (where p.account = 'fees'), 0) as fees,
             -coalesce(sum(p.amount_cents) filter (where p.account = 'interest'), 0) as interest,
             -coalesce(sum(p.amount_cents) filter (where p.account = 'principal'), 0) as principal,
             -coalesce(sum(p.amount_cents) filter (where p.account = 'unapplied'), 0) as unapplied
        from ${entries}
        join postings p on p.entry_id = e.id
        left join journal_entries r on r.id = e.reverses_entry_id
       where ${which} and e.kind <> 'settlement' and not ${REPLAYED}
       group by e.id, r.kind
    ),
    running as (
      select l.*, sum(change) over (partition by contract_id order by seq) as balance from lines l
    )`;
}

/**
 * The transactions of many contracts with an effective date in [from, to], oldest first, by
 * contract: what listTransactions shows for each, read in one statement (the statements of a
 * close-of-business partition).
 */
export async function listPeriodTransactions(
  db: Db,
  contractIds: readonly number[],
  period: { from: string; to: string },
): Promise<Map<number, Transaction[]>> {
  const byContract = new Map<number, Transaction[]>();
  if (contractIds.length === 0) return byContract;
  const ids = `{${contractIds.map((id) => Math.trunc(id)).join(',')}}`;
  const result = await db.execute(sql`
    with ${historyOf(sql`unnest(${ids}::bigint[]) as w(id) join journal_entries e on e.contract_id = w.id`, sql`true`)}
    select r.*, pay.public_id as payment_id, pay.status as payment_status, pay.confirmation_number
      from running r
      ${PAYMENT_OF_LINE}
     where r.effective_date between ${period.from}::date and ${period.to}::date
     order by r.contract_id, r.seq`);
  for (const row of rowsOf<Row & { contract_id: number | string }>(result)) {
    const id = Number(row.contract_id);
    const list = byContract.get(id) ?? [];
    list.push(toTransaction(row));
    byContract.set(id, list);
  }
  return byContract;
}

/**
 * A contract's history as the customer sees it: every entry that changed what they owe, newest
 * first, with the running balance after it and the split of each payment. Settlements (money
 * moving between the lender's own bank accounts) change nothing they owe and are left out.
 */
export async function listTransactions(
  db: Db,
  contractId: number,
  filter: TransactionFilter,
): Promise<TransactionList> {
  const where = [sql`true`];
  if (filter.type) where.push(sql.raw(TYPE_FILTER[filter.type]));
  if (filter.from) where.push(sql`r.effective_date >= ${filter.from}::date`);
  if (filter.to) where.push(sql`r.effective_date <= ${filter.to}::date`);
  if (filter.cursor) {
    const [at] = await rowsOf<{ seq: number }>(
      await db.execute(
        sql`select id as seq from journal_entries where contract_id = ${contractId} and public_id = ${filter.cursor}`,
      ),
    );
    if (!at)
      throw ValidationError.field(
        'cursor',
        'invalid_cursor',
        'Not a cursor from a previous page of this list.',
      );
    where.push(sql`seq < ${at.seq}`);
  }
  const result = await db.execute(sql`
    with ${historyOf(sql`journal_entries e`, sql`e.contract_id = ${contractId}`)}
    select r.*, pay.public_id as payment_id, pay.status as payment_status, pay.confirmation_number
      from running r
      ${PAYMENT_OF_LINE}
     where ${sql.join(where, sql` and `)}
     order by seq desc
     limit ${filter.limit + 1}`);
  const rows = rowsOf<Row>(result);
  const page = rows.slice(0, filter.limit);
  return {
    data: page.map(toTransaction),
    nextCursor: rows.length > filter.limit ? (page.at(-1)?.public_id ?? null) : null,
  };
}

function toTransaction(row: Row): Transaction {
  const isPayment = row.kind === 'payment' || (row.kind === 'reversal' && row.reverses_kind === 'payment');
  return {
    id: row.public_id,
    type: typeOf(row.kind, row.reverses_kind),
    description: row.description,
    effectiveDate: row.effective_date,
    postedDate: row.booking_date,
    amount: usd(row.change),
    balance: usd(row.balance),
    split: isPayment
      ? {
          fees: usd(row.fees),
          interest: usd(row.interest),
          principal: usd(row.principal),
          unapplied: usd(row.unapplied),
        }
      : null,
    payment:
      row.payment_id && row.confirmation_number
        ? { id: row.payment_id, status: row.payment_status, confirmationNumber: row.confirmation_number }
        : null,
  };
}

/** node-postgres and PGlite both answer `execute` with `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
