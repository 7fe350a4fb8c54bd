import type { IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { enqueueMails } from '../notifications/index.ts';
import { noticeEmailCopy } from './notice-copy.ts';
import { rows } from './partitions.ts';

/**
 * The e-mail copy of the day's notices, for customers with an active portal login (a notice,
 * never account details: the portal shows those after sign-in). Queued in the mail outbox in
 * `tx`, the step marker's transaction, keyed `notice:<contract>:<kind>:<ref_date>:<user>`: a
 * rerun after a crash queues nothing twice, and the relay sends each once (ADR 0011).
 * `emailed_at` records when the copy was queued.
 */
export async function queueNoticeEmails(tx: Db, date: IsoDate, now: Date): Promise<number> {
  const pending = await rows<{
    contract_id: number;
    kind: string;
    ref_date: string;
    user_id: number;
    email: string;
    language: string;
  }>(
    tx,
    sql`select n.contract_id, n.kind, n.ref_date::text as ref_date, u.id as user_id, u.email, cu.preferred_language as language
          from cob_notices n
          join contracts c on c.id = n.contract_id
          join customers cu on cu.id = c.customer_id
          join users u on u.customer_id = c.customer_id and u.role = 'customer' and u.status = 'active'
         where n.business_date = ${date}::date and n.emailed_at is null
         order by n.contract_id, n.kind, u.id`,
  );
  const queued = await enqueueMails(
    tx,
    pending.map((n) => ({
      message: {
        to: n.email,
        ...noticeEmailCopy(n.kind, n.ref_date, n.language),
        category: `notice.${n.kind}`,
      },
      dedupeKey: `notice:${n.contract_id}:${n.kind}:${n.ref_date}:${n.user_id}`,
    })),
    now,
  );
  await tx.execute(sql`update cob_notices set emailed_at = ${now.toISOString()}::timestamptz
                        where business_date = ${date}::date and emailed_at is null`);
  return queued;
}
