import { z } from 'zod';
import { AccountIdParams } from './accounts.ts';
import { IsoDate, Money, page } from './common.ts';

/** The largest single payment the portal takes, in cents ($250,000). */
export const MAX_PAYMENT_CENTS = 25_000_000;

export const PaymentStatus = z
  .enum(['scheduled', 'pending', 'submitted', 'settled', 'completed', 'returned', 'canceled', 'failed'])
  .describe(
    'scheduled: waiting for its date; pending: posted, bank debit not yet sent; submitted: in an ACH file; settled: bank debit arrived; completed: card payment approved; returned: the bank sent it back; canceled: cancelled before its date; failed: a scheduled card payment the card issuer declined',
  );
export type PaymentStatus = z.infer<typeof PaymentStatus>;

export const PaymentSplit = z
  .object({ fees: Money, interest: Money, principal: Money, unapplied: Money })
  .meta({ id: 'PaymentSplit' });
export type PaymentSplit = z.infer<typeof PaymentSplit>;

export const PaymentRequest = z
  .strictObject({
    paymentMethodId: z.string().regex(/^pm_[0-9A-Za-z]{16,32}$/, 'Choose one of your payment methods'),
    amount: z
      .number()
      .int('Amount must be in whole cents')
      .positive('Enter an amount above zero')
      .max(MAX_PAYMENT_CENTS, 'That is above the most we accept in one payment'),
    currency: z.literal('USD'),
    scheduledFor: IsoDate.optional().describe(
      'A future date up to the next due date + 30 days; default today',
    ),
    principalOnly: z.boolean().optional().describe('Loans only: apply everything to principal'),
  })
  .meta({ id: 'PaymentRequest' });
export type PaymentRequest = z.infer<typeof PaymentRequest>;

export const Payment = z
  .object({
    id: z.string(),
    confirmationNumber: z.string(),
    accountId: z.string(),
    amount: Money,
    status: PaymentStatus,
    principalOnly: z.boolean(),
    channel: z.enum(['web', 'autopay', 'ops']),
    scheduledFor: IsoDate,
    effectiveDate: IsoDate.nullable(),
    paymentMethod: z.object({ id: z.string(), type: z.enum(['bank_account', 'card']), label: z.string() }),
    split: PaymentSplit.nullable(),
    returnCode: z.string().nullable(),
    returnReason: z.string().nullable(),
    cancellable: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Payment' });
export type Payment = z.infer<typeof Payment>;

export const PaymentList = page(Payment).meta({ id: 'PaymentList' });
export type PaymentList = z.infer<typeof PaymentList>;

export const PaymentIdParams = AccountIdParams.extend({
  paymentId: z.string().regex(/^pay_[0-9A-Za-z]{16,32}$/, 'Unknown payment'),
});

/** What the pay screen offers: presets, limits and the dates a payment may take. */
export const PaymentOptions = z
  .object({
    amountDue: Money,
    pastDue: Money,
    payoff: Money,
    nextDueDate: IsoDate.nullable(),
    earliestDate: IsoDate,
    latestDate: IsoDate,
    principalOnlyAllowed: z.boolean(),
    minimum: Money,
    maximum: Money,
  })
  .meta({ id: 'PaymentOptions' });
export type PaymentOptions = z.infer<typeof PaymentOptions>;

export const PayoffQuoteQuery = z.object({
  date: IsoDate.optional().describe('Good-through date; default today, at most 30 days ahead'),
  format: z.enum(['json', 'pdf']).optional().describe('pdf: the payoff letter'),
  language: z
    .enum(['en', 'es'])
    .optional()
    .describe("Language of the letter (default: the customer's preferred language)"),
});

export const PayoffQuote = z
  .object({
    accountId: z.string(),
    quoteDate: IsoDate,
    goodThrough: IsoDate,
    payoff: Money,
    principal: Money.describe('Loan principal, or the lease payments still to come'),
    interest: Money,
    fees: Money,
    residual: Money.nullable().describe('Leases: the purchase option price (residual) included'),
    perDiem: Money.describe('Interest added for each day after goodThrough, to the cent'),
    perDiemExact: z.string().describe('The per diem in dollars to 4 decimals, as a payoff letter shows it'),
    lease: z
      .object({
        remainingPayments: Money.describe('The lease payments still to come'),
        purchasePrice: Money.describe('The purchase option price: residual plus any purchase option fee'),
        purchaseTax: Money.describe('Sales tax on the purchase'),
      })
      .nullable()
      .optional()
      .describe('Leases: the payoff in its parts (principal + residual + fees = payoff)'),
  })
  .meta({ id: 'PayoffQuote' });
export type PayoffQuote = z.infer<typeof PayoffQuote>;

export const TransactionType = z.enum([
  'opening_balance',
  'payment',
  'interest',
  'fee',
  'return',
  'adjustment',
  'settlement',
]);
export type TransactionType = z.infer<typeof TransactionType>;

export const Transaction = z
  .object({
    id: z.string(),
    type: TransactionType,
    description: z.string(),
    effectiveDate: IsoDate,
    postedDate: IsoDate,
    amount: Money.describe('Change to what is owed: negative lowers the balance'),
    balance: Money.describe('What is owed after this transaction (principal + interest + fees)'),
    split: PaymentSplit.nullable(),
    payment: z.object({ id: z.string(), status: PaymentStatus, confirmationNumber: z.string() }).nullable(),
  })
  .meta({ id: 'Transaction' });
export type Transaction = z.infer<typeof Transaction>;

export const TransactionQuery = z.object({
  type: TransactionType.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(64).optional(),
  format: z.enum(['json', 'csv']).optional(),
});

export const TransactionList = page(Transaction).meta({ id: 'TransactionList' });
export type TransactionList = z.infer<typeof TransactionList>;

export const AutopayAuthorization = z
  .object({
    version: z.string(),
    text: z.object({ en: z.string(), es: z.string() }),
  })
  .meta({ id: 'AutopayAuthorization' });
export type AutopayAuthorization = z.infer<typeof AutopayAuthorization>;

export const Autopay = z
  .object({
    status: z.enum(['not_enrolled', 'active', 'paused', 'stopped', 'suspended']),
    paymentMethod: z.object({ id: z.string(), label: z.string() }).nullable(),
    amountRule: z.enum(['amount_due', 'fixed_extra']).nullable(),
    extraAmount: Money,
    draftDaysBeforeDue: z.number().int().nullable(),
    nextDraft: z.object({ date: IsoDate, dueDate: IsoDate, amount: Money }).nullable(),
    skipDueDate: IsoDate.nullable().describe('Paused: the due date whose draft is skipped'),
    finalDraftDate: IsoDate.nullable().describe(
      'Stopped less than 3 business days before a draft: that draft still goes',
    ),
    suspendedReason: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    authorization: AutopayAuthorization.describe(
      'The authorisation text to accept when enrolling or editing',
    ),
  })
  .meta({ id: 'Autopay' });
export type Autopay = z.infer<typeof Autopay>;

export const AutopayRequest = z
  .strictObject({
    paymentMethodId: z.string().regex(/^pm_[0-9A-Za-z]{16,32}$/, 'Choose one of your bank accounts'),
    amountRule: z.enum(['amount_due', 'fixed_extra']),
    extraAmount: z
      .number()
      .int('Amount must be in whole cents')
      .min(0)
      .max(500_000, 'Extra amounts up to $5,000')
      .optional(),
    draftDaysBeforeDue: z.number().int().min(0, 'From 0 to 10 days').max(10, 'From 0 to 10 days'),
    authorizationVersion: z.string().max(40),
    language: z.enum(['en', 'es']).optional(),
    pauseNextCycle: z.boolean().optional(),
  })
  .meta({ id: 'AutopayRequest' });
export type AutopayRequest = z.infer<typeof AutopayRequest>;

export const JournalLine = z.object({
  account: z.string(),
  debit: Money.nullable(),
  credit: Money.nullable(),
});
export const JournalEntry = z
  .object({
    id: z.string(),
    kind: z.string(),
    description: z.string(),
    effectiveDate: IsoDate,
    bookingDate: IsoDate,
    lines: z.array(JournalLine),
  })
  .meta({ id: 'JournalEntry' });
export type JournalEntry = z.infer<typeof JournalEntry>;

export const OpsPaymentQuery = z.object({
  q: z
    .string()
    .trim()
    .min(3, 'Enter at least 3 characters')
    .max(64)
    .describe('Confirmation number, payment ID or account number'),
});
export const OpsPayment = Payment.extend({ accountNumber: z.string(), customerName: z.string() }).meta({
  id: 'OpsPayment',
});
export type OpsPayment = z.infer<typeof OpsPayment>;
export const OpsPaymentList = z.object({ data: z.array(OpsPayment) }).meta({ id: 'OpsPaymentList' });
export type OpsPaymentList = z.infer<typeof OpsPaymentList>;
export const OpsPaymentDetail = z
  .object({ payment: OpsPayment, journal: z.array(JournalEntry) })
  .meta({ id: 'OpsPaymentDetail' });
export type OpsPaymentDetail = z.infer<typeof OpsPaymentDetail>;
export const OpsPaymentParams = z.object({
  paymentId: z.string().regex(/^pay_[0-9A-Za-z]{16,32}$/, 'Unknown payment'),
});
