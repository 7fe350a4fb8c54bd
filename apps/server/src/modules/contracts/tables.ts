import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { customers } from '../customers/tables.ts';
import { dealers } from '../dealers/tables.ts';

export const vehicles = pgTable('vehicles', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  publicId: text('public_id').notNull().unique(),
  vin: text('vin').notNull().unique(),
  year: integer('year').notNull(),
  make: text('make').notNull(),
  model: text('model').notNull(),
  trim: text('trim').notNull(),
  color: text('color').notNull(),
  odometer: integer('odometer').notNull(),
  odometerDate: date('odometer_date', { mode: 'string' }).notNull(),
  msrpCents: bigint('msrp_cents', { mode: 'number' }).notNull(),
});

/**
 * A retail installment contract (loan) or a closed-end lease, with the key terms as disclosed.
 * Money is integer cents; rates are exact decimals. The servicing state columns
 * (balance, next due, past due, delinquency) are maintained by servicing and, from W1-4, by
 * the ledger only (ADR 0007).
 */
export const contracts = pgTable(
  'contracts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    accountNumber: text('account_number').notNull().unique(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    coCustomerId: bigint('co_customer_id', { mode: 'number' }).references(() => customers.id),
    vehicleId: bigint('vehicle_id', { mode: 'number' })
      .notNull()
      .references(() => vehicles.id),
    dealerId: bigint('dealer_id', { mode: 'number' })
      .notNull()
      .references(() => dealers.id),
    type: text('type', { enum: ['loan', 'lease'] }).notNull(),
    status: text('status', { enum: ['active', 'paid_off', 'matured', 'charged_off', 'closed'] })
      .notNull()
      .default('active'),
    contractDate: date('contract_date', { mode: 'string' }).notNull(),
    firstPaymentDate: date('first_payment_date', { mode: 'string' }).notNull(),
    maturityDate: date('maturity_date', { mode: 'string' }).notNull(),
    termMonths: integer('term_months').notNull(),
    paymentCents: bigint('payment_cents', { mode: 'number' }).notNull(),
    // Loan terms
    amountFinancedCents: bigint('amount_financed_cents', { mode: 'number' }),
    apr: numeric('apr', { precision: 7, scale: 4 }),
    // Lease terms
    grossCapCostCents: bigint('gross_cap_cost_cents', { mode: 'number' }),
    capCostReductionCents: bigint('cap_cost_reduction_cents', { mode: 'number' }),
    residualCents: bigint('residual_cents', { mode: 'number' }),
    moneyFactor: numeric('money_factor', { precision: 8, scale: 6 }),
    mileageAllowancePerYear: integer('mileage_allowance_per_year'),
    salesTaxRate: numeric('sales_tax_rate', { precision: 6, scale: 4 }),
    excessMileageRateCents: bigint('excess_mileage_rate_cents', { mode: 'number' }),
    // Servicing state
    balanceCents: bigint('balance_cents', { mode: 'number' }).notNull(),
    pastDueCents: bigint('past_due_cents', { mode: 'number' }).notNull().default(0),
    daysPastDue: integer('days_past_due').notNull().default(0),
    nextDueDate: date('next_due_date', { mode: 'string' }),
    paymentsMade: integer('payments_made').notNull().default(0),
    // Ledger read model: written only by modules/ledger, in the transaction of each entry;
    // `marque ledger verify` proves they equal the journal.
    interestCents: bigint('interest_cents', { mode: 'number' }).notNull().default(0),
    feesCents: bigint('fees_cents', { mode: 'number' }).notNull().default(0),
    unappliedCents: bigint('unapplied_cents', { mode: 'number' }).notNull().default(0),
    interestAccruedThrough: date('interest_accrued_through', { mode: 'string' }),
    /** Regular payments credited toward installments (drives the paid-to-date due status). */
    paidTowardInstallmentsCents: bigint('paid_toward_installments_cents', { mode: 'number' })
      .notNull()
      .default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contracts_customer_id').on(t.customerId),
    index('contracts_co_customer_id').on(t.coCustomerId),
    check('contracts_term_positive', sql`${t.termMonths} > 0`),
    check('contracts_payment_positive', sql`${t.paymentCents} > 0`),
    check(
      'contracts_terms_by_type',
      sql`(${t.type} = 'loan' and ${t.amountFinancedCents} is not null and ${t.apr} is not null)
       or (${t.type} = 'lease' and ${t.grossCapCostCents} is not null and ${t.residualCents} is not null
           and ${t.moneyFactor} is not null and ${t.mileageAllowancePerYear} is not null)`,
    ),
  ],
);
