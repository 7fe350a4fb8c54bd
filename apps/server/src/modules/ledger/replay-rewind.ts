import { compareDates, type IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { ACCOUNTS, type AccountCode } from './accounts.ts';
import type { LedgerContract } from './contract-state.ts';
import { moveInMemory, type ReceivedInto } from './payment-entry.ts';
import { addDeltas, insertEntry, NO_DELTA, type ReadModelDelta } from './post-entry.ts';

/** Thrown (by applyPayment) when a backdated payment cannot be replayed; nothing is written. */
export class BackdatedPaymentError extends Error {
  constructor(detail = 'replay is required') {
    super(`The payment is dated before interest was last accrued; ${detail}.`);
    this.name = 'BackdatedPaymentError';
  }
}

/** A payment taken out by the rewind, to be re-applied on its own date. */
export interface LaterPayment {
  kind: 'payment';
  entryId: number;
  effectiveDate: IsoDate;
  amount: number;
  receivedInto: ReceivedInto;
  principalOnly: boolean;
  source: string;
  description: string;
}

/** A fee assessed after the backdated date: kept as it was, but not owed before its date. */
export interface LaterFee {
  kind: 'fee';
  effectiveDate: IsoDate;
  amount: number;
}

/**
 * Where a reversed accrual ended (a close of business, a payment's own accrual): the replay
 * accrues to the same dates again, so interest is rounded over the same spans as the journal
 * would show had the backdated payment arrived on time.
 */
export interface AccrualCheckpoint {
  kind: 'accrual';
  effectiveDate: IsoDate;
}

export interface Rewound {
  /** The accrued-through date before the replay: interest is re-accrued up to it. */
  accruedThrough: IsoDate;
  /** Where the rewind went back to, on or before the payment's date. */
  rewindTo: IsoDate;
  delta: ReadModelDelta;
  /**
   * Accrual dates, payments and fees after the rewind point (some may be on or before the
   * backdated payment's date), in effective-date order, then posting order.
   */
  later: (AccrualCheckpoint | LaterPayment | LaterFee)[];
  /** What the reversed payments had credited toward installments. */
  towardRemoved: number;
}

interface Line {
  account: string;
  amount: number;
}

interface Row {
  id: number;
  kind: string;
  effective_date: string;
  accrual_from: string | null;
  source: string | null;
  description: string;
  principal_only: boolean;
  lines: Line[] | string;
}

/**
 * The first half of a backdated payment's replay (the way Fineract re-processes a loan): take
 * out, by reversing entries effective on their own dates and booked today, every accrual and
 * every payment after the rewind point (the start of the accrual span that holds the
 * payment's date, see rewindPoint), so the in-memory `contract` stands as it was on that date.
 * Fees after it stay in the journal (they are not allocations) but are taken out of the
 * in-memory fees until the replay reaches their date; settlements only move the lender's cash
 * and are left alone; a returned payment and its reversal net to zero and stay as they are
 * (its restored-principal accrual is reversed with the others, and the principal it restored
 * earns interest in the re-accrual).
 *
 * Refused (BackdatedPaymentError, nothing written) where the replay would not be exact: an
 * entry after the rewind point that is neither an accrual, a payment, a fee nor a settlement
 * (an adjustment), or an opening balance when the rewind point is before the date its
 * balances stood on (interest before that was never journaled).
 */
export async function rewindAfter(
  tx: Db,
  contract: LedgerContract,
  effectiveDate: IsoDate,
  bookingDate: IsoDate,
  source: string,
): Promise<Rewound> {
  const accruedThrough = contract.interestAccruedThrough;
  if (!accruedThrough) throw new BackdatedPaymentError('the contract has no accrual to replay');
  const rewindTo = await rewindPoint(tx, contract.id, effectiveDate);
  // Live entries after the rewind point. The payments row is read for principal-only
  // payments posted before journal entries recorded it.
  const found = await tx.execute(sql`
    select e.id, e.kind, e.effective_date::text as effective_date, e.accrual_from::text as accrual_from,
           e.source, e.description, (e.principal_only or coalesce(pay.principal_only, false)) as principal_only,
           (select json_agg(json_build_object('account', p.account, 'amount', p.amount_cents) order by p.id)
              from postings p where p.entry_id = e.id) as lines
      from journal_entries e
      left join payments pay on pay.contract_id = e.contract_id and pay.entry_id = e.id
     where e.contract_id = ${contract.id} and e.kind <> 'reversal' and ${LIVE}
       and e.effective_date > ${rewindTo}::date
     order by e.effective_date, e.id`);
  const after = (found as unknown as { rows: Row[] }).rows;
  // An opening balance brings forward balances as they stood when interest was last accrued
  // before conversion (where the first journaled accrual starts): it counts as before a
  // rewind point on or after that date, and nothing before that date can be replayed.
  const opened = await tx.execute(sql`
    select min(e.accrual_from)::text as start from journal_entries e
     where e.contract_id = ${contract.id} and e.kind = 'accrual'`);
  const openedBy = (opened as unknown as { rows: { start: string | null }[] }).rows[0]?.start ?? null;
  const other = after.find(
    (r) =>
      !['accrual', 'payment', 'fee', 'settlement'].includes(r.kind) &&
      !(r.kind === 'opening_balance' && openedBy !== null && compareDates(rewindTo, openedBy) >= 0),
  );
  if (other) throw new BackdatedPaymentError(`a later ${other.kind} entry cannot be replayed`);

  let delta = NO_DELTA;
  let towardRemoved = 0;
  const later: Rewound['later'] = [];
  for (const row of after) {
    const lines = (typeof row.lines === 'string' ? JSON.parse(row.lines) : row.lines) as Line[];
    const sum = (account: string) =>
      lines.filter((l) => l.account === account).reduce((total, l) => total + Number(l.amount), 0);
    if (row.kind === 'fee') {
      later.push({ kind: 'fee', effectiveDate: row.effective_date, amount: sum(ACCOUNTS.fees) });
      continue;
    }
    // Settlements move only the lender's cash; an opening balance (allowed above) stands before it.
    if (row.kind === 'settlement' || row.kind === 'opening_balance') continue;
    if (row.kind === 'accrual') {
      // Its span is accrued again as it was: from its start (a span of zero interest before it
      // wrote no entry) to its end.
      if (row.accrual_from && compareDates(row.accrual_from, rewindTo) > 0) {
        later.push({ kind: 'accrual', effectiveDate: row.accrual_from });
      }
      later.push({ kind: 'accrual', effectiveDate: row.effective_date });
    }
    let description = `Replay for a payment dated ${effectiveDate}: interest ${row.accrual_from} to ${row.effective_date} taken out`;
    if (row.kind === 'payment') {
      const receivedInto = lines.find(
        (l) => l.account === ACCOUNTS.cash || l.account === ACCOUNTS.cashInTransit,
      );
      if (!receivedInto || row.source === null) {
        throw new BackdatedPaymentError('a later payment has no source or cash line to re-apply');
      }
      later.push({
        kind: 'payment',
        entryId: row.id,
        effectiveDate: row.effective_date,
        amount: Number(receivedInto.amount),
        receivedInto: receivedInto.account as ReceivedInto,
        principalOnly: row.principal_only,
        source: row.source,
        description: row.description,
      });
      // As applyPayment credited it: what it paid to interest and principal, unless principal-only.
      if (!row.principal_only) towardRemoved -= sum(ACCOUNTS.interest) + sum(ACCOUNTS.principal);
      description = `Replay for a payment dated ${effectiveDate}: taken out to be re-applied in date order`;
    }
    const reversed = await insertEntry(tx, {
      contractId: contract.id,
      kind: 'reversal',
      effectiveDate: row.effective_date,
      bookingDate,
      description,
      source,
      reversesEntryId: row.id,
      postings: lines.map((l) => ({ account: l.account as AccountCode, amount: -Number(l.amount) })),
    });
    if (reversed) delta = addDeltas(delta, reversed.delta);
  }
  moveInMemory(contract, delta);
  contract.feesCents -= later.reduce((total, e) => total + (e.kind === 'fee' ? e.amount : 0), 0);
  contract.interestAccruedThrough = rewindTo;
  return { accruedThrough, rewindTo, delta, later, towardRemoved };
}

const LIVE = sql.raw('not exists (select 1 from journal_entries r where r.reverses_entry_id = e.id)');

/**
 * Where the rewind starts: the earliest start of an accrual that ends after `effectiveDate`,
 * moved back again while an accrual ending after that point starts earlier still (interest on
 * principal restored by a return overlaps the close-of-business spans), so that every live
 * accrual ends on or before it or is reversed whole. Interest up to it is left as accrued.
 */
async function rewindPoint(tx: Db, contractId: number, effectiveDate: IsoDate): Promise<IsoDate> {
  let point = effectiveDate;
  for (let step = 0; step < 100; step++) {
    const found = await tx.execute(sql`
      select min(e.accrual_from)::text as start, count(*)::int as n, bool_or(e.accrual_from is null) as open
        from journal_entries e
       where e.contract_id = ${contractId} and e.kind = 'accrual' and e.effective_date > ${point}::date and ${LIVE}`);
    const row = (found as unknown as { rows: { start: string | null; n: number; open: boolean | null }[] })
      .rows[0];
    if (row?.open) throw new BackdatedPaymentError('an accrual after it has no span');
    // No journaled interest right after it (a zero accrual writes no entry: a paid-off loan):
    // nothing before it needs to move.
    if (!row || Number(row.n) === 0 || row.start === null || compareDates(row.start, point) >= 0)
      return point;
    point = row.start;
  }
  throw new BackdatedPaymentError('its accruals overlap too often to rewind');
}
