import { eq } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { businessDate } from './db/platform-tables.ts';

/**
 * Time enters use cases only through a Clock, so tests travel in time by passing a different
 * one instead of mocking globals. `now()` is the wall-clock instant (sessions, audit);
 * `businessDate()` is the lender's calendar date, advanced only by close of business.
 */
export interface Clock {
  now(): Date;
  businessDate(): Promise<string>;
}

export class BusinessDateMissingError extends Error {
  constructor() {
    super(
      'The business date is not set; run `marque migrate` and `marque seed`, or set it with setBusinessDate.',
    );
  }
}

export async function readBusinessDate(db: Db): Promise<string | null> {
  const rows = await db.select({ date: businessDate.date }).from(businessDate).where(eq(businessDate.id, 1));
  return rows[0]?.date ?? null;
}

export async function setBusinessDate(db: Db, date: string): Promise<void> {
  await db
    .insert(businessDate)
    .values({ id: 1, date })
    .onConflictDoUpdate({ target: businessDate.id, set: { date, updatedAt: new Date() } });
}

export function systemClock(db: Db): Clock {
  return {
    now: () => new Date(),
    async businessDate() {
      const date = await readBusinessDate(db);
      if (!date) throw new BusinessDateMissingError();
      return date;
    },
  };
}

/** A clock for tests: a fixed or advancing instant and a fixed business date. */
export function fixedClock(instant: Date | (() => Date), date: string): Clock {
  return {
    now: typeof instant === 'function' ? instant : () => instant,
    businessDate: async () => date,
  };
}

/** Today's calendar date in UTC as YYYY-MM-DD (used once, to start a new database's business date). */
export function utcToday(now: Date): string {
  return now.toISOString().slice(0, 10);
}
