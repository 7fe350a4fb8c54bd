import type { AccountRequestKind, AccountRequestQuote } from '@marque/contracts';
import {
  cents,
  dueDateChangeCost,
  extensionCost,
  FinanceInputError,
  type IsoDate,
  type RequestCost,
} from '@marque/finance';
import { BusinessRuleError, ValidationError } from '../../platform/errors.ts';
import type { ContractRow } from '../contracts/index.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' as const });

export interface RequestInput {
  kind: AccountRequestKind;
  dueDay?: number | undefined;
  payments?: number | undefined;
}

/**
 * What a due-date change or a payment extension would cost, from the loan as it stands: the
 * principal on the ledger, the contract payment and the next due date. Loans only, active, with a
 * payment still to come.
 */
export function quoteRequest(contract: ContractRow, input: RequestInput): AccountRequestQuote {
  if (contract.type !== 'loan' || contract.apr === null)
    throw new BusinessRuleError('not_a_loan', 'Due-date changes and extensions are for loans.');
  if (contract.status !== 'active' || contract.balanceCents <= 0 || contract.nextDueDate === null)
    throw new BusinessRuleError('loan_not_active', 'This loan has no payments left to move.');
  const position = {
    principal: cents(contract.balanceCents),
    apr: contract.apr,
    payment: cents(contract.paymentCents),
    nextDueDate: contract.nextDueDate as IsoDate,
    remainingPayments: Math.max(1, contract.termMonths - contract.paymentsMade),
  };
  try {
    if (input.kind === 'due_date_change') {
      if (input.dueDay === undefined) throw ValidationError.field('dueDay', 'required', 'Choose a day.');
      if (Number(contract.nextDueDate.slice(8)) === input.dueDay)
        throw new BusinessRuleError('same_due_day', 'That is already your due day.', [
          { field: 'dueDay', code: 'same_due_day', message: 'Choose a different day.' },
        ]);
      const c = dueDateChangeCost({ ...position, newDueDay: input.dueDay });
      return toQuote(contract, input, c, c.newFirstDueDate, c.interestForExtraDays, c.extraDays);
    }
    if (input.payments === undefined)
      throw ValidationError.field('payments', 'required', 'Choose 1 or 2 payments.');
    const c = extensionCost({ ...position, payments: input.payments });
    return toQuote(contract, input, c, c.newNextDueDate, c.interestWhileDeferred, null);
  } catch (e) {
    if (!(e instanceof FinanceInputError)) throw e;
    const field = e.field === 'newDueDay' ? 'dueDay' : (e.field ?? 'kind');
    throw new BusinessRuleError('request_not_possible', e.message, [
      { field, code: 'invalid', message: e.message },
    ]);
  }
}

function toQuote(
  contract: ContractRow,
  input: RequestInput,
  c: RequestCost,
  newNextDueDate: IsoDate,
  accruing: number,
  extraDays: number | null,
): AccountRequestQuote {
  const next = contract.nextDueDate as IsoDate;
  return {
    kind: input.kind,
    dueDay: input.kind === 'due_date_change' ? (input.dueDay ?? null) : null,
    payments: input.kind === 'extension' ? (input.payments ?? null) : null,
    currentNextDueDate: next,
    newNextDueDate,
    extraDays,
    accruingInterest: usd(accruing),
    extraInterest: usd(c.extraInterest),
    currentFinalPayment: usd(c.current.finalPayment),
    newFinalPayment: usd(c.proposed.finalPayment),
    currentMaturityDate: c.current.payoffDate,
    newMaturityDate: c.proposed.payoffDate,
    currentPaymentsLeft: c.current.payments,
    newPaymentsLeft: c.proposed.payments,
  };
}
