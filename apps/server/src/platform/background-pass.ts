export interface BackgroundPass<R> {
  /**
   * Runs the pass now. Calls while one runs share one follow-up run (which sees what committed
   * meanwhile), so a burst of calls costs at most two passes. Never rejects: an error goes to
   * `onError` and the interval (or the next call) tries again.
   */
  runNow(): Promise<R | null>;
  /** Runs every `intervalMs` until `stop` (the safety net for nudges missed or failed). */
  start(intervalMs: number): void;
  /** Stops the interval and waits for a pass in flight. */
  stop(): Promise<void>;
}

/**
 * A job a process runs over a queue table now and then (the mail relay, the statement drawer):
 * on demand, coalesced, and on an interval that does not keep the process alive.
 */
export function createBackgroundPass<R>(
  pass: () => Promise<R>,
  onError: (error: unknown) => void,
): BackgroundPass<R> {
  let running: Promise<R | null> | null = null;
  let queued: Promise<R | null> | null = null;
  let timer: NodeJS.Timeout | null = null;

  const run = (): Promise<R | null> => {
    const current: Promise<R | null> = pass()
      .catch((error: unknown) => {
        onError(error);
        return null;
      })
      .finally(() => {
        if (running === current) running = null;
      });
    running = current;
    return current;
  };

  const runNow = (): Promise<R | null> => {
    if (queued) return queued;
    if (!running) return run();
    const follow = running.then(() => {
      queued = null;
      return run();
    });
    queued = follow;
    return follow;
  };

  return {
    runNow,
    start(intervalMs) {
      if (timer) return;
      timer = setInterval(() => void runNow(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await (queued ?? running);
    },
  };
}
