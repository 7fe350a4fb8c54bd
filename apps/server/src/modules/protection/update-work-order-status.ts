import type { WorkOrder, WorkOrderStatus } from '@marque/contracts';
import type { IsoDate } from '@marque/finance';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { AuditEvent, AuditLog } from '../../platform/ports.ts';
import { contracts } from '../contracts/index.ts';
import { linesOf } from './repo.ts';
import { maintenanceRecords, workOrders } from './tables.ts';
import { toWorkOrders } from './to-work-order.ts';

/** open → in_progress → completed, and open or in progress → cancelled; nothing leaves an end state. */
const NEXT: Record<WorkOrderStatus, readonly WorkOrderStatus[]> = {
  open: ['in_progress', 'completed', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/**
 * Moves a work order along. Only the dealership that opened it may (another dealer's order
 * answers 404). Completing it records each scheduled-maintenance line as done at the order's
 * odometer, so the customer's maintenance timeline shows it. Audited.
 */
export async function updateWorkOrderStatus(
  tx: Db,
  deps: { audit: AuditLog },
  input: {
    dealerId: number;
    workOrderId: string;
    status: Exclude<WorkOrderStatus, 'open'>;
    businessDate: IsoDate;
    context: Pick<AuditEvent, 'actorUserId' | 'ip' | 'userAgent' | 'requestId'>;
  },
): Promise<WorkOrder> {
  const [order] = await tx
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.publicId, input.workOrderId), eq(workOrders.dealerId, input.dealerId)))
    .for('update');
  if (!order) throw new NotFoundError('work order');
  if (!NEXT[order.status].includes(input.status)) {
    throw new ConflictError(
      'invalid_transition',
      `A work order that is ${order.status.replace('_', ' ')} cannot become ${input.status.replace('_', ' ')}.`,
    );
  }
  const completedOn = input.status === 'completed' ? input.businessDate : null;
  const [updated] = await tx
    .update(workOrders)
    .set({ status: input.status, completedOn })
    .where(eq(workOrders.id, order.id))
    .returning();
  if (!updated) throw new Error('work order update returned nothing');
  if (input.status === 'completed') {
    const services = (await linesOf(tx, [order.id])).flatMap((l) => (l.service ? [l.service] : []));
    if (services.length > 0) {
      await tx.insert(maintenanceRecords).values(
        [...new Set(services)].map((service) => ({
          publicId: newId('mnt'),
          contractId: order.contractId,
          customerId: order.customerId,
          service,
          performedOn: input.businessDate,
          odometer: order.odometer,
          source: 'work_order' as const,
          workOrderId: order.id,
        })),
      );
    }
  }
  const [contract] = await tx
    .select({ publicId: contracts.publicId })
    .from(contracts)
    .where(eq(contracts.id, order.contractId));
  await deps.audit.record(tx, {
    action: 'dealer.work_order.status',
    outcome: 'success',
    ...input.context,
    subjectCustomerId: order.customerId,
    details: { workOrder: order.publicId, from: order.status, to: input.status },
  });
  const [view] = await toWorkOrders(tx, [updated], contract?.publicId ?? '');
  if (!view) throw new Error('work order view missing');
  return view;
}
