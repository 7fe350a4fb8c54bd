import type { MailQueueCounts } from '@marque/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { mailOutbox } from './tables.ts';

/** How many messages of the mail outbox wait (or retry), went out, or were given up. */
export async function mailQueueCounts(db: Db): Promise<MailQueueCounts> {
  const [row] = await db
    .select({
      queued: sql<number>`count(*) filter (where ${mailOutbox.sentAt} is null and ${mailOutbox.failedAt} is null)::int`,
      sent: sql<number>`count(*) filter (where ${mailOutbox.sentAt} is not null)::int`,
      failed: sql<number>`count(*) filter (where ${mailOutbox.failedAt} is not null)::int`,
    })
    .from(mailOutbox);
  return { queued: row?.queued ?? 0, sent: row?.sent ?? 0, failed: row?.failed ?? 0 };
}
