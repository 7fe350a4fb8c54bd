import { parseDecimal, pow10 } from './decimal.ts';
import { FinanceInputError } from './errors.ts';
import { type LeaseInput, type LeaseResult, type LeaseTaxMethod, leasePayment } from './lease.ts';
import { type Cents, cents } from './money.ts';
import { moneyFactorFromAprEquivalent } from './rates.ts';
import { mulDivRound } from './rounding.ts';
import { requireAmount, requireInt } from './validate.ts';

/** Input of {@link leaseQuote}: a lease as a shopper describes it before signing. */
export interface LeaseQuoteInput {
  readonly msrp: Cents;
  /** Negotiated selling price (agreed value). */
  readonly sellingPrice: Cents;
  /** Cash down, rebates and trade-in equity applied to the cap cost. */
  readonly capCostReduction?: Cents;
  /** Residual as a percent of MSRP ("58"); or give `residual`. */
  readonly residualPercent?: string;
  readonly residual?: Cents;
  /** The lease rate as a money factor ("0.00250"); or give `aprEquivalent`, never both. */
  readonly moneyFactor?: string;
  /** A lease rate equivalent in percent, converted to a money factor (÷ 2400, 6 decimals). */
  readonly aprEquivalent?: string;
  /** 12…60 months. */
  readonly term: number;
  readonly taxRate?: string;
  readonly taxMethod?: LeaseTaxMethod;
  readonly acquisitionFee?: Cents;
  /** Default true: the acquisition fee is added to the gross cap cost instead of paid at signing. */
  readonly capitalizeAcquisitionFee?: boolean;
  /** Title, registration and documentary fees paid at signing. */
  readonly upfrontFees?: Cents;
  readonly securityDeposit?: Cents;
  readonly dispositionFee?: Cents;
}

export const MIN_LEASE_QUOTE_MONTHS = 12;
export const MAX_LEASE_QUOTE_MONTHS = 60;

/** The Regulation M figures plus where the money factor came from. */
export interface LeaseQuote extends LeaseResult {
  readonly moneyFactorSource: 'money-factor' | 'apr-equivalent';
  readonly acquisitionFee: Cents;
  readonly acquisitionFeeCapitalized: boolean;
}

/** Resolves a quote's inputs to the Regulation M lease input; throws field errors for inconsistent ones. */
export function leaseQuoteInput(q: LeaseQuoteInput): LeaseInput {
  const msrp = requireAmount(q.msrp, 'msrp', true);
  const price = requireAmount(q.sellingPrice, 'sellingPrice', true);
  const term = requireInt(q.term, 'term', MIN_LEASE_QUOTE_MONTHS, MAX_LEASE_QUOTE_MONTHS);
  const acquisition = requireAmount(q.acquisitionFee ?? 0, 'acquisitionFee');
  const reduction = requireAmount(q.capCostReduction ?? 0, 'capCostReduction');
  const upfront = requireAmount(q.upfrontFees ?? 0, 'upfrontFees');
  if ((q.moneyFactor === undefined) === (q.aprEquivalent === undefined)) {
    throw new FinanceInputError('rate_required', 'give either moneyFactor or aprEquivalent', 'moneyFactor');
  }
  if ((q.residual === undefined) === (q.residualPercent === undefined)) {
    throw new FinanceInputError('residual_required', 'give either residual or residualPercent', 'residual');
  }
  const moneyFactor =
    q.moneyFactor !== undefined
      ? q.moneyFactor.trim()
      : moneyFactorFromAprEquivalent(q.aprEquivalent ?? '', 6);
  let residual: number;
  if (q.residual !== undefined) {
    residual = requireAmount(q.residual, 'residual', true);
  } else {
    const pct = parseDecimal(q.residualPercent ?? '', 'residualPercent');
    residual = mulDivRound(msrp, pct.units, 100 * pow10(pct.scale), 'half-up');
  }
  // A residual above the price would make depreciation negative: the lessee pays to own less.
  if (residual >= price) {
    const field = q.residual !== undefined ? 'residual' : 'residualPercent';
    throw new FinanceInputError(
      'residual_above_price',
      'the residual must be below the selling price',
      field,
    );
  }
  const capitalize = q.capitalizeAcquisitionFee ?? true;
  const gross = price + (capitalize ? acquisition : 0);
  if (reduction >= gross - residual) {
    throw new FinanceInputError(
      'cap_cost_reduction_too_large',
      'the cap cost reduction must leave more than the residual to pay for',
      'capCostReduction',
    );
  }
  return {
    grossCapCost: cents(gross),
    capCostReduction: reduction,
    residual: cents(residual),
    term,
    moneyFactor,
    ...(q.taxRate === undefined ? {} : { taxRate: q.taxRate }),
    taxMethod: q.taxMethod ?? 'monthly',
    // Tax on the agreed price as if bought (upfront-price states) is on the selling price.
    taxablePrice: price,
    fees: cents(upfront + (capitalize ? 0 : acquisition)),
    ...(q.securityDeposit === undefined ? {} : { securityDeposit: q.securityDeposit }),
    ...(q.dispositionFee === undefined ? {} : { dispositionFee: q.dispositionFee }),
  };
}

/**
 * A lease estimate before signing: base payment, rent charge, depreciation, tax, total
 * monthly payment and amount due at signing by Regulation M. The rate is a money factor; an
 * "APR-equivalent" input is converted and reported as such, never as an APR.
 */
export function leaseQuote(q: LeaseQuoteInput): LeaseQuote {
  const input = leaseQuoteInput(q);
  const tax = parseDecimal(q.taxRate ?? '0', 'taxRate');
  if (tax.units / pow10(tax.scale) > 100)
    throw new FinanceInputError('invalid_input', 'taxRate is above 100', 'taxRate');
  const r = leasePayment(input);
  const acquisition = requireAmount(q.acquisitionFee ?? 0, 'acquisitionFee');
  return {
    ...r,
    moneyFactorSource: q.moneyFactor !== undefined ? 'money-factor' : 'apr-equivalent',
    acquisitionFee: acquisition,
    acquisitionFeeCapitalized: q.capitalizeAcquisitionFee ?? true,
  };
}
