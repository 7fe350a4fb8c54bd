import { and, asc, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import type { Mailer } from '../../platform/ports.ts';
import { mailOutbox } from './tables.ts';

export interface RelayOptions {
  /** At most this many messages per call (the next call takes the rest). */
  batchSize?: number;
  now: () => Date;
  /** After this many failed attempts a message is given up (failed_at set, shown in the ops outbox). */
  maxAttempts?: number;
  /** Delay before the first retry; doubled per attempt up to `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  log?: { error: (obj: object, msg: string) => void };
}

export interface RelayResult {
  sent: number;
  retried: number;
  gaveUp: number;
}

export const MAIL_RELAY_DEFAULTS = {
  batchSize: 50,
  maxAttempts: 8,
  baseBackoffMs: 60_000,
  maxBackoffMs: 3_600_000,
} as const;

/** The wait before attempt `attempts + 1`: base, 2 × base, 4 × base, … capped. */
export function backoffMs(attempts: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}

/** A mail server's reply can quote the recipient: keep the reason, drop addresses, bound it. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/[^\s<>()"',;:]+@[^\s<>()"',;:]+/g, '<address>').slice(0, 500);
}

/**
 * Sends due messages of the outbox (ADR 0011), one short transaction per message: the row is
 * claimed with FOR UPDATE SKIP LOCKED (so any number of processes can relay side by side, each
 * message going to one of them), sent through the Mailer while the lock is held, and marked sent
 * in that same transaction. A failure counts an attempt and sets the next try with exponential
 * backoff; after `maxAttempts` the message is given up.
 *
 * At-least-once window: if the process dies (or the commit fails) after the mail server accepted
 * the message and before the mark commits, the lock is released with the row still unsent, and a
 * later relay sends it again. Nothing else sends a message twice.
 */
export async function relayMail(db: Db, mailer: Mailer, options: RelayOptions): Promise<RelayResult> {
  const batchSize = options.batchSize ?? MAIL_RELAY_DEFAULTS.batchSize;
  const maxAttempts = options.maxAttempts ?? MAIL_RELAY_DEFAULTS.maxAttempts;
  const base = options.baseBackoffMs ?? MAIL_RELAY_DEFAULTS.baseBackoffMs;
  const max = options.maxBackoffMs ?? MAIL_RELAY_DEFAULTS.maxBackoffMs;
  const result: RelayResult = { sent: 0, retried: 0, gaveUp: 0 };
  // One plain read first: most calls (the nudge after every changing request) find nothing due,
  // and then cost no transaction.
  const due = and(
    isNull(mailOutbox.sentAt),
    isNull(mailOutbox.failedAt),
    lte(mailOutbox.availableAt, options.now()),
  );
  const [any] = await db.select({ id: mailOutbox.id }).from(mailOutbox).where(due).limit(1);
  if (!any) return result;
  for (let i = 0; i < batchSize; i++) {
    const outcome = await inTransaction(db, async (tx) => {
      const now = options.now();
      const [row] = await tx
        .select()
        .from(mailOutbox)
        .where(and(isNull(mailOutbox.sentAt), isNull(mailOutbox.failedAt), lte(mailOutbox.availableAt, now)))
        .orderBy(asc(mailOutbox.availableAt), asc(mailOutbox.id))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!row) return 'empty' as const;
      try {
        await mailer.send({
          to: row.toAddress,
          subject: row.subject,
          text: row.text,
          ...(row.html ? { html: row.html } : {}),
          category: row.category,
        });
      } catch (error) {
        const attempts = row.attempts + 1;
        const giveUp = attempts >= maxAttempts;
        await tx
          .update(mailOutbox)
          .set({
            attempts,
            lastError: errorText(error),
            ...(giveUp
              ? { failedAt: now }
              : { availableAt: new Date(now.getTime() + backoffMs(attempts, base, max)) }),
          })
          .where(sql`${mailOutbox.id} = ${row.id}`);
        options.log?.error(
          { err: errorText(error), category: row.category, attempts },
          'mail relay: send failed',
        );
        return giveUp ? ('gaveUp' as const) : ('retried' as const);
      }
      await tx
        .update(mailOutbox)
        .set({ sentAt: now, attempts: row.attempts + 1, lastError: null })
        .where(sql`${mailOutbox.id} = ${row.id}`);
      return 'sent' as const;
    });
    if (outcome === 'empty') break;
    result[outcome]++;
  }
  return result;
}
