import { allocatePayment, cents, type IsoDate } from '@marque/finance';
import type { Db } from '../../platform/db/client.ts';
import { ACCOUNTS } from './accounts.ts';
import type { LedgerContract } from './contract-state.ts';
import { insertEntry, type NewEntry, type ReadModelDelta } from './post-entry.ts';

/** Where each cent went. */
export interface PaymentSplit {
  fees: number;
  interest: number;
  principal: number;
  unapplied: number;
}

export interface AppliedPayment {
  entryId: number;
  split: PaymentSplit;
  /** Credited toward installments (drives the due date); reversed with the payment. */
  towardInstallments: number;
}

export type ReceivedInto = typeof ACCOUNTS.cash | typeof ACCOUNTS.cashInTransit;

export function splitPayment(contract: LedgerContract, amount: number, principalOnly: boolean): PaymentSplit {
  if (principalOnly) {
    const principal = Math.min(amount, contract.balanceCents);
    return { fees: 0, interest: 0, principal, unapplied: amount - principal };
  }
  const allocation = allocatePayment({
    amount: cents(amount),
    due: { pastDueFees: cents(contract.feesCents), interest: cents(contract.interestCents) },
    unbilledPrincipal: cents(contract.balanceCents),
  });
  return {
    fees: allocation.applied.pastDueFees,
    interest: allocation.applied.interest,
    principal: allocation.prepaidPrincipal,
    unapplied: allocation.unapplied,
  };
}

/** What was credited toward installments: principal-only payments do not advance the due date. */
export function towardInstallmentsOf(split: PaymentSplit, principalOnly: boolean): number {
  return principalOnly ? 0 : split.interest + split.principal;
}

/** What a payment posts: the money, its dates, where it was received, and its description. */
export interface PaymentPosting {
  amount: number;
  effectiveDate: IsoDate;
  bookingDate: IsoDate;
  principalOnly: boolean;
  receivedInto: ReceivedInto;
  source: string;
  description: string;
}

/** A payment's journal entry: the money received, credited down the waterfall as `split` says. */
export function paymentEntryOf(contractId: number, payment: PaymentPosting, split: PaymentSplit): NewEntry {
  return {
    contractId,
    kind: 'payment',
    effectiveDate: payment.effectiveDate,
    bookingDate: payment.bookingDate,
    description: payment.description,
    source: payment.source,
    principalOnly: payment.principalOnly,
    postings: [
      { account: payment.receivedInto, amount: payment.amount },
      { account: ACCOUNTS.fees, amount: -split.fees },
      { account: ACCOUNTS.interest, amount: -split.interest },
      { account: ACCOUNTS.principal, amount: -split.principal },
      { account: ACCOUNTS.unapplied, amount: -split.unapplied },
    ],
  };
}

/**
 * Splits a payment down the waterfall on the contract as it stands in memory (accrued to the
 * payment's date by the caller), writes its entry, and moves the in-memory balances by it, so
 * the caller can go on with the next posting of a replay. The contract row is not touched.
 */
export async function writePaymentEntry(
  tx: Db,
  contract: LedgerContract,
  payment: PaymentPosting & { replacesEntryId?: number },
): Promise<AppliedPayment & { delta: ReadModelDelta }> {
  const split = splitPayment(contract, payment.amount, payment.principalOnly);
  const written = await insertEntry(tx, {
    ...paymentEntryOf(contract.id, payment, split),
    ...(payment.replacesEntryId === undefined ? {} : { replacesEntryId: payment.replacesEntryId }),
  });
  if (written === null) throw new Error('a payment must move money');
  moveInMemory(contract, written.delta);
  return {
    entryId: written.id,
    split,
    towardInstallments: towardInstallmentsOf(split, payment.principalOnly),
    delta: written.delta,
  };
}

export function moveInMemory(contract: LedgerContract, delta: ReadModelDelta): void {
  contract.balanceCents += delta.balance;
  contract.interestCents += delta.interest;
  contract.feesCents += delta.fees;
  contract.unappliedCents += delta.unapplied;
}
