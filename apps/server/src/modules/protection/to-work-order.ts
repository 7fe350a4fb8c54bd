import type { MaintenanceService, WorkOrder } from '@marque/contracts';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { dealers } from '../dealers/index.ts';
import { linesOf, type WorkOrderRow } from './repo.ts';
import { protectionProducts } from './tables.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' as const });

/** Work orders with their lines, dealer and covering products, in three queries whatever the count. */
export async function toWorkOrders(db: Db, rows: WorkOrderRow[], accountId: string): Promise<WorkOrder[]> {
  const lines = await linesOf(
    db,
    rows.map((r) => r.id),
  );
  const productIds = [
    ...new Set(lines.flatMap((l) => (l.coveredByProductId === null ? [] : [l.coveredByProductId]))),
  ];
  const products = productIds.length
    ? await db
        .select({
          id: protectionProducts.id,
          publicId: protectionProducts.publicId,
          name: protectionProducts.name,
        })
        .from(protectionProducts)
        .where(inArray(protectionProducts.id, productIds))
    : [];
  const dealerIds = [...new Set(rows.map((r) => r.dealerId))];
  const dealerRows = dealerIds.length
    ? await db
        .select({ id: dealers.id, name: dealers.name, phone: dealers.phone })
        .from(dealers)
        .where(inArray(dealers.id, dealerIds))
    : [];
  return rows.map((row) => {
    const own = lines
      .filter((l) => l.workOrderId === row.id)
      .map((l) => {
        const product = products.find((p) => p.id === l.coveredByProductId);
        return {
          type: l.type,
          description: l.description,
          amount: usd(l.amountCents),
          payer: product ? ('product' as const) : ('customer' as const),
          coveredBy: product ? { productId: product.publicId, name: product.name } : null,
          service: (l.service as MaintenanceService | null) ?? null,
        };
      });
    const covered = own.filter((l) => l.payer === 'product').reduce((s, l) => s + l.amount.amount, 0);
    const total = own.reduce((s, l) => s + l.amount.amount, 0);
    const dealer = dealerRows.find((d) => d.id === row.dealerId);
    return {
      id: row.publicId,
      number: row.number,
      accountId,
      dealer: { name: dealer?.name ?? '', phone: dealer?.phone ?? '' },
      status: row.status,
      openedOn: row.openedOn,
      completedOn: row.completedOn,
      odometer: row.odometer,
      complaint: row.complaint,
      lines: own,
      totals: { covered: usd(covered), customerPay: usd(total - covered), total: usd(total) },
    };
  });
}
