import type { SmsOutboxList } from '@marque/contracts';
import { desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { ValidationError } from '../../platform/errors.ts';
import { maskPhone } from './sms.ts';
import { smsOutbox } from './tables.ts';

/** Texts the SMS sender recorded, newest first, with the number masked. */
export async function listSmsOutbox(
  deps: { db: Db },
  query: { limit: number; cursor?: string | undefined },
): Promise<SmsOutboxList> {
  let beforeId: number | undefined;
  if (query.cursor) {
    const [after] = await deps.db
      .select({ id: smsOutbox.id })
      .from(smsOutbox)
      .where(eq(smsOutbox.publicId, query.cursor));
    if (!after) throw ValidationError.field('cursor', 'invalid_cursor', 'Not a cursor from a previous page.');
    beforeId = after.id;
  }
  const rows = await deps.db
    .select()
    .from(smsOutbox)
    .where(beforeId === undefined ? undefined : lt(smsOutbox.id, beforeId))
    .orderBy(desc(smsOutbox.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((r) => ({
      id: r.publicId,
      to: maskPhone(r.toPhone),
      category: r.category,
      text: r.text,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? last.publicId : null,
  };
}
