import type { IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Mailer } from '../../platform/ports.ts';
import { noticeEmailCopy } from './notice-copy.ts';
import { rows } from './partitions.ts';

/**
 * The e-mail copy of the day's notices, for customers with an active portal login (a notice,
 * never account details: the portal shows those after sign-in). Marked per notice, so a rerun
 * sends only what is left; few per day, so one message at a time.
 */
export async function sendNoticeEmails(db: Db, mailer: Mailer, date: IsoDate, now: Date): Promise<number> {
  const pending = await rows<{
    contract_id: number;
    kind: string;
    ref_date: string;
    email: string;
    language: string;
  }>(
    db,
    sql`select n.contract_id, n.kind, n.ref_date, u.email, cu.preferred_language as language
          from cob_notices n
          join contracts c on c.id = n.contract_id
          join customers cu on cu.id = c.customer_id
          join users u on u.customer_id = c.customer_id and u.role = 'customer' and u.status = 'active'
         where n.business_date = ${date}::date and n.emailed_at is null`,
  );
  for (const n of pending) {
    await mailer.send({
      to: n.email,
      ...noticeEmailCopy(n.kind, n.ref_date, n.language),
      category: `notice.${n.kind}`,
    });
    await db.execute(sql`update cob_notices set emailed_at = ${now.toISOString()}::timestamptz
                          where contract_id = ${n.contract_id} and kind = ${n.kind} and ref_date = ${n.ref_date}::date`);
  }
  return pending.length;
}
