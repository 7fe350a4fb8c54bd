import { accrueInterest, cents, compareDates, type IsoDate } from '@marque/finance';
import type { Db } from '../../platform/db/client.ts';
import { ACCOUNTS } from './accounts.ts';
import { installmentColumns, lockContract } from './contract-state.ts';
import { applyReadModel, NO_DELTA, postEntry } from './post-entry.ts';
import { reverseEntry } from './reverse-entry.ts';

export interface PaymentToReverse {
  contractId: number;
  paymentEntryId: number;
  /** What the payment took off principal and credited toward installments when applied. */
  principal: number;
  towardInstallments: number;
  effectiveDate: IsoDate;
  bookingDate: IsoDate;
  source: string;
  description: string;
}

/**
 * Takes a payment back out (a returned ACH debit, a charged-back card): reverse its entry, so
 * the fees, interest and principal it paid are owed again, then replay interest: for daily
 * simple interest the principal restored since the effective date earns exactly
 * principal × rate × days, booked as its own accrual so the journal explains it.
 */
export async function reversePayment(
  tx: Db,
  payment: PaymentToReverse,
): Promise<{ reversalEntryId: number; interestReplayed: number }> {
  const contract = await lockContract(tx, payment.contractId);
  const reversalEntryId = await reverseEntry(tx, payment.paymentEntryId, {
    bookingDate: payment.bookingDate,
    description: payment.description,
    source: payment.source,
  });
  let interestReplayed = 0;
  const through = contract.interestAccruedThrough;
  if (
    contract.type === 'loan' &&
    contract.apr &&
    through &&
    payment.principal > 0 &&
    compareDates(through, payment.effectiveDate) > 0
  ) {
    interestReplayed = accrueInterest({
      principal: cents(payment.principal),
      apr: contract.apr,
      from: payment.effectiveDate,
      to: through,
    }).interest;
    await postEntry(tx, {
      contractId: contract.id,
      kind: 'accrual',
      effectiveDate: through,
      bookingDate: payment.bookingDate,
      accrualFrom: payment.effectiveDate,
      description: `Interest on restored principal ${payment.effectiveDate} to ${through}`,
      source: payment.source,
      postings: [
        { account: ACCOUNTS.interest, amount: interestReplayed },
        { account: ACCOUNTS.interestIncome, amount: -interestReplayed },
      ],
    });
  }
  await applyReadModel(
    tx,
    contract.id,
    NO_DELTA,
    installmentColumns(contract, -payment.towardInstallments, payment.bookingDate),
  );
  return { reversalEntryId, interestReplayed };
}
