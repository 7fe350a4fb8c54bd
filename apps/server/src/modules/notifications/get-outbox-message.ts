import type { OutboxMessage } from '@marque/contracts';
import type { Db } from '../../platform/db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { OutboxMailer } from '../../platform/mail.ts';
import type { AuditEvent, AuditLog } from '../../platform/ports.ts';
import { readOutboxMessage } from './outbox-files.ts';

/**
 * One outbox message with its text. Mail can carry personal data and sign-in links, so each
 * read is in the audit log (who read which message).
 */
export async function getOutboxMessage(
  deps: { db: Db; audit: AuditLog; mailer: Pick<OutboxMailer, 'mode' | 'outboxDir'> },
  context: Omit<AuditEvent, 'action' | 'outcome'>,
  messageId: string,
): Promise<OutboxMessage> {
  const dir = deps.mailer.outboxDir;
  const message = dir === null ? null : await readOutboxMessage(dir, messageId);
  if (!message) throw new NotFoundError('message');
  await deps.audit.record(deps.db, {
    ...context,
    action: 'mail.outbox.read',
    outcome: 'success',
    details: { messageId, category: message.category },
  });
  return message;
}
