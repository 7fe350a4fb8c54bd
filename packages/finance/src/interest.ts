import { type IsoDate, isLeapYear, parseYmd, toDayNumber } from './dates.ts';
import { type DayCountBasis, yearFraction } from './daycount.ts';
import { type Decimal, formatDecimal, parseDecimal, pow10 } from './decimal.ts';
import { FinanceInputError } from './errors.ts';
import { type Cents, cents } from './money.ts';
import { divRoundBig, type RoundingMode } from './rounding.ts';
import { requireAmount, requireInt } from './validate.ts';

/** The daily interest on a balance, from the unrounded daily rate. */
export interface PerDiem {
  /** Dollars per day to 4 decimals, half-up ("2.7397"): what a payoff letter shows. */
  readonly amount: string;
  /** Cents per day, half-up. Display only: accrual multiplies the exact rate, not this. */
  readonly rounded: Cents;
}

function aprDecimal(apr: string): Decimal {
  const d = parseDecimal(apr, 'apr');
  if (d.units / pow10(d.scale) >= 1000)
    throw new FinanceInputError('invalid_input', 'apr must be below 1000', 'apr');
  return d;
}

// principal × apr% × num / den, exactly, rounded once.
function interestFor(principal: number, apr: Decimal, num: number, den: number, mode: RoundingMode): bigint {
  return divRoundBig(
    BigInt(principal) * BigInt(apr.units) * BigInt(num),
    100n * BigInt(pow10(apr.scale)) * BigInt(den),
    mode,
  );
}

/** Days in the year used for the daily rate under a basis (`actual/365L` needs the year). */
function daysInYear(basis: DayCountBasis, leap: boolean): number {
  if (basis === 'actual/360' || basis === '30/360') return 360;
  return basis === 'actual/365L' && leap ? 366 : 365;
}

/** Input of {@link perDiem}. */
export interface PerDiemInput {
  readonly principal: Cents;
  /** APR percent string. */
  readonly apr: string;
  /** Default `actual/365`. */
  readonly basis?: DayCountBasis;
  /** For `actual/365L`: whether the day falls in a leap year (366-day divisor). */
  readonly leapYear?: boolean;
}

/** The per diem: principal × APR / days-in-year, shown to 4 decimals of a dollar (half-up). */
export function perDiem(input: PerDiemInput): PerDiem {
  const principal = requireAmount(input.principal, 'principal');
  const apr = aprDecimal(input.apr);
  const den = daysInYear(input.basis ?? 'actual/365', input.leapYear === true);
  // Hundredths of a cent = dollars to 4 decimals.
  const tenThousandths = interestFor(principal * 100, apr, 1, den, 'half-up');
  return {
    amount: formatDecimal({ units: Number(tenThousandths), scale: 4 }, 4),
    rounded: cents(Number(interestFor(principal, apr, 1, den, 'half-up'))),
  };
}

/** Input of {@link accrueInterest}. */
export interface AccrualInput {
  readonly principal: Cents;
  readonly apr: string;
  /** Interest accrues for each day after `from` up to and including `to`. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Default `actual/365`. */
  readonly basis?: DayCountBasis;
  /** Default `half-up`. */
  readonly rounding?: RoundingMode;
}

/** Accrued simple interest and its components. */
export interface Accrual {
  readonly interest: Cents;
  readonly days: number;
  readonly perDiem: PerDiem;
}

/**
 * Daily simple interest between two dates: principal × APR × (day-count fraction), computed
 * exactly from the unrounded daily rate and rounded once (half-up unless told otherwise).
 * With `actual/365L`, days in leap years use a 366-day year.
 */
export function accrueInterest(input: AccrualInput): Accrual {
  const principal = requireAmount(input.principal, 'principal');
  const apr = aprDecimal(input.apr);
  const basis = input.basis ?? 'actual/365';
  const days = toDayNumber(input.to, 'to') - toDayNumber(input.from, 'from');
  if (days < 0) throw new FinanceInputError('invalid_input', 'to must not be before from', 'to');
  const yf = yearFraction(input.from, input.to, basis);
  const interest = interestFor(principal, apr, yf.num, yf.den, input.rounding ?? 'half-up');
  // The quoted per diem is the rate for the last day accrued.
  const leap = basis === 'actual/365L' && isLeapYear(parseYmd(input.to).y);
  return {
    interest: cents(Number(interest)),
    days,
    perDiem: perDiem({ principal, apr: input.apr, basis, leapYear: leap }),
  };
}

/** Input of {@link interestForDays}: a day count instead of dates (calculators, the CLI). */
export interface DaysInterestInput {
  readonly principal: Cents;
  readonly apr: string;
  readonly days: number;
  /** 365 (default), 366 or 360. */
  readonly daysInYear?: 365 | 366 | 360;
}

/** Simple interest for a number of days: principal × APR × days / days-in-year, half-up once. */
export function interestForDays(input: DaysInterestInput): Accrual {
  const principal = requireAmount(input.principal, 'principal');
  const apr = aprDecimal(input.apr);
  const days = requireInt(input.days, 'days', 0, 36_600);
  const year = input.daysInYear ?? 365;
  if (year !== 365 && year !== 366 && year !== 360) {
    throw new FinanceInputError('invalid_input', 'daysInYear must be 365, 366 or 360', 'daysInYear');
  }
  const basis: DayCountBasis = year === 360 ? 'actual/360' : year === 366 ? 'actual/365L' : 'actual/365';
  return {
    interest: cents(Number(interestFor(principal, apr, days, year, 'half-up'))),
    days,
    perDiem: perDiem({ principal, apr: input.apr, basis, leapYear: year === 366 }),
  };
}
