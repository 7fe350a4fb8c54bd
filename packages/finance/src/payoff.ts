import type { IsoDate } from './dates.ts';
import { toDayNumber } from './dates.ts';
import type { DayCountBasis } from './daycount.ts';
import { FinanceInputError } from './errors.ts';
import { accrueInterest, type PerDiem } from './interest.ts';
import { type Cents, cents } from './money.ts';
import { requireAmount } from './validate.ts';

/** Input of {@link payoffQuote}. */
export interface PayoffInput {
  /** Principal balance today. */
  readonly principal: Cents;
  readonly apr: string;
  /** Interest has been accrued (posted) through this date. */
  readonly interestAccruedThrough: IsoDate;
  /** Accrued, unpaid interest as of `interestAccruedThrough`. */
  readonly accruedInterest?: Cents;
  /** Fees assessed and unpaid (late, NSF, …). */
  readonly unpaidFees?: Cents;
  /** The quote is good through this date (interest accrues through it). */
  readonly goodThrough: IsoDate;
  /** Default `actual/365`. */
  readonly basis?: DayCountBasis;
}

/** A payoff amount good through a date; payoff = principal + interest + fees, exactly. */
export interface PayoffQuote {
  readonly payoff: Cents;
  readonly principal: Cents;
  /** Accrued unpaid interest plus interest from the accrual date through `goodThrough`. */
  readonly interest: Cents;
  readonly fees: Cents;
  readonly goodThrough: IsoDate;
  /** Days of interest added beyond `interestAccruedThrough`. */
  readonly days: number;
  /** Daily interest for each day the payoff arrives after `goodThrough`. */
  readonly perDiem: PerDiem;
}

/** The amount that pays a simple-interest contract in full on `goodThrough`. */
export function payoffQuote(input: PayoffInput): PayoffQuote {
  const principal = requireAmount(input.principal, 'principal');
  const accrued = requireAmount(input.accruedInterest ?? 0, 'accruedInterest');
  const fees = requireAmount(input.unpaidFees ?? 0, 'unpaidFees');
  if (
    toDayNumber(input.goodThrough, 'goodThrough') <
    toDayNumber(input.interestAccruedThrough, 'interestAccruedThrough')
  ) {
    throw new FinanceInputError('invalid_input', 'must not be before interestAccruedThrough', 'goodThrough');
  }
  const more = accrueInterest({
    principal,
    apr: input.apr,
    from: input.interestAccruedThrough,
    to: input.goodThrough,
    basis: input.basis ?? 'actual/365',
  });
  const interest = cents(accrued + more.interest);
  return {
    payoff: cents(principal + interest + fees),
    principal,
    interest,
    fees,
    goodThrough: input.goodThrough,
    days: more.days,
    perDiem: more.perDiem,
  };
}
