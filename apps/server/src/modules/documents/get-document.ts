import type { CustomerDocument } from '@marque/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { AuditEvent, AuditLog } from '../../platform/ports.ts';
import { contracts } from '../contracts/index.ts';
import { documents } from './tables.ts';
import { type DocumentMetaRow, documentColumns, fileNameOf, toDocument } from './to-document.ts';

/** Another customer's document answers exactly like one that does not exist. */
async function ownedDocument(db: Db, customerId: number, documentId: string): Promise<DocumentMetaRow> {
  const [row] = await db
    .select(documentColumns)
    .from(documents)
    .leftJoin(contracts, eq(contracts.id, documents.contractId))
    .where(and(eq(documents.publicId, documentId), eq(documents.customerId, customerId)));
  if (!row) throw new NotFoundError('document');
  return row;
}

export async function getDocument(db: Db, customerId: number, documentId: string): Promise<CustomerDocument> {
  return toDocument(await ownedDocument(db, customerId, documentId));
}

/**
 * The PDF of one of the customer's documents. Every download is in the audit log (who took
 * which document, and when), like staff views of customer data.
 */
export async function downloadDocument(
  deps: { db: Db; audit: AuditLog },
  context: Omit<AuditEvent, 'action' | 'outcome'>,
  customerId: number,
  documentId: string,
): Promise<{ fileName: string; bytes: Buffer; sha256: string }> {
  const meta = await ownedDocument(deps.db, customerId, documentId);
  const [row] = await deps.db
    .select({ content: documents.content })
    .from(documents)
    .where(eq(documents.id, meta.id));
  if (!row) throw new NotFoundError('document');
  await deps.audit.record(deps.db, {
    ...context,
    action: 'document.download',
    outcome: 'success',
    subjectCustomerId: customerId,
    details: { documentId: meta.publicId, kind: meta.kind },
  });
  return { fileName: fileNameOf(meta), bytes: row.content, sha256: meta.sha256 };
}
