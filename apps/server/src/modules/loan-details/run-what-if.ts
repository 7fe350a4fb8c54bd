import type { WhatIf } from '@marque/contracts';
import { cents, FinanceInputError, type IsoDate, type Projection, whatIf } from '@marque/finance';
import { BusinessRuleError } from '../../platform/errors.ts';
import type { ContractRow } from '../contracts/index.ts';
import { requireLoan } from './require-loan.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' as const });

/** Finance's field names → the query parameters the customer sent. */
const FIELD: Record<string, string> = { extraPayment: 'oneTime', newPayment: 'extraMonthly' };

function projection(p: Projection) {
  return {
    payments: p.payments,
    payoffDate: p.payoffDate,
    finalPayment: usd(p.finalPayment),
    totalInterest: usd(p.totalInterest),
  };
}

/**
 * "Pay $X more a month" and/or "pay $Y once, now" against the current path, from the principal
 * balance on the ledger and the contract payment.
 */
export function runWhatIf(
  contract: ContractRow,
  businessDate: IsoDate,
  query: { extraMonthly?: number | undefined; oneTime?: number | undefined },
): WhatIf {
  const loan = requireLoan(contract);
  const extraMonthly = query.extraMonthly ?? 0;
  const oneTime = query.oneTime ?? 0;
  if (contract.balanceCents <= 0 || contract.status !== 'active') {
    throw new BusinessRuleError('loan_paid_off', 'This loan has no balance left to pay.');
  }
  if (extraMonthly === 0 && oneTime === 0) {
    throw new BusinessRuleError('nothing_to_compare', 'Enter an extra monthly amount or a one-time amount.', [
      { field: 'extraMonthly', code: 'required', message: 'Enter an amount above zero.' },
    ]);
  }
  if (oneTime > contract.balanceCents) {
    throw new BusinessRuleError(
      'above_principal',
      'The one-time amount is more than the principal balance.',
      [{ field: 'oneTime', code: 'above_principal', message: 'Enter at most the principal balance.' }],
    );
  }
  try {
    const r = whatIf({
      principal: cents(contract.balanceCents),
      apr: loan.apr,
      payment: cents(contract.paymentCents),
      nextDueDate: contract.nextDueDate ?? businessDate,
      extraPayment: cents(oneTime),
      extraMonthly: cents(extraMonthly),
      remainingPayments: Math.max(1, contract.termMonths - contract.paymentsMade),
    });
    return {
      accountId: contract.publicId,
      extraMonthly: usd(extraMonthly),
      oneTime: usd(oneTime),
      current: projection(r.baseline),
      scenario: projection(r.scenario),
      interestSaved: usd(r.interestSaved),
      paymentsSaved: r.paymentsSaved,
    };
  } catch (e) {
    if (!(e instanceof FinanceInputError)) throw e;
    const field = FIELD[e.field ?? ''] ?? e.field ?? 'extraMonthly';
    throw new BusinessRuleError('invalid_what_if', e.message, [
      { field, code: 'invalid', message: e.message },
    ]);
  }
}
