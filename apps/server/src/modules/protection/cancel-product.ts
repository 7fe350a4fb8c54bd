import type { Cancellation, CancellationRequest } from '@marque/contracts';
import { cents, formatMoney, type IsoDate } from '@marque/finance';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { ConflictError } from '../../platform/errors.ts';
import type { NotificationInbox } from '../../platform/ports.ts';
import { ACCOUNTS, creditPrincipal, lockContract } from '../ledger/index.ts';
import { quoteFor } from './quote-cancellation.ts';
import { ownedContractWithOdometer, requireProductOfContract } from './repo.ts';
import { protectionProducts } from './tables.ts';
import { refundMethod, toProduct } from './to-product.ts';

export interface CancelProductInput {
  actor: { userId: number; customerId: number | null };
  accountId: string;
  productId: string;
  request: CancellationRequest;
  businessDate: IsoDate;
}

/**
 * Cancels a product at the refund the customer was shown. In one transaction: the refund is
 * re-quoted under the contract's lock and must equal what was shown (409 `quote_changed`
 * otherwise, e.g. the business date moved); a financed product's refund is credited to the
 * principal by a balanced adjustment (Dr protection refund receivable, Cr principal); the
 * product records the refund and how it was paid; the inbox gets the confirmation.
 */
export async function cancelProduct(
  tx: Db,
  deps: { inbox: NotificationInbox },
  input: CancelProductInput,
): Promise<Cancellation> {
  const owned = await ownedContractWithOdometer(tx, input.actor.customerId, input.accountId);
  const contract = await lockContract(tx, owned.contract.id);
  const product = await requireProductOfContract(tx, contract.id, input.productId, true);
  const quote = quoteFor(product, contract.balanceCents, input.businessDate, owned.odometer);
  if (quote.refund.amount !== input.request.expectedRefund) {
    throw new ConflictError(
      'quote_changed',
      `The refund is now $${formatMoney(cents(quote.refund.amount))}. Review the new amount and confirm again.`,
    );
  }
  const principalReduction = quote.principalReduction.amount;
  const credited =
    principalReduction > 0
      ? await creditPrincipal(tx, {
          contractId: contract.id,
          amount: principalReduction,
          debit: ACCOUNTS.protectionRefundReceivable,
          effectiveDate: input.businessDate,
          bookingDate: input.businessDate,
          description: `Refund of cancelled ${product.name}`,
          source: `protection:${product.publicId}`,
        })
      : null;
  const [updated] = await tx
    .update(protectionProducts)
    .set({
      cancelledOn: input.businessDate,
      cancellationReason: input.request.reason,
      refundCents: quote.refund.amount,
      cancellationFeeChargedCents: quote.cancellationFee.amount,
      principalReductionCents: principalReduction,
      customerRefundCents: quote.customerRefund.amount,
      journalEntryId: credited?.entryId ?? null,
    })
    .where(eq(protectionProducts.id, product.id))
    .returning();
  if (!updated) throw new Error('product update returned nothing');
  await deps.inbox.add(tx, {
    userId: input.actor.userId,
    kind: 'protection_cancelled',
    title: `${product.name} cancelled`,
    body: confirmationText(
      updated.name,
      quote,
      refundMethod(principalReduction, quote.customerRefund.amount),
    ),
  });
  return { product: toProduct(updated, input.businessDate, owned.odometer), quote };
}

function confirmationText(
  name: string,
  quote: Cancellation['quote'],
  method: 'principal_reduction' | 'customer_refund' | 'split',
): string {
  const money = (amount: number) => `$${formatMoney(cents(amount))}`;
  const parts = [
    `${name} was cancelled on ${quote.asOf}.`,
    `Refund ${money(quote.refund.amount)} (pro-rata ${money(quote.proRataRefund.amount)} less a ${money(quote.cancellationFee.amount)} cancellation fee).`,
  ];
  if (method !== 'customer_refund')
    parts.push(`${money(quote.principalReduction.amount)} was credited to your account balance.`);
  if (method !== 'principal_reduction')
    parts.push(`${money(quote.customerRefund.amount)} will be refunded to you by the plan administrator.`);
  return parts.join(' ');
}
