import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { contracts } from '../contracts/tables.ts';
import { customers } from '../customers/tables.ts';
import { dealers } from '../dealers/tables.ts';

/**
 * A protection product sold with a contract (service plan, vehicle service contract, roadside,
 * tire and wheel, GAP, key replacement, windshield): what it covers until which date and
 * odometer, what it cost, whether its price was financed in the contract, and its cancellation
 * terms. Cancelling fills the cancellation columns; a financed refund's journal entry is named.
 * `customer_id` is the contract's buyer (every customer-owned table carries it, for sharding).
 */
export const protectionProducts = pgTable(
  'protection_products',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    contractId: bigint('contract_id', { mode: 'number' })
      .notNull()
      .references(() => contracts.id),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    provider: text('provider').notNull(),
    components: text('components').array().notNull(),
    purchaseDate: date('purchase_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    startMiles: integer('start_miles').notNull(),
    /** Odometer at which coverage ends; null: no mileage limit. */
    endMiles: integer('end_miles'),
    priceCents: bigint('price_cents', { mode: 'number' }).notNull(),
    deductibleCents: bigint('deductible_cents', { mode: 'number' }).notNull().default(0),
    financed: boolean('financed').notNull(),
    refundBasis: text('refund_basis', { enum: ['time', 'mileage', 'greater_of', 'lesser_of'] }).notNull(),
    cancellationFeeCents: bigint('cancellation_fee_cents', { mode: 'number' }).notNull(),
    feeCapPercent: numeric('fee_cap_percent', { precision: 5, scale: 2 }),
    freeLookDays: integer('free_look_days').notNull().default(0),
    cancelledOn: date('cancelled_on', { mode: 'string' }),
    cancellationReason: text('cancellation_reason'),
    refundCents: bigint('refund_cents', { mode: 'number' }),
    cancellationFeeChargedCents: bigint('cancellation_fee_charged_cents', { mode: 'number' }),
    /** The part of the refund credited to the contract balance (financed products). */
    principalReductionCents: bigint('principal_reduction_cents', { mode: 'number' }),
    /** The part paid back to the customer (cash purchases, or what exceeded the balance). */
    customerRefundCents: bigint('customer_refund_cents', { mode: 'number' }),
    journalEntryId: bigint('journal_entry_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('protection_products_contract').on(t.contractId),
    check('protection_products_price', sql`${t.priceCents} >= 0 and ${t.deductibleCents} >= 0`),
    check(
      'protection_products_coverage',
      sql`${t.endDate} > ${t.purchaseDate} and (${t.endMiles} is null or ${t.endMiles} > ${t.startMiles})`,
    ),
    check('protection_products_cancelled', sql`(${t.cancelledOn} is null) = (${t.refundCents} is null)`),
  ],
);

/** A repair order a dealer's service department opened for a contract's vehicle. */
export const workOrders = pgTable(
  'work_orders',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    number: text('number').notNull(),
    contractId: bigint('contract_id', { mode: 'number' })
      .notNull()
      .references(() => contracts.id),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    dealerId: bigint('dealer_id', { mode: 'number' })
      .notNull()
      .references(() => dealers.id),
    status: text('status', { enum: ['open', 'in_progress', 'completed', 'cancelled'] }).notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    completedOn: date('completed_on', { mode: 'string' }),
    odometer: integer('odometer').notNull(),
    complaint: text('complaint').notNull(),
    createdByUserId: bigint('created_by_user_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('work_orders_contract').on(t.contractId, t.openedOn),
    index('work_orders_dealer').on(t.dealerId),
  ],
);

export const workOrderLines = pgTable(
  'work_order_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workOrderId: bigint('work_order_id', { mode: 'number' })
      .notNull()
      .references(() => workOrders.id),
    position: integer('position').notNull(),
    type: text('type', { enum: ['labour', 'part'] }).notNull(),
    description: text('description').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    /** The product that pays this line; null: customer pay. */
    coveredByProductId: bigint('covered_by_product_id', { mode: 'number' }).references(
      () => protectionProducts.id,
    ),
    service: text('service'),
  },
  (t) => [
    index('work_order_lines_order').on(t.workOrderId, t.position),
    check('work_order_lines_amount', sql`${t.amountCents} >= 0`),
  ],
);

/**
 * A scheduled maintenance service done on the vehicle: recorded by the customer, or written
 * when a dealer completes a work order with a line for that service.
 */
export const maintenanceRecords = pgTable(
  'maintenance_records',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    contractId: bigint('contract_id', { mode: 'number' })
      .notNull()
      .references(() => contracts.id),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    service: text('service').notNull(),
    performedOn: date('performed_on', { mode: 'string' }).notNull(),
    odometer: integer('odometer').notNull(),
    source: text('source', { enum: ['work_order', 'customer'] }).notNull(),
    workOrderId: bigint('work_order_id', { mode: 'number' }).references(() => workOrders.id),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('maintenance_records_contract').on(t.contractId, t.performedOn)],
);
