import { addDays, addMonths, type IsoDate } from '@marque/finance';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { BrandConfig } from '../../../platform/brand.ts';
import type { Db } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import type { MailMessage, NotificationInbox, NotificationInput } from '../../../platform/ports.ts';
import { contracts, vehicles } from '../../contracts/index.ts';
import { customers } from '../../customers/index.ts';
import { users } from '../../identity/index.ts';
import { listPeriodTransactions } from '../../ledger/index.ts';
import { autopayEnrollments } from '../../payments/index.ts';
import { mailingOf } from '../issue-documents.ts';
import { ledgerFactsOf } from '../ledger-facts.ts';
import type { LenderDetails } from '../lender-details.ts';
import { documents } from '../tables.ts';
import type { StatementRenderInput } from './render-statement.ts';
import { STATEMENT_COPY } from './statement-copy.ts';
import { statementData } from './statement-data.ts';
import { STATEMENT_NOTICE_COPY } from './statement-notice-copy.ts';

/** A cut statement as `documents.render_input` keeps it: everything the PDF shows but the brand. */
export type StatementCut = Omit<StatementRenderInput, 'brand'>;

export interface StatementDeps {
  brand: BrandConfig;
  lender: LenderDetails;
  inbox: NotificationInbox;
  now: () => Date;
  /**
   * Of these customers, the ones who get the e-mail notice (the paperless election:
   * `paperlessCustomers` of the notifications module). Omitted, everyone with a portal login.
   */
  emailsTo?: (db: Db, customerIds: readonly number[]) => Promise<ReadonlySet<number>>;
}

export interface StatementCycle {
  statementDate: IsoDate;
  dueDate: IsoDate;
  /** In-portal notice and e-mail for each new statement (not for a seeded history). */
  notify: boolean;
}

export interface CutStatement {
  contractId: number;
  documentId: string;
  /** documents.id, for drawing it. */
  rowId: number;
  /** The e-mail notice (never the PDF) for the caller to queue in the same transaction. */
  mail: MailMessage | null;
}

/**
 * Cuts the cycle's statements of these contracts (ADR 0012): reads what they show in a fixed
 * number of statements, whatever the count (contracts with their vehicle and customer, ledger
 * facts, the period's transactions, autopay, portal logins), computes each one's figures, and
 * stores them as documents still to be drawn, with the in-portal notices. A contract whose
 * statement of the cycle exists already is skipped (the unique (contract, kind, cycle) index),
 * so a rerun cuts nothing.
 */
export async function cutStatements(
  db: Db,
  deps: StatementDeps,
  contractIds: readonly number[],
  cycle: StatementCycle,
): Promise<CutStatement[]> {
  if (contractIds.length === 0) return [];
  const { statementDate, dueDate } = cycle;
  const periodStart = addDays(addMonths(statementDate, -1), 1);
  const ids = [...contractIds];
  // One after another: `db` is often a transaction, i.e. one connection.
  const rows = await db
    .select({ contract: contracts, vehicle: vehicles, customer: customers })
    .from(contracts)
    .innerJoin(vehicles, eq(vehicles.id, contracts.vehicleId))
    .innerJoin(customers, eq(customers.id, contracts.customerId))
    .where(inArray(contracts.id, ids))
    .orderBy(asc(contracts.id));
  const facts = await ledgerFactsOf(
    db,
    ids,
    { start: periodStart, end: statementDate },
    { from: `${statementDate.slice(0, 4)}-01-01`, to: statementDate },
  );
  const period = await listPeriodTransactions(db, ids, { from: periodStart, to: statementDate });
  const onAutopay = new Set(
    (
      await db
        .select({ contractId: autopayEnrollments.contractId })
        .from(autopayEnrollments)
        .where(and(inArray(autopayEnrollments.contractId, ids), eq(autopayEnrollments.status, 'active')))
    ).map((r) => r.contractId),
  );
  const now = deps.now();
  const cuts = rows.map(({ contract, vehicle, customer }) => {
    const language = customer.preferredLanguage;
    const fact = facts.get(contract.id) ?? { opening: 0, interestPaid: 0 };
    const input: StatementCut = {
      language,
      createdAt: now.toISOString(),
      statementDate,
      periodStart,
      dueDate,
      lenderAddress: deps.lender.correspondence,
      remittance: { payableTo: deps.lender.remittance.payableTo, mail: deps.lender.correspondence },
      customer: mailingOf(customer),
      accountNumber: contract.accountNumber,
      vehicle: {
        year: vehicle.year,
        make: vehicle.make,
        model: vehicle.model,
        trim: vehicle.trim,
        vin: vehicle.vin,
      },
      daysPastDue: contract.daysPastDue,
      data: statementData({
        statementDate,
        periodStart,
        dueDate,
        contract,
        openingBalanceCents: fact.opening,
        transactions: period.get(contract.id) ?? [],
        interestPaidYtdCents: fact.interestPaid,
        autopay: onAutopay.has(contract.id),
      }),
    };
    return { contract, customer, vehicle, input };
  });
  const stored = new Map<number, { id: number; publicId: string }>();
  for (let at = 0; at < cuts.length; at += 500) {
    const inserted = await db
      .insert(documents)
      .values(
        cuts.slice(at, at + 500).map(({ contract, customer, vehicle, input }) => ({
          publicId: newId('doc'),
          customerId: customer.id,
          contractId: contract.id,
          kind: 'statement' as const,
          title: `${STATEMENT_COPY[input.language].title} · ${vehicle.year} ${vehicle.make} ${vehicle.model}`,
          asOfDate: statementDate,
          periodStart,
          cycleKey: dueDate,
          language: input.language,
          renderInput: input as unknown as Record<string, unknown>,
          createdAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: documents.id, publicId: documents.publicId, contractId: documents.contractId });
    for (const r of inserted) if (r.contractId !== null) stored.set(r.contractId, r);
  }
  const fresh = cuts.flatMap((c) => {
    const doc = stored.get(c.contract.id);
    return doc ? [{ ...c, documentId: doc.publicId, rowId: doc.id }] : [];
  });
  if (!cycle.notify)
    return fresh.map((c) => ({
      contractId: c.contract.id,
      documentId: c.documentId,
      rowId: c.rowId,
      mail: null,
    }));
  return announce(db, deps, fresh, dueDate);
}

/** The in-portal notice for each new statement, and the e-mail notice for those who get one. */
async function announce(
  db: Db,
  deps: StatementDeps,
  fresh: readonly {
    contract: { id: number; accountNumber: string };
    customer: { id: number };
    input: StatementCut;
    documentId: string;
    rowId: number;
  }[],
  dueDate: IsoDate,
): Promise<CutStatement[]> {
  const customerIds = [...new Set(fresh.map((c) => c.customer.id))];
  const logins = new Map<number, { id: number; email: string }>();
  if (customerIds.length > 0) {
    const found = await db
      .select({ id: users.id, email: users.email, customerId: users.customerId })
      .from(users)
      .where(
        and(inArray(users.customerId, customerIds), eq(users.role, 'customer'), eq(users.status, 'active')),
      )
      .orderBy(asc(users.id));
    for (const u of found)
      if (u.customerId !== null && !logins.has(u.customerId)) logins.set(u.customerId, u);
  }
  const emailed = deps.emailsTo ? await deps.emailsTo(db, customerIds) : null;
  const notices: NotificationInput[] = [];
  const result = fresh.map((c): CutStatement => {
    const user = logins.get(c.customer.id);
    const { documentId, rowId } = c;
    if (!user) return { contractId: c.contract.id, documentId, rowId, mail: null };
    const copy = STATEMENT_NOTICE_COPY[c.input.language];
    const body = copy.body(c.contract.accountNumber.slice(-4), dueDate);
    notices.push({ userId: user.id, kind: 'statement_ready', title: copy.title, body });
    const wantsEmail = emailed === null || emailed.has(c.customer.id);
    return {
      contractId: c.contract.id,
      documentId,
      rowId,
      mail: wantsEmail
        ? {
            to: user.email,
            subject: copy.subject(deps.brand.brand.name),
            text: `${body}\n${copy.emailFooter}`,
            category: 'statement_ready',
          }
        : null,
    };
  });
  await deps.inbox.addMany(db, notices);
  return result;
}
