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
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { contracts } from '../contracts/tables.ts';

/**
 * One close-of-business run for one business date (ADR 0010). A rerun of the same date is a
 * new run: steps already marked done for that date are skipped, the others redo idempotently.
 */
export const cobRuns = pgTable(
  'cob_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['running', 'completed', 'failed'] }).notNull(),
    /** cli | worker | api */
    trigger: text('trigger').notNull(),
    requestedByUserId: bigint('requested_by_user_id', { mode: 'number' }),
    partitions: integer('partitions').notNull().default(0),
    /**
     * Set by the coordinator once the run-wide payments are done: from then on processes that
     * join (`marque cob --join`, a second server's worker) may claim partitions.
     */
    partitionsOpen: boolean('partitions_open').notNull().default(false),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [index('cob_runs_date').on(t.businessDate, t.id)],
);

/** A contract id range of a run: the unit of work claimed by a worker (FOR UPDATE SKIP LOCKED). */
export const cobPartitions = pgTable(
  'cob_partitions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    runId: bigint('run_id', { mode: 'number' })
      .notNull()
      .references(() => cobRuns.id),
    lo: bigint('lo', { mode: 'number' }).notNull(),
    hi: bigint('hi', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['pending', 'running', 'done', 'failed'] })
      .notNull()
      .default('pending'),
    worker: text('worker'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** Bumped after each step: a running partition whose heartbeat is stale is claimed again. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('cob_partitions_run_lo').on(t.runId, t.lo),
    index('cob_partitions_status').on(t.runId, t.status),
  ],
);

/**
 * The restart marker and the timing of one step over one range for one business date, written
 * in the same transaction as the step's own writes: present means the step is done for that
 * range and date, whichever run did it. `lo` = -1 for the run-wide steps (payments, business date).
 */
export const cobStepMarks = pgTable(
  'cob_step_marks',
  {
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    lo: bigint('lo', { mode: 'number' }).notNull(),
    hi: bigint('hi', { mode: 'number' }).notNull(),
    step: text('step').notNull(),
    runId: bigint('run_id', { mode: 'number' }).notNull(),
    rows: integer('rows').notNull(),
    ms: integer('ms').notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.businessDate, t.lo, t.step] }), index('cob_step_marks_run').on(t.runId)],
);

/** A step that failed for one contract (found by splitting the range) or a whole range. */
export const cobFailures = pgTable(
  'cob_failures',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    runId: bigint('run_id', { mode: 'number' }).notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    step: text('step').notNull(),
    contractId: bigint('contract_id', { mode: 'number' }),
    error: text('error').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cob_failures_run').on(t.runId)],
);

export const DELINQUENCY_BUCKETS = ['current', '1-29', '30-59', '60-89', '90-119', '120+'] as const;
export type DelinquencyBucket = (typeof DELINQUENCY_BUCKETS)[number];

/** Each contract's delinquency bucket as of the last close (the list ops works from). */
export const delinquencyStatus = pgTable(
  'delinquency_status',
  {
    contractId: bigint('contract_id', { mode: 'number' })
      .primaryKey()
      .references(() => contracts.id),
    bucket: text('bucket').notNull(),
    daysPastDue: integer('days_past_due').notNull(),
    pastDueCents: bigint('past_due_cents', { mode: 'number' }).notNull(),
    since: date('since', { mode: 'string' }).notNull(),
  },
  (t) => [index('delinquency_status_bucket').on(t.bucket, t.contractId)],
);

/** One row per bucket change (a contract moving from 1-29 to 30-59, back to current, ...). */
export const delinquencyHistory = pgTable(
  'delinquency_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    contractId: bigint('contract_id', { mode: 'number' }).notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    fromBucket: text('from_bucket'),
    toBucket: text('to_bucket').notNull(),
    daysPastDue: integer('days_past_due').notNull(),
  },
  (t) => [uniqueIndex('delinquency_history_contract_date').on(t.contractId, t.businessDate)],
);

/**
 * Late fee rules by the customer's state (`*` = every other state): the fee is the finance
 * package's `lateFeeAmount` of the installment, assessable after `grace_days`.
 */
export const lateFeeRules = pgTable(
  'late_fee_rules',
  {
    state: text('state').primaryKey(),
    flatCents: bigint('flat_cents', { mode: 'number' }),
    percent: numeric('percent', { precision: 6, scale: 3 }),
    combine: text('combine', { enum: ['greater', 'lesser'] })
      .notNull()
      .default('greater'),
    minCents: bigint('min_cents', { mode: 'number' }),
    maxCents: bigint('max_cents', { mode: 'number' }),
    graceDays: integer('grace_days').notNull(),
  },
  (t) => [check('late_fee_rules_some', sql`${t.flatCents} is not null or ${t.percent} is not null`)],
);

/** Once per installment: the late fee assessed for the installment due on `due_date`. */
export const lateFeeAssessments = pgTable(
  'late_fee_assessments',
  {
    contractId: bigint('contract_id', { mode: 'number' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.dueDate] })],
);

/**
 * Notices the close of business sent (lease maturity 90/60/30, payment due reminders), one per
 * contract, kind and reference date (the maturity or due date), so a rerun sends none twice.
 */
export const cobNotices = pgTable(
  'cob_notices',
  {
    contractId: bigint('contract_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    refDate: date('ref_date', { mode: 'string' }).notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    /** Set when the e-mail copy went to the outbox (customers with a portal login only). */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.kind, t.refDate] }),
    index('cob_notices_date').on(t.businessDate),
  ],
);
