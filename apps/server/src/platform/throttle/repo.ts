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
