import { addDays, addMonths, type IsoDate } from '@marque/finance';
import { and, eq } from 'drizzle-orm';
import type { BrandConfig } from '../../../platform/brand.ts';
import type { Db } from '../../../platform/db/client.ts';
import type { MailMessage, NotificationInbox } from '../../../platform/ports.ts';
import { contracts, vehicles } from '../../contracts/index.ts';
import { customers } from '../../customers/index.ts';
import { users } from '../../identity/index.ts';
import { listTransactions } from '../../ledger/index.ts';
import { autopayEnrollments } from '../../payments/index.ts';
import { ledgerFacts } from '../ledger-facts.ts';
import type { LenderDetails } from '../lender-details.ts';
import type { DocumentLanguage } from '../pdf/format.ts';
import { storeDocument } from '../store-document.ts';
import { renderStatement } from './render-statement.ts';
import { STATEMENT_COPY } from './statement-copy.ts';
import { statementData } from './statement-data.ts';
import { STATEMENT_NOTICE_COPY } from './statement-notice-copy.ts';

export interface StatementDeps {
  brand: BrandConfig;
  lender: LenderDetails;
  inbox: NotificationInbox;
  now: () => Date;
  /**
   * Whether the customer gets the e-mail notice (the paperless election: `isPaperless` of the
   * notifications module). Omitted, everyone with a portal login gets it.
   */
  wantsEmail?: (db: Db, customerId: number) => Promise<boolean>;
  /** Overrides the customer's own language (customers.preferred_language), e.g. for a reprint. */
  languageOf?: (db: Db, customerId: number) => Promise<DocumentLanguage | null>;
}

/**
 * Renders, stores and announces one contract's statement for the cycle ending on
 * `statementDate` with payment due on `dueDate`. Returns null when that cycle's statement
 * exists already (the unique (contract, kind, cycle) index), so reruns change nothing; else the
 * document ID and the e-mail notice (never the PDF itself) for the caller to queue in the mail
 * outbox in the same transaction.
 */
export async function issueStatement(
  db: Db,
  deps: StatementDeps,
  contractId: number,
  cycle: { statementDate: IsoDate; dueDate: IsoDate; notify: boolean },
): Promise<{ documentId: string; mail: MailMessage | null } | null> {
  const [row] = await db
    .select({ contract: contracts, vehicle: vehicles, customer: customers })
    .from(contracts)
    .innerJoin(vehicles, eq(vehicles.id, contracts.vehicleId))
    .innerJoin(customers, eq(customers.id, contracts.customerId))
    .where(eq(contracts.id, contractId));
  if (!row) return null;
  const { contract, vehicle, customer } = row;
  const { statementDate, dueDate } = cycle;
  const periodStart = addDays(addMonths(statementDate, -1), 1);
  const language = (await deps.languageOf?.(db, customer.id)) ?? customer.preferredLanguage;
  // One after another: `db` is often a transaction, i.e. one connection, which runs one query
  // at a time anyway (node-postgres warns about, and v9 drops, queueing concurrent queries).
  const facts = await ledgerFacts(
    db,
    contract.id,
    { start: periodStart, end: statementDate },
    { from: `${statementDate.slice(0, 4)}-01-01`, to: statementDate },
  );
  const period = await listTransactions(db, contract.id, {
    from: periodStart,
    to: statementDate,
    limit: 500,
  });
  const autopay = await db
    .select({ id: autopayEnrollments.id })
    .from(autopayEnrollments)
    .where(and(eq(autopayEnrollments.contractId, contract.id), eq(autopayEnrollments.status, 'active')));
  const data = statementData({
    statementDate,
    periodStart,
    dueDate,
    contract,
    openingBalanceCents: facts.opening,
    transactions: period.data,
    interestPaidYtdCents: facts.interestPaid,
    autopay: autopay.length > 0,
  });
  const now = deps.now();
  const bytes = await renderStatement({
    brand: deps.brand,
    language,
    createdAt: now.toISOString(),
    statementDate,
    periodStart,
    dueDate,
    lenderAddress: deps.lender.correspondence,
    remittance: { payableTo: deps.lender.remittance.payableTo, mail: deps.lender.correspondence },
    customer: {
      name: `${customer.firstName} ${customer.lastName}`,
      address: {
        line1: customer.addressLine1,
        ...(customer.addressLine2 ? { line2: customer.addressLine2 } : {}),
        city: customer.city,
        state: customer.state,
        postalCode: customer.postalCode,
      },
    },
    accountNumber: contract.accountNumber,
    vehicle,
    daysPastDue: contract.daysPastDue,
    data,
  });
  const t = STATEMENT_COPY[language];
  const stored = await storeDocument(db, {
    customerId: customer.id,
    contractId: contract.id,
    kind: 'statement',
    title: `${t.title} · ${vehicle.year} ${vehicle.make} ${vehicle.model}`,
    asOfDate: statementDate,
    periodStart,
    cycleKey: dueDate,
    language,
    bytes,
    createdAt: now,
  });
  if (!stored || !cycle.notify) return stored ? { documentId: stored, mail: null } : null;
  const [user] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.customerId, customer.id), eq(users.role, 'customer'), eq(users.status, 'active')));
  if (!user) return { documentId: stored, mail: null };
  const last4 = contract.accountNumber.slice(-4);
  const copy = STATEMENT_NOTICE_COPY[language];
  const body = copy.body(last4, dueDate);
  await deps.inbox.add(db, {
    userId: user.id,
    kind: 'statement_ready',
    title: copy.title,
    body,
  });
  if (deps.wantsEmail && !(await deps.wantsEmail(db, customer.id))) return { documentId: stored, mail: null };
  return {
    documentId: stored,
    mail: {
      to: user.email,
      subject: copy.subject(deps.brand.brand.name),
      text: `${body}\n${copy.emailFooter}`,
      category: 'statement_ready',
    },
  };
}
