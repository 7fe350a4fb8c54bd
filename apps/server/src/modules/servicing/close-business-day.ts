import { addDays, type IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import { readBusinessDate, setBusinessDate } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { runScheduledPayments, settleAchPayments } from '../payments/index.ts';
import { type CobDeps, DEFAULT_PARTITION_SIZE, DEFAULT_POLL_MS } from './deps.ts';
import { queueNoticeEmails } from './notice-emails.ts';
import { openPartitions, openRun, partitionStepsDone, rows, unfinishedPartitions } from './partitions.ts';
import { describe, recordFailures, runMarked, type StepFailure } from './run-step.ts';
import { accrueStep } from './steps/accrue.ts';
import { ageStep } from './steps/age.ts';
import { autopayStep } from './steps/autopay.ts';
import { billStep } from './steps/bill.ts';
import { serviceNoticesStep, statementsStep } from './steps/hooks.ts';
import { lateFeeStep } from './steps/late-fees.ts';
import { noticesStep } from './steps/notices.ts';
import type { RangeStep } from './steps/step.ts';
import { workPartitions } from './work-partitions.ts';

/** Run-wide steps are marked against this pseudo range. */
const RUN_WIDE = -1;

export interface CobDayResult {
  runId: number;
  businessDate: IsoDate;
  status: 'completed' | 'failed';
  failures: number;
  /** The business date after the run (moved only when the closed date was the current one). */
  nextBusinessDate: IsoDate | null;
}

/**
 * The partition steps in order: money first (autopay drafts, then the accrual of everything
 * else), then due status, fees, aging, notices, documents.
 */
export function rangeSteps(deps: CobDeps): RangeStep[] {
  return [
    autopayStep(deps),
    accrueStep,
    billStep,
    lateFeeStep,
    ageStep,
    noticesStep,
    statementsStep(deps),
    serviceNoticesStep(deps),
  ];
}

/**
 * Closes one business date (ADR 0010): run-wide payments (scheduled, ACH settlement), then
 * every partition (autopay drafts first) through the set-based steps with any number of workers
 * in this process and in processes that join (`joinCob`), then the notice e-mails (queued in the
 * mail outbox), then the business date moves to the next day. Every step is marked
 * done in its own transaction, so after a crash the same call resumes where it stopped and
 * ends with the result an uninterrupted run gives.
 */
export async function closeBusinessDay(
  deps: CobDeps,
  input: { businessDate: IsoDate; trigger: string; userId: number | null },
): Promise<CobDayResult> {
  const db = deps.database.db;
  const now = deps.now ?? (() => new Date());
  const date = input.businessDate;
  const nextDate = addDays(date, 1);
  const { runId } = await openRun(db, {
    businessDate: date,
    trigger: input.trigger,
    userId: input.userId,
    size: deps.partitionSize ?? DEFAULT_PARTITION_SIZE,
  });
  const mark = (step: string, lo = RUN_WIDE, hi = RUN_WIDE) => ({ runId, businessDate: date, lo, hi, step });
  const failures: StepFailure[] = [];
  const runWide = async (step: string, work: (tx: Db) => Promise<number>) => {
    const outcome = await runMarked(db, mark(step), work, deps.crash);
    if (typeof outcome !== 'object') return;
    const failed = [{ contractId: null, error: describe(outcome.failed) }];
    failures.push(...failed);
    await recordFailures(db, { runId, businessDate: date, step, failures: failed });
  };

  // Payments open their own transaction per payment (each idempotent by the payment's state),
  // so their marker is written after them rather than with them.
  if (!(await alreadyMarked(db, date, 'payments'))) {
    try {
      await payAndSettle(deps, date, now());
      await runWide('payments', async () => 0);
    } catch (error) {
      const failed = [{ contractId: null, error: describe(error) }];
      failures.push(...failed);
      await recordFailures(db, { runId, businessDate: date, step: 'payments', failures: failed });
    }
  }

  const steps = rangeSteps(deps);
  const [{ n: partitions } = { n: 0 }] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from cob_partitions where run_id = ${runId}`,
  );
  const total = partitions * steps.length;
  // Progress counts every process's steps (joined processes write the same markers).
  const report = async () => {
    if (deps.onProgress) deps.onProgress({ date, done: await partitionStepsDone(db, runId, date), total });
  };
  await report();
  await openPartitions(db, runId);
  // Our workers, then wait for partitions other processes hold, taking over any gone stale;
  // the run-wide tail below needs every partition done or failed.
  for (;;) {
    await workPartitions(deps, { runId, businessDate: date, nextDate }, steps, report);
    if ((await unfinishedPartitions(db, runId)) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, deps.pollMs ?? DEFAULT_POLL_MS));
    await report();
  }

  const [{ failed } = { failed: 0 }] = await rows<{ failed: number }>(
    db,
    sql`select count(*)::int as failed from cob_partitions where run_id = ${runId} and status <> 'done'`,
  );
  if (failed > 0 || failures.length > 0)
    return endRun(db, runId, date, 'failed', failed + failures.length, null);

  // The notice e-mails are queued in the marker's own transaction (ADR 0011): a crash before it
  // commits queues nothing, a rerun after it finds the step done; the mail relay sends them.
  await runWide('notice_emails', (tx) => queueNoticeEmails(tx, date, now()));
  // The date moves only when the closed date is the current one (a rerun of a past date does not).
  const current = await readBusinessDate(db);
  let moved: IsoDate | null = null;
  await runMarked(
    db,
    mark('advance_business_date'),
    async (tx) => {
      if (current !== date) return 0;
      await setBusinessDate(tx, nextDate);
      moved = nextDate;
      return 1;
    },
    deps.crash,
  );
  return endRun(db, runId, date, 'completed', 0, moved ?? (current === date ? nextDate : current));
}

/** Scheduled payments and ACH settlement of the day: each idempotent by payment state. */
async function payAndSettle(deps: CobDeps, date: IsoDate, now: Date): Promise<void> {
  const db = deps.database.db;
  if (deps.payments) {
    await runScheduledPayments(db, { ...deps.payments, inbox: deps.inbox }, { businessDate: date, now });
  }
  await settleAchPayments(db, { businessDate: date, now });
}

async function alreadyMarked(db: Db, date: IsoDate, step: string): Promise<boolean> {
  const found = await rows(
    db,
    sql`select 1 from cob_step_marks where business_date = ${date}::date and lo = ${RUN_WIDE} and step = ${step}`,
  );
  return found.length > 0;
}

async function endRun(
  db: Db,
  runId: number,
  date: IsoDate,
  status: 'completed' | 'failed',
  failures: number,
  next: IsoDate | null,
): Promise<CobDayResult> {
  await db.execute(sql`update cob_runs set status = ${status}, finished_at = now(),
    error = ${status === 'failed' ? `${failures} failure(s): see cob_failures` : null} where id = ${runId}`);
  return { runId, businessDate: date, status, failures, nextBusinessDate: next };
}
