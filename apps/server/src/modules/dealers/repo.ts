import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { dealers } from './tables.ts';

export async function findDealerByPublicId(db: Db, publicId: string) {
  const rows = await db.select().from(dealers).where(eq(dealers.publicId, publicId)).limit(1);
  return rows[0];
}
