import type { Db } from '../../platform/db/client.ts';
import type { MailMessage } from '../../platform/ports.ts';
import { mailOutbox } from './tables.ts';

export interface EnqueueOptions {
  /** When the change happened (the caller's clock): the message is due from then. */
  now: Date;
  /**
   * Makes the message once-only: a second enqueue with the same key (a rerun close of business,
   * a retried import) queues nothing. E.g. "notice:42:lease_maturity_90:2027-02-21".
   */
  dedupeKey?: string;
}

let queuedSeq = 0;

/**
 * Grows whenever this process queues mail. The API relays after a changing request only when
 * it moved during the request (app.ts), so a request that queued nothing costs the relay
 * nothing; a concurrent request's mail makes it relay a little early, which is harmless.
 */
export const mailQueuedSeq = (): number => queuedSeq;

/** Says mail was queued other than by enqueueMails (a requeue), so the request relays it. */
export const markMailQueued = (): void => {
  queuedSeq++;
};

/**
 * Queues an e-mail in the caller's transaction (ADR 0011): it commits or rolls back with the
 * change that causes it, and the relay sends it after commit. Returns false when the dedupe key
 * had been used (nothing queued).
 */
export async function enqueueMail(tx: Db, message: MailMessage, options: EnqueueOptions): Promise<boolean> {
  return (await enqueueMails(tx, [{ message, dedupeKey: options.dedupeKey }], options.now)) > 0;
}

/**
 * Queues many e-mails in statements of at most 1,000 rows (a close-of-business partition's
 * statement notices); returns how many were new (a used dedupe key queues nothing).
 */
export async function enqueueMails(
  tx: Db,
  list: readonly { message: MailMessage; dedupeKey?: string | undefined }[],
  now: Date,
): Promise<number> {
  let queued = 0;
  for (let at = 0; at < list.length; at += 1_000) {
    const inserted = await tx
      .insert(mailOutbox)
      .values(
        list.slice(at, at + 1_000).map(({ message, dedupeKey }) => ({
          dedupeKey: dedupeKey ?? null,
          toAddress: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html ?? null,
          category: message.category,
          createdAt: now,
          availableAt: now,
        })),
      )
      .onConflictDoNothing({ target: mailOutbox.dedupeKey })
      .returning({ id: mailOutbox.id });
    queued += inserted.length;
  }
  if (queued > 0) queuedSeq++;
  return queued;
}
