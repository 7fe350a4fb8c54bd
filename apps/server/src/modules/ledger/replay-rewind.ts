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
  delta: ReadModelDelta;
  /** Later accrual dates, payments and fees, in effective-date order (then posting order). */
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
 * out, by reversing entries effective on their own dates and booked today, every accrual whose
 * span ends after `effectiveDate` and every payment effective after it, so the in-memory
 * `contract` stands as it was at the start of the first reversed accrual (the chain start, on
 * or before `effectiveDate`). Fees after it stay in the journal (they are not allocations) but
 * are taken out of the in-memory fees until the replay reaches their date; settlements only
 * move the lender's cash and are left alone; a returned payment and its reversal net to zero
 * and stay as they are (its restored-principal accrual is reversed with the others and the
 * principal it restored earns interest in the re-accrual).
 *
 * Refused (BackdatedPaymentError, nothing written) where the replay would not be exact: no
 * accrual chain reaching back to `effectiveDate` (an opening balance, nothing accrued), an
 * accrual or a principal movement between the chain start and `effectiveDate`, or an entry
 * after it that is neither an accrual, a payment, a fee nor a settlement (an adjustment).
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
  const live = (alias: string) =>
    sql.raw(`not exists (select 1 from journal_entries r where r.reverses_entry_id = ${alias}.id)`);
  // Live entries from the chain start on. The payments row is read for principal-only
  // payments posted before journal entries recorded it.
  const found = await tx.execute(sql`
    select e.id, e.kind, e.effective_date::text as effective_date, e.accrual_from::text as accrual_from,
           e.source, e.description, (e.principal_only or coalesce(pay.principal_only, false)) as principal_only,
           (select json_agg(json_build_object('account', p.account, 'amount', p.amount_cents) order by p.id)
              from postings p where p.entry_id = e.id) as lines
      from journal_entries e
      left join payments pay on pay.contract_id = e.contract_id and pay.entry_id = e.id
     where e.contract_id = ${contract.id} and e.kind <> 'reversal' and ${live('e')}
       and e.effective_date > coalesce((
             select min(a.accrual_from) from journal_entries a
              where a.contract_id = ${contract.id} and a.kind = 'accrual' and a.effective_date > ${effectiveDate}::date
                and ${live('a')}), ${effectiveDate}::date)
     order by e.effective_date, e.id`);
  const rows = (found as unknown as { rows: Row[] }).rows;
  const after = rows.filter((r) => compareDates(r.effective_date, effectiveDate) > 0);
  const accruals = after.filter((r) => r.kind === 'accrual');
  const starts = accruals.map((a) => a.accrual_from);
  if (accruals.length === 0 || starts.some((s) => s === null)) {
    throw new BackdatedPaymentError('there is no accrual after it to replay');
  }
  const chainStart = (starts as string[]).reduce((a, b) => (compareDates(a, b) <= 0 ? a : b));
  if (compareDates(chainStart, effectiveDate) > 0) {
    throw new BackdatedPaymentError('interest after it was not accrued from before it');
  }
  if (accruals.at(-1)?.effective_date !== accruedThrough) {
    throw new BackdatedPaymentError('the accruals after it do not end on the accrued-through date');
  }
  const between = rows.find(
    (r) => compareDates(r.effective_date, effectiveDate) <= 0 && r.kind !== 'fee' && r.kind !== 'settlement',
  );
  if (between) {
    throw new BackdatedPaymentError(
      `a ${between.kind} entry between ${chainStart} and its date would be re-dated`,
    );
  }
  const other = after.find((r) => !['accrual', 'payment', 'fee', 'settlement'].includes(r.kind));
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
    if (row.kind === 'settlement') continue;
    if (row.kind === 'accrual') later.push({ kind: 'accrual', effectiveDate: row.effective_date });
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
  contract.interestAccruedThrough = chainStart;
  return { accruedThrough, delta, later, towardRemoved };
}
