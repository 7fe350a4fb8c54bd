import os from 'node:os';
import type { IsoDate } from '@marque/finance';
import { type CobDeps, DEFAULT_STALE_AFTER_MS } from './deps.ts';
import { claimPartition, finishPartition, heartbeat, type Partition } from './partitions.ts';
import { describe, isolateFailures, recordFailures, runMarked, type StepFailure } from './run-step.ts';
import type { RangeContext, RangeStep } from './steps/step.ts';

export interface OpenRun {
  runId: number;
  businessDate: IsoDate;
  nextDate: IsoDate;
}

/**
 * This process's workers on one run (the coordinator's and a joiner's alike): each claims
 * partitions until none is left to claim, pending or stale. Returns how many it closed.
 */
export async function workPartitions(
  deps: CobDeps,
  run: OpenRun,
  steps: RangeStep[],
  progressed: () => Promise<void> | void,
): Promise<number> {
  const db = deps.database.db;
  const staleAfterMs = deps.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  let closed = 0;
  const worker = async (name: string) => {
    for (;;) {
      const p = await claimPartition(db, run.runId, name, staleAfterMs);
      if (!p) return;
      const ctx = {
        runId: run.runId,
        lo: p.lo,
        hi: p.hi,
        businessDate: run.businessDate,
        nextDate: run.nextDate,
      };
      const ok = await closePartition(deps, p, steps, ctx, progressed);
      await finishPartition(db, p.id, ok ? 'done' : 'failed');
      closed++;
    }
  };
  await Promise.all(Array.from({ length: workerCount(deps) }, (_, i) => worker(workerName(deps, i))));
  return closed;
}

/** PGlite has one connection, so one worker; PostgreSQL `deps.workers` on the pool. */
export function workerCount(deps: CobDeps): number {
  return deps.database.kind === 'pglite' ? 1 : Math.max(1, deps.workers ?? 2);
}

/** `host:pid:n`: which process (and which of its workers) closed a partition, for ops. */
export function workerName(deps: CobDeps, i: number): string {
  return `${deps.processName ?? `${os.hostname()}:${process.pid}`}:${i}`;
}

/**
 * Each step of one partition, marked (exactly once across workers), with a heartbeat after
 * each; a failing step is narrowed to its contracts and recorded.
 */
async function closePartition(
  deps: CobDeps,
  p: Partition,
  steps: RangeStep[],
  ctx: RangeContext,
  progressed: () => Promise<void> | void,
): Promise<boolean> {
  const db = deps.database.db;
  for (const step of steps) {
    const outcome = await runMarked(
      db,
      { runId: ctx.runId, businessDate: ctx.businessDate, lo: p.lo, hi: p.hi, step: step.name },
      (tx) => step.run(tx, ctx),
      deps.crash,
    );
    if (typeof outcome === 'object') {
      const failures: StepFailure[] = [];
      await isolateFailures(db, step, ctx, p.lo, p.hi, failures);
      if (failures.length === 0) failures.push({ contractId: null, error: describe(outcome.failed) });
      await recordFailures(db, {
        runId: ctx.runId,
        businessDate: ctx.businessDate,
        step: step.name,
        failures,
      });
      // Later steps depend on this one (fees on due status, aging on fees): stop the partition.
      return false;
    }
    await heartbeat(db, p.id);
    await progressed();
  }
  return true;
}
