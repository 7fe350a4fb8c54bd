import { allocatePayment, cents, compareDates, type IsoDate } from '@marque/finance';
import type { Db } from '../../platform/db/client.ts';
import { ACCOUNTS } from './accounts.ts';
import { bookAccrual } from './accrue-interest.ts';
import { applyPaymentAtOnce } from './apply-payment-at-once.ts';
import { installmentColumns, type LedgerContract, lockContract } from './contract-state.ts';
import { addDeltas, applyReadModel, insertEntry } from './post-entry.ts';
import { reverseAccrualsAfter } from './replay-accruals.ts';

export { BackdatedPaymentError } from './replay-accruals.ts';

export interface PaymentToApply {
  contractId: number;
  amount: number;
  effectiveDate: IsoDate;
  bookingDate: IsoDate;
  /** Loans only: everything to principal; it does not advance the due date. */
  principalOnly: boolean;
  /** Card and settled money land in cash; an ACH debit sits in transit until it settles. */
  receivedInto: typeof ACCOUNTS.cash | typeof ACCOUNTS.cashInTransit;
  source: string;
  description: string;
}

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

/**
 * Posts a received payment: accrue interest to its effective date, apply it down the waterfall
 * (fees, interest, principal; leases: fees, then the lease receivable) and record the split,
 * all in the caller's transaction.
 */
export async function applyPayment(
  tx: Db,
  payment: PaymentToApply,
  /** The contract as the caller just read it: tries the one-statement path first. */
  seen?: LedgerContract,
): Promise<AppliedPayment> {
  if (seen) {
    const applied = await applyPaymentAtOnce(tx, seen, payment);
    if (applied) return applied;
  }
  const contract = await lockContract(tx, payment.contractId);
  // Backdated before the accrued-through date: replay (reverse the accruals after it, apply
  // it on its date, re-accrue below).
  const replay =
    contract.interestAccruedThrough &&
    compareDates(payment.effectiveDate, contract.interestAccruedThrough) < 0
      ? await reverseAccrualsAfter(tx, contract, payment.effectiveDate, payment.bookingDate, payment.source)
      : null;
  const accrual = await bookAccrual(tx, contract, payment.effectiveDate, payment.bookingDate, payment.source);
  const split = splitPayment(contract, payment.amount, payment.principalOnly);
  const written = await insertEntry(tx, {
    contractId: contract.id,
    kind: 'payment',
    effectiveDate: payment.effectiveDate,
    bookingDate: payment.bookingDate,
    description: payment.description,
    source: payment.source,
    postings: [
      { account: payment.receivedInto, amount: payment.amount },
      { account: ACCOUNTS.fees, amount: -split.fees },
      { account: ACCOUNTS.interest, amount: -split.interest },
      { account: ACCOUNTS.principal, amount: -split.principal },
      { account: ACCOUNTS.unapplied, amount: -split.unapplied },
    ],
  });
  if (written === null) throw new Error('a payment must move money');
  const towardInstallments = payment.principalOnly ? 0 : split.interest + split.principal;
  let delta = addDeltas(accrual.delta, written.delta);
  if (replay) {
    contract.balanceCents += written.delta.balance;
    contract.interestCents += written.delta.interest;
    const reaccrued = await bookAccrual(
      tx,
      contract,
      replay.accruedThrough,
      payment.bookingDate,
      payment.source,
    );
    delta = addDeltas(addDeltas(delta, replay.delta), reaccrued.delta);
  }
  // Balances, accrued-through and the paid-to-date status in one UPDATE.
  await applyReadModel(tx, contract.id, delta, {
    ...installmentColumns(contract, towardInstallments, payment.bookingDate),
    ...(contract.interestAccruedThrough ? { interestAccruedThrough: contract.interestAccruedThrough } : {}),
  });
  return { entryId: written.id, split, towardInstallments };
}

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
