import type { DocumentList, DocumentQuery } from '@marque/contracts';
import { and, between, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { ValidationError } from '../../platform/errors.ts';
import { contracts } from '../contracts/index.ts';
import { drawDocuments } from './draw-documents.ts';
import type { DocumentCentreDeps } from './get-document.ts';
import { documents } from './tables.ts';
import { documentColumns, toDocument } from './to-document.ts';

/**
 * The signed-in customer's documents, newest first. Scoped by the customer's ID from the
 * session: an account filter naming someone else's account simply finds nothing.
 */
export async function listDocuments(
  deps: DocumentCentreDeps,
  customerId: number,
  query: DocumentQuery,
): Promise<DocumentList> {
  const { db } = deps;
  // The customer's statements cut in a close of business the drawer has not reached yet.
  await drawDocuments(db, deps.brand, { customerId, wait: true });
  const where: SQL[] = [eq(documents.customerId, customerId)];
  if (query.accountId) where.push(eq(contracts.publicId, query.accountId));
  if (query.kind) where.push(eq(documents.kind, query.kind));
  if (query.year) where.push(between(documents.asOfDate, `${query.year}-01-01`, `${query.year}-12-31`));
  if (query.cursor) {
    const [at] = await db
      .select({ id: documents.id, asOfDate: documents.asOfDate })
      .from(documents)
      .where(and(eq(documents.publicId, query.cursor), eq(documents.customerId, customerId)));
    if (!at)
      throw ValidationError.field(
        'cursor',
        'invalid_cursor',
        'Not a cursor from a previous page of this list.',
      );
    const after = or(
      lt(documents.asOfDate, at.asOfDate),
      and(eq(documents.asOfDate, at.asOfDate), lt(documents.id, at.id)),
    );
    if (after) where.push(after);
  }
  const rows = await db
    .select(documentColumns)
    .from(documents)
    .leftJoin(contracts, eq(contracts.id, documents.contractId))
    .where(and(...where))
    .orderBy(desc(documents.asOfDate), desc(documents.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    data: page.map(toDocument),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.publicId ?? null) : null,
  };
}
