import crypto from 'node:crypto';
import type { Db } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import { type DocumentKind, documents } from './tables.ts';

export interface NewDocument {
  customerId: number;
  contractId: number | null;
  kind: DocumentKind;
  title: string;
  asOfDate: string;
  periodStart?: string | null;
  /** Set for documents issued once per cycle (statement due date, tax year): a rerun stores nothing. */
  cycleKey?: string | null;
  language: 'en' | 'es';
  bytes: Uint8Array;
  createdAt: Date;
}

/**
 * Stores one issued PDF with its size and SHA-256. Returns the new public ID, or null when a
 * document of the same (contract, kind, cycle) exists already, so reruns are idempotent.
 */
export async function storeDocument(db: Db, doc: NewDocument): Promise<string | null> {
  const content = Buffer.from(doc.bytes);
  const publicId = newId('doc');
  const rows = await db
    .insert(documents)
    .values({
      publicId,
      customerId: doc.customerId,
      contractId: doc.contractId,
      kind: doc.kind,
      title: doc.title,
      asOfDate: doc.asOfDate,
      periodStart: doc.periodStart ?? null,
      cycleKey: doc.cycleKey ?? null,
      language: doc.language,
      sizeBytes: content.byteLength,
      sha256: crypto.createHash('sha256').update(content).digest('hex'),
      content,
      createdAt: doc.createdAt,
    })
    .onConflictDoNothing()
    .returning({ publicId: documents.publicId });
  return rows[0]?.publicId ?? null;
}
