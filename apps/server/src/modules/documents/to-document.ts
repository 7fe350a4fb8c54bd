import type { CustomerDocument } from '@marque/contracts';
import { contracts } from '../contracts/index.ts';
import { documents } from './tables.ts';

/** The columns of a document's metadata: never the bytes. */
export const documentColumns = {
  id: documents.id,
  publicId: documents.publicId,
  customerId: documents.customerId,
  kind: documents.kind,
  title: documents.title,
  asOfDate: documents.asOfDate,
  periodStart: documents.periodStart,
  language: documents.language,
  sizeBytes: documents.sizeBytes,
  sha256: documents.sha256,
  createdAt: documents.createdAt,
  accountId: contracts.publicId,
  accountNumber: contracts.accountNumber,
};

export interface DocumentMetaRow {
  id: number;
  publicId: string;
  customerId: number;
  kind: CustomerDocument['kind'];
  title: string;
  asOfDate: string;
  periodStart: string | null;
  language: 'en' | 'es';
  /** Null only while a cut statement is still to be drawn (drawDocuments runs first). */
  sizeBytes: number | null;
  sha256: string | null;
  createdAt: Date;
  accountId: string | null;
  accountNumber: string | null;
}

export function toDocument(row: DocumentMetaRow): CustomerDocument {
  if (row.sizeBytes === null || row.sha256 === null) throw new Error(`document ${row.id} is not drawn yet`);
  return {
    id: row.publicId,
    kind: row.kind,
    title: row.title,
    accountId: row.accountId,
    accountLast4: row.accountNumber?.slice(-4) ?? null,
    asOfDate: row.asOfDate,
    periodStart: row.periodStart,
    language: row.language,
    contentType: 'application/pdf',
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A download name that says what it is without personal data: kind, account last 4, date. */
export function fileNameOf(row: Pick<DocumentMetaRow, 'kind' | 'accountNumber' | 'asOfDate'>): string {
  const parts = [row.kind.replaceAll('_', '-'), row.accountNumber?.slice(-4), row.asOfDate];
  return `${parts
    .filter(Boolean)
    .join('-')
    .replace(/[^A-Za-z0-9.-]/g, '')}.pdf`;
}
