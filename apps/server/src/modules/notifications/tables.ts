import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { customers } from '../customers/tables.ts';
import { users } from '../identity/tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** In-portal notifications: the bell in every area (security alerts, notices, messages). */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A portal path to act on the notice ("/accounts/ctr_.../pay"); never an outside URL. */
    link: text('link'),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [
    index('notifications_user').on(t.userId, t.id),
    index('notifications_user_unread').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/**
 * One row per notice given through `notify`: which channels it went to. With a dedupe key
 * (e.g. "statement_ready:ctr_...:2026-11") the unique index makes a rerun (a resumed close of
 * business, a retried job) deliver nothing twice.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    event: text('event').notNull(),
    dedupeKey: text('dedupe_key'),
    inboxCount: bigint('inbox_count', { mode: 'number' }).notNull().default(0),
    emailCount: bigint('email_count', { mode: 'number' }).notNull().default(0),
    smsCount: bigint('sms_count', { mode: 'number' }).notNull().default(0),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('notification_deliveries_dedupe')
      .on(t.customerId, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null`),
    index('notification_deliveries_customer').on(t.customerId, t.id),
  ],
);

/**
 * Text messages handed to the SMS sender. In development the logging adapter records each one
 * here (status 'logged') and the ops outbox shows them with the number masked; a provider
 * adapter would send rows 'queued' here, so a text commits or rolls back with its transaction.
 */
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    customerId: bigint('customer_id', { mode: 'number' }).references(() => customers.id),
    toPhone: text('to_phone').notNull(),
    category: text('category').notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: ['logged', 'queued', 'sent', 'failed'] }).notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('sms_outbox_customer').on(t.customerId)],
);

/**
 * The paperless choice, as an append-only history: the newest row is the current state. Turning
 * it on records the E-SIGN consent it rests on (disclosure version, when, from where); turning it
 * off is the withdrawal of that consent, and is always allowed.
 */
export const paperlessElections = pgTable(
  'paperless_elections',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    enabled: boolean('enabled').notNull(),
    esignVersion: text('esign_version'),
    byUserId: bigint('by_user_id', { mode: 'number' }).references(() => users.id),
    ip: text('ip'),
    userAgent: text('user_agent'),
    at: ts('at').notNull(),
  },
  (t) => [index('paperless_elections_customer').on(t.customerId, t.id)],
);

/**
 * The transactional e-mail outbox (ADR 0011): a message is inserted in the same transaction as
 * the change that causes it, and the relay (relay-mail.ts) sends it after commit. A rolled-back
 * change leaves no row; a dedupe key makes a rerun (resumed close of business, retried import)
 * queue nothing twice. `sent_at` set: sent; `failed_at` set: given up after too many attempts.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    dedupeKey: text('dedupe_key').unique(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    category: text('category').notNull(),
    createdAt: ts('created_at').notNull(),
    availableAt: ts('available_at').notNull(),
    sentAt: ts('sent_at'),
    failedAt: ts('failed_at'),
    attempts: integer('attempts').notNull().default(0),
    /** The last delivery error's message (a mail server's reply), never the message itself. */
    lastError: text('last_error'),
  },
  (t) => [
    index('mail_outbox_due')
      .on(t.availableAt, t.id)
      .where(sql`${t.sentAt} is null and ${t.failedAt} is null`),
  ],
);
