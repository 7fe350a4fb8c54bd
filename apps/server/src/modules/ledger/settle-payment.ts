import type { IsoDate } from '@marque/finance';
import type { Db } from '../../platform/db/client.ts';
import { ACCOUNTS } from './accounts.ts';
import { postEntry } from './post-entry.ts';

/** An ACH debit that was not returned in time has arrived: move it from in transit to cash. */
export async function settlePayment(
  tx: Db,
  payment: { contractId: number; amount: number; bookingDate: IsoDate; source: string },
): Promise<number | null> {
  return postEntry(tx, {
    contractId: payment.contractId,
    kind: 'settlement',
    effectiveDate: payment.bookingDate,
    bookingDate: payment.bookingDate,
    description: 'ACH debit settled',
    source: payment.source,
    postings: [
      { account: ACCOUNTS.cash, amount: payment.amount },
      { account: ACCOUNTS.cashInTransit, amount: -payment.amount },
    ],
  });
}
