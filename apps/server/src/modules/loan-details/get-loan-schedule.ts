import type { LoanSchedule } from '@marque/contracts';
import {
  accrueInterest,
  cents,
  compareDates,
  type IsoDate,
  loanDisclosure,
  perDiem,
  type ScheduleRow,
} from '@marque/finance';
import type { Db } from '../../platform/db/client.ts';
import type { ContractRow } from '../contracts/index.ts';
import { type PrincipalHistory, principalHistory } from '../ledger/index.ts';
import { requireLoan } from './require-loan.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' as const });

/**
 * The loan as disclosed (the federal-box figures, recomputed from the contract terms by
 * @marque/finance exactly as they were disclosed) beside the loan as it stands on the ledger:
 * principal paid, interest paid, per diem, and the scheduled and actual balance over time.
 */
export async function getLoanSchedule(
  db: Db,
  contract: ContractRow,
  businessDate: IsoDate,
): Promise<LoanSchedule> {
  const loan = requireLoan(contract);
  const disclosure = loanDisclosure({
    amountFinanced: cents(loan.amountFinanced),
    apr: loan.apr,
    termMonths: contract.termMonths,
    contractDate: contract.contractDate,
    firstPaymentDate: contract.firstPaymentDate,
  });
  const history = await principalHistory(db, contract.id);
  const start = { date: contract.contractDate, balance: usd(loan.amountFinanced) };
  const actual = [start, ...history.points.map((p) => ({ date: p.date, balance: usd(p.balance) }))];
  // No journal (paid off before the ledger): the balance as it stands, on the payoff day.
  if (!history.points.length) {
    const paidOffOn = contract.status === 'paid_off' ? contract.interestAccruedThrough : null;
    actual.push({ date: paidOffOn ?? businessDate, balance: usd(contract.balanceCents) });
  }
  return {
    accountId: contract.publicId,
    disclosure: {
      annualPercentageRate: disclosure.annualPercentageRate,
      financeCharge: usd(disclosure.financeCharge),
      amountFinanced: usd(disclosure.amountFinanced),
      totalOfPayments: usd(disclosure.totalOfPayments),
      paymentSchedule: disclosure.paymentSchedule.map((l) => ({
        count: l.count,
        amount: usd(l.amount),
        firstDueDate: l.firstDueDate,
      })),
    },
    principalBalance: usd(contract.balanceCents),
    paymentsMade: contract.paymentsMade,
    paymentsRemaining:
      contract.status === 'active' ? Math.max(0, contract.termMonths - contract.paymentsMade) : 0,
    paidToDate: {
      principal: usd(loan.amountFinanced - contract.balanceCents),
      interest: usd(
        history.interestPaid + interestPaidBeforeLedger(contract, disclosure.schedule.rows, history),
      ),
    },
    ...perDiemOf(contract.balanceCents, loan.apr),
    nextDueDate: contract.status === 'active' ? contract.nextDueDate : null,
    maturityDate: contract.maturityDate,
    scheduled: [
      start,
      ...disclosure.schedule.rows.map((r) => ({ date: r.dueDate, balance: usd(r.balance) })),
    ],
    actual,
    ledgerOpenedOn: history.opening?.date ?? null,
  };
}

function perDiemOf(principal: number, apr: string) {
  const p = perDiem({ principal: cents(principal), apr });
  return { perDiem: usd(p.rounded), perDiemExact: p.amount };
}

/**
 * Interest paid before the contract came onto the ledger. A conversion brings forward only the
 * principal; a contract converted on schedule (the balance after its k-th scheduled payment)
 * paid the scheduled interest of those k payments. Off schedule it is unknown and counted as 0.
 * A loan paid off before the ledger (no journal at all) paid its scheduled installments and then
 * the remaining principal with the simple interest accrued from the last due date to the payoff.
 */
function interestPaidBeforeLedger(
  contract: ContractRow,
  rows: readonly ScheduleRow[],
  history: PrincipalHistory,
): number {
  const upTo = (k: number) => rows.slice(0, k).reduce((sum, r) => sum + r.interest, 0);
  if (history.opening !== null) {
    const k = rows.findIndex((r) => r.balance === history.opening?.principal);
    return k < 0 ? 0 : upTo(k + 1);
  }
  if (history.points.length || contract.status !== 'paid_off' || contract.apr === null) return 0;
  const k = Math.min(contract.paymentsMade, rows.length);
  const lastPaid = rows[k - 1];
  const payoffOn = contract.interestAccruedThrough;
  if (!lastPaid || !payoffOn || compareDates(payoffOn, lastPaid.dueDate) < 0) return upTo(k);
  const tail = accrueInterest({
    principal: lastPaid.balance,
    apr: contract.apr,
    from: lastPaid.dueDate,
    to: payoffOn,
  });
  return upTo(k) + tail.interest;
}
