import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { customers } from '../customers/tables.ts';

export const PAYMENT_METHOD_KINDS = ['bank_account', 'card'] as const;
export type PaymentMethodKind = (typeof PAYMENT_METHOD_KINDS)[number];

/**
 * A customer's ways to pay: bank accounts (ACH debit) and debit cards (a card processor token).
 * Bank account numbers are encrypted (FieldCipher, AAD "payment_methods.account_number") with a
 * keyed blind index to find duplicates; only the last 4 digits are kept in clear. For cards we
 * hold only what the processor returned: its token, brand, last 4, expiry and fingerprint;
 * never a card number (PCI SAQ A). Removing one is a soft delete (`removed_at`): payments that
 * used it keep pointing at it.
 */
export const paymentMethods = pgTable(
  'payment_methods',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    kind: text('kind', { enum: PAYMENT_METHOD_KINDS }).notNull(),
    nickname: text('nickname'),
    /** Last 4 digits of the account or card number, for display. */
    last4: text('last4').notNull(),
    // Bank accounts
    holderName: text('holder_name'),
    routingNumber: text('routing_number'),
    accountNumberEnc: text('account_number_enc'),
    accountNumberBidx: text('account_number_bidx'),
    accountType: text('account_type', { enum: ['checking', 'savings'] }),
    bankName: text('bank_name'),
    // Cards
    processor: text('processor'),
    processorToken: text('processor_token'),
    cardBrand: text('card_brand'),
    cardExpMonth: integer('card_exp_month'),
    cardExpYear: integer('card_exp_year'),
    cardFingerprint: text('card_fingerprint'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    index('payment_methods_customer').on(t.customerId, t.id),
    // The same account (or card) once per customer among live methods; checked under a
    // per-customer lock too, this makes it hold even for a racing double submit.
    uniqueIndex('payment_methods_live_bank_account')
      .on(t.customerId, t.routingNumber, t.accountNumberBidx)
      .where(sql`${t.removedAt} is null and ${t.kind} = 'bank_account'`),
    uniqueIndex('payment_methods_live_card')
      .on(t.customerId, t.processor, t.cardFingerprint)
      .where(sql`${t.removedAt} is null and ${t.kind} = 'card'`),
    // A processor token belongs to one live payment method only.
    uniqueIndex('payment_methods_live_token')
      .on(t.processor, t.processorToken)
      .where(sql`${t.removedAt} is null and ${t.kind} = 'card'`),
    check('payment_methods_last4', sql`${t.last4} ~ '^[0-9]{4}$'`),
    check(
      'payment_methods_fields_by_kind',
      sql`(${t.kind} = 'bank_account' and ${t.holderName} is not null and ${t.routingNumber} is not null
           and ${t.accountNumberEnc} is not null and ${t.accountNumberBidx} is not null
           and ${t.accountType} is not null and ${t.processorToken} is null)
       or (${t.kind} = 'card' and ${t.processor} is not null and ${t.processorToken} is not null
           and ${t.cardBrand} is not null and ${t.cardExpMonth} between 1 and 12
           and ${t.cardExpYear} is not null and ${t.accountNumberEnc} is null)`,
    ),
  ],
);
