import { cents, dueStatus, type IsoDate } from '@marque/finance';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { contracts } from '../contracts/index.ts';

export type LedgerContract = typeof contracts.$inferSelect;

/** Reads a contract and locks it for the rest of the transaction (one posting at a time). */
export async function lockContract(tx: Db, contractId: number): Promise<LedgerContract> {
  const [row] = await tx.select().from(contracts).where(eq(contracts.id, contractId)).for('update');
  if (!row) throw new Error(`contract ${contractId} not found`);
  return row;
}

/**
 * Moves what was paid toward installments and recomputes the paid-to-date status (due date,
 * past due, days past due) as of the business date.
 */
export async function creditInstallments(
  tx: Db,
  contract: LedgerContract,
  delta: number,
  businessDate: IsoDate,
): Promise<void> {
  const paid = Math.max(0, contract.paidTowardInstallmentsCents + delta);
  const status = dueStatus({
    firstPaymentDate: contract.firstPaymentDate,
    termMonths: contract.termMonths,
    payment: cents(contract.paymentCents),
    paidTowardInstallments: cents(paid),
    businessDate,
  });
  await tx
    .update(contracts)
    .set({
      paidTowardInstallmentsCents: paid,
      paymentsMade: status.paymentsMade,
      nextDueDate: status.nextDueDate,
      pastDueCents: status.pastDue,
      daysPastDue: status.daysPastDue,
    })
    .where(eq(contracts.id, contract.id));
}

export async function setAccruedThrough(tx: Db, contractId: number, date: IsoDate): Promise<void> {
  await tx
    .update(contracts)
    .set({ interestAccruedThrough: date })
    .where(sql`${contracts.id} = ${contractId}`);
}
