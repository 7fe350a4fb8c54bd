import type { IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';

export interface Partition {
  id: number;
  lo: number;
  hi: number;
}

/**
 * The run for a date: the unfinished one (a killed or failed run is resumed, its claimed
 * partitions released: the coordinator that held them is gone; a joined process still alive
 * on one is harmless, each step runs once whoever runs it), closed to joiners until the
 * coordinator has done the run-wide payments again, or a new one with the contract id space cut into fixed blocks of `size`. Fixed blocks keep
 * the step markers of a date valid across runs.
 */
export async function openRun(
  db: Db,
  input: { businessDate: IsoDate; trigger: string; userId: number | null; size: number },
): Promise<{ runId: number; resumed: boolean }> {
  return inTransaction(db, async (tx) => {
    const open = await rows<{ id: number }>(
      tx,
      sql`select id from cob_runs where business_date = ${input.businessDate}::date and status <> 'completed'
           order by id desc limit 1 for update`,
    );
    if (open[0]) {
      await tx.execute(sql`update cob_partitions set status = 'pending', worker = null, heartbeat_at = null
                            where run_id = ${open[0].id} and status in ('running', 'failed')`);
      await tx.execute(sql`update cob_runs set status = 'running', error = null, finished_at = null,
                            partitions_open = false where id = ${open[0].id}`);
      return { runId: Number(open[0].id), resumed: true };
    }
    const [run] = await rows<{ id: number }>(
      tx,
      sql`insert into cob_runs (business_date, status, trigger, requested_by_user_id)
          values (${input.businessDate}::date, 'running', ${input.trigger}, ${input.userId}) returning id`,
    );
    if (!run) throw new Error('cob run insert returned nothing');
    const [made] = await rows<{ n: number }>(
      tx,
      sql`with bounds as (select min(id) as lo, max(id) as hi from contracts),
          ins as (
            insert into cob_partitions (run_id, lo, hi)
            select ${run.id}, b * ${input.size} + 1, (b + 1) * ${input.size}
              from bounds, generate_series((bounds.lo - 1) / ${input.size}, (bounds.hi - 1) / ${input.size}) as b
             where bounds.lo is not null
            returning 1
          )
          select count(*)::int as n from ins`,
    );
    await tx.execute(sql`update cob_runs set partitions = ${made?.n ?? 0} where id = ${run.id}`);
    return { runId: Number(run.id), resumed: false };
  });
}

/** From now on processes that join the run may claim its partitions (the payments are done). */
export async function openPartitions(db: Db, runId: number): Promise<void> {
  await db.execute(sql`update cob_runs set partitions_open = true where id = ${runId}`);
}

/**
 * Claims the next partition of a run: a pending one, or a running one whose heartbeat is older
 * than `staleAfterMs` (its process died). Any number of workers in any number of processes;
 * none waits on another (SKIP LOCKED).
 */
export async function claimPartition(
  db: Db,
  runId: number,
  worker: string,
  staleAfterMs: number,
): Promise<Partition | null> {
  const [p] = await rows<Partition>(
    db,
    sql`update cob_partitions set status = 'running', worker = ${worker}, claimed_at = now(), heartbeat_at = now()
         where id = (select id from cob_partitions
                      where run_id = ${runId}
                        and (status = 'pending'
                             or (status = 'running'
                                 and coalesce(heartbeat_at, claimed_at) < now() - ${staleAfterMs} * interval '1 millisecond'))
                      order by id limit 1 for update skip locked)
        returning id, lo, hi`,
  );
  // int8 comes back as text from some drivers: make the range numbers.
  return p ? { id: Number(p.id), lo: Number(p.lo), hi: Number(p.hi) } : null;
}

/** The worker is alive and working this partition. */
export async function heartbeat(db: Db, id: number): Promise<void> {
  await db.execute(sql`update cob_partitions set heartbeat_at = now() where id = ${id}`);
}

export async function finishPartition(db: Db, id: number, status: 'done' | 'failed'): Promise<void> {
  await db.execute(sql`update cob_partitions set status = ${status}, finished_at = now() where id = ${id}`);
}

/** Partitions of the run neither done nor failed (pending, or held by some process). */
export async function unfinishedPartitions(db: Db, runId: number): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from cob_partitions where run_id = ${runId} and status not in ('done', 'failed')`,
  );
  return r?.n ?? 0;
}

/** Partition steps done for the run's partitions by any process (any run of the date). */
export async function partitionStepsDone(db: Db, runId: number, businessDate: IsoDate): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from cob_step_marks m
          join cob_partitions p on p.run_id = ${runId} and p.lo = m.lo
         where m.business_date = ${businessDate}::date`,
  );
  return r?.n ?? 0;
}

export async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}
