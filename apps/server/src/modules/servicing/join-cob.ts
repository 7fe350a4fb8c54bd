import { addDays, type IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import { rangeSteps } from './close-business-day.ts';
import { type CobDeps, DEFAULT_POLL_MS } from './deps.ts';
import { rows } from './partitions.ts';
import { workPartitions } from './work-partitions.ts';

export interface JoinResult {
  /** Runs this process worked on. */
  runs: number[];
  /** Partitions its workers closed. */
  partitions: number;
}

/**
 * A process that is not the coordinator (the COB advisory lock is taken) helps with the close
 * of business in progress: it claims the running run's partitions (once the coordinator has
 * opened them, after the run-wide payments) with the same SKIP LOCKED claim and runs the same
 * steps with its own hooks. The coordinator waits for every partition and runs the run-wide
 * tail itself. Returns when there is nothing to claim for `waitMs` (default 0: at once), so a
 * joiner started before the coordinator, or kept across a catch-up of several days, can wait;
 * or, while idle, as soon as `signal` aborts.
 * PGlite is one process: nothing to join.
 */
export async function joinCob(
  deps: CobDeps,
  options: { waitMs?: number; signal?: AbortSignal } = {},
): Promise<JoinResult> {
  const result: JoinResult = { runs: [], partitions: 0 };
  if (deps.database.kind === 'pglite') return result;
  const db = deps.database.db;
  const waitMs = options.waitMs ?? 0;
  const steps = rangeSteps(deps);
  let idleSince = Date.now();
  for (;;) {
    const [run] = await rows<{ id: number; business_date: IsoDate }>(
      db,
      sql`select id, business_date from cob_runs where status = 'running' and partitions_open
           order by id desc limit 1`,
    );
    const closed = run
      ? await workPartitions(
          deps,
          { runId: Number(run.id), businessDate: run.business_date, nextDate: addDays(run.business_date, 1) },
          steps,
          () => {},
        )
      : 0;
    if (run && closed > 0) {
      if (!result.runs.includes(Number(run.id))) result.runs.push(Number(run.id));
      result.partitions += closed;
      idleSince = Date.now();
    }
    if (closed === 0 && (Date.now() - idleSince >= waitMs || options.signal?.aborted)) return result;
    if (closed === 0) await new Promise((resolve) => setTimeout(resolve, deps.pollMs ?? DEFAULT_POLL_MS));
  }
}
