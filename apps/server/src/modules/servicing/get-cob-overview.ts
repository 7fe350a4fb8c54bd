import type { CobOverview, CobRun } from '@marque/contracts';
import { daysBetween, type IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { countDocumentsToDraw } from '../documents/index.ts';
import { rows } from './partitions.ts';

interface RunRow {
  id: number;
  business_date: string;
  status: CobRun['status'];
  trigger: string;
  started_at: Date | string;
  finished_at: Date | string | null;
  partitions: number;
}

const iso = (v: Date | string) => new Date(v).toISOString();

/**
 * The ops view of close of business: the business date, the last runs with their step timings
 * and failures, and the statements cut but not drawn yet (ADR 0012).
 */
export async function getCobOverview(
  db: Db,
  input: { businessDate: IsoDate; now: Date },
): Promise<CobOverview> {
  const runs = await rows<RunRow>(
    db,
    sql`select id, business_date, status, trigger, started_at, finished_at, partitions
          from cob_runs order by id desc limit 10`,
  );
  const ids = runs.map((r) => Number(r.id));
  const list = ids.length
    ? sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )
    : sql`null`;
  const parts = await rows<{ run_id: number; status: string; n: number }>(
    db,
    sql`select run_id, status, count(*)::int as n from cob_partitions where run_id in (${list}) group by 1, 2`,
  );
  // Workers are named host:pid:n; the process is the name without the worker number.
  const workers = await rows<{ run_id: number; n: number }>(
    db,
    sql`select run_id, count(distinct regexp_replace(worker, ':[^:]*$', ''))::int as n
          from cob_partitions where run_id in (${list}) and worker is not null group by 1`,
  );
  // Markers belong to the date; a resumed or rerun date's steps show under the run that did them.
  const steps = await rows<{
    run_id: number;
    step: string;
    n: number;
    rows: number;
    ms: number;
    first: Date;
  }>(
    db,
    sql`select run_id, step, count(*) filter (where lo >= 0)::int as n, sum(rows)::int as rows, sum(ms)::int as ms,
               min(finished_at) as first
          from cob_step_marks where run_id in (${list}) group by 1, 2 order by 1, first`,
  );
  const failures = await rows<{
    run_id: number;
    step: string;
    account_number: string | null;
    error: string;
    at: Date;
  }>(
    db,
    sql`select f.run_id, f.step, c.account_number, f.error, f.at
          from cob_failures f left join contracts c on c.id = f.contract_id
         where f.run_id in (${list}) order by f.id desc limit 200`,
  );
  const statementsToDraw = await countDocumentsToDraw(db);
  return {
    businessDate: input.businessDate,
    statementsToDraw,
    daysBehind: Math.max(0, daysBetween(input.businessDate, input.now.toISOString().slice(0, 10))),
    runs: runs.map((r) => {
      const count = (s: string) =>
        parts.filter((p) => Number(p.run_id) === Number(r.id) && p.status === s).reduce((a, p) => a + p.n, 0);
      return {
        id: Number(r.id),
        businessDate: r.business_date,
        status: r.status,
        trigger: r.trigger,
        startedAt: iso(r.started_at),
        finishedAt: r.finished_at ? iso(r.finished_at) : null,
        seconds: r.finished_at
          ? Math.round((new Date(r.finished_at).getTime() - new Date(r.started_at).getTime()) / 100) / 10
          : null,
        partitions: {
          total: Number(r.partitions),
          done: count('done'),
          failed: count('failed'),
          pending: count('pending') + count('running'),
        },
        workers: workers.find((w) => Number(w.run_id) === Number(r.id))?.n ?? 0,
        steps: steps
          .filter((s) => Number(s.run_id) === Number(r.id))
          .map((s) => ({ step: s.step, partitionsDone: s.n, rows: s.rows, milliseconds: s.ms })),
        failures: failures
          .filter((f) => Number(f.run_id) === Number(r.id))
          .slice(0, 50)
          .map((f) => ({ step: f.step, accountNumber: f.account_number, error: f.error, at: iso(f.at) })),
      };
    }),
  };
}
