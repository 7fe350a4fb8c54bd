import type { Autopay } from '@marque/contracts';
import type { IsoDate } from '@marque/finance';
import type { ContractRow } from '../contracts/index.ts';
import { authorizationFor } from './autopay-authorization.ts';
import { type AutopayRow, nextDraft } from './autopay-schedule.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' as const });

export function toAutopay(
  row: AutopayRow | undefined,
  contract: ContractRow,
  businessDate: IsoDate,
  brand: string,
): Autopay {
  const authorization = authorizationFor(brand);
  if (!row) {
    return {
      status: 'not_enrolled',
      paymentMethod: null,
      amountRule: null,
      extraAmount: usd(0),
      draftDaysBeforeDue: null,
      nextDraft: null,
      skipDueDate: null,
      finalDraftDate: null,
      suspendedReason: null,
      acceptedAt: null,
      authorization,
    };
  }
  const draft = nextDraft(row, contract, businessDate);
  return {
    status: row.status,
    paymentMethod: { id: row.paymentMethodPublicId, label: row.methodLabel },
    amountRule: row.amountRule,
    extraAmount: usd(row.extraCents),
    draftDaysBeforeDue: row.draftDaysBeforeDue,
    nextDraft:
      draft && !draft.skipped && draft.amount > 0
        ? { date: draft.date, dueDate: draft.dueDate, amount: usd(draft.amount) }
        : null,
    skipDueDate: row.skipDueDate,
    finalDraftDate: row.finalDraftDate,
    suspendedReason: row.suspendedReason,
    acceptedAt: row.acceptedAt.toISOString(),
    authorization,
  };
}
