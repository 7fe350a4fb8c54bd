import type { InspectionList, InspectionRequest, InspectionRequestInput } from '@marque/contracts';
import { addDays, compareDates, dayOfWeek, type IsoDate } from '@marque/finance';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import { BusinessRuleError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { NotificationInbox } from '../../platform/ports.ts';
import type { LeaseContract } from './lease-terms.ts';
import { leaseInspections } from './tables.ts';

/** Inspectors need two days' notice, and inspect until a month after maturity. */
export const INSPECTION_NOTICE_DAYS = 2;
export const INSPECTION_AFTER_MATURITY_DAYS = 30;

const WINDOW_TEXT = { morning: '8 am – 12 pm', midday: '11 am – 3 pm', afternoon: '1 pm – 5 pm' } as const;

/** The dates an inspection may be booked on. */
export function inspectionDates(lease: LeaseContract, businessDate: IsoDate) {
  const end =
    compareDates(lease.contract.maturityDate, businessDate) > 0 ? lease.contract.maturityDate : businessDate;
  return {
    earliestDate: addDays(businessDate, INSPECTION_NOTICE_DAYS),
    latestDate: addDays(end, INSPECTION_AFTER_MATURITY_DAYS),
  };
}

type Row = typeof leaseInspections.$inferSelect;

function toInspection(row: Row): InspectionRequest {
  return {
    id: row.publicId,
    date: row.preferredDate,
    window: row.timeWindow,
    address: {
      line1: row.addressLine1,
      line2: row.addressLine2,
      city: row.city,
      state: row.state,
      postalCode: row.postalCode,
    },
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listInspections(
  db: Db,
  lease: LeaseContract,
  businessDate: IsoDate,
): Promise<InspectionList> {
  const rows = await db
    .select()
    .from(leaseInspections)
    .where(eq(leaseInspections.contractId, lease.contract.id))
    .orderBy(desc(leaseInspections.createdAt), desc(leaseInspections.id));
  return { data: rows.map(toInspection), ...inspectionDates(lease, businessDate) };
}

/**
 * Stores the lessee's inspection request (a date in the bookable range, not a Sunday, a time
 * window and where the car will be) and confirms it in their inbox, in one transaction.
 */
export async function requestInspection(
  deps: { db: Db; inbox: NotificationInbox; now: Date },
  lease: LeaseContract,
  input: InspectionRequestInput,
  userId: number,
  businessDate: IsoDate,
): Promise<InspectionRequest> {
  const { earliestDate, latestDate } = inspectionDates(lease, businessDate);
  const bad = (code: string, message: string) =>
    new BusinessRuleError(code, message, [{ field: 'date', code, message }]);
  if (compareDates(input.date, earliestDate) < 0 || compareDates(input.date, latestDate) > 0) {
    throw bad('inspection_date_out_of_range', `Choose a date from ${earliestDate} to ${latestDate}.`);
  }
  if (dayOfWeek(input.date) === 0) {
    throw bad('inspection_date_unavailable', 'Inspectors do not work on Sundays. Choose another day.');
  }
  return inTransaction(deps.db, async (tx) => {
    const [row] = await tx
      .insert(leaseInspections)
      .values({
        publicId: newId('insp'),
        contractId: lease.contract.id,
        preferredDate: input.date,
        timeWindow: input.window,
        addressLine1: input.address.line1,
        addressLine2: input.address.line2 || null,
        city: input.address.city,
        state: input.address.state,
        postalCode: input.address.postalCode,
        requestedByUserId: userId,
        createdAt: deps.now,
      })
      .returning();
    if (!row) throw new Error('inspection insert returned nothing');
    await deps.inbox.add(tx, {
      userId,
      kind: 'lease_inspection_requested',
      title: 'Lease inspection requested',
      body: `We received your request for ${input.date}, ${WINDOW_TEXT[input.window]}, for account ending ${lease.contract.accountNumber.slice(-4)}. The inspector will call to confirm.`,
    });
    return toInspection(row);
  });
}
