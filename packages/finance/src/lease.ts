import { type Decimal, parseDecimal, pow10 } from './decimal.ts';
import { FinanceInputError } from './errors.ts';
import { type Cents, cents } from './money.ts';
import { aprEquivalentFromMoneyFactor } from './rates.ts';
import { mulDivRound } from './rounding.ts';
import { requireAmount, requireInt } from './validate.ts';

/**
 * How sales/use tax applies to a lease; states differ:
 * - `monthly`: tax on each base monthly payment (most states); optionally also on the
 *   capitalized cost reduction (`taxCapCostReduction`).
 * - `upfront-payments`: tax on the sum of base payments plus cap cost reduction, due at
 *   signing (e.g. Illinois, Minnesota, New Jersey, Ohio, Georgia's model).
 * - `upfront-price`: tax on the full price (agreed value, default the gross capitalized cost)
 *   at signing, as if bought (e.g. Texas, Virginia). May be capitalized.
 */
export type LeaseTaxMethod = 'monthly' | 'upfront-payments' | 'upfront-price';

/** Input of {@link leasePayment}; amounts in cents, rates as decimal strings. */
export interface LeaseInput {
  /** Agreed value plus capitalized fees and add-ons. */
  readonly grossCapCost: Cents;
  /** Down payment, net trade-in and rebates applied to the cap cost. */
  readonly capCostReduction: Cents;
  /** Residual value; or give `msrp` and `residualPercent` instead. */
  readonly residual?: Cents;
  readonly msrp?: Cents;
  /** Residual as a percent of MSRP ("58" = 58 %); rounded half-up to the cent. */
  readonly residualPercent?: string;
  /** Lease term in months (1…120). */
  readonly term: number;
  /** Money factor, e.g. "0.00250". */
  readonly moneyFactor: string;
  /** Sales/use tax rate in percent ("7.25"); default no tax. */
  readonly taxRate?: string;
  /** Default `monthly`. */
  readonly taxMethod?: LeaseTaxMethod;
  /** `monthly` method: also tax the cap cost reduction at signing. */
  readonly taxCapCostReduction?: boolean;
  /** `upfront-price` method: the taxable price (default `grossCapCost`). */
  readonly taxablePrice?: Cents;
  /** `upfront-price` method: roll the tax into the gross cap cost instead of paying it. */
  readonly capitalizeUpfrontTax?: boolean;
  /** Fees paid at signing, not capitalized (title, registration, acquisition fee if paid). */
  readonly fees?: Cents;
  /** Part of `capCostReduction` not paid in cash at signing (trade-in equity, rebates). */
  readonly nonCashCapCostReduction?: Cents;
  readonly securityDeposit?: Cents;
  /** Charged at the end if the lessee returns the vehicle; part of the total of payments. */
  readonly dispositionFee?: Cents;
  /** Fee added to the residual when the lessee buys the vehicle at the end. */
  readonly purchaseOptionFee?: Cents;
}

/** Regulation M figures of a closed-end vehicle lease; amounts in cents. */
export interface LeaseResult {
  readonly grossCapCost: Cents;
  readonly capCostReduction: Cents;
  readonly adjustedCapCost: Cents;
  readonly residual: Cents;
  /** Depreciation and any amortized amounts: adjusted cap cost − residual. */
  readonly depreciation: Cents;
  readonly monthlyDepreciation: Cents;
  /** Total rent charge: total of base payments − depreciation (absorbs rounding). */
  readonly rentCharge: Cents;
  /** (adjusted cap cost + residual) × money factor, half-up. */
  readonly monthlyRent: Cents;
  readonly baseMonthlyPayment: Cents;
  readonly totalOfBasePayments: Cents;
  readonly monthlyTax: Cents;
  readonly totalMonthlyPayment: Cents;
  /** Tax due at signing (upfront methods, not capitalized) or capitalized into the cap cost. */
  readonly upfrontTax: Cents;
  readonly capCostReductionTax: Cents;
  readonly amountDueAtSigning: Cents;
  /** Reg M total of payments: due at signing (less refundable) + remaining payments + other charges. */
  readonly totalOfPayments: Cents;
  readonly purchaseOptionPrice: Cents;
  readonly term: number;
  readonly moneyFactor: string;
  /** Lease rate equivalent (money factor × 2400), in percent. NOT an APR: never label it so. */
  readonly aprEquivalent: string;
}

function optional(value: Cents | undefined, field: string): Cents {
  return value === undefined ? (0 as Cents) : requireAmount(value, field);
}

function percentOf(amount: number, rate: Decimal): number {
  return mulDivRound(amount, rate.units, 100 * pow10(rate.scale), 'half-up');
}

function resolveResidual(input: LeaseInput): Cents {
  if (input.residual !== undefined) return requireAmount(input.residual, 'residual');
  if (input.msrp === undefined || input.residualPercent === undefined) {
    throw new FinanceInputError('invalid_input', 'give residual, or msrp and residualPercent', 'residual');
  }
  const msrp = requireAmount(input.msrp, 'msrp', true);
  return cents(percentOf(msrp, parseDecimal(input.residualPercent, 'residualPercent')));
}

/**
 * Base and total monthly payment of a closed-end lease (payments in advance, the industry
 * money-factor method) with every Regulation M disclosure figure. Each monthly component is
 * rounded half-up to the cent; the rent charge is derived so the disclosures add up exactly.
 */
export function leasePayment(input: LeaseInput): LeaseResult {
  const term = requireInt(input.term, 'term', 1, 120);
  const mf = parseDecimal(input.moneyFactor, 'moneyFactor');
  const tax = parseDecimal(input.taxRate ?? '0', 'taxRate');
  const method = input.taxMethod ?? 'monthly';
  let gross: number = requireAmount(input.grossCapCost, 'grossCapCost', true);
  const reduction = requireAmount(input.capCostReduction, 'capCostReduction');
  const residual = resolveResidual(input);
  const fees = optional(input.fees, 'fees');
  const deposit = optional(input.securityDeposit, 'securityDeposit');
  const disposition = optional(input.dispositionFee, 'dispositionFee');
  const nonCash = optional(input.nonCashCapCostReduction, 'nonCashCapCostReduction');
  if (nonCash > reduction) {
    throw new FinanceInputError('invalid_input', 'cannot exceed capCostReduction', 'nonCashCapCostReduction');
  }

  let upfrontTax = 0;
  let capitalizedTax = 0;
  if (method === 'upfront-price') {
    upfrontTax = percentOf(input.taxablePrice ?? gross, tax);
    if (input.capitalizeUpfrontTax === true) {
      capitalizedTax = upfrontTax;
      gross += upfrontTax;
    }
  }
  const adjusted = gross - reduction;
  if (adjusted <= 0) {
    throw new FinanceInputError('invalid_input', 'must be less than grossCapCost', 'capCostReduction');
  }
  if (residual > adjusted) {
    throw new FinanceInputError('invalid_input', 'must not exceed the adjusted capitalized cost', 'residual');
  }
  const depreciation = adjusted - residual;
  const monthlyDepreciation = Math.floor((2 * depreciation + term) / (2 * term)); // half-up
  const monthlyRent = mulDivRound(adjusted + residual, mf.units, pow10(mf.scale), 'half-up');
  const base = monthlyDepreciation + monthlyRent;
  const totalBase = base * term;
  const monthlyTax = method === 'monthly' ? percentOf(base, tax) : 0;
  const reductionTax =
    method === 'monthly' && input.taxCapCostReduction === true ? percentOf(reduction, tax) : 0;
  if (method === 'upfront-payments') upfrontTax = percentOf(totalBase + reduction, tax);
  const totalMonthly = base + monthlyTax;
  const taxDueAtSigning = upfrontTax - capitalizedTax;
  const dueAtSigning = reduction - nonCash + totalMonthly + fees + deposit + taxDueAtSigning + reductionTax;
  // Reg M §1013.4(e): due at signing less refundable amounts, plus the periodic payments not
  // paid at signing, plus other charges (the disposition fee).
  const totalOfPayments = dueAtSigning - deposit + totalMonthly * (term - 1) + disposition;

  return {
    grossCapCost: cents(gross),
    capCostReduction: reduction,
    adjustedCapCost: cents(adjusted),
    residual,
    depreciation: cents(depreciation),
    monthlyDepreciation: cents(monthlyDepreciation),
    rentCharge: cents(totalBase - depreciation),
    monthlyRent: cents(monthlyRent),
    baseMonthlyPayment: cents(base),
    totalOfBasePayments: cents(totalBase),
    monthlyTax: cents(monthlyTax),
    totalMonthlyPayment: cents(totalMonthly),
    upfrontTax: cents(upfrontTax),
    capCostReductionTax: cents(reductionTax),
    amountDueAtSigning: cents(dueAtSigning),
    totalOfPayments: cents(totalOfPayments),
    purchaseOptionPrice: cents(residual + optional(input.purchaseOptionFee, 'purchaseOptionFee')),
    term,
    moneyFactor: input.moneyFactor.trim(),
    aprEquivalent: aprEquivalentFromMoneyFactor(input.moneyFactor),
  };
}
