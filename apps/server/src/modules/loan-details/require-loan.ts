import { BusinessRuleError } from '../../platform/errors.ts';
import type { ContractRow } from '../contracts/index.ts';

/** Loan-only features (schedule, what-if, requests) answer 422 for a lease. */
export function requireLoan(contract: ContractRow): { amountFinanced: number; apr: string } {
  if (contract.type !== 'loan' || contract.amountFinancedCents === null || contract.apr === null) {
    throw new BusinessRuleError('not_a_loan', 'This is available for loans only.');
  }
  return { amountFinanced: contract.amountFinancedCents, apr: contract.apr };
}
