import { cents, dueStatus, type IsoDate } from '@marque/finance';
import { eq } from 'drizzle-orm';
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
 * The paid-to-date columns after moving what was paid toward installments: due date, past
 * due, days past due as of the business date. Applied with the balances in one UPDATE.
 */
export function installmentColumns(
  contract: LedgerContract,
  delta: number,
  businessDate: IsoDate,
): Partial<typeof contracts.$inferInsert> {
  const paid = Math.max(0, contract.paidTowardInstallmentsCents + delta);
  const status = dueStatus({
    firstPaymentDate: contract.firstPaymentDate,
    termMonths: contract.termMonths,
    payment: cents(contract.paymentCents),
    paidTowardInstallments: cents(paid),
    businessDate,
  });
  return {
    paidTowardInstallmentsCents: paid,
    paymentsMade: status.paymentsMade,
    nextDueDate: status.nextDueDate,
    pastDueCents: status.pastDue,
    daysPastDue: status.daysPastDue,
  };
}
