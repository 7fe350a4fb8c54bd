import { daysInMonth, type IsoDate, parseYmd, toDayNumber } from './dates.ts';
import { FinanceInputError } from './errors.ts';
import {
  firstPeriodInterest,
  levelPayment,
  MAX_TERM_MONTHS,
  type MonthlyRate,
  parseApr,
} from './loan-payment.ts';
import { type Cents, cents } from './money.ts';
import { monthSpan, type PeriodSpan } from './periods.ts';
import { mulDivRound } from './rounding.ts';
import { requireAmount, requireInt } from './validate.ts';

/** Input of {@link amortizationSchedule}. */
export interface AmortizationInput {
  /** Amount financed, cents, > 0. */
  readonly amountFinanced: Cents;
  /** Contract APR as a percent string ("5.99"). */
  readonly apr: string;
  /** Number of monthly payments, 1…600. */
  readonly termMonths: number;
  /** Date interest starts (consummation / funding). */
  readonly contractDate: IsoDate;
  /** First due date; later dates fall on the same day of month (clamped at month-end). */
  readonly firstPaymentDate: IsoDate;
  /**
   * A payment to use instead of the computed level payment. A larger one ends the schedule
   * early; a smaller one leaves a larger (balloon) final payment.
   */
  readonly payment?: Cents;
}

/** One installment of a schedule; all amounts in cents. */
export interface ScheduleRow {
  readonly number: number;
  readonly dueDate: IsoDate;
  readonly payment: Cents;
  readonly interest: Cents;
  readonly principal: Cents;
  /** Principal balance after this payment. */
  readonly balance: Cents;
}

/** A full amortization schedule and its totals. */
export interface AmortizationSchedule {
  /** The regular (level) payment. */
  readonly payment: Cents;
  /** The last payment, which absorbs the rounding residue. */
  readonly finalPayment: Cents;
  readonly rows: ScheduleRow[];
  /** Sum of interest: the TILA finance charge when there are no prepaid finance charges. */
  readonly financeCharge: Cents;
  /** Sum of all payments. */
  readonly totalOfPayments: Cents;
  readonly amountFinanced: Cents;
  /** The first period as whole months plus odd days (odd days count 1/30 of a month). */
  readonly firstPeriod: PeriodSpan;
}

/**
 * The actuarial amortization schedule of a retail installment contract.
 *
 * Interest per regular period is balance × APR / 12, half-up to the cent. The first period
 * runs from the contract date to the first due date and is measured as whole months m plus
 * odd days d, counted back from the first due date as Regulation Z Appendix J (b)(5) does.
 * Its interest is actuarial, as in Appendix J (a)(2) and (b)(8): the odd days earn simple
 * interest at d/30 of a month's rate, then each full month compounds, so interest for the
 * period is P·[(1 + i·d/30)(1 + i)^m − 1]. The disclosed APR computed from this schedule by
 * Appendix J therefore equals the contract rate up to cent rounding. Unless `payment` is given, the
 * level payment accounts for the odd first period, so only the final payment differs, by the
 * rounding residue. The final payment clears the balance exactly, so principal sums to the
 * amount financed and finance charge = total of payments − amount financed, to the cent.
 *
 * Note: servicing of a simple-interest contract accrues by actual days (see
 * `accrueInterest`); this schedule is the disclosed, as-agreed projection.
 */
export function amortizationSchedule(input: AmortizationInput): AmortizationSchedule {
  const principal = requireAmount(input.amountFinanced, 'amountFinanced', true);
  const n = requireInt(input.termMonths, 'termMonths', 1, MAX_TERM_MONTHS);
  const rate = parseApr(input.apr);
  const first = parseYmd(input.firstPaymentDate, 'firstPaymentDate');
  const contract = toDayNumber(input.contractDate, 'contractDate');
  if (toDayNumber(input.firstPaymentDate) <= contract) {
    throw new FinanceInputError(
      'invalid_input',
      'firstPaymentDate must be after contractDate',
      'firstPaymentDate',
    );
  }
  const span = monthSpan(input.contractDate, input.firstPaymentDate);
  const payment =
    input.payment === undefined
      ? levelPayment(principal, rate, n, span)
      : requireAmount(input.payment, 'payment', true);
  return buildRows(principal, rate, n, span, payment, first.y, first.m, first.d);
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, k) => String(k).padStart(2, '0'));

// Due date k: the first due date's day of month, clamped to the month's length.
function dueDate(y: number, m: number, d: number): IsoDate {
  const day = Math.min(d, daysInMonth(y, m));
  return `${y}-${TWO_DIGITS[m]}-${TWO_DIGITS[day]}`;
}

// The row loop is the hot path (bench target: a 72-month schedule in under 10 µs), so it
// works on plain numbers that are exact safe integers and rounds with integer division.
function buildRows(
  principal: number,
  rate: MonthlyRate,
  n: number,
  span: PeriodSpan,
  payment: Cents,
  y: number,
  m: number,
  d: number,
): AmortizationSchedule {
  const rows: ScheduleRow[] = [];
  const lastDay = d;
  let year = y;
  let month = m;
  let balance = principal;
  let totalInterest = 0;
  let totalPaid = 0;
  for (let k = 1; k <= n && balance > 0; k++) {
    const interest =
      k === 1
        ? firstPeriodInterest(balance, rate, span)
        : mulDivRound(balance, rate.num, rate.den, 'half-up');
    const owed = balance + interest;
    const pay = k === n || owed <= payment ? owed : payment;
    balance = owed - pay;
    totalInterest += interest;
    totalPaid += pay;
    if (k > 1 && month === 12) {
      month = 1;
      year += 1;
    } else if (k > 1) month += 1;
    rows.push({
      number: k,
      dueDate: dueDate(year, month, lastDay),
      payment: pay as Cents,
      interest: interest as Cents,
      principal: (pay - interest) as Cents,
      balance: balance as Cents,
    });
  }
  const last = rows[rows.length - 1];
  return {
    payment,
    finalPayment: last === undefined ? payment : last.payment,
    rows,
    financeCharge: cents(totalInterest),
    totalOfPayments: cents(totalPaid),
    amountFinanced: principal as Cents,
    firstPeriod: span,
  };
}
