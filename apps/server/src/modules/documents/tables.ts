import { DOCUMENT_KINDS } from '@marque/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  date,
  index,
  integer,
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
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('documents_customer').on(t.customerId, t.asOfDate, t.id),
    uniqueIndex('documents_contract_cycle').on(t.contractId, t.kind, t.cycleKey),
    check('documents_size_matches', sql`${t.sizeBytes} = octet_length(${t.content})`),
  ],
);
