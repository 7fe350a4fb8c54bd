import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The simulated card processor's own storage: what a real processor keeps on its side. Marque's
 * modules never read these tables; they ask the processor through the CardProcessor adapter.
 * No card number is stored: only what a processor hands back (brand, last 4, expiry, a keyed
 * fingerprint) and, for the simulation, how the test card behaves when charged.
 */
export const simProcessorTokens = pgTable('sim_processor_tokens', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  token: text('token').notNull().unique(),
  brand: text('brand').notNull(),
  last4: text('last4').notNull(),
  expMonth: integer('exp_month').notNull(),
  expYear: integer('exp_year').notNull(),
  funding: text('funding', { enum: ['debit', 'credit', 'prepaid', 'unknown'] }).notNull(),
  behaviour: text('behaviour', { enum: ['approve', 'decline', 'insufficient_funds'] }).notNull(),
  fingerprint: text('fingerprint').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Charges and refunds the simulated processor answered, each once per idempotency key. */
export const simProcessorTransactions = pgTable(
  'sim_processor_transactions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    reference: text('reference').notNull().unique(),
    kind: text('kind', { enum: ['charge', 'refund'] }).notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** The card token charged (for a refund: the token of the charge refunded). */
    token: text('token').notNull(),
    /** For a refund: the charge it refunds. */
    chargeReference: text('charge_reference'),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    outcome: text('outcome', {
      enum: ['approved', 'declined', 'insufficient_funds', 'refunded'],
    }).notNull(),
    declineCode: text('decline_code'),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('sim_processor_transactions_key').on(t.kind, t.idempotencyKey),
    index('sim_processor_transactions_charge').on(t.chargeReference),
  ],
);
