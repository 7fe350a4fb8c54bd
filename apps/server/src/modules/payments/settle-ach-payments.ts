import { addBusinessDays, federalReserveCalendar, type IsoDate } from '@marque/finance';
import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import { settlePayment } from '../ledger/index.ts';
import { SETTLEMENT_BUSINESS_DAYS } from './ach-policy.ts';
import { payments } from './payment-tables.ts';

/**
 * ACH debits sent long enough ago without a return have arrived: move their money from cash
 * in transit to cash and mark them settled. A later return (an unauthorised-debit claim)
 * still reverses them.
 */
export async function settleAchPayments(
  db: Db,
  input: { businessDate: IsoDate; now: Date },
): Promise<number> {
  const year = Number(input.businessDate.slice(0, 4));
  const calendar = federalReserveCalendar(year - 1, year);
  // Sent on or before the day that is SETTLEMENT_BUSINESS_DAYS business days before today.
  let cutoff = input.businessDate;
  for (
    let back = 1;
    addBusinessDays(cutoff, SETTLEMENT_BUSINESS_DAYS, calendar) > input.businessDate;
    back++
  ) {
    cutoff = new Date(Date.parse(`${input.businessDate}T00:00:00Z`) - back * 86_400_000)
      .toISOString()
      .slice(0, 10);
  }
  const due = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.status, 'submitted'), lte(payments.effectiveDate, cutoff)));
  for (const { id } of due) {
    await inTransaction(db, async (tx) => {
      const [payment] = await tx
        .update(payments)
        .set({ status: 'settled', settledAt: input.now })
        .where(and(eq(payments.id, id), eq(payments.status, 'submitted')))
        .returning();
      if (!payment) return;
      await settlePayment(tx, {
        contractId: payment.contractId,
        amount: payment.amountCents,
        bookingDate: input.businessDate,
        source: `payment:${payment.publicId}`,
      });
    });
  }
  return due.length;
}
