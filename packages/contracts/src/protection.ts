import { z } from 'zod';
import { AccountIdParams } from './accounts.ts';
import { IsoDate, Money } from './common.ts';

/** Kinds of protection product sold with a contract. */
export const PROTECTION_KINDS = [
  'service_plan',
  'vehicle_service_contract',
  'roadside',
  'tire_wheel',
  'gap',
  'key_replacement',
  'windshield',
] as const;
export const ProtectionKind = z.enum(PROTECTION_KINDS);
export type ProtectionKind = z.infer<typeof ProtectionKind>;

/** The coverage catalogue: components and services a customer can ask "is this covered?" about. */
export const COVERAGE_COMPONENTS = [
  'engine',
  'transmission',
  'drivetrain',
  'air_conditioning',
  'electrical',
  'infotainment',
  'suspension',
  'steering',
  'battery',
  'brakes',
  'tires',
  'wheels',
  'windshield',
  'keys',
  'towing',
  'lockout',
  'oil_change',
  'total_loss',
] as const;
export const CoverageComponent = z.enum(COVERAGE_COMPONENTS);
export type CoverageComponent = z.infer<typeof CoverageComponent>;

export const ProtectionStatus = z.enum(['active', 'expired', 'cancelled']);
export type ProtectionStatus = z.infer<typeof ProtectionStatus>;

export const RefundBasis = z
  .enum(['time', 'mileage', 'greater_of', 'lesser_of'])
  .describe('How the unused share is measured on cancellation (the greater/lesser of time and miles)');

export const ProtectionProduct = z
  .object({
    id: z.string().describe('Opaque product ID, ppr_...'),
    kind: ProtectionKind,
    name: z.string(),
    provider: z.string(),
    status: ProtectionStatus,
    purchaseDate: IsoDate,
    price: Money,
    financed: z.boolean().describe('Bought inside the contract (its price is part of the amount financed)'),
    coverage: z.object({
      components: z.array(CoverageComponent),
      startDate: IsoDate,
      endDate: IsoDate,
      startMiles: z.number().int(),
      endMiles: z
        .number()
        .int()
        .nullable()
        .describe('Odometer at which coverage ends; null: no mileage limit'),
      deductible: Money,
    }),
    usage: z.object({
      daysUsed: z.number().int(),
      daysTotal: z.number().int(),
      milesUsed: z.number().int(),
      milesTotal: z.number().int().nullable(),
    }),
    terms: z.object({
      refundBasis: RefundBasis,
      cancellationFee: Money,
      feeCapPercent: z.string().nullable(),
      freeLookDays: z.number().int(),
    }),
    cancellable: z.boolean(),
    cancellation: z
      .object({
        date: IsoDate,
        refund: Money,
        fee: Money,
        method: z.enum(['principal_reduction', 'customer_refund', 'split']),
        principalReduction: Money,
        customerRefund: Money,
      })
      .nullable(),
  })
  .meta({ id: 'ProtectionProduct' });
export type ProtectionProduct = z.infer<typeof ProtectionProduct>;

export const ProtectionProductList = z
  .object({ asOf: IsoDate, odometer: z.number().int(), data: z.array(ProtectionProduct) })
  .meta({ id: 'ProtectionProductList' });
export type ProtectionProductList = z.infer<typeof ProtectionProductList>;

export const ProtectionProductParams = AccountIdParams.extend({
  productId: z.string().regex(/^ppr_[0-9A-Za-z]{16,32}$/, 'Unknown product'),
});

export const CoverageQuery = z.object({
  component: CoverageComponent.describe('A component or service from the coverage catalogue'),
});

export const CoverageAnswer = z
  .object({
    component: CoverageComponent,
    covered: z.boolean(),
    coveredBy: z.array(
      z.object({
        productId: z.string(),
        name: z.string(),
        provider: z.string(),
        kind: ProtectionKind,
        untilDate: IsoDate,
        untilMiles: z.number().int().nullable(),
        deductible: Money,
      }),
    ),
    /** When not covered: why, and which kind of product would cover it (if any). */
    suggestion: z
      .object({
        code: z.enum(['add_product', 'coverage_ended', 'wear_item']),
        productKind: ProtectionKind.nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'CoverageAnswer' });
export type CoverageAnswer = z.infer<typeof CoverageAnswer>;

export const CancellationQuote = z
  .object({
    productId: z.string(),
    asOf: IsoDate,
    odometer: z.number().int(),
    price: Money,
    basisUsed: z.enum(['time', 'mileage', 'free_look']),
    unusedShare: z.object({
      byTime: z.object({ unused: z.number().int(), total: z.number().int() }),
      byMileage: z.object({ unused: z.number().int(), total: z.number().int() }).nullable(),
    }),
    proRataRefund: Money,
    cancellationFee: Money,
    refund: Money,
    financed: z.boolean(),
    principalReduction: Money.describe('Part of the refund credited to the contract balance'),
    customerRefund: Money.describe('Part of the refund paid to the customer'),
  })
  .meta({ id: 'CancellationQuote' });
export type CancellationQuote = z.infer<typeof CancellationQuote>;

export const CANCELLATION_REASONS = ['sold_vehicle', 'no_longer_needed', 'too_expensive', 'other'] as const;

export const CancellationRequest = z
  .strictObject({
    expectedRefund: z
      .number()
      .int('Amount must be in whole cents')
      .min(0)
      .describe('The refund the customer saw in the quote; a different current amount answers 409'),
    reason: z.enum(CANCELLATION_REASONS),
  })
  .meta({ id: 'CancellationRequest' });
export type CancellationRequest = z.infer<typeof CancellationRequest>;

export const Cancellation = z
  .object({ product: ProtectionProduct, quote: CancellationQuote })
  .meta({ id: 'Cancellation' });
export type Cancellation = z.infer<typeof Cancellation>;

export const WorkOrderStatus = z.enum(['open', 'in_progress', 'completed', 'cancelled']);
export type WorkOrderStatus = z.infer<typeof WorkOrderStatus>;

export const MAINTENANCE_SERVICES = [
  'oil_change',
  'tire_rotation',
  'brake_inspection',
  'cabin_filter',
  'engine_air_filter',
  'brake_fluid',
  'coolant',
] as const;
export const MaintenanceService = z.enum(MAINTENANCE_SERVICES);
export type MaintenanceService = z.infer<typeof MaintenanceService>;

/** The most a single work order line may be ($50,000). */
export const MAX_WORK_ORDER_LINE_CENTS = 5_000_000;

export const WorkOrderLineInput = z.strictObject({
  type: z.enum(['labour', 'part']),
  description: z.string().trim().min(1, 'Describe the line').max(200),
  amount: z.number().int('Amount must be in whole cents').min(0).max(MAX_WORK_ORDER_LINE_CENTS),
  coveredByProductId: z
    .string()
    .regex(/^ppr_[0-9A-Za-z]{16,32}$/, 'Unknown product')
    .nullable()
    .optional()
    .describe('The protection product that pays this line; absent: customer pay'),
  service: MaintenanceService.nullable()
    .optional()
    .describe('The scheduled maintenance item this line performs'),
});

export const WorkOrderCreateRequest = z
  .strictObject({
    vin: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-HJ-NPR-Z0-9]{17}$/, 'Enter the 17-character VIN'),
    odometer: z.number().int().min(0).max(1_000_000),
    openedOn: IsoDate.optional().describe('Default: the business date'),
    complaint: z.string().trim().min(1, 'Say what the customer asked for').max(500),
    lines: z.array(WorkOrderLineInput).min(1, 'Add at least one line').max(50),
  })
  .meta({ id: 'WorkOrderCreateRequest' });
export type WorkOrderCreateRequest = z.infer<typeof WorkOrderCreateRequest>;

export const WorkOrderStatusRequest = z
  .strictObject({ status: WorkOrderStatus.exclude(['open']) })
  .meta({ id: 'WorkOrderStatusRequest' });

export const WorkOrderParams = z.object({
  workOrderId: z.string().regex(/^wo_[0-9A-Za-z]{16,32}$/, 'Unknown work order'),
});

export const WorkOrder = z
  .object({
    id: z.string(),
    number: z.string().describe('Repair order number'),
    accountId: z.string(),
    dealer: z.object({ name: z.string(), phone: z.string() }),
    status: WorkOrderStatus,
    openedOn: IsoDate,
    completedOn: IsoDate.nullable(),
    odometer: z.number().int(),
    complaint: z.string(),
    lines: z.array(
      z.object({
        type: z.enum(['labour', 'part']),
        description: z.string(),
        amount: Money,
        payer: z.enum(['product', 'customer']),
        coveredBy: z.object({ productId: z.string(), name: z.string() }).nullable(),
        service: MaintenanceService.nullable(),
      }),
    ),
    totals: z.object({ covered: Money, customerPay: Money, total: Money }),
  })
  .meta({ id: 'WorkOrder' });
export type WorkOrder = z.infer<typeof WorkOrder>;

export const WorkOrderList = z.object({ data: z.array(WorkOrder) }).meta({ id: 'WorkOrderList' });
export type WorkOrderList = z.infer<typeof WorkOrderList>;

export const MaintenanceEventStatus = z.enum(['done', 'missed', 'overdue', 'due_soon', 'upcoming']);
export type MaintenanceEventStatus = z.infer<typeof MaintenanceEventStatus>;

export const MaintenanceEvent = z.object({
  service: MaintenanceService,
  status: MaintenanceEventStatus,
  date: IsoDate.describe('Done: when; otherwise when it is (or was) due by date'),
  miles: z.number().int().describe('Done: odometer; otherwise the odometer it is due at'),
  source: z.enum(['work_order', 'customer']).nullable(),
  recordId: z.string().nullable(),
});

export const MaintenanceSchedule = z
  .object({
    asOf: IsoDate,
    odometer: z.number().int(),
    schedule: z.array(
      z.object({ service: MaintenanceService, everyMiles: z.number().int(), everyMonths: z.number().int() }),
    ),
    /** Oldest first: what was done, what was missed, what is due next per service. */
    timeline: z.array(MaintenanceEvent),
  })
  .meta({ id: 'MaintenanceSchedule' });
export type MaintenanceSchedule = z.infer<typeof MaintenanceSchedule>;

export const MaintenanceRecordRequest = z
  .strictObject({
    service: MaintenanceService,
    performedOn: IsoDate,
    odometer: z.number().int().min(0).max(1_000_000),
    note: z.string().trim().max(200).optional(),
  })
  .meta({ id: 'MaintenanceRecordRequest' });
export type MaintenanceRecordRequest = z.infer<typeof MaintenanceRecordRequest>;
