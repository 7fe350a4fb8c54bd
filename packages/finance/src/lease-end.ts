import { parseDecimal, pow10 } from './decimal.ts';
import { FinanceInputError } from './errors.ts';
import type { LeaseResult } from './lease.ts';
import { type Cents, cents } from './money.ts';
import { mulDivRound } from './rounding.ts';
import { requireAmount, requireInt } from './validate.ts';

/** Input of {@link excessMileageCharge}. */
export interface ExcessMileageInput {
  /** Miles allowed per year of the lease. */
  readonly milesPerYear: number;
  readonly termMonths: number;
  /** Extra miles bought at signing. */
  readonly purchasedMiles?: number;
  /** Miles driven over the lease (odometer at return − odometer at delivery). */
  readonly milesDriven: number;
  /** Charge per excess mile, cents (e.g. 25 for $0.25). */
  readonly ratePerMile: Cents;
}

/** The excess-mileage charge at lease end. */
export interface ExcessMileage {
  readonly allowedMiles: number;
  readonly excessMiles: number;
  readonly charge: Cents;
}

/** Allowed = miles/year × months / 12 (rounded down) + purchased miles; charge on the excess. */
export function excessMileageCharge(input: ExcessMileageInput): ExcessMileage {
  const perYear = requireInt(input.milesPerYear, 'milesPerYear', 0, 1_000_000);
  const term = requireInt(input.termMonths, 'termMonths', 1, 120);
  const bought = requireInt(input.purchasedMiles ?? 0, 'purchasedMiles', 0, 1_000_000);
  const driven = requireInt(input.milesDriven, 'milesDriven', 0, 10_000_000);
  const rate = requireAmount(input.ratePerMile, 'ratePerMile');
  const allowedMiles = Math.floor((perYear * term) / 12) + bought;
  const excessMiles = Math.max(0, driven - allowedMiles);
  return { allowedMiles, excessMiles, charge: cents(excessMiles * rate) };
}

/** Input of {@link purchaseOption}. */
export interface PurchaseOptionInput {
  readonly residual: Cents;
  readonly purchaseOptionFee?: Cents;
  /** Sales tax on the purchase, percent. */
  readonly taxRate?: string;
}

/** The end-of-term purchase price: residual + purchase option fee, plus tax. */
export function purchaseOption(input: PurchaseOptionInput): { price: Cents; tax: Cents; total: Cents } {
  const price =
    requireAmount(input.residual, 'residual') +
    requireAmount(input.purchaseOptionFee ?? 0, 'purchaseOptionFee');
  const rate = parseDecimal(input.taxRate ?? '0', 'taxRate');
  const tax = mulDivRound(price, rate.units, 100 * pow10(rate.scale), 'half-up');
  return { price: cents(price), tax: cents(tax), total: cents(price + tax) };
}

/** The monthly rate implied by a lease (payments in advance, residual at the end), as a float. */
export function leaseImplicitRate(
  adjustedCapCost: number,
  base: number,
  residual: number,
  term: number,
): number {
  const pvAt = (r: number): number => {
    const v = 1 / (1 + r);
    // Annuity-due of `term` payments plus the discounted residual.
    const annuity = r === 0 ? term : ((1 - v ** term) / r) * (1 + r);
    return base * annuity + residual * v ** term;
  };
  let lo = 0;
  let hi = 1;
  if (pvAt(0) <= adjustedCapCost) return 0;
  for (let k = 0; k < 200 && hi - lo > 1e-15; k++) {
    const mid = (lo + hi) / 2;
    if (pvAt(mid) > adjustedCapCost) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Input of {@link earlyTerminationEstimate}. */
export interface EarlyTerminationInput {
  readonly lease: Pick<LeaseResult, 'adjustedCapCost' | 'baseMonthlyPayment' | 'residual' | 'term'>;
  /** Base payments made so far (including the one at signing). */
  readonly paymentsMade: number;
  /** Realized (wholesale or appraised) value of the returned vehicle. */
  readonly vehicleValue: Cents;
  readonly earlyTerminationFee?: Cents;
  readonly dispositionFee?: Cents;
  /** Past-due payments and fees owed. */
  readonly pastDue?: Cents;
}

/** An early-termination estimate and its parts. */
export interface EarlyTermination {
  /** Adjusted lease balance by the actuarial (constant-yield) method. */
  readonly adjustedLeaseBalance: Cents;
  /** Balance − vehicle value, never below zero. */
  readonly deficiency: Cents;
  readonly fees: Cents;
  readonly pastDue: Cents;
  readonly total: Cents;
}

/**
 * Early-termination estimate in the common form of lease contracts: the adjusted lease balance
 * (remaining base payments and residual, discounted at the lease's implicit rate, i.e. the
 * actuarial method) less the vehicle's realized value, plus early-termination and disposition
 * fees and anything past due. An estimate: the contract's own formula governs.
 */
export function earlyTerminationEstimate(input: EarlyTerminationInput): EarlyTermination {
  const { adjustedCapCost, baseMonthlyPayment, residual, term } = input.lease;
  const made = requireInt(input.paymentsMade, 'paymentsMade', 1, term);
  const value = requireAmount(input.vehicleValue, 'vehicleValue');
  const r = leaseImplicitRate(adjustedCapCost, baseMonthlyPayment, residual, term);
  // Payments fall due in advance at months 0 … term−1 and the residual at month `term`. After
  // `made` payments, the remaining ones are due at months made … term−1.
  const v = 1 / (1 + r);
  let balance = 0;
  for (let k = made; k < term; k++) balance += baseMonthlyPayment * v ** (k - made + 1);
  balance += residual * v ** (term - made + 1);
  // `balance` is the value just after the last payment made; a month on, when termination
  // is settled, it has earned a month of rent charge (and includes the payment now due).
  const adjusted = Math.round(balance * (1 + r));
  if (!Number.isSafeInteger(adjusted))
    throw new FinanceInputError('invalid_input', 'lease out of range', 'lease');
  const fees =
    requireAmount(input.earlyTerminationFee ?? 0, 'earlyTerminationFee') +
    requireAmount(input.dispositionFee ?? 0, 'dispositionFee');
  const pastDue = requireAmount(input.pastDue ?? 0, 'pastDue');
  const deficiency = Math.max(0, adjusted - value);
  return {
    adjustedLeaseBalance: cents(adjusted),
    deficiency: cents(deficiency),
    fees: cents(fees),
    pastDue,
    total: cents(deficiency + fees + pastDue),
  };
}
