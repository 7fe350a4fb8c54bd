import type { IsoDate } from '@marque/finance';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { BusinessRuleError } from '../../platform/errors.ts';
import { ACCOUNTS, applyPayment } from '../ledger/index.ts';
import { payments } from './payment-tables.ts';

export type PaymentRow = typeof payments.$inferSelect;

/** Charges a card through the processor adapter; the money never passes through us. */
export type ChargeCard = (input: {
  token: string;
  amountCents: number;
  idempotencyKey: string;
  description: string;
}) => Promise<{ outcome: 'approved' | 'declined' | 'insufficient_funds'; reference: string | null }>;

const DECLINES = {
  declined: 'The card was declined. Try another card or a bank account.',
  insufficient_funds: 'The card was declined for insufficient funds. Try another payment method.',
} as const;

/**
 * Applies a payment whose date has come, in the caller's transaction: a card is charged first
 * and lands in cash (completed); a bank debit lands in cash in transit (pending) until the
 * ACH file carries it and it settles.
 */
export async function postPayment(
  tx: Db,
  payment: PaymentRow,
  deps: { chargeCard: ChargeCard; processorToken: string | null; businessDate: IsoDate },
): Promise<PaymentRow> {
  let processorReference: string | null = null;
  if (payment.methodType === 'card') {
    if (!deps.processorToken) throw new Error('card payment without a processor token');
    const charge = await deps.chargeCard({
      token: deps.processorToken,
      amountCents: payment.amountCents,
      idempotencyKey: `payment:${payment.publicId}`,
      description: `Payment ${payment.confirmationNumber}`,
    });
    if (charge.outcome !== 'approved')
      throw new BusinessRuleError(`card_${charge.outcome}`, DECLINES[charge.outcome]);
    processorReference = charge.reference;
  }
  const applied = await applyPayment(tx, {
    contractId: payment.contractId,
    amount: payment.amountCents,
    effectiveDate: deps.businessDate,
    bookingDate: deps.businessDate,
    principalOnly: payment.principalOnly,
    receivedInto: payment.methodType === 'card' ? ACCOUNTS.cash : ACCOUNTS.cashInTransit,
    source: `payment:${payment.publicId}`,
    description: `${payment.principalOnly ? 'Principal-only payment' : 'Payment'} ${payment.confirmationNumber}`,
  });
  const [row] = await tx
    .update(payments)
    .set({
      status: payment.methodType === 'card' ? 'completed' : 'pending',
      effectiveDate: deps.businessDate,
      entryId: applied.entryId,
      splitFeesCents: applied.split.fees,
      splitInterestCents: applied.split.interest,
      splitPrincipalCents: applied.split.principal,
      splitUnappliedCents: applied.split.unapplied,
      towardInstallmentsCents: applied.towardInstallments,
      processorReference,
    })
    .where(eq(payments.id, payment.id))
    .returning();
  if (!row) throw new Error('payment vanished while posting');
  return row;
}
