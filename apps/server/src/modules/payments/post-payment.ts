import type { IsoDate } from '@marque/finance';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { ACCOUNTS, applyPayment, type LedgerContract } from '../ledger/index.ts';
import { payments } from './payment-tables.ts';

export type PaymentRow = typeof payments.$inferSelect;

/**
 * Applies a payment whose date has come, in the caller's transaction: a card (already charged,
 * see charge-card.ts) lands in cash (completed); a bank debit lands in cash in transit
 * (pending) until the ACH file carries it and it settles.
 */
/** Applies a payment in the ledger and answers the payment columns that record it. */
export async function applyToLedger(
  tx: Db,
  payment: Pick<
    PaymentRow,
    'publicId' | 'confirmationNumber' | 'contractId' | 'amountCents' | 'principalOnly' | 'methodType'
  >,
  deps: { businessDate: IsoDate; processorReference: string | null; seen?: LedgerContract },
): Promise<Partial<PaymentRow>> {
  if (payment.methodType === 'card' && !deps.processorReference) {
    throw new Error('a card payment posts only once charged');
  }
  const applied = await applyPayment(
    tx,
    {
      contractId: payment.contractId,
      amount: payment.amountCents,
      effectiveDate: deps.businessDate,
      bookingDate: deps.businessDate,
      principalOnly: payment.principalOnly,
      receivedInto: payment.methodType === 'card' ? ACCOUNTS.cash : ACCOUNTS.cashInTransit,
      source: `payment:${payment.publicId}`,
      description: `${payment.principalOnly ? 'Principal-only payment' : 'Payment'} ${payment.confirmationNumber}`,
    },
    deps.seen,
  );
  return {
    status: payment.methodType === 'card' ? 'completed' : 'pending',
    effectiveDate: deps.businessDate,
    entryId: applied.entryId,
    splitFeesCents: applied.split.fees,
    splitInterestCents: applied.split.interest,
    splitPrincipalCents: applied.split.principal,
    splitUnappliedCents: applied.split.unapplied,
    towardInstallmentsCents: applied.towardInstallments,
    processorReference: deps.processorReference,
  };
}

export async function postPayment(
  tx: Db,
  payment: PaymentRow,
  deps: { businessDate: IsoDate; processorReference: string | null },
): Promise<PaymentRow> {
  const [row] = await tx
    .update(payments)
    .set(await applyToLedger(tx, payment, deps))
    .where(eq(payments.id, payment.id))
    .returning();
  if (!row) throw new Error('payment vanished while posting');
  return row;
}
