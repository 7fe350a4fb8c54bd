import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;

/**
 * The security audit trail (ASVS 16): append-only (a trigger rejects UPDATE, DELETE and
 * TRUNCATE, see the migration) and hash-chained: each row's `hash` is SHA-256 over its own
 * fields and the previous row's hash, so `marque audit verify` finds an edited or removed row.
 * No foreign keys: the trail outlives and never blocks changes to the rows it mentions.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    action: text('action').notNull(),
    outcome: text('outcome', { enum: AUDIT_OUTCOMES }).notNull(),
    actorUserId: bigint('actor_user_id', { mode: 'number' }),
    subjectUserId: bigint('subject_user_id', { mode: 'number' }),
    subjectCustomerId: bigint('subject_customer_id', { mode: 'number' }),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, string | number | boolean | null>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique(),
  },
  (t) => [
    index('audit_events_action').on(t.action, t.id),
    index('audit_events_actor').on(t.actorUserId, t.id),
    index('audit_events_occurred_at').on(t.occurredAt),
    check('audit_events_outcome', sql`${t.outcome} in ('success', 'failure', 'denied')`),
  ],
);
