import type { WorkOrder, WorkOrderCreateRequest } from '@marque/contracts';
import { compareDates, type IsoDate } from '@marque/finance';
import { count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { BusinessRuleError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { AuditEvent, AuditLog } from '../../platform/ports.ts';
import { contracts, vehicles } from '../contracts/index.ts';
import { productsOfContract } from './repo.ts';
import { workOrderLines, workOrders } from './tables.ts';
import { toWorkOrders } from './to-work-order.ts';

export interface PostWorkOrderInput {
  dealerId: number;
  userId: number;
  request: WorkOrderCreateRequest;
  businessDate: IsoDate;
  context: Pick<AuditEvent, 'actorUserId' | 'ip' | 'userAgent' | 'requestId'>;
}

/**
 * A dealer's service department opens a repair order for a financed vehicle, found by VIN
 * (any contract's vehicle: service departments serve every customer). Lines a protection
 * product pays name it; it must be that contract's product and not cancelled. Audited.
 */
export async function postWorkOrder(
  tx: Db,
  deps: { audit: AuditLog },
  input: PostWorkOrderInput,
): Promise<WorkOrder> {
  const { request } = input;
  const [found] = await tx
    .select({ contract: contracts })
    .from(contracts)
    .innerJoin(vehicles, eq(vehicles.id, contracts.vehicleId))
    .where(eq(vehicles.vin, request.vin))
    .orderBy(desc(contracts.contractDate), desc(contracts.id))
    .limit(1);
  if (!found) {
    throw new BusinessRuleError('unknown_vin', 'No financed or leased vehicle has this VIN.', [
      { field: 'vin', code: 'unknown_vin', message: 'No financed or leased vehicle has this VIN' },
    ]);
  }
  const { contract } = found;
  const openedOn = request.openedOn ?? input.businessDate;
  if (compareDates(openedOn, input.businessDate) > 0) {
    throw new BusinessRuleError('future_date', 'A work order cannot open in the future.', [
      { field: 'openedOn', code: 'future_date', message: 'Use today or an earlier date' },
    ]);
  }
  const products = await productsOfContract(tx, contract.id);
  const lineProducts = request.lines.map((line, i) => {
    if (!line.coveredByProductId) return null;
    const product = products.find((p) => p.publicId === line.coveredByProductId && p.cancelledOn === null);
    if (!product) {
      throw new BusinessRuleError('unknown_product', 'A line names a product this vehicle does not have.', [
        {
          field: `lines.${i}.coveredByProductId`,
          code: 'unknown_product',
          message: 'Not an active protection product of this vehicle',
        },
      ]);
    }
    return product.id;
  });
  const [sequence] = await tx
    .select({ n: count() })
    .from(workOrders)
    .where(eq(workOrders.dealerId, input.dealerId));
  const [order] = await tx
    .insert(workOrders)
    .values({
      publicId: newId('wo'),
      number: `RO-${100_001 + (sequence?.n ?? 0)}`,
      contractId: contract.id,
      customerId: contract.customerId,
      dealerId: input.dealerId,
      status: 'open',
      openedOn,
      odometer: request.odometer,
      complaint: request.complaint,
      createdByUserId: input.userId,
    })
    .returning();
  if (!order) throw new Error('work order insert returned nothing');
  await tx.insert(workOrderLines).values(
    request.lines.map((line, position) => ({
      workOrderId: order.id,
      position,
      type: line.type,
      description: line.description,
      amountCents: line.amount,
      coveredByProductId: lineProducts[position] ?? null,
      service: line.service ?? null,
    })),
  );
  await deps.audit.record(tx, {
    action: 'dealer.work_order.create',
    outcome: 'success',
    ...input.context,
    subjectCustomerId: contract.customerId,
    details: { workOrder: order.publicId, account: contract.publicId, lines: request.lines.length },
  });
  const [view] = await toWorkOrders(tx, [order], contract.publicId);
  if (!view) throw new Error('work order view missing');
  return view;
}
