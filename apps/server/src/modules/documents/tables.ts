import { DOCUMENT_KINDS } from '@marque/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { contracts } from '../contracts/tables.ts';
import { customers } from '../customers/tables.ts';

export { DOCUMENT_KINDS };
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** PDF bytes in the row (ADR 0009): stored with `storage external` since PDFs are already compressed. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * The document centre: every PDF a customer was given, kept as issued (ADR 0009). `cycle_key`
 * makes a document of a cycle unique per contract (a statement's due date, a tax year), so a
 * close of business that is rerun never issues a second statement.
 *
 * A statement is cut in the close of business with its figures in `render_input` and no bytes
 * yet; the renderer (or the first request for it) draws the PDF from those figures and fills
 * `content`, `size_bytes` and `sha256` once (ADR 0012). Every other document is stored whole.
 */
export const documents = pgTable(
  'documents',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    contractId: bigint('contract_id', { mode: 'number' }).references(() => contracts.id),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    title: text('title').notNull(),
    /** The statement date, the letter date, or the last day of the tax year. */
    asOfDate: date('as_of_date', { mode: 'string' }).notNull(),
    periodStart: date('period_start', { mode: 'string' }),
    cycleKey: text('cycle_key'),
    language: text('language', { enum: ['en', 'es'] }).notNull(),
    contentType: text('content_type').notNull().default('application/pdf'),
    /** Null until the PDF is drawn (a statement cut in the close of business). */
    sizeBytes: integer('size_bytes'),
    sha256: text('sha256'),
    content: bytea('content'),
    /** What the PDF is drawn from (a cut statement's figures, StatementCut); kept as issued. */
    renderInput: jsonb('render_input').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('documents_customer').on(t.customerId, t.asOfDate, t.id),
    uniqueIndex('documents_contract_cycle').on(t.contractId, t.kind, t.cycleKey),
    check('documents_size_matches', sql`${t.sizeBytes} = octet_length(${t.content})`),
    check(
      'documents_drawn_or_drawable',
      sql`(${t.content} is null) = (${t.sizeBytes} is null) and (${t.content} is null) = (${t.sha256} is null)
          and (${t.content} is not null or ${t.renderInput} is not null)`,
    ),
    /** The renderer's queue: only documents still to be drawn (a day's statements at most). */
    index('documents_to_draw').on(t.customerId, t.id).where(sql`${t.content} is null`),
  ],
);
