import type { OutboxList } from '@marque/contracts';
import type { OutboxMailer } from '../../platform/mail.ts';
import { outboxFileNames, readOutboxMessage } from './outbox-files.ts';

/**
 * The mail the server wrote as .eml files (no SMTP configured), newest first. In SMTP mode
 * mail has left the building and the list is empty, which the answer says.
 */
export async function listOutbox(
  deps: { mailer: Pick<OutboxMailer, 'mode' | 'outboxDir'> },
  query: { limit: number; cursor?: string | undefined },
): Promise<OutboxList> {
  const dir = deps.mailer.outboxDir;
  if (deps.mailer.mode === 'smtp' || dir === null) return { mode: 'smtp', data: [], nextCursor: null };
  const names = await outboxFileNames(dir);
  const start = query.cursor ? names.findIndex((n) => n < (query.cursor ?? '')) : 0;
  const slice = start < 0 ? [] : names.slice(start, start + query.limit);
  const data = [];
  for (const name of slice) {
    const message = await readOutboxMessage(dir, name);
    if (message) {
      const { text: _text, ...summary } = message;
      data.push(summary);
    }
  }
  const last = slice[slice.length - 1];
  const more = start >= 0 && start + query.limit < names.length;
  return { mode: 'files', data, nextCursor: more && last ? last : null };
}
