import type { Payment } from '@marque/contracts';
import { compareDates } from '@marque/finance';
import type { PaymentRow } from './post-payment.ts';
import { returnReasonOf } from './return-reasons.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' as const });

export function toPayment(row: PaymentRow, accountPublicId: string, businessDate: string): Payment {
  const posted = row.entryId !== null;
  return {
    id: row.publicId,
    confirmationNumber: row.confirmationNumber,
    accountId: accountPublicId,
    amount: usd(row.amountCents),
    status: row.status,
    principalOnly: row.principalOnly,
    channel: row.channel,
    scheduledFor: row.scheduledFor,
    effectiveDate: row.effectiveDate,
    paymentMethod: { id: row.paymentMethodPublicId, type: row.methodType, label: row.methodLabel },
    split: posted
      ? {
          fees: usd(row.splitFeesCents ?? 0),
          interest: usd(row.splitInterestCents ?? 0),
          principal: usd(row.splitPrincipalCents ?? 0),
          unapplied: usd(row.splitUnappliedCents ?? 0),
        }
      : null,
    returnCode: row.returnCode,
    returnReason: row.returnCode ? returnReasonOf(row.returnCode) : null,
    cancellable: row.status === 'scheduled' && compareDates(row.scheduledFor, businessDate) > 0,
    createdAt: row.createdAt.toISOString(),
  };
}
