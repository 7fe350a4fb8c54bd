import type { CustomerDocument } from '@marque/contracts';
import { and, eq } from 'drizzle-orm';
import type { BrandConfig } from '../../platform/brand.ts';
import type { Db } from '../../platform/db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { AuditEvent, AuditLog } from '../../platform/ports.ts';
import { contracts } from '../contracts/index.ts';
import { drawDocuments } from './draw-documents.ts';
import { documents } from './tables.ts';
import { type DocumentMetaRow, documentColumns, fileNameOf, toDocument } from './to-document.ts';

export interface DocumentCentreDeps {
  db: Db;
  /** For drawing a statement cut in the close of business that the drawer has not reached. */
  brand: BrandConfig;
}

/**
 * Another customer's document answers exactly like one that does not exist. The customer's
 * statements still to be drawn are drawn first (usually none: the drawer runs after the close).
 */
async function ownedDocument(
  deps: DocumentCentreDeps,
  customerId: number,
  documentId: string,
): Promise<DocumentMetaRow> {
  await drawDocuments(deps.db, deps.brand, { customerId, wait: true });
  const [row] = await deps.db
    .select(documentColumns)
    .from(documents)
    .leftJoin(contracts, eq(contracts.id, documents.contractId))
    .where(and(eq(documents.publicId, documentId), eq(documents.customerId, customerId)));
  if (!row) throw new NotFoundError('document');
  return row;
}

export async function getDocument(
  deps: DocumentCentreDeps,
  customerId: number,
  documentId: string,
): Promise<CustomerDocument> {
  return toDocument(await ownedDocument(deps, customerId, documentId));
}

/**
 * The PDF of one of the customer's documents. Every download is in the audit log (who took
 * which document, and when), like staff views of customer data.
 */
export async function downloadDocument(
  deps: DocumentCentreDeps & { audit: AuditLog },
  context: Omit<AuditEvent, 'action' | 'outcome'>,
  customerId: number,
  documentId: string,
): Promise<{ fileName: string; bytes: Buffer; sha256: string }> {
  const meta = await ownedDocument(deps, customerId, documentId);
  const [row] = await deps.db
    .select({ content: documents.content })
    .from(documents)
    .where(eq(documents.id, meta.id));
  if (!row?.content || !meta.sha256) throw new NotFoundError('document');
  await deps.audit.record(deps.db, {
    ...context,
    action: 'document.download',
    outcome: 'success',
    subjectCustomerId: customerId,
    details: { documentId: meta.publicId, kind: meta.kind },
  });
  return { fileName: fileNameOf(meta), bytes: row.content, sha256: meta.sha256 };
}
