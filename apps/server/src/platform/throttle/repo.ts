import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { throttleCounters } from '../db/platform-tables.ts';

export interface CounterState {
  count: number;
  windowStartedAt: Date;
  lastAt: Date;
}

/**
 * Counts one hit in a fixed window, atomically: a window older than `windowMs` restarts at 1.
 * One upsert, so concurrent processes never lose a count.
 */
export async function hitCounter(db: Db, key: string, now: Date, windowMs: number): Promise<CounterState> {
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  const expired = sql`${throttleCounters.windowStartedAt} <= ${cutoff}::timestamptz`;
  const [row] = await db
    .insert(throttleCounters)
    .values({ key, windowStartedAt: now, count: 1, lastAt: now })
    .onConflictDoUpdate({
      target: throttleCounters.key,
      set: {
        count: sql`case when ${expired} then 1 else ${throttleCounters.count} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${at}::timestamptz else ${throttleCounters.windowStartedAt} end`,
        lastAt: sql`${at}::timestamptz`,
      },
    })
    .returning();
  if (!row) throw new Error('throttle counter upsert returned nothing');
  return row;
}

export async function readCounter(db: Db, key: string): Promise<CounterState | undefined> {
  const rows = await db.select().from(throttleCounters).where(eq(throttleCounters.key, key)).limit(1);
  return rows[0];
}

export async function deleteCounter(db: Db, key: string): Promise<void> {
  await db.delete(throttleCounters).where(eq(throttleCounters.key, key));
}

export interface CounterHit {
  key: string;
  windowMs: number;
  /** The next hit is counted only while this one stays within `max`. */
  max: number;
}

/**
 * Counts a chain of hits in ONE statement (one round trip instead of one per counter), with the
 * semantics of calling `hitCounter` in order and stopping at the first counter over its limit:
 * each upsert runs only if the previous one stayed within its `max`. Answers the counted states
 * in order; fewer than `hits` when the chain stopped.
 */
export async function hitCounterChain(
  db: Db,
  hits: readonly CounterHit[],
  now: Date,
): Promise<CounterState[]> {
  if (hits.length === 0) return [];
  const at = now.toISOString();
  const steps = hits.map((hit, i) => {
    const cutoff = new Date(now.getTime() - hit.windowMs).toISOString();
    const expired = sql`t.window_started_at <= ${cutoff}::timestamptz`;
    const previous = i === 0 ? sql`` : sql.raw(` where exists (select 1 from h${i - 1} where ok)`);
    return sql`${sql.raw(`h${i}`)} as (
      insert into throttle_counters as t (key, window_started_at, count, last_at)
      select ${hit.key}, ${at}::timestamptz, 1, ${at}::timestamptz${previous}
      on conflict (key) do update set
        count = case when ${expired} then 1 else t.count + 1 end,
        window_started_at = case when ${expired} then ${at}::timestamptz else t.window_started_at end,
        last_at = ${at}::timestamptz
      returning ${i}::int as step, t.count, t.window_started_at, t.last_at, t.count <= ${hit.max}::int as ok)`;
  });
  const union = sql.join(
    hits.map((_, i) => sql.raw(`select * from h${i}`)),
    sql` union all `,
  );
  const result = await db.execute(sql`with ${sql.join(steps, sql`, `)} ${union} order by step`);
  const rows = (
    result as unknown as {
      rows: { count: number; window_started_at: string | Date; last_at: string | Date }[];
    }
  ).rows;
  return rows.map((row) => ({
    count: Number(row.count),
    windowStartedAt: new Date(row.window_started_at),
    lastAt: new Date(row.last_at),
  }));
}
