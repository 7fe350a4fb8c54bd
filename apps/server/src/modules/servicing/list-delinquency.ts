import type { DelinquencyPage, DelinquencyQuery } from '@marque/contracts';
import type { IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { rows } from './partitions.ts';

interface Row {
  contract_id: number;
  account_number: string;
  public_id: string;
  type: 'loan' | 'lease';
  first_name: string;
  last_name: string;
  bucket: string;
  days_past_due: number;
  past_due_cents: number;
  next_due_date: string | null;
  since: string;
}

/**
 * The delinquent accounts as of the last close, most days past due first (ties by contract),
 * keyset-paginated: the cursor is the last row's position "days:contract" packed in one number.
 */
export async function listDelinquency(
  db: Db,
  query: DelinquencyQuery,
  businessDate: IsoDate,
): Promise<DelinquencyPage> {
  // Cursor = days_past_due * 1e12 + contract id (ids stay below 1e12): one sortable number.
  const cursor = query.cursor ? BigInt(query.cursor) : null;
  const after =
    cursor === null
      ? sql`true`
      : sql`(s.days_past_due, s.contract_id) < (${Number(cursor / 1_000_000_000_000n)}, ${Number(cursor % 1_000_000_000_000n)})`;
  const bucket = query.bucket ? sql`s.bucket = ${query.bucket}` : sql`true`;
  const found = await rows<Row>(
    db,
    sql`select s.contract_id, c.account_number, c.public_id, c.type, cu.first_name, cu.last_name, s.bucket,
               s.days_past_due, s.past_due_cents, c.next_due_date, s.since
          from delinquency_status s
          join contracts c on c.id = s.contract_id
          join customers cu on cu.id = c.customer_id
         where ${bucket} and ${after}
         order by s.days_past_due desc, s.contract_id desc
         limit ${query.limit + 1}`,
  );
  const counts = await rows<{ bucket: string; n: number }>(
    db,
    sql`select bucket, count(*)::int as n from delinquency_status group by bucket`,
  );
  const page = found.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => ({
      accountNumber: r.account_number,
      contractId: r.public_id,
      type: r.type,
      customerName: `${r.first_name} ${r.last_name}`,
      bucket: r.bucket as DelinquencyPage['data'][number]['bucket'],
      daysPastDue: Number(r.days_past_due),
      pastDue: { amount: Number(r.past_due_cents), currency: 'USD' as const },
      nextDueDate: r.next_due_date,
      inBucketSince: r.since,
    })),
    nextCursor:
      found.length > query.limit && last
        ? String(BigInt(last.days_past_due) * 1_000_000_000_000n + BigInt(last.contract_id))
        : null,
    asOf: businessDate,
    counts: Object.fromEntries(counts.map((c) => [c.bucket, c.n])),
  };
}
