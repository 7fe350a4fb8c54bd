import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The lender's record of a person. SSN and date of birth are encrypted (platform/crypto) and
 * findable only through keyed blind indexes; they are never stored or logged in clear.
 */
export const customers = pgTable(
  'customers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    dobEnc: text('dob_enc'),
    ssnEnc: text('ssn_enc'),
    ssnBidx: text('ssn_bidx'),
    ssnLast4Bidx: text('ssn_last4_bidx'),
    addressLine1: text('address_line1').notNull(),
    addressLine2: text('address_line2'),
    city: text('city').notNull(),
    state: text('state').notNull(),
    postalCode: text('postal_code').notNull(),
    /**
     * The language of everything sent to the customer (statements, letters, notices, e-mails).
     * On the customer, not the portal user: a customer without a login still gets statements.
     */
    preferredLanguage: text('preferred_language', { enum: ['en', 'es'] })
      .notNull()
      .default('en'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customers_ssn_bidx').on(t.ssnBidx), index('customers_ssn_last4_bidx').on(t.ssnLast4Bidx)],
);

/** Consents a customer gave (E-SIGN for electronic documents, receipt of the GLBA privacy notice). */
export const customerConsents = pgTable(
  'customer_consents',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    kind: text('kind', { enum: ['esign', 'privacy_notice'] }).notNull(),
    version: text('version').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('customer_consents_customer_id').on(t.customerId)],
);
