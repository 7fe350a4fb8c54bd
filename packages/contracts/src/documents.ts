import { z } from 'zod';
import { IsoDate } from './common.ts';

export const DOCUMENT_KINDS = [
  'statement',
  'contract_copy',
  'payoff_letter',
  'autopay_authorization',
  'privacy_notice',
  'year_end_interest',
] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS).meta({ id: 'DocumentKind' });
export type DocumentKind = z.infer<typeof DocumentKind>;

const DocumentId = z.string().regex(/^doc_[0-9A-Za-z]{16,32}$/, 'Unknown document');

/** A PDF in the customer's document centre (the bytes are at `/documents/{id}/file`). */
export const CustomerDocument = z
  .object({
    id: DocumentId.describe('Opaque document ID, doc_...'),
    kind: DocumentKind,
    title: z.string(),
    accountId: z.string().nullable().describe('The account (ctr_...) it belongs to, if any'),
    accountLast4: z.string().nullable(),
    asOfDate: IsoDate.describe('Statement date, letter date, or the last day of the tax year'),
    periodStart: IsoDate.nullable(),
    language: z.enum(['en', 'es']),
    contentType: z.literal('application/pdf'),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Document' });
export type CustomerDocument = z.infer<typeof CustomerDocument>;

export const DocumentList = z
  .object({ data: z.array(CustomerDocument), nextCursor: z.string().nullable() })
  .meta({ id: 'DocumentList' });
export type DocumentList = z.infer<typeof DocumentList>;

export const DocumentQuery = z.object({
  accountId: z
    .string()
    .regex(/^ctr_[0-9A-Za-z]{16,32}$/, 'Unknown account')
    .optional(),
  kind: DocumentKind.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: DocumentId.optional().describe('nextCursor of the previous page'),
});
export type DocumentQuery = z.infer<typeof DocumentQuery>;

export const DocumentIdParams = z.object({ documentId: DocumentId });
