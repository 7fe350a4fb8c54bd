import { addDays, compareDates, type IsoDate } from '@marque/finance';
import { BusinessDateMissingError, readBusinessDate } from '../../platform/clock.ts';
import { type CobDayResult, closeBusinessDay } from './close-business-day.ts';
import { COB_LOCK_KEY, type CobDeps } from './deps.ts';

/**
 * `marque cob [--date D]`, the worker and the ops rerun: closes the current business date, or
 * every date from it through `through` one day at a time (catching up), or reruns a past date
 * `through` (completing whatever it left undone; the business date does not move). Stops at the
 * first failed day. One coordinator at a time across processes (advisory lock); other processes
 * may join its runs (`joinCob`).
 */
export async function runCob(
  deps: CobDeps,
  input: { through?: IsoDate; trigger: string; userId?: number | null },
): Promise<CobDayResult[]> {
  return deps.database.withAdvisoryLock(COB_LOCK_KEY, () => closeThrough(deps, input));
}

/**
 * `runCob` when no other process is closing, else `{ locked: false }` at once: the worker in
 * `marque start` then joins the close in progress (`joinCob`) instead of queueing behind it.
 */
export async function tryRunCob(
  deps: CobDeps,
  input: { through?: IsoDate; trigger: string; userId?: number | null },
): Promise<{ locked: true; value: CobDayResult[] } | { locked: false }> {
  return deps.database.tryWithAdvisoryLock(COB_LOCK_KEY, () => closeThrough(deps, input));
}

async function closeThrough(
  deps: CobDeps,
  input: { through?: IsoDate; trigger: string; userId?: number | null },
): Promise<CobDayResult[]> {
  const db = deps.database.db;
  const results: CobDayResult[] = [];
  const current = await readBusinessDate(db);
  if (!current) throw new BusinessDateMissingError();
  const through = input.through ?? current;
  const userId = input.userId ?? null;
  if (compareDates(through, current) < 0) {
    results.push(await closeBusinessDay(deps, { businessDate: through, trigger: input.trigger, userId }));
    return results;
  }
  for (let date = current; compareDates(date, through) <= 0; date = addDays(date, 1)) {
    const result = await closeBusinessDay(deps, { businessDate: date, trigger: input.trigger, userId });
    results.push(result);
    if (result.status !== 'completed') break;
  }
  return results;
}
