import type { OpsPayment, OpsPaymentDetail } from '@marque/contracts';
import type { IsoDate } from '@marque/finance';
import { desc, eq, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { AuditEvent, AuditLog } from '../../platform/ports.ts';
import { contracts } from '../contracts/index.ts';
import { customers } from '../customers/index.ts';
import { journalOfSource } from '../ledger/index.ts';
import { payments } from './payment-tables.ts';
import { toPayment } from './to-payment.ts';

const selection = {
  payment: payments,
  contract: contracts,
  firstName: customers.firstName,
  lastName: customers.lastName,
};
type Found = {
  payment: typeof payments.$inferSelect;
  contract: typeof contracts.$inferSelect;
  firstName: string;
  lastName: string;
};

function toOpsPayment(row: Found, businessDate: IsoDate): OpsPayment {
  return {
    ...toPayment(row.payment, row.contract.publicId, businessDate),
    accountNumber: row.contract.accountNumber,
    customerName: `${row.firstName} ${row.lastName}`,
  };
}

/** Staff search: a confirmation number, a payment ID, or every payment of an account number. */
export async function findPaymentsForOps(db: Db, q: string, businessDate: IsoDate): Promise<OpsPayment[]> {
  const term = q.trim();
  const rows = await db
    .select(selection)
    .from(payments)
    .innerJoin(contracts, eq(contracts.id, payments.contractId))
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .where(
      or(
        eq(payments.confirmationNumber, term.toUpperCase()),
        eq(payments.publicId, term),
        eq(contracts.accountNumber, term),
      ),
    )
    .orderBy(desc(payments.id))
    .limit(50);
  return rows.map((r) => toOpsPayment(r, businessDate));
}

/** One payment and every journal entry it caused; the view is audited (staff reading a customer's money). */
export async function getPaymentForOps(
  deps: { db: Db; audit: AuditLog },
  context: Omit<AuditEvent, 'action' | 'outcome'>,
  paymentId: string,
  businessDate: IsoDate,
): Promise<OpsPaymentDetail> {
  const [row] = await deps.db
    .select(selection)
    .from(payments)
    .innerJoin(contracts, eq(contracts.id, payments.contractId))
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .where(eq(payments.publicId, paymentId));
  if (!row) throw new NotFoundError('payment');
  await deps.audit.record(deps.db, {
    ...context,
    action: 'staff.view_payment',
    outcome: 'success',
    subjectCustomerId: row.payment.customerId,
    details: { paymentId },
  });
  return {
    payment: toOpsPayment(row, businessDate),
    journal: await journalOfSource(deps.db, row.contract.id, `payment:${row.payment.publicId}`),
  };
}
