import type { Db } from '../../platform/db/client.ts';
import type { Mailer } from '../../platform/ports.ts';
import { type RelayOptions, type RelayResult, relayMail } from './relay-mail.ts';

export interface MailRelay {
  /**
   * Relays what is due now. Calls while a relay runs share one follow-up run (which sees what
   * committed meanwhile), so a burst of requests costs at most two passes. Never rejects: a
   * database error is logged and the interval (or the next call) tries again.
   */
  relayNow(): Promise<RelayResult | null>;
  /** Relay every `intervalMs` until `stop` (the safety net for nudges missed or failed). */
  start(intervalMs: number): void;
  /** Stops the interval and waits for a relay in flight. */
  stop(): Promise<void>;
}

export function createMailRelay(
  db: Db,
  mailer: Mailer,
  options: RelayOptions & { log: { error: (obj: object, msg: string) => void } },
): MailRelay {
  let running: Promise<RelayResult | null> | null = null;
  let queued: Promise<RelayResult | null> | null = null;
  let timer: NodeJS.Timeout | null = null;

  const run = (): Promise<RelayResult | null> => {
    const pass = relayMail(db, mailer, options)
      .catch((error: unknown) => {
        options.log.error({ err: error }, 'mail relay failed');
        return null;
      })
      .finally(() => {
        if (running === pass) running = null;
      });
    running = pass;
    return pass;
  };

  const relayNow = (): Promise<RelayResult | null> => {
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
    relayNow,
    start(intervalMs) {
      if (timer) return;
      timer = setInterval(() => void relayNow(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await (queued ?? running);
    },
  };
}
