import type { IsoDate } from '@marque/finance';
import type { Db } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import { newConfirmationNumber } from './confirmation-number.ts';
import type { UsablePaymentMethod } from './payment-method-port.ts';
import { payments } from './payment-tables.ts';
import type { PaymentRow } from './post-payment.ts';

/** A new payment row: scheduled (`postPayment` applies it when its date comes) or already posted. */
export async function insertPayment(
  tx: Db,
  input: {
    contractId: number;
    customerId: number;
    method: Pick<UsablePaymentMethod, 'id' | 'publicId' | 'type' | 'label'>;
    amountCents: number;
    principalOnly: boolean;
    channel: 'web' | 'autopay' | 'ops';
    scheduledFor: IsoDate;
    createdByUserId: number | null;
    now: Date;
    /** Already applied in the ledger (a payment dated today): stored posted, in one INSERT. */
    posted?: Partial<PaymentRow> & { publicId: string; confirmationNumber: string };
  },
): Promise<PaymentRow> {
  const [row] = await tx
    .insert(payments)
    .values({
      publicId: newId('pay'),
      confirmationNumber: newConfirmationNumber(),
      ...input.posted,
      contractId: input.contractId,
      customerId: input.customerId,
      paymentMethodId: input.method.id,
      paymentMethodPublicId: input.method.publicId,
      methodType: input.method.type,
      methodLabel: input.method.label,
      amountCents: input.amountCents,
      principalOnly: input.principalOnly,
      channel: input.channel,
      status: input.posted?.status ?? 'scheduled',
      scheduledFor: input.scheduledFor,
      createdByUserId: input.createdByUserId,
      createdAt: input.now,
    })
    .returning();
  if (!row) throw new Error('payment insert returned nothing');
  return row;
}
