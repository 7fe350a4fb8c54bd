import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { dealers } from './tables.ts';

export async function findDealerByPublicId(db: Db, publicId: string) {
  const rows = await db.select().from(dealers).where(eq(dealers.publicId, publicId)).limit(1);
  return rows[0];
}

/** Every dealership by name: a captive lender has a few hundred at most, so no paging. */
export async function listDealers(db: Db) {
  return db.select().from(dealers).orderBy(asc(dealers.name), asc(dealers.id));
}
