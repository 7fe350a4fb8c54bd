import { addDays, type IsoDate } from '@marque/finance';
import { and, between, eq, lte, notExists, or, sql } from 'drizzle-orm';
import { loadBrand } from '../../../platform/brand.ts';
import type { Db } from '../../../platform/db/client.ts';
import { contracts } from '../../contracts/index.ts';
import { createNotificationInbox, enqueueMails, paperlessCustomers } from '../../notifications/index.ts';
import { DEMO_LENDER_DETAILS } from '../lender-details.ts';
import { documents } from '../tables.ts';
import { cutStatements, type StatementDeps } from './cut-statements.ts';

/** Statements are cut this many days before the payment they bill is due. */
export const STATEMENT_LEAD_DAYS = 20;
/** Contracts whose statements are read and written together (a few statements each). */
const CUT_CHUNK = 1_000;

export interface StatementWindow {
  businessDate: IsoDate;
  /** Inclusive range of contracts.id: one partition of the close of business. */
  fromContractId: number;
  toContractId: number;
}

/** What the caller did not pass. The brand file is read only when no brand was given: the close
 * of business calls this once per partition. */
function withDefaults(deps: Partial<StatementDeps>): StatementDeps {
  return {
    ...deps,
    brand: deps.brand ?? loadBrand(process.env.BRAND_FILE),
    lender: deps.lender ?? DEMO_LENDER_DETAILS,
    inbox: deps.inbox ?? createNotificationInbox(),
    now: deps.now ?? (() => new Date()),
  };
}

/**
 * The statement step of the close of business, for one partition of contracts: every active
 * contract whose next payment is due 20 days after the business date gets its statement for
 * that cycle, and so does a contract behind on its payments whose schedule has an installment
 * due that day (its next unpaid one is older, but it still owes this one: the statement shows
 * it with the past-due amount and fees). The statements are cut in the caller's transaction (the
 * step's), a chunk of contracts at a time, and the unique (contract, kind, cycle) index makes a
 * rerun or an overlapping worker a no-op. Their PDFs are drawn afterwards (drawDocuments).
 */
export async function generateStatements(
  db: Db,
  window: StatementWindow,
  deps: Partial<StatementDeps> = {},
): Promise<{ generated: number }> {
  const full = withDefaults(deps);
  const dueDate = addDays(window.businessDate, STATEMENT_LEAD_DAYS);
  const due = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(
      and(
        between(contracts.id, window.fromContractId, window.toContractId),
        eq(contracts.status, 'active'),
        or(
          eq(contracts.nextDueDate, dueDate),
          and(
            // Behind: the next unpaid installment is due by the business date (a current
            // contract's next one is later, and the one after it over 20 days later still).
            lte(contracts.nextDueDate, window.businessDate),
            // Installments due before the next day minus those due before the day: one is due on it.
            sql`cob_installments_before(${contracts.firstPaymentDate}, ${contracts.termMonths}, ${addDays(dueDate, 1)}::date)
              - cob_installments_before(${contracts.firstPaymentDate}, ${contracts.termMonths}, ${dueDate}::date) = 1`,
          ),
        ),
        notExists(
          db
            .select({ one: sql`1` })
            .from(documents)
            .where(
              and(
                eq(documents.contractId, contracts.id),
                eq(documents.kind, 'statement'),
                eq(documents.cycleKey, dueDate),
              ),
            ),
        ),
      ),
    )
    .orderBy(contracts.id);
  // A fixed number of statements per chunk, whatever its size (ADR 0012): the PDFs are drawn
  // after the close. The e-mail notices are queued with the statements (ADR 0011): a statement
  // rolled back e-mails nobody, and the relay sends the notice after the commit.
  let generated = 0;
  for (let at = 0; at < due.length; at += CUT_CHUNK) {
    const cut = await cutStatements(
      db,
      full,
      due.slice(at, at + CUT_CHUNK).map((d) => d.id),
      { statementDate: window.businessDate, dueDate, notify: true },
    );
    await enqueueMails(
      db,
      cut.flatMap((c) => (c.mail ? [{ message: c.mail, dedupeKey: `statement_ready:${c.documentId}` }] : [])),
      full.now(),
    );
    generated += cut.length;
  }
  return { generated };
}

/**
 * The statement step as the close of business calls it (one partition at a time). The e-mail
 * notice goes to customers who chose paperless (E-SIGN consent); the others get paper, and
 * everyone gets the statement in the document centre and the in-portal notice.
 */
export function closeOfBusinessStatements(deps: Partial<StatementDeps> = {}) {
  return (db: Db, window: StatementWindow) =>
    generateStatements(db, window, { emailsTo: paperlessCustomers, ...deps });
}
