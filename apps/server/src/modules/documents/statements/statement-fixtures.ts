import type { Transaction } from '@marque/contracts';
import { loadBrand } from '../../../platform/brand.ts';
import { DEMO_LENDER_DETAILS } from '../lender-details.ts';
import type { DocumentLanguage } from '../pdf/format.ts';
import type { StatementRenderInput } from './render-statement.ts';
import { type StatementInput, statementData } from './statement-data.ts';

/** A loan statement scenario for tests, the benchmark and screenshots (fictional people). */

const usd = (amount: number) => ({ amount, currency: 'USD' as const });
const split = (principal: number, interest: number, fees = 0) => ({
  principal: usd(principal),
  interest: usd(interest),
  fees: usd(fees),
  unapplied: usd(0),
});
export function tx(
  id: string,
  type: Transaction['type'],
  date: string,
  description: string,
  amount: number,
  balance: number,
  s: Transaction['split'] = null,
): Transaction {
  return {
    id,
    type,
    description,
    effectiveDate: date,
    postedDate: date,
    amount: usd(amount),
    balance: usd(balance),
    split: s,
    payment: null,
  };
}

export function sampleStatementInput(overrides: Partial<StatementInput['contract']> = {}): StatementInput {
  return {
    statementDate: '2026-03-20',
    periodStart: '2026-02-21',
    dueDate: '2026-04-09',
    contract: {
      type: 'loan',
      paymentCents: 58_412,
      pastDueCents: 0,
      daysPastDue: 0,
      balanceCents: 1_821_904,
      feesCents: 2_500,
      unappliedCents: 0,
      apr: '6.8600',
      contractDate: '2024-03-09',
      maturityDate: '2029-03-09',
      mileageAllowancePerYear: null,
      excessMileageRateCents: null,
      ...overrides,
    },
    openingBalanceCents: 1_870_111,
    transactions: [
      // Newest first, as listTransactions returns them.
      tx(
        'jrn_3',
        'payment',
        '2026-03-09',
        'Payment by ACH, checking ••••6789',
        -58_412,
        1_821_904,
        split(48_207, 10_205),
      ),
      tx('jrn_2', 'interest', '2026-03-09', 'Interest accrued', 10_205, 1_880_316),
      tx('jrn_1', 'fee', '2026-02-24', 'Late charge', 2_500, 1_872_111),
    ],
    interestPaidYtdCents: 30_866,
    autopay: true,
  };
}

export function sampleStatement(
  language: DocumentLanguage = 'en',
  input = sampleStatementInput(),
): StatementRenderInput {
  return {
    brand: loadBrand(undefined),
    language,
    createdAt: '2026-03-20T06:00:00Z',
    statementDate: input.statementDate,
    periodStart: input.periodStart,
    dueDate: input.dueDate,
    lenderAddress: DEMO_LENDER_DETAILS.correspondence,
    remittance: {
      payableTo: DEMO_LENDER_DETAILS.remittance.payableTo,
      mail: DEMO_LENDER_DETAILS.correspondence,
    },
    customer: {
      name: 'José Núñez Ortega',
      address: {
        line1: '1847 Calle Peñasco',
        line2: 'Apt 3B',
        city: 'San Antonio',
        state: 'TX',
        postalCode: '78207',
      },
    },
    accountNumber: '4417-2093-88',
    vehicle: { year: 2023, make: 'Solenne', model: 'Arden', trim: 'Touring', vin: '7SLAR3C52PA123456' },
    daysPastDue: input.contract.daysPastDue,
    data: statementData(input),
  };
}
