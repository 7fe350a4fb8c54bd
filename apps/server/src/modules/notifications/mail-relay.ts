import { createBackgroundPass } from '../../platform/background-pass.ts';
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
  const pass = createBackgroundPass(
    () => relayMail(db, mailer, options),
    (error) => options.log.error({ err: error }, 'mail relay failed'),
  );
  return { relayNow: pass.runNow, start: pass.start, stop: pass.stop };
}
