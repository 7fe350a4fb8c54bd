import type { IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import { rows } from './partitions.ts';
import type { RangeContext, RangeStep } from './steps/step.ts';

export interface StepMark {
  runId: number;
  businessDate: IsoDate;
  lo: number;
  hi: number;
  step: string;
}

/**
 * A test hook called at every step boundary; throwing there simulates a crash. It may return a
 * promise (awaited), so a test can act at a boundary (e.g. a second worker claims a partition).
 */
export type CrashPoint = (point: string) => void | Promise<void>;

export async function isMarked(db: Db, mark: StepMark): Promise<boolean> {
  const found = await rows<{ one: number }>(
    db,
    sql`select 1 as one from cob_step_marks
         where business_date = ${mark.businessDate}::date and lo = ${mark.lo} and step = ${mark.step}`,
  );
  return found.length > 0;
}

/**
 * Runs `work` exactly once per (date, range, step), whoever calls it and however many call it at
 * once (ADR 0010). The marker is the transaction's FIRST write: `insert ... on conflict do
 * nothing returning`. Nothing returned means another worker committed it, or holds it
 * uncommitted (the insert waited on their row until they committed): skip. Otherwise the work
 * runs in the same transaction and the marker gets its rows and timing at the end, so a kill
 * at any moment leaves either both or neither. A failure of the work rolls the marker back and
 * is returned (the caller isolates it); a crash hook's throw propagates.
 */
export async function runMarked(
  db: Db,
  mark: StepMark,
  work: (tx: Db) => Promise<number>,
  crash?: CrashPoint,
): Promise<'skipped' | 'done' | { failed: unknown }> {
  // Cheap early exit outside a transaction; the insert below is what decides.
  if (await isMarked(db, mark)) return 'skipped';
  await crash?.(`${mark.step}@${mark.lo}:before`);
  const started = performance.now();
  let ran: boolean;
  try {
    ran = await inTransaction(db, async (tx) => {
      const claimed = await rows<{ one: number }>(
        tx,
        sql`insert into cob_step_marks (business_date, lo, hi, step, run_id, rows, ms)
            values (${mark.businessDate}::date, ${mark.lo}, ${mark.hi}, ${mark.step}, ${mark.runId}, 0, 0)
            on conflict do nothing returning 1 as one`,
      );
      if (claimed.length === 0) return false;
      const n = await work(tx);
      await tx.execute(sql`update cob_step_marks
          set rows = ${n}, ms = ${Math.round(performance.now() - started)}, finished_at = clock_timestamp()
        where business_date = ${mark.businessDate}::date and lo = ${mark.lo} and step = ${mark.step}`);
      return true;
    });
  } catch (error) {
    return { failed: error };
  }
  if (!ran) return 'skipped';
  await crash?.(`${mark.step}@${mark.lo}:after`);
  return 'done';
}

export interface StepFailure {
  contractId: number | null;
  error: string;
}

/**
 * A partition step that failed as a whole is split in halves until the contracts that fail on
 * their own are found (the others commit, each sub-range idempotent); those are recorded and
 * the range's marker is not written, so a rerun retries it.
 */
export async function isolateFailures(
  db: Db,
  step: RangeStep,
  ctx: RangeContext,
  lo: number,
  hi: number,
  out: StepFailure[],
): Promise<void> {
  try {
    await inTransaction(db, (tx) => step.run(tx, { ...ctx, lo, hi }));
  } catch (error) {
    if (lo >= hi) {
      out.push({ contractId: lo, error: describe(error) });
      return;
    }
    const mid = Math.floor((lo + hi) / 2);
    await isolateFailures(db, step, ctx, lo, mid, out);
    await isolateFailures(db, step, ctx, mid + 1, hi, out);
  }
}

/** An error's message only: database errors' details may carry row values (personal data). */
export function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500);
}

export async function recordFailures(
  db: Db,
  input: { runId: number; businessDate: IsoDate; step: string; failures: StepFailure[] },
): Promise<void> {
  for (const f of input.failures) {
    await db.execute(sql`insert into cob_failures (run_id, business_date, step, contract_id, error)
      values (${input.runId}, ${input.businessDate}::date, ${input.step}, ${f.contractId}, ${f.error})`);
  }
}
