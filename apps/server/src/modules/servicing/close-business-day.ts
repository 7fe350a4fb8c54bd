import { addDays, type IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import { readBusinessDate, setBusinessDate } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { runScheduledPayments, settleAchPayments } from '../payments/index.ts';
import { type CobDeps, DEFAULT_PARTITION_SIZE } from './deps.ts';
import { sendNoticeEmails } from './notice-emails.ts';
import { claimPartition, finishPartition, openRun, type Partition, rows } from './partitions.ts';
import { describe, isolateFailures, recordFailures, runMarked, type StepFailure } from './run-step.ts';
import { accrueStep } from './steps/accrue.ts';
import { ageStep } from './steps/age.ts';
import { autopayStep } from './steps/autopay.ts';
import { billStep } from './steps/bill.ts';
import { serviceNoticesStep, statementsStep } from './steps/hooks.ts';
import { lateFeeStep } from './steps/late-fees.ts';
import { noticesStep } from './steps/notices.ts';
import type { RangeContext, RangeStep } from './steps/step.ts';

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
 * every partition (autopay drafts first) through the set-based steps with any number of workers,
 * then the notice e-mails, then the business date moves to the next day. Every step is marked
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
  let done = 0;
  deps.onProgress?.({ date, done, total });
  const worker = async (name: string) => {
    for (;;) {
      const p = await claimPartition(db, runId, name);
      if (!p) return;
      const ok = await closePartition(
        deps,
        runId,
        p,
        steps,
        { runId, lo: p.lo, hi: p.hi, businessDate: date, nextDate },
        () => {
          done++;
          deps.onProgress?.({ date, done, total });
        },
      );
      await finishPartition(db, p.id, ok ? 'done' : 'failed');
    }
  };
  const count = deps.database.kind === 'pglite' ? 1 : Math.max(1, deps.workers ?? 2);
  await Promise.all(Array.from({ length: count }, (_, i) => worker(`${process.pid}-${i}`)));

  const [{ failed } = { failed: 0 }] = await rows<{ failed: number }>(
    db,
    sql`select count(*)::int as failed from cob_partitions where run_id = ${runId} and status <> 'done'`,
  );
  if (failed > 0 || failures.length > 0)
    return endRun(db, runId, date, 'failed', failed + failures.length, null);

  if (deps.mailer) {
    const mailer = deps.mailer;
    // Each notice is marked as it is sent (outside the marker's transaction: mail is not
    // transactional), so a crash resends at most the one message in flight.
    const sent = await sendNoticeEmails(db, mailer, date, now());
    await runWide('notice_emails', async () => sent);
  }
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

/** Each step of one partition, marked; a failing step is narrowed to its contracts and recorded. */
async function closePartition(
  deps: CobDeps,
  runId: number,
  p: Partition,
  steps: RangeStep[],
  ctx: RangeContext,
  progressed: () => void,
): Promise<boolean> {
  const db = deps.database.db;
  for (const step of steps) {
    const outcome = await runMarked(
      db,
      { runId, businessDate: ctx.businessDate, lo: p.lo, hi: p.hi, step: step.name },
      (tx) => step.run(tx, ctx),
      deps.crash,
    );
    if (typeof outcome === 'object') {
      const failures: StepFailure[] = [];
      await isolateFailures(db, step, ctx, p.lo, p.hi, failures);
      if (failures.length === 0) failures.push({ contractId: null, error: describe(outcome.failed) });
      await recordFailures(db, { runId, businessDate: ctx.businessDate, step: step.name, failures });
      // Later steps depend on this one (fees on due status, aging on fees): stop the partition.
      return false;
    }
    progressed();
  }
  return true;
}

/**
 * Scheduled payments and ACH settlement of the day: each idempotent by payment state. The
 * autopay drafts are a partition step (steps/autopay.ts).
 */
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
