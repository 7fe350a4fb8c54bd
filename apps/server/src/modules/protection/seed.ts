import type { MaintenanceService, ProtectionKind } from '@marque/contracts';
import { addDays, addMonths, cents, daysBetween, type IsoDate, protectionRefund } from '@marque/finance';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import { contracts, vehicles } from '../contracts/index.ts';
import { customers } from '../customers/tables.ts';
import { KIND_COMPONENTS } from './catalogue.ts';
import { maintenanceRecords, protectionProducts, workOrderLines, workOrders } from './tables.ts';

/** Delivery miles on a new vehicle. */
const DELIVERY_MILES = 12;

interface DemoProduct {
  kind: ProtectionKind;
  name: string;
  provider: string;
  months: number;
  /** Miles of coverage from delivery; null: no mileage limit. */
  miles: number | null;
  price: number;
  deductible?: number;
  financed: boolean;
  basis: 'time' | 'mileage' | 'greater_of' | 'lesser_of';
  fee: number;
  feeCap?: string;
  freeLook?: number;
  /** Cancelled this many months before the business date (refund paid to the customer). */
  cancelledMonthsAgo?: number;
}

type Line = [
  type: 'labour' | 'part',
  description: string,
  amount: number,
  coveredBy: ProtectionKind | null,
  service?: MaintenanceService,
];

interface DemoWorkOrder {
  /** Opened this many days after the contract date (negative: days before the business date). */
  day: number;
  status: 'open' | 'in_progress' | 'completed';
  complaint: string;
  lines: Line[];
}

const SENTINEL = {
  provider: 'Harborline Warranty Co.',
  basis: 'lesser_of',
  fee: 7_500,
  feeCap: '10',
  freeLook: 60,
} as const;
const CARE = {
  name: 'Solenne Care Prepaid Maintenance',
  provider: 'Northgate Service Plans',
  basis: 'greater_of',
  fee: 5_000,
  feeCap: '10',
  freeLook: 30,
} as const;
const ROADSIDE = {
  kind: 'roadside',
  name: 'Compass Roadside Assistance',
  provider: 'Compass Motor Club',
  months: 36,
  miles: null,
  price: 24_000,
  financed: false,
  basis: 'time',
  fee: 0,
  freeLook: 30,
} as const;

const OIL: Line[] = [
  ['labour', 'Oil and filter change', 8_900, 'service_plan', 'oil_change'],
  ['labour', 'Tire rotation', 3_500, 'service_plan', 'tire_rotation'],
];

/** Demo products and work orders, by the demo customer's e-mail (first contract). */
const DEMO: Record<
  string,
  { products: DemoProduct[]; workOrders: DemoWorkOrder[]; customerRecords?: [MaintenanceService, number][] }
> = {
  'maya.thompson@example.com': {
    products: [
      {
        kind: 'vehicle_service_contract',
        name: 'Sentinel Powertrain Plus',
        ...SENTINEL,
        months: 72,
        miles: 75_000,
        price: 245_000,
        deductible: 10_000,
        financed: true,
      },
      { kind: 'service_plan', ...CARE, months: 36, miles: 36_000, price: 89_500, financed: true },
      ROADSIDE,
      {
        kind: 'gap',
        name: 'Bridgeway GAP Waiver',
        provider: 'Bridgeway Assurance',
        months: 60,
        miles: null,
        price: 69_500,
        financed: true,
        basis: 'time',
        fee: 5_000,
        freeLook: 30,
      },
      {
        kind: 'key_replacement',
        name: 'KeySafe Replacement',
        provider: 'Lockline Benefits',
        months: 12,
        miles: null,
        price: 19_900,
        financed: false,
        basis: 'time',
        fee: 2_500,
      },
    ],
    workOrders: [
      {
        day: 180,
        status: 'completed',
        complaint: 'Scheduled 7,500-mile service',
        lines: [...OIL, ['part', 'Wiper blades (pair)', 3_200, null]],
      },
      {
        day: -2,
        status: 'in_progress',
        complaint: 'Air conditioning blows warm air',
        lines: [
          ['labour', 'Diagnose A/C system', 16_500, 'vehicle_service_contract'],
          ['part', 'A/C compressor', 84_000, 'vehicle_service_contract'],
          ['part', 'Service contract deductible', 10_000, null],
        ],
      },
    ],
    customerRecords: [['cabin_filter', 365]],
  },
  'daniel.reyes@example.com': {
    products: [
      { kind: 'service_plan', ...CARE, months: 36, miles: 36_000, price: 119_500, financed: true },
      {
        kind: 'tire_wheel',
        name: 'TreadGuard Tire & Wheel',
        provider: 'Summit Tire Protection',
        months: 36,
        miles: null,
        price: 89_900,
        financed: true,
        basis: 'time',
        fee: 5_000,
        feeCap: '10',
        freeLook: 30,
      },
      { ...ROADSIDE, cancelledMonthsAgo: 6 },
      {
        kind: 'key_replacement',
        name: 'KeySafe Replacement',
        provider: 'Lockline Benefits',
        months: 36,
        miles: null,
        price: 29_900,
        financed: false,
        basis: 'time',
        fee: 2_500,
      },
    ],
    workOrders: [
      { day: 330, status: 'completed', complaint: 'Scheduled service', lines: OIL },
      {
        day: 560,
        status: 'completed',
        complaint: 'Flat tire, sidewall damage',
        lines: [
          ['part', 'Tire 235/55R19', 21_900, 'tire_wheel'],
          ['labour', 'Mount and balance', 4_500, 'tire_wheel'],
        ],
      },
      {
        day: -1,
        status: 'open',
        complaint: 'Scheduled 30,000-mile service',
        lines: [
          ...OIL,
          ['part', 'Cabin air filter', 4_900, 'service_plan', 'cabin_filter'],
          ['part', 'Engine air filter', 3_900, 'service_plan', 'engine_air_filter'],
        ],
      },
    ],
  },
  'priya.shah@example.com': {
    products: [
      {
        kind: 'vehicle_service_contract',
        name: 'Sentinel Complete',
        ...SENTINEL,
        months: 84,
        miles: 100_000,
        price: 329_500,
        deductible: 5_000,
        financed: true,
      },
    ],
    workOrders: [],
  },
};

/**
 * The demo's service and protection story, deterministic for a business date: products bought
 * at signing, a few work orders from the demo dealer, and maintenance records.
 */
export async function seedProtection(tx: Db, businessDate: IsoDate): Promise<void> {
  let roNumber = 100_001;
  for (const [email, demo] of Object.entries(DEMO)) {
    const [found] = await tx
      .select({ contract: contracts, vehicle: vehicles })
      .from(contracts)
      .innerJoin(customers, eq(customers.id, contracts.customerId))
      .innerJoin(vehicles, eq(vehicles.id, contracts.vehicleId))
      .where(eq(customers.email, email))
      .orderBy(contracts.id)
      .limit(1);
    if (!found) continue;
    const { contract, vehicle } = found;
    const start = contract.contractDate;
    const span = Math.max(1, daysBetween(start, businessDate));
    // The demo vehicle's miles grow evenly from delivery to today's odometer.
    const milesAt = (date: IsoDate) =>
      DELIVERY_MILES + Math.round(((vehicle.odometer - DELIVERY_MILES) * daysBetween(start, date)) / span);

    const productIds = new Map<ProtectionKind, number>();
    for (const p of demo.products) {
      const endDate = addMonths(start, p.months);
      const endMiles = p.miles === null ? null : DELIVERY_MILES + p.miles;
      const cancelledOn =
        p.cancelledMonthsAgo === undefined ? null : addMonths(businessDate, -p.cancelledMonthsAgo);
      const refund =
        cancelledOn === null
          ? null
          : protectionRefund({
              price: cents(p.price),
              terms: {
                basis: p.basis,
                cancellationFee: cents(p.fee),
                ...(p.feeCap ? { feeCapPercent: p.feeCap } : {}),
              },
              startDate: start,
              endDate,
              cancelDate: cancelledOn,
              startMiles: DELIVERY_MILES,
              ...(endMiles === null ? {} : { endMiles }),
              currentMiles: milesAt(cancelledOn),
            });
      const [row] = await tx
        .insert(protectionProducts)
        .values({
          publicId: newId('ppr'),
          contractId: contract.id,
          customerId: contract.customerId,
          kind: p.kind,
          name: p.name,
          provider: p.provider,
          components: [...KIND_COMPONENTS[p.kind]],
          purchaseDate: start,
          endDate,
          startMiles: DELIVERY_MILES,
          endMiles,
          priceCents: p.price,
          deductibleCents: p.deductible ?? 0,
          financed: p.financed,
          refundBasis: p.basis,
          cancellationFeeCents: p.fee,
          feeCapPercent: p.feeCap ?? null,
          freeLookDays: p.freeLook ?? 0,
          ...(refund && cancelledOn
            ? {
                cancelledOn,
                cancellationReason: 'no_longer_needed',
                refundCents: refund.refund,
                cancellationFeeChargedCents: refund.cancellationFee,
                principalReductionCents: 0,
                customerRefundCents: refund.refund,
              }
            : {}),
        })
        .returning({ id: protectionProducts.id });
      if (row) productIds.set(p.kind, row.id);
    }

    for (const wo of demo.workOrders) {
      const openedOn = wo.day >= 0 ? addDays(start, wo.day) : addDays(businessDate, wo.day);
      const odometer = milesAt(openedOn);
      const completedOn = wo.status === 'completed' ? openedOn : null;
      const [order] = await tx
        .insert(workOrders)
        .values({
          publicId: newId('wo'),
          number: `RO-${roNumber++}`,
          contractId: contract.id,
          customerId: contract.customerId,
          dealerId: contract.dealerId,
          status: wo.status,
          openedOn,
          completedOn,
          odometer,
          complaint: wo.complaint,
        })
        .returning({ id: workOrders.id });
      if (!order) throw new Error('work order insert failed');
      await tx.insert(workOrderLines).values(
        wo.lines.map(([type, description, amount, coveredBy, service], position) => ({
          workOrderId: order.id,
          position,
          type,
          description,
          amountCents: amount,
          coveredByProductId: coveredBy ? (productIds.get(coveredBy) ?? null) : null,
          service: service ?? null,
        })),
      );
      const services = wo.lines.flatMap(([, , , , service]) => (service ? [service] : []));
      if (completedOn && services.length) {
        await tx.insert(maintenanceRecords).values(
          services.map((service) => ({
            publicId: newId('mnt'),
            contractId: contract.id,
            customerId: contract.customerId,
            service,
            performedOn: completedOn,
            odometer,
            source: 'work_order' as const,
            workOrderId: order.id,
          })),
        );
      }
    }
    for (const [service, day] of demo.customerRecords ?? []) {
      const performedOn = addDays(start, day);
      await tx.insert(maintenanceRecords).values({
        publicId: newId('mnt'),
        contractId: contract.id,
        customerId: contract.customerId,
        service,
        performedOn,
        odometer: milesAt(performedOn),
        source: 'customer',
        note: 'Receipt from Canyon Quick Lube',
      });
    }
  }
}
