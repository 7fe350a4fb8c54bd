import { type AmortizationInput, type AmortizationSchedule, amortizationSchedule } from './amortization.ts';
import { solveApr } from './apr/solve.ts';
import { aprWithinTolerance } from './apr/tolerance.ts';
import type { IsoDate } from './dates.ts';
import { type Cents, cents } from './money.ts';
import { requireAmount } from './validate.ts';

/** Input of {@link loanDisclosure}: a schedule plus the sale figures. */
export interface LoanDisclosureInput extends AmortizationInput {
  /** Cash down payment (and net trade-in); with it the total sale price is disclosed. */
  readonly downPayment?: Cents;
}

/** A line of the payment schedule disclosure: "48 payments of $475.48 monthly from …". */
export interface PaymentScheduleLine {
  readonly count: number;
  readonly amount: Cents;
  readonly firstDueDate: IsoDate;
}

/** The Truth in Lending "federal box" of a retail installment contract (12 CFR 1026.18). */
export interface LoanDisclosure {
  /** Annual percentage rate by Appendix J from the payment schedule, percent to 2 decimals. */
  readonly annualPercentageRate: string;
  readonly financeCharge: Cents;
  readonly amountFinanced: Cents;
  readonly totalOfPayments: Cents;
  /** Total of payments + down payment; present when `downPayment` is given. */
  readonly totalSalePrice?: Cents;
  readonly paymentSchedule: PaymentScheduleLine[];
  /** The disclosed APR is within 1/8 point of the contract rate (1026.22(a)(2)). */
  readonly aprMatchesContractRate: boolean;
  readonly schedule: AmortizationSchedule;
}

/** Groups consecutive equal payments into disclosure lines. */
export function groupPayments(schedule: AmortizationSchedule): PaymentScheduleLine[] {
  const lines: PaymentScheduleLine[] = [];
  for (const r of schedule.rows) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.amount === r.payment)
      lines[lines.length - 1] = { ...last, count: last.count + 1 };
    else lines.push({ count: 1, amount: r.payment, firstDueDate: r.dueDate });
  }
  return lines;
}

/**
 * The federal-box figures: finance charge, amount financed, total of payments (and total sale
 * price), the payment schedule, and the APR computed from that schedule by Appendix J.
 */
export function loanDisclosure(input: LoanDisclosureInput): LoanDisclosure {
  const schedule = amortizationSchedule(input);
  const apr = solveApr({
    advances: [{ date: input.contractDate, amount: schedule.amountFinanced }],
    payments: schedule.rows.map((r) => ({ date: r.dueDate, amount: r.payment })),
  });
  const down = input.downPayment === undefined ? undefined : requireAmount(input.downPayment, 'downPayment');
  return {
    annualPercentageRate: apr.apr,
    financeCharge: schedule.financeCharge,
    amountFinanced: schedule.amountFinanced,
    totalOfPayments: schedule.totalOfPayments,
    ...(down === undefined ? {} : { totalSalePrice: cents(schedule.totalOfPayments + down) }),
    paymentSchedule: groupPayments(schedule),
    aprMatchesContractRate: aprWithinTolerance(Number(apr.aprPrecise), Number(input.apr), false),
    schedule,
  };
}
