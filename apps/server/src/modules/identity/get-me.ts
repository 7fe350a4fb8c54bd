import type { Me } from '@marque/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Principal } from '../../platform/http/access.ts';
import { customers } from '../customers/tables.ts';

export async function getMe(deps: { db: Db }, principal: Principal): Promise<Me> {
  let customer: Me['customer'] = null;
  if (principal.customerId !== null) {
    const rows = await deps.db
      .select({
        id: customers.publicId,
        firstName: customers.firstName,
        lastName: customers.lastName,
        preferredLanguage: customers.preferredLanguage,
      })
      .from(customers)
      .where(eq(customers.id, principal.customerId))
      .limit(1);
    customer = rows[0] ?? null;
  }
  return {
    user: {
      id: principal.userPublicId,
      email: principal.email,
      role: principal.role,
      displayName: principal.displayName,
    },
    customer,
  };
}
