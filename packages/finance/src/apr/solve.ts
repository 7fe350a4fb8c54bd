import type { IsoDate } from '../dates.ts';
import { formatFloat } from '../decimal.ts';
import { FinanceInputError } from '../errors.ts';
import type { Cents } from '../money.ts';
import {
  detectUnitPeriodParsed,
  type ParsedDate,
  parseDate,
  scheduleMonthDay,
  singlePaymentUnitPeriod,
  type UnitPeriod,
  type UnitTime,
  unitPeriodsPerYear,
  unitTimeParsed,
} from './unit-period.ts';

/** One advance or payment, in cents, on a calendar date. */
export interface DatedAmount {
  readonly date: IsoDate;
  readonly amount: Cents;
}

/** A cash flow placed in unit-period time: `t` full unit-periods plus fraction `f`. */
export interface TimedAmount extends UnitTime {
  readonly amount: number;
}

/** Input of {@link solveApr}. */
export interface AprInput {
  /** Amounts advanced (the amount financed, in one or more advances). */
  readonly advances: readonly DatedAmount[];
  readonly payments: readonly DatedAmount[];
  /**
   * Beginning of the term (App. J (b)(2)): consummation, or the later date finance charge
   * starts to be earned. Default: the first advance.
   */
  readonly termStart?: IsoDate;
  /** Force a unit-period instead of detecting it from the payment dates (App. J (b)(3)). */
  readonly unitPeriod?: UnitPeriod;
}

/** The Appendix J annual percentage rate and how it was computed. */
export interface AprResult {
  /** APR in percent, half-up to 2 decimals, as disclosed ("9.69"). */
  readonly apr: string;
  /** APR in percent to 4 decimals, for comparisons and tolerance checks. */
  readonly aprPrecise: string;
  /** APR in percent as a float (unrounded solver output). */
  readonly aprValue: number;
  readonly unitPeriod: UnitPeriod;
  readonly unitPeriodsPerYear: number;
  /** The rate per unit-period, as a decimal fraction. */
  readonly unitPeriodRate: number;
  readonly iterations: number;
}

/**
 * The annual percentage rate by the actuarial method of Regulation Z, 12 CFR 1026 Appendix J:
 * solves the general equation (b)(8)
 *
 *   Σ A_k / ((1 + e_k·i)(1 + i)^q_k) = Σ P_j / ((1 + f_j·i)(1 + i)^t_j)
 *
 * for the unit-period rate i (fractions earn simple interest per (b)(6)), and returns
 * APR = i × unit-periods per year ((b)(1)). Works for single and multiple advances, regular or
 * irregular amounts and periods, odd first periods and odd final payments. Converges to far
 * better than 0.0001 percentage point; throws `FinanceInputError` (`no_convergence`) if no rate
 * in (0, 100 000 %) balances the flows.
 */
export function solveApr(input: AprInput): AprResult {
  const advances = parseFlows(input.advances, 'advances');
  const payments = parseFlows(input.payments, 'payments');
  payments.sort((a, b) => a.at.day - b.at.day);
  let start: ParsedDate = (advances[0] as ParsedFlow).at;
  for (const a of advances) if (a.at.day < start.day) start = a.at;
  if (input.termStart !== undefined) start = parseDate(input.termStart, 'termStart');
  for (const [field, list] of [
    ['advances', advances],
    ['payments', payments],
  ] as const) {
    if (list.some((x) => x.at.day < start.day)) {
      throw new FinanceInputError('invalid_input', 'dates must not be before the term start', field);
    }
  }
  const last = payments[payments.length - 1] as ParsedFlow;
  if (last.at.day <= start.day) {
    throw new FinanceInputError('invalid_input', 'the last payment must be after the term start', 'payments');
  }
  const paymentDates = payments.map((p) => p.at);
  const unit =
    input.unitPeriod ??
    (payments.length === 1 && advances.length === 1
      ? singlePaymentUnitPeriod(start, last.at)
      : (detectUnitPeriodParsed(paymentDates) ?? { kind: 'month', count: 1 }));
  // Months are measured back along the payment schedule's day of month, so a due date clamped
  // to a month's end (the 31st on Feb 28) is whole months after the one before it.
  const monthDay = scheduleMonthDay(paymentDates);
  const place = (x: ParsedFlow): TimedAmount => {
    const at = unitTimeParsed(start, x.at, unit, monthDay);
    return { amount: x.amount, t: at.t, f: at.f };
  };
  const { rate, iterations } = solveUnitPeriodRate(advances.map(place), payments.map(place));
  const perYear = unitPeriodsPerYear(unit);
  const aprValue = rate * perYear * 100;
  return {
    apr: formatFloat(aprValue, 2),
    aprPrecise: formatFloat(aprValue, 4),
    aprValue,
    unitPeriod: unit,
    unitPeriodsPerYear: perYear,
    unitPeriodRate: rate,
    iterations,
  };
}

interface ParsedFlow {
  readonly at: ParsedDate;
  readonly amount: number;
}

function parseFlows(list: readonly DatedAmount[], field: string): ParsedFlow[] {
  if (!Array.isArray(list) || list.length === 0) {
    throw new FinanceInputError('invalid_input', `at least one of ${field} is required`, field);
  }
  return list.map((x: DatedAmount) => {
    if (typeof x !== 'object' || x === null || !Number.isSafeInteger(x.amount) || x.amount <= 0) {
      throw new FinanceInputError('invalid_input', `${field} amounts must be positive cents`, field);
    }
    return { at: parseDate(x.date, field), amount: x.amount };
  });
}

// Flows sorted by t, so each solver iteration multiplies powers up instead of calling exp
// per flow. (Plain objects: allocating typed arrays here cost more than the whole solve.)
function byTime(flows: readonly TimedAmount[]): readonly TimedAmount[] {
  for (let k = 1; k < flows.length; k++) {
    if ((flows[k] as TimedAmount).t < (flows[k - 1] as TimedAmount).t)
      return [...flows].sort((a, b) => a.t - b.t);
  }
  return flows;
}

interface Residual {
  value: number;
  slope: number;
}

// Adds sign · Σ amount / ((1 + f·i)(1 + i)^t) and its derivative in i to `out`.
function accumulate(flows: readonly TimedAmount[], i: number, sign: number, out: Residual): void {
  const v = 1 / (1 + i);
  let power = 1; // v^t at the current t
  let at = 0;
  for (let k = 0; k < flows.length; k++) {
    const x = flows[k] as TimedAmount;
    const step = x.t - at;
    // Consecutive unit-periods (the usual case) cost one multiplication.
    if (step === 1) power *= v;
    else if (step !== 0) power *= v ** step;
    at = x.t;
    const simple = 1 + x.f * i;
    const pv = (x.amount * power) / simple;
    out.value += sign * pv;
    out.slope -= sign * pv * (x.f / simple + x.t * v);
  }
}

const MAX_RATE = 1000; // per unit-period: far beyond any lawful APR
const MAX_ITERATIONS = 100;
// Absolute resolution of the unit-period rate: some 45 doubles of 1 + i, where float noise in
// the residual stops moving it. At most 365 unit-periods a year, it is under 4e-10 percentage
// point of APR.
const RATE_RESOLUTION = 1e-14;

/**
 * The unit-period rate i ≥ 0 at which advances and payments balance (App. J (b)(8)), by Newton
 * steps kept inside a shrinking bracket (bisection when a step leaves it), so it always
 * converges when a root exists in [0, MAX_RATE].
 */
export function solveUnitPeriodRate(
  advances: readonly TimedAmount[],
  payments: readonly TimedAmount[],
): { rate: number; iterations: number } {
  const adv = byTime(advances);
  const pay = byTime(payments);
  const out: Residual = { value: 0, slope: 0 };
  const g = (i: number): Residual => {
    out.value = 0;
    out.slope = 0;
    accumulate(adv, i, 1, out);
    accumulate(pay, i, -1, out);
    return out;
  };
  let totalAdvanced = 0;
  let totalPaid = 0;
  let span = 0;
  for (const x of adv) totalAdvanced += x.amount;
  for (const x of pay) {
    totalPaid += x.amount;
    span = Math.max(span, x.t + x.f);
  }
  if (totalPaid < totalAdvanced) {
    throw new FinanceInputError('no_convergence', 'payments total less than the amount advanced', 'payments');
  }
  if (totalPaid === totalAdvanced) return { rate: 0, iterations: 0 };
  // Bracket [lo, hi]: g < 0 at lo (payments worth more), g > 0 at hi; hi unknown at first.
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  // Constant-ratio estimate as the start: Newton then needs 3-5 steps on ordinary schedules.
  let i = (2 * (totalPaid - totalAdvanced)) / (totalAdvanced * (span + 1));
  for (let n = 1; n <= MAX_ITERATIONS; n++) {
    if (i > MAX_RATE) break;
    const { value, slope } = g(i);
    if (value === 0) return { rate: i, iterations: n };
    if (value < 0) lo = i;
    else hi = i;
    let next = i - value / slope;
    if (!(next > lo && next < hi))
      next = hi === Number.POSITIVE_INFINITY ? Math.max(2 * i, lo + 1e-6) : (lo + hi) / 2;
    // 1e-13 relative on the rate is ~1e-11 percentage point on any APR: far inside 0.0001.
    // The residual only sees the rate through 1 + i, whose doubles are 2.2e-16 apart, so a tiny
    // rate (0.01 % APR) cannot be resolved to 1e-13 of itself: Newton then creeps by float noise
    // and never meets the relative test. RATE_RESOLUTION bounds the step absolutely as well.
    const tol = 1e-13 * i + RATE_RESOLUTION;
    if (next <= MAX_RATE && (Math.abs(next - i) <= tol || hi - lo <= tol)) {
      return { rate: next, iterations: n };
    }
    i = next;
  }
  throw new FinanceInputError('no_convergence', 'no annual percentage rate balances these flows', 'payments');
}
