import {
  addDays,
  addMonths,
  amortizationSchedule,
  type Cents,
  type IsoDate,
  leasePayment,
  parseMoney,
} from '@marque/finance';
import type { DemoLease, DemoLoan } from './demo-data.ts';

/** The terms and the servicing state of a seeded contract as of the business date. */
export interface SeededContract {
  type: 'loan' | 'lease';
  status: 'active' | 'paid_off';
  contractDate: IsoDate;
  firstPaymentDate: IsoDate;
  maturityDate: IsoDate;
  termMonths: number;
  paymentCents: number;
  amountFinancedCents: number | null;
  apr: string | null;
  grossCapCostCents: number | null;
  capCostReductionCents: number | null;
  residualCents: number | null;
  moneyFactor: string | null;
  mileageAllowancePerYear: number | null;
  excessMileageRateCents: number | null;
  salesTaxRate: string | null;
  balanceCents: number;
  pastDueCents: number;
  daysPastDue: number;
  nextDueDate: IsoDate | null;
  paymentsMade: number;
  /** Interest is accrued through the last installment paid (simple interest owed since then). */
  interestAccruedThrough: IsoDate | null;
  paidTowardInstallmentsCents: number;
}

/**
 * Contracts are dated on their due day (the 15th unless said; 1-28 so every month has it) a
 * whole number of months before the business date.
 */
function datesFor(businessDate: IsoDate, monthsAgo: number, termMonths: number, dueDay = 15) {
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 28) throw new Error('dueDay must be 1 to 28');
  const contractDate = addMonths(
    `${businessDate.slice(0, 7)}-${String(dueDay).padStart(2, '0')}`,
    -monthsAgo,
  );
  const firstPaymentDate = addMonths(contractDate, 1);
  const maturityDate = addMonths(firstPaymentDate, termMonths - 1);
  return { contractDate, firstPaymentDate, maturityDate };
}

/** Due dates on or before the business date, and how many of them were paid. */
function history(firstPaymentDate: IsoDate, termMonths: number, businessDate: IsoDate, missed: number) {
  let due = 0;
  while (due < termMonths && addMonths(firstPaymentDate, due) <= businessDate) due++;
  const paid = Math.max(0, due - missed);
  const nextDueDate = paid < termMonths ? addMonths(firstPaymentDate, paid) : null;
  const daysPastDue =
    nextDueDate && nextDueDate < businessDate
      ? Math.round((Date.parse(businessDate) - Date.parse(nextDueDate)) / 86_400_000)
      : 0;
  return { due, paid, nextDueDate, daysPastDue };
}

export function seededLoan(loan: DemoLoan, businessDate: IsoDate): SeededContract {
  const dates = datesFor(businessDate, loan.monthsAgo, loan.termMonths, loan.dueDay);
  const amountFinanced = parseMoney(loan.amountFinanced);
  const schedule = amortizationSchedule({
    amountFinanced,
    apr: loan.apr,
    termMonths: loan.termMonths,
    contractDate: dates.contractDate,
    firstPaymentDate: dates.firstPaymentDate,
  });
  const paidOffOn = loan.paidOffDaysAgo === undefined ? null : addDays(businessDate, -loan.paidOffDaysAgo);
  const h = history(dates.firstPaymentDate, loan.termMonths, paidOffOn ?? businessDate, loan.missed ?? 0);
  const balance: Cents =
    h.paid === 0 ? amountFinanced : (schedule.rows[h.paid - 1]?.balance ?? amountFinanced);
  if (paidOffOn !== null) {
    // Paid off early: every balance is zero, nothing is due; the ledger opens nothing for it.
    return {
      ...seededLoanTerms(loan, dates, schedule.payment, amountFinanced),
      status: 'paid_off',
      balanceCents: 0,
      pastDueCents: 0,
      daysPastDue: 0,
      nextDueDate: null,
      paymentsMade: h.paid,
      interestAccruedThrough: paidOffOn,
      paidTowardInstallmentsCents: h.paid * schedule.payment,
    };
  }
  return {
    status: 'active',
    type: 'loan',
    ...dates,
    termMonths: loan.termMonths,
    paymentCents: schedule.payment,
    amountFinancedCents: amountFinanced,
    apr: loan.apr,
    grossCapCostCents: null,
    capCostReductionCents: null,
    residualCents: null,
    moneyFactor: null,
    mileageAllowancePerYear: null,
    excessMileageRateCents: null,
    salesTaxRate: null,
    balanceCents: balance,
    pastDueCents: (h.due - h.paid) * schedule.payment,
    daysPastDue: h.daysPastDue,
    nextDueDate: h.nextDueDate,
    paymentsMade: h.paid,
    interestAccruedThrough: h.paid === 0 ? dates.contractDate : addMonths(dates.firstPaymentDate, h.paid - 1),
    paidTowardInstallmentsCents: h.paid * schedule.payment,
  };
}

function seededLoanTerms(
  loan: DemoLoan,
  dates: { contractDate: IsoDate; firstPaymentDate: IsoDate; maturityDate: IsoDate },
  payment: number,
  amountFinanced: number,
) {
  return {
    type: 'loan' as const,
    ...dates,
    termMonths: loan.termMonths,
    paymentCents: payment,
    amountFinancedCents: amountFinanced,
    apr: loan.apr,
    grossCapCostCents: null,
    capCostReductionCents: null,
    residualCents: null,
    moneyFactor: null,
    mileageAllowancePerYear: null,
    excessMileageRateCents: null,
    salesTaxRate: null,
  };
}

export const DEMO_LEASE_TAX_RATE = '7.75';

export function seededLease(lease: DemoLease, msrp: Cents, businessDate: IsoDate): SeededContract {
  const dates = datesFor(businessDate, lease.monthsAgo, lease.termMonths, lease.dueDay);
  const figures = leasePayment({
    grossCapCost: parseMoney(lease.grossCapCost),
    capCostReduction: parseMoney(lease.capCostReduction),
    msrp,
    residualPercent: String(lease.residualPercent),
    term: lease.termMonths,
    moneyFactor: lease.moneyFactor,
    taxRate: DEMO_LEASE_TAX_RATE,
  });
  const h = history(dates.firstPaymentDate, lease.termMonths, businessDate, lease.missed ?? 0);
  const payment = figures.totalMonthlyPayment;
  return {
    status: 'active',
    type: 'lease',
    ...dates,
    termMonths: lease.termMonths,
    paymentCents: payment,
    amountFinancedCents: null,
    apr: null,
    grossCapCostCents: figures.grossCapCost,
    capCostReductionCents: figures.capCostReduction,
    residualCents: figures.residual,
    moneyFactor: lease.moneyFactor,
    mileageAllowancePerYear: lease.mileageAllowancePerYear,
    excessMileageRateCents: parseMoney(lease.excessMileageRate),
    salesTaxRate: DEMO_LEASE_TAX_RATE,
    // The lease receivable: every monthly payment (tax included) still to come; the ledger
    // moves it from here on.
    balanceCents: (lease.termMonths - h.paid) * payment,
    pastDueCents: (h.due - h.paid) * payment,
    daysPastDue: h.daysPastDue,
    nextDueDate: h.nextDueDate,
    paymentsMade: h.paid,
    interestAccruedThrough: null,
    paidTowardInstallmentsCents: h.paid * payment,
  };
}
