import { purchaseOption } from './lease-end.ts';
import { loanPayment } from './loan-payment.ts';
import { type Cents, cents } from './money.ts';
import { requireAmount, requireInt } from './validate.ts';

/** Input of {@link leaseEndOptions}. */
export interface LeaseEndOptionsInput {
  readonly residual: Cents;
  readonly purchaseOptionFee: Cents;
  /** Sales tax on the purchase, percent. */
  readonly taxRate: string;
  readonly dispositionFee: Cents;
  /** Estimated excess-mileage charge (from the mileage projection). */
  readonly excessMileageCharge: Cents;
  /** Estimated excess wear (from the self-check). */
  readonly wearCharge: Cents;
  /** Lease payments and fees still owed (a purchase before maturity pays them too). */
  readonly remainingBalance: Cents;
  /** The total monthly payment, which an extension keeps. */
  readonly monthlyPayment: Cents;
  /** Demo financing of the purchase: an APR and term for the estimated loan payment. */
  readonly financeApr: string;
  readonly financeTermMonths: number;
}

export interface LeaseEndOptions {
  readonly return: {
    readonly dispositionFee: Cents;
    readonly excessMileage: Cents;
    readonly wear: Cents;
    readonly total: Cents;
  };
  readonly buy: {
    readonly residual: Cents;
    readonly purchaseOptionFee: Cents;
    /** Residual + purchase option fee. */
    readonly purchaseOptionPrice: Cents;
    readonly tax: Cents;
    readonly remainingBalance: Cents;
    /** Price + tax + what is still owed on the lease. */
    readonly total: Cents;
    /** An estimate: the total financed at the demo APR over the demo term. */
    readonly financing: { readonly apr: string; readonly termMonths: number; readonly monthlyPayment: Cents };
  };
  readonly extend: { readonly monthlyPayment: Cents };
}

/**
 * The end-of-term choices in figures: returning costs the disposition fee plus the estimated
 * mileage and wear charges; buying costs the purchase option price (residual + fee) plus tax
 * and anything still owed, with the monthly payment if that total were financed; extending
 * keeps the monthly payment. Turning in for a new vehicle is a return (often with the
 * disposition fee waived), so it has no figures of its own.
 */
export function leaseEndOptions(input: LeaseEndOptionsInput): LeaseEndOptions {
  const disposition = requireAmount(input.dispositionFee, 'dispositionFee');
  const mileage = requireAmount(input.excessMileageCharge, 'excessMileageCharge');
  const wear = requireAmount(input.wearCharge, 'wearCharge');
  const remaining = requireAmount(input.remainingBalance, 'remainingBalance');
  const term = requireInt(input.financeTermMonths, 'financeTermMonths', 1, 120);
  const buy = purchaseOption({
    residual: input.residual,
    purchaseOptionFee: input.purchaseOptionFee,
    taxRate: input.taxRate,
  });
  const total = buy.total + remaining;
  return {
    return: {
      dispositionFee: disposition,
      excessMileage: mileage,
      wear,
      total: cents(disposition + mileage + wear),
    },
    buy: {
      residual: input.residual,
      purchaseOptionFee: requireAmount(input.purchaseOptionFee, 'purchaseOptionFee'),
      purchaseOptionPrice: buy.price,
      tax: buy.tax,
      remainingBalance: remaining,
      total: cents(total),
      financing: {
        apr: input.financeApr,
        termMonths: term,
        monthlyPayment: loanPayment({
          amountFinanced: cents(total),
          apr: input.financeApr,
          termMonths: term,
        }),
      },
    },
    extend: { monthlyPayment: requireAmount(input.monthlyPayment, 'monthlyPayment', true) },
  };
}
