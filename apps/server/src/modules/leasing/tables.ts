import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { contracts } from '../contracts/tables.ts';
import { dealers } from '../dealers/tables.ts';
import { users } from '../identity/tables.ts';

/**
 * The lease-end terms the contracts table does not carry: the fees printed in the lease and the
 * odometer at delivery. A lease without a row here uses the program standard (lease-terms.ts).
 */
export const leaseEndTerms = pgTable(
  'lease_end_terms',
  {
    contractId: bigint('contract_id', { mode: 'number' })
      .primaryKey()
      .references(() => contracts.id),
    dispositionFeeCents: bigint('disposition_fee_cents', { mode: 'number' }).notNull(),
    purchaseOptionFeeCents: bigint('purchase_option_fee_cents', { mode: 'number' }).notNull(),
    deliveryOdometer: integer('delivery_odometer').notNull(),
  },
  (t) => [
    check(
      'lease_end_terms_non_negative',
      sql`${t.dispositionFeeCents} >= 0 and ${t.purchaseOptionFeeCents} >= 0 and ${t.deliveryOdometer} >= 0`,
    ),
  ],
);

/** Odometer readings of a leased vehicle: entered by the lessee, or taken at a dealer's service visit. */
export const odometerReadings = pgTable(
  'odometer_readings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    contractId: bigint('contract_id', { mode: 'number' })
      .notNull()
      .references(() => contracts.id),
    readingDate: date('reading_date', { mode: 'string' }).notNull(),
    odometer: integer('odometer').notNull(),
    source: text('source', { enum: ['customer', 'dealer_service'] }).notNull(),
    /** The dealer whose service department read it (dealer_service only). */
    dealerId: bigint('dealer_id', { mode: 'number' }).references(() => dealers.id),
    recordedByUserId: bigint('recorded_by_user_id', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('odometer_readings_contract').on(t.contractId, t.readingDate),
    check('odometer_readings_non_negative', sql`${t.odometer} >= 0`),
    check(
      'odometer_readings_dealer_source',
      sql`(${t.source} = 'dealer_service') = (${t.dealerId} is not null)`,
    ),
  ],
);

/** A lessee's request for the pre-return inspection, at a date, a time window and an address. */
export const leaseInspections = pgTable(
  'lease_inspections',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    contractId: bigint('contract_id', { mode: 'number' })
      .notNull()
      .references(() => contracts.id),
    preferredDate: date('preferred_date', { mode: 'string' }).notNull(),
    timeWindow: text('time_window', { enum: ['morning', 'midday', 'afternoon'] }).notNull(),
    addressLine1: text('address_line1').notNull(),
    addressLine2: text('address_line2'),
    city: text('city').notNull(),
    state: text('state').notNull(),
    postalCode: text('postal_code').notNull(),
    status: text('status', { enum: ['requested', 'scheduled', 'completed', 'cancelled'] })
      .notNull()
      .default('requested'),
    requestedByUserId: bigint('requested_by_user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lease_inspections_contract').on(t.contractId)],
);
