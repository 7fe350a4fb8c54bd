import type { MaintenanceRecordRequest, MaintenanceSchedule, MaintenanceService } from '@marque/contracts';
import { compareDates, type IsoDate } from '@marque/finance';
import type { Db } from '../../platform/db/client.ts';
import { BusinessRuleError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { MAINTENANCE_SCHEDULE } from './catalogue.ts';
import { maintenanceTimeline } from './maintenance-timeline.ts';
import { maintenanceOfContract, ownedContractWithOdometer, productsOfContract } from './repo.ts';
import { maintenanceRecords } from './tables.ts';

type Owned = Awaited<ReturnType<typeof ownedContractWithOdometer>>;

async function scheduleOf(db: Db, owned: Owned, asOf: IsoDate): Promise<MaintenanceSchedule> {
  const records = await maintenanceOfContract(db, owned.contract.id);
  // The schedule runs from delivery: the contract date, at the odometer the products started at.
  const products = await productsOfContract(db, owned.contract.id);
  const startMiles = products.length ? Math.min(...products.map((p) => p.startMiles)) : 0;
  return {
    asOf,
    odometer: owned.odometer,
    schedule: MAINTENANCE_SCHEDULE.map((s) => ({ ...s })),
    timeline: maintenanceTimeline({
      schedule: MAINTENANCE_SCHEDULE,
      records: records.map((r) => ({
        id: r.publicId,
        service: r.service as MaintenanceService,
        date: r.performedOn,
        miles: r.odometer,
        source: r.source,
      })),
      start: { date: owned.contract.contractDate, miles: startMiles },
      asOf,
      odometer: owned.odometer,
    }),
  };
}

/** The manufacturer's schedule against what was recorded: done, missed, overdue, due soon, upcoming. */
export async function getMaintenance(
  db: Db,
  input: { customerId: number | null; accountId: string; businessDate: IsoDate },
): Promise<MaintenanceSchedule> {
  const owned = await ownedContractWithOdometer(db, input.customerId, input.accountId);
  return scheduleOf(db, owned, input.businessDate);
}

/** The customer records a service done elsewhere (a receipt from an independent shop). */
export async function recordMaintenance(
  tx: Db,
  input: {
    customerId: number | null;
    accountId: string;
    request: MaintenanceRecordRequest;
    businessDate: IsoDate;
  },
): Promise<MaintenanceSchedule> {
  const owned = await ownedContractWithOdometer(tx, input.customerId, input.accountId);
  const { request } = input;
  if (compareDates(request.performedOn, input.businessDate) > 0) {
    throw new BusinessRuleError('future_date', 'A service cannot be recorded before it happens.', [
      { field: 'performedOn', code: 'future_date', message: 'Use today or an earlier date' },
    ]);
  }
  if (compareDates(request.performedOn, owned.contract.contractDate) < 0) {
    throw new BusinessRuleError('before_contract', 'That date is before the contract began.', [
      { field: 'performedOn', code: 'before_contract', message: 'Use a date after your contract began' },
    ]);
  }
  await tx.insert(maintenanceRecords).values({
    publicId: newId('mnt'),
    contractId: owned.contract.id,
    customerId: owned.contract.customerId,
    service: request.service,
    performedOn: request.performedOn,
    odometer: request.odometer,
    source: 'customer',
    note: request.note ?? null,
  });
  const odometer = Math.max(owned.odometer, request.odometer);
  return scheduleOf(tx, { ...owned, odometer }, input.businessDate);
}
