import type { PayoffQuote } from '@marque/contracts';
import { addDays, cents, compareDates, type IsoDate, payoffQuote, purchaseOption } from '@marque/finance';
import { BusinessRuleError } from '../../platform/errors.ts';
import type { ContractRow } from '../contracts/index.ts';

/** Payoff quotes are good for at most this many days ahead. */
export const PAYOFF_WINDOW_DAYS = 30;

const usd = (amount: number) => ({ amount, currency: 'USD' as const });

/**
 * The amount that pays the account off if received by `goodThrough`: a loan's principal, the
 * interest accrued to that day and unpaid fees, with the per diem for each day later; a lease's
 * remaining payments and fees plus the purchase option (residual and tax).
 */
export function quotePayoff(
  contract: ContractRow,
  businessDate: IsoDate,
  goodThrough = businessDate,
): PayoffQuote {
  if (
    compareDates(goodThrough, businessDate) < 0 ||
    compareDates(goodThrough, addDays(businessDate, PAYOFF_WINDOW_DAYS)) > 0
  ) {
    throw new BusinessRuleError(
      'payoff_date_out_of_range',
      `Choose a date from today to ${addDays(businessDate, PAYOFF_WINDOW_DAYS)}.`,
      [
        {
          field: 'date',
          code: 'payoff_date_out_of_range',
          message: `Choose a date within ${PAYOFF_WINDOW_DAYS} days.`,
        },
      ],
    );
  }
  const base = { accountId: contract.publicId, quoteDate: businessDate, goodThrough };
  if (contract.type === 'lease' || contract.apr === null) {
    const buy = purchaseOption({
      residual: cents(contract.residualCents ?? 0),
      taxRate: contract.salesTaxRate ?? '0',
    });
    return {
      ...base,
      payoff: usd(contract.balanceCents + contract.feesCents + buy.total),
      principal: usd(contract.balanceCents),
      interest: usd(0),
      fees: usd(contract.feesCents),
      residual: usd(buy.total),
      perDiem: usd(0),
      perDiemExact: '0.0000',
      lease: {
        remainingPayments: usd(contract.balanceCents),
        purchasePrice: usd(buy.price),
        purchaseTax: usd(buy.tax),
      },
    };
  }
  const accruedThrough = contract.interestAccruedThrough ?? contract.contractDate;
  const quote = payoffQuote({
    principal: cents(contract.balanceCents),
    accruedInterest: cents(contract.interestCents),
    unpaidFees: cents(contract.feesCents),
    apr: contract.apr,
    interestAccruedThrough: accruedThrough,
    goodThrough: compareDates(goodThrough, accruedThrough) < 0 ? accruedThrough : goodThrough,
  });
  return {
    ...base,
    payoff: usd(quote.payoff),
    principal: usd(quote.principal),
    interest: usd(quote.interest),
    fees: usd(quote.fees),
    residual: null,
    perDiem: usd(quote.perDiem.rounded),
    perDiemExact: quote.perDiem.amount,
    lease: null,
  };
}
