import { type Decimal, parseDecimal, pow10 } from './decimal.ts';
import { FinanceInputError } from './errors.ts';
import { type Cents, cents } from './money.ts';
import type { PeriodSpan } from './periods.ts';
import { divRoundBig, mulDivRound } from './rounding.ts';
import { requireAmount, requireInt } from './validate.ts';

/** Longest term accepted, in months (50 years); guards against runaway loops. */
export const MAX_TERM_MONTHS = 600;

/** The monthly rate `apr / 1200` as the exact fraction `num / den`. */
export interface MonthlyRate {
  readonly num: number;
  readonly den: number;
}

// Parsed APRs by string: servicing and calculators reuse a handful of rates, and the regex
// parse was a measurable share of a payment calculation. Bounded so it cannot grow.
const APR_CACHE = new Map<string, MonthlyRate>();
const APR_CACHE_LIMIT = 256;

/** Parses an APR percent string ("5.99") into its exact monthly rate. */
export function parseApr(apr: string, field = 'apr'): MonthlyRate {
  const cached = APR_CACHE.get(apr);
  if (cached !== undefined) return cached;
  const d: Decimal = parseDecimal(apr, field);
  if (d.units / pow10(d.scale) >= 1000) {
    throw new FinanceInputError('invalid_input', `${field} must be below 1000 percent`, field);
  }
  const rate = { num: d.units, den: 1200 * pow10(d.scale) };
  if (APR_CACHE.size >= APR_CACHE_LIMIT) APR_CACHE.clear();
  APR_CACHE.set(apr, rate);
  return rate;
}

/** A regular first period: exactly one month. */
export const REGULAR_FIRST_PERIOD: PeriodSpan = { periods: 1, days: 0 };

/**
 * The level payment, half-up to the cent, that amortizes `principal` over `n` monthly payments
 * when the first period is `first` (whole months m plus odd days d). Actuarial, as Regulation Z
 * Appendix J (a)(2) and (b)(8) define it: the odd days earn simple interest at d/30 of the
 * monthly rate, and each full month compounds, so the balance at the first due date is
 * P·(1 + i·d/30)·(1 + i)^m. With a regular first period this is the textbook annuity payment
 * P·i / (1 − (1+i)^−n).
 *
 * Exact: a float estimate is used unless it falls near a half cent, where the exact rational
 * value (BigInt) decides. See {@link exactLevelPayment}.
 */
export function levelPayment(principal: number, rate: MonthlyRate, n: number, first: PeriodSpan): Cents {
  if (rate.num === 0) return cents(Math.floor((principal * 2 + n) / (2 * n)));
  const i = rate.num / rate.den;
  const l = Math.log1p(i);
  const growth = Math.exp((first.periods + n - 1) * l);
  const x = (principal * (1 + (i * first.days) / 30) * i * growth) / Math.expm1(n * l);
  const frac = x - Math.floor(x);
  // Float error is ~1e-14 relative; only values this close to a half cent need the exact path.
  if (Math.abs(frac - 0.5) > 1e-7 + x * 1e-11 && Number.isFinite(x)) return cents(Math.floor(x + 0.5));
  return exactLevelPayment(principal, rate, n, first);
}

/**
 * The same payment from the exact rational formula, with i = a/b and q = a + b:
 * X = P · a · (30b + d·a) · q^(m+n−1) / (30b · b^m · (q^n − b^n)), rounded half-up.
 */
export function exactLevelPayment(principal: number, rate: MonthlyRate, n: number, first: PeriodSpan): Cents {
  const a = BigInt(rate.num);
  const b = BigInt(rate.den);
  const P = BigInt(principal);
  if (a === 0n) return cents(Number(divRoundBig(P, BigInt(n), 'half-up')));
  const q = a + b;
  const m = BigInt(first.periods);
  const num = P * a * (30n * b + BigInt(first.days) * a) * q ** (m + BigInt(n) - 1n);
  const den = 30n * b * b ** m * (q ** BigInt(n) - b ** BigInt(n));
  return cents(Number(divRoundBig(num, den, 'half-up')));
}

/**
 * Interest earned over a first period of m months and d odd days on `principal`, actuarially:
 * P·[(1 + i·d/30)(1 + i)^m − 1], half-up. Equals P·i for a regular month.
 */
export function firstPeriodInterest(principal: number, rate: MonthlyRate, first: PeriodSpan): number {
  if (first.periods === 1 && first.days === 0) return mulDivRoundNum(principal, rate.num, rate.den);
  if (first.periods === 0) return mulDivRoundNum(principal, rate.num * first.days, 30 * rate.den);
  const a = BigInt(rate.num);
  const b = BigInt(rate.den);
  const m = BigInt(first.periods);
  const bm = b ** m;
  const num = BigInt(principal) * ((30n * b + BigInt(first.days) * a) * (a + b) ** m - 30n * b * bm);
  return Number(divRoundBig(num, 30n * b * bm, 'half-up'));
}

function mulDivRoundNum(a: number, b: number, d: number): number {
  return mulDivRound(a, b, d, 'half-up');
}

/** Input of {@link loanPayment}. */
export interface LoanPaymentInput {
  /** Amount financed, cents, > 0. */
  readonly amountFinanced: Cents;
  /** Annual percentage rate as a percent string, e.g. "5.99". */
  readonly apr: string;
  /** Number of monthly payments, 1…600. */
  readonly termMonths: number;
}

/**
 * The level monthly payment for an amount financed, APR and term, with a regular (one-month)
 * first period; rounded half-up to the cent. The final payment of a schedule absorbs the
 * rounding residue (see `amortizationSchedule`).
 */
export function loanPayment(input: LoanPaymentInput): Cents {
  const principal = requireAmount(input.amountFinanced, 'amountFinanced', true);
  const n = requireInt(input.termMonths, 'termMonths', 1, MAX_TERM_MONTHS);
  return levelPayment(principal, parseApr(input.apr), n, REGULAR_FIRST_PERIOD);
}
