import { z } from 'zod';
import { IsoDate, Money, page } from './common.ts';

export const ContractType = z.enum(['loan', 'lease']);
export const ContractStatus = z.enum(['active', 'paid_off', 'matured', 'charged_off', 'closed']);
export const Delinquency = z.enum(['current', '1-29', '30-59', '60-89', '90-119', '120+']);

export const Vehicle = z
  .object({
    id: z.string(),
    vin: z.string(),
    year: z.number().int(),
    make: z.string(),
    model: z.string(),
    trim: z.string(),
    color: z.string(),
    odometer: z.number().int().describe('Last known odometer reading in miles'),
  })
  .meta({ id: 'Vehicle' });

export const LoanTerms = z.object({
  type: z.literal('loan'),
  amountFinanced: Money,
  apr: z.string().describe('Annual percentage rate, percent'),
  termMonths: z.number().int(),
  payment: Money,
  contractDate: IsoDate,
  firstPaymentDate: IsoDate,
  maturityDate: IsoDate,
});
export const LeaseTerms = z.object({
  type: z.literal('lease'),
  grossCapitalizedCost: Money,
  capitalizedCostReduction: Money,
  adjustedCapitalizedCost: Money,
  residualValue: Money,
  moneyFactor: z.string().describe('Lease rate (money factor); not an APR'),
  termMonths: z.number().int(),
  payment: Money,
  contractDate: IsoDate,
  firstPaymentDate: IsoDate,
  maturityDate: IsoDate,
  mileageAllowancePerYear: z.number().int(),
  excessMileageRate: Money.describe('Charge per mile over the allowance'),
});

export const AccountSummary = z
  .object({
    id: z.string().describe('Opaque account (contract) ID, ctr_...'),
    accountNumber: z.string().describe('Masked human account number'),
    type: ContractType,
    status: ContractStatus,
    delinquency: Delinquency,
    vehicle: Vehicle,
    balance: Money.describe('Principal balance (loan) or remaining lease balance'),
    pastDue: Money,
    nextPayment: z.object({ amount: Money, dueDate: IsoDate }).nullable(),
    paymentsMade: z.number().int(),
    paymentsRemaining: z.number().int(),
  })
  .meta({ id: 'AccountSummary' });
export type AccountSummary = z.infer<typeof AccountSummary>;

export const AccountDetail = AccountSummary.extend({
  terms: z.discriminatedUnion('type', [LoanTerms, LeaseTerms]),
}).meta({ id: 'AccountDetail' });
export type AccountDetail = z.infer<typeof AccountDetail>;

export const AccountList = page(AccountSummary).meta({ id: 'AccountList' });
export type AccountList = z.infer<typeof AccountList>;

export const AccountIdParams = z.object({
  accountId: z.string().regex(/^ctr_[0-9A-Za-z]{16,32}$/, 'Unknown account'),
});
