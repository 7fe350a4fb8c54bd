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

/**
 * Queues an e-mail in the caller's transaction (ADR 0011): it commits or rolls back with the
 * change that causes it, and the relay sends it after commit. Returns false when the dedupe key
 * had been used (nothing queued).
 */
export async function enqueueMail(tx: Db, message: MailMessage, options: EnqueueOptions): Promise<boolean> {
  const inserted = await tx
    .insert(mailOutbox)
    .values({
      dedupeKey: options.dedupeKey ?? null,
      toAddress: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? null,
      category: message.category,
      createdAt: options.now,
      availableAt: options.now,
    })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  return inserted.length > 0;
}
