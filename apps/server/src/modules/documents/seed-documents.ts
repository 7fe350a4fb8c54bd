import type { IsoDate } from '@marque/finance';
import { eq } from 'drizzle-orm';
import { loadBrand } from '../../platform/brand.ts';
import type { Db } from '../../platform/db/client.ts';
import { contracts } from '../contracts/index.ts';
import {
  issueContractCopy,
  issuePrivacyNotice,
  issueYearEndInterest,
  pastCycles,
} from './issue-documents.ts';
import { DEMO_LENDER_DETAILS } from './lender-details.ts';
import { issueStatement } from './statements/issue-statement.ts';
import { documents } from './tables.ts';

/**
 * The demo document centre: for each demo contract its contract copy and the statements of
 * its last three cycles; for each customer the privacy notice; for loans last year's interest
 * statement. Quiet: no notices are sent for history. Skipped when documents exist.
 */
export async function seedDemoDocuments(db: Db, businessDate: IsoDate): Promise<number> {
  const [any] = await db.select({ id: documents.id }).from(documents).limit(1);
  if (any) return 0;
  const now = new Date(`${businessDate}T06:00:00Z`);
  const deps = { brand: loadBrand(process.env.BRAND_FILE), lender: DEMO_LENDER_DETAILS, now: () => now };
  const statementDeps = { ...deps, inbox: { add: async () => undefined, addMany: async () => undefined } };
  const rows = await db
    .select({
      id: contracts.id,
      customerId: contracts.customerId,
      contractDate: contracts.contractDate,
      nextDueDate: contracts.nextDueDate,
    })
    .from(contracts)
    .where(eq(contracts.status, 'active'))
    .orderBy(contracts.id)
    .limit(50);
  let count = 0;
  const customersSeen = new Set<number>();
  const taxYear = Number(businessDate.slice(0, 4)) - 1;
  for (const k of rows) {
    if (await issueContractCopy(db, deps, k.id)) count++;
    if (!customersSeen.has(k.customerId)) {
      customersSeen.add(k.customerId);
      if (await issuePrivacyNotice(db, deps, k.customerId, `${businessDate.slice(0, 4)}-01-15`)) count++;
    }
    if (await issueYearEndInterest(db, deps, k.id, taxYear)) count++;
    if (!k.nextDueDate) continue;
    for (const [statementDate, dueDate] of pastCycles(k.nextDueDate, k.contractDate, 3)) {
      if (statementDate > businessDate) continue;
      if (await issueStatement(db, statementDeps, k.id, { statementDate, dueDate, notify: false })) count++;
    }
  }
  return count;
}
