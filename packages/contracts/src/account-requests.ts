import { z } from 'zod';
import { IsoDate, Money } from './common.ts';

export const AccountRequestKind = z.enum(['due_date_change', 'extension']);
export type AccountRequestKind = z.infer<typeof AccountRequestKind>;
export const AccountRequestStatus = z.enum(['pending', 'approved', 'denied']);

/** A due day from 1 to 28, so every month has it. */
const DueDay = z.coerce.number().int().min(1).max(28);
const DeferredPayments = z.coerce.number().int().min(1).max(2);

/** POST /accounts/{id}/requests. */
export const NewAccountRequest = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('due_date_change'), dueDay: DueDay }),
    z.object({ kind: z.literal('extension'), payments: DeferredPayments }),
  ])
  .meta({ id: 'NewAccountRequest' });
export type NewAccountRequest = z.infer<typeof NewAccountRequest>;

/** GET /accounts/{id}/requests/quote: the cost before submitting. */
export const AccountRequestQuoteQuery = z.object({
  kind: AccountRequestKind,
  dueDay: DueDay.optional(),
  payments: DeferredPayments.optional(),
});

/** What a request costs, computed on the server from the loan as it stands. */
export const AccountRequestQuote = z
  .object({
    kind: AccountRequestKind,
    dueDay: z.number().int().nullable(),
    payments: z.number().int().nullable(),
    currentNextDueDate: IsoDate,
    newNextDueDate: IsoDate,
    /** Due-date change: days the next payment moves later. */
    extraDays: z.number().int().nullable(),
    /** Interest that keeps accruing over the extra days or the deferred months. */
    accruingInterest: Money,
    /** Interest over the rest of the loan beyond the current path. */
    extraInterest: Money,
    currentFinalPayment: Money,
    newFinalPayment: Money,
    currentMaturityDate: IsoDate,
    newMaturityDate: IsoDate,
    currentPaymentsLeft: z.number().int(),
    newPaymentsLeft: z.number().int(),
  })
  .meta({ id: 'AccountRequestQuote' });
export type AccountRequestQuote = z.infer<typeof AccountRequestQuote>;

export const AccountRequest = z
  .object({
    id: z.string().describe('req_...'),
    accountId: z.string(),
    kind: AccountRequestKind,
    status: AccountRequestStatus,
    quote: AccountRequestQuote.describe('The cost as shown when the request was made'),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
  })
  .meta({ id: 'AccountRequest' });
export type AccountRequest = z.infer<typeof AccountRequest>;

export const AccountRequestList = z
  .object({ data: z.array(AccountRequest) })
  .meta({ id: 'AccountRequestList' });
export type AccountRequestList = z.infer<typeof AccountRequestList>;

export const OpsAccountRequest = AccountRequest.extend({
  accountNumber: z.string().describe('Masked account number'),
  customerName: z.string(),
}).meta({ id: 'OpsAccountRequest' });
export type OpsAccountRequest = z.infer<typeof OpsAccountRequest>;

export const OpsAccountRequestList = z
  .object({ data: z.array(OpsAccountRequest) })
  .meta({ id: 'OpsAccountRequestList' });
export type OpsAccountRequestList = z.infer<typeof OpsAccountRequestList>;

export const OpsAccountRequestQuery = z.object({ status: AccountRequestStatus.optional() });

export const AccountRequestIdParams = z.object({
  requestId: z.string().regex(/^req_[0-9A-Za-z]{16,32}$/, 'Unknown request'),
});

export const AccountRequestDecision = z
  .object({
    decision: z.enum(['approve', 'deny']),
    note: z.string().trim().max(500).default(''),
  })
  .meta({ id: 'AccountRequestDecision' });
export type AccountRequestDecision = z.infer<typeof AccountRequestDecision>;
