import { z } from 'zod';
import { IsoDate, Money } from './common.ts';

/** A balance at a date, for the amortization chart. */
export const BalancePoint = z.object({ date: IsoDate, balance: Money });

/** The loan as disclosed (Truth in Lending box) and as it stands: GET /accounts/{id}/schedule. */
export const LoanSchedule = z
  .object({
    accountId: z.string(),
    disclosure: z.object({
      annualPercentageRate: z.string().describe('APR disclosed, percent to 2 decimals'),
      financeCharge: Money,
      amountFinanced: Money,
      totalOfPayments: Money,
      paymentSchedule: z.array(z.object({ count: z.number().int(), amount: Money, firstDueDate: IsoDate })),
    }),
    principalBalance: Money,
    paymentsMade: z.number().int(),
    paymentsRemaining: z.number().int(),
    paidToDate: z.object({
      principal: Money.describe('Amount financed minus the principal balance on the ledger'),
      interest: Money.describe('Interest paid: ledger payments plus interest paid before conversion'),
    }),
    perDiem: Money.describe('Daily interest on the principal balance, rounded to the cent'),
    perDiemExact: z.string().describe('Daily interest in dollars to 4 decimals'),
    nextDueDate: IsoDate.nullable(),
    maturityDate: IsoDate,
    /** The disclosed schedule: the balance after each scheduled payment, from the contract date. */
    scheduled: z.array(BalancePoint),
    /** The principal balance on the ledger after each entry that changed it, from the contract date. */
    actual: z.array(BalancePoint),
    /** History before this date was brought over from the previous system (one opening entry). */
    ledgerOpenedOn: IsoDate.nullable(),
  })
  .meta({ id: 'LoanSchedule' });
export type LoanSchedule = z.infer<typeof LoanSchedule>;

/** Amounts in cents; at least one above zero. */
export const WhatIfQuery = z.object({
  extraMonthly: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000_000)
    .optional()
    .describe('Cents added to every payment'),
  oneTime: z.coerce
    .number()
    .int()
    .min(0)
    .max(25_000_000)
    .optional()
    .describe('A one-time principal payment now, cents'),
});

export const PayoffProjection = z.object({
  payments: z.number().int(),
  payoffDate: IsoDate,
  finalPayment: Money,
  totalInterest: Money,
});

export const WhatIf = z
  .object({
    accountId: z.string(),
    extraMonthly: Money,
    oneTime: Money,
    current: PayoffProjection,
    scenario: PayoffProjection,
    interestSaved: Money,
    paymentsSaved: z.number().int(),
  })
  .meta({ id: 'WhatIf' });
export type WhatIf = z.infer<typeof WhatIf>;

export const TitleStep = z.object({
  step: z.enum(['payoff_received', 'release_requested', 'lien_released', 'title_mailed']),
  date: IsoDate.nullable().describe('When it happened; null while still expected'),
  expectedDate: IsoDate.nullable(),
});

/** Lien release after payoff: GET /accounts/{id}/title. */
export const TitleStatus = z
  .object({
    accountId: z.string(),
    status: z.enum(['lien_held', 'release_in_progress', 'released', 'not_applicable']),
    state: z.string().nullable().describe('State of title (two letters)'),
    method: z.enum(['electronic', 'paper']).nullable(),
    /** The state rule the expected dates follow. */
    releaseDays: z.number().int().nullable(),
    steps: z.array(TitleStep),
  })
  .meta({ id: 'TitleStatus' });
export type TitleStatus = z.infer<typeof TitleStatus>;
