import { addDays, compareDates } from '@marque/finance';
import { readBusinessDate } from '../../platform/clock.ts';
import type { CobDeps } from './deps.ts';
import { joinCob } from './join-cob.ts';
import { tryRunCob } from './run-cob.ts';

export interface CobWorker {
  stop(): Promise<void>;
}

/**
 * The scheduled close of business inside `marque start`: every `intervalMs` it closes each
 * business date the wall clock (UTC) has passed, one day at a time, so a server that was down
 * for days catches up. When another process holds the close, the tick joins it (claims
 * partitions) instead of waiting for the lock. Failures are recorded by the run; the loop just tries again next tick.
 */
export function startCobWorker(
  deps: CobDeps,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): CobWorker {
  const now = deps.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = async () => {
    const businessDate = await readBusinessDate(deps.database.db);
    const today = now().toISOString().slice(0, 10);
    if (!businessDate || compareDates(businessDate, today) >= 0) return;
    const outcome = await tryRunCob(deps, { through: addDays(today, -1), trigger: 'worker' });
    // Another process (a second server, `marque cob`) is the coordinator: help it.
    if (!outcome.locked) await joinCob(deps);
  };
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = tick()
      .catch((error) => options.onError?.(error))
      .finally(() => {
        running = null;
      });
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
