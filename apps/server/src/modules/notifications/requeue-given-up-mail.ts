import type { MailRequeueResult } from '@marque/contracts';
import { isNotNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import type { AuditEvent, AuditLog } from '../../platform/ports.ts';
import { markMailQueued } from './mail-queue.ts';
import { mailOutbox } from './tables.ts';

/**
 * Gives every message the relay gave up on (ADR 0011: 8 failed sends) a fresh start: due now,
 * attempts back to 0, the last error kept for the record until the next failure. For after the
 * mail server is fixed. Audited with the count; the relay sends them on its next pass.
 */
export async function requeueGivenUpMail(
  deps: { db: Db; audit: AuditLog; now: () => Date },
  context: Omit<AuditEvent, 'action' | 'outcome'>,
): Promise<MailRequeueResult> {
  const requeued = await inTransaction(deps.db, async (tx) => {
    const rows = await tx
      .update(mailOutbox)
      .set({ failedAt: null, attempts: 0, availableAt: deps.now() })
      .where(isNotNull(mailOutbox.failedAt))
      .returning({ id: mailOutbox.id });
    await deps.audit.record(tx, {
      ...context,
      action: 'mail.requeue',
      outcome: 'success',
      details: { requeued: rows.length },
    });
    return rows.length;
  });
  if (requeued > 0) markMailQueued();
  return { requeued };
}
