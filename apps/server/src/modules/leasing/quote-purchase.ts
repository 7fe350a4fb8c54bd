import type { LeasePurchaseQuote } from '@marque/contracts';
import { addDays, cents, compareDates, type IsoDate, purchaseOption } from '@marque/finance';
import { BusinessRuleError } from '../../platform/errors.ts';
import { type LeaseContract, usd } from './lease-terms.ts';

/** Purchase quotes are good for at most this many days ahead (as payoff quotes). */
export const PURCHASE_QUOTE_WINDOW_DAYS = 30;

/**
 * What buying the leased vehicle costs if paid by `goodThrough`: the purchase option price
 * (residual + purchase option fee) and its sales tax, as @marque/finance computes them, plus
 * the lease payments and fees still owed.
 */
export function quotePurchase(
  lease: LeaseContract,
  businessDate: IsoDate,
  goodThrough = businessDate,
): LeasePurchaseQuote {
  const latest = addDays(businessDate, PURCHASE_QUOTE_WINDOW_DAYS);
  if (compareDates(goodThrough, businessDate) < 0 || compareDates(goodThrough, latest) > 0) {
    const message = `Choose a date from ${businessDate} to ${latest}.`;
    throw new BusinessRuleError('quote_date_out_of_range', message, [
      { field: 'date', code: 'quote_date_out_of_range', message },
    ]);
  }
  const { contract } = lease;
  const taxRate = contract.salesTaxRate ?? '0';
  const buy = purchaseOption({
    residual: cents(contract.residualCents),
    purchaseOptionFee: lease.purchaseOptionFee,
    taxRate,
  });
  return {
    accountId: contract.publicId,
    quoteNumber: `LP-${businessDate.replaceAll('-', '')}-${contract.accountNumber.slice(-4)}`,
    quoteDate: businessDate,
    goodThrough,
    residual: usd(contract.residualCents),
    purchaseOptionFee: usd(lease.purchaseOptionFee),
    purchaseOptionPrice: usd(buy.price),
    salesTaxRate: taxRate,
    tax: usd(buy.tax),
    remainingPayments: usd(contract.balanceCents),
    fees: usd(contract.feesCents),
    total: usd(buy.total + contract.balanceCents + contract.feesCents),
  };
}
