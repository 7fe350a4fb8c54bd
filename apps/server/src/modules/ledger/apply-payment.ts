import { compareDates, type IsoDate } from '@marque/finance';
import type { Db } from '../../platform/db/client.ts';
import type { ACCOUNTS } from './accounts.ts';
import { bookAccrual } from './accrue-interest.ts';
import { applyPaymentAtOnce } from './apply-payment-at-once.ts';
import { installmentColumns, type LedgerContract, lockContract } from './contract-state.ts';
import { type AppliedPayment, writePaymentEntry } from './payment-entry.ts';
import { addDeltas, applyReadModel } from './post-entry.ts';
import { replayBackdated } from './replay-payments.ts';

export { type AppliedPayment, type PaymentSplit, splitPayment } from './payment-entry.ts';
export { BackdatedPaymentError } from './replay-rewind.ts';

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

/**
 * Posts a received payment: accrue interest to its effective date, apply it down the waterfall
 * (fees, interest, principal; leases: fees, then the lease receivable) and record the split,
 * all in the caller's transaction. A payment dated before the accrued-through date is replayed
 * (replay-payments.ts) or refused with BackdatedPaymentError, writing nothing.
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
  if (
    contract.interestAccruedThrough &&
    compareDates(payment.effectiveDate, contract.interestAccruedThrough) < 0
  ) {
    return replayBackdated(tx, contract, payment);
  }
  const accrual = await bookAccrual(tx, contract, payment.effectiveDate, payment.bookingDate, payment.source);
  // installmentColumns reads the paid-to-date total, which writePaymentEntry leaves alone.
  const written = await writePaymentEntry(tx, contract, payment);
  // Balances, accrued-through and the paid-to-date status in one UPDATE.
  await applyReadModel(tx, contract.id, addDeltas(accrual.delta, written.delta), {
    ...installmentColumns(contract, written.towardInstallments, payment.bookingDate),
    ...(contract.interestAccruedThrough ? { interestAccruedThrough: contract.interestAccruedThrough } : {}),
  });
  return { entryId: written.entryId, split: written.split, towardInstallments: written.towardInstallments };
}
