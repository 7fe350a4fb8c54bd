import { addDays, addMonths, type IsoDate } from '@marque/finance';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { BrandConfig } from '../../../platform/brand.ts';
import type { Db } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import type { MailMessage, NotificationInbox, NotificationInput } from '../../../platform/ports.ts';
import { users } from '../../identity/index.ts';
import { listPeriodTransactions } from '../../ledger/index.ts';
import { autopayEnrollments } from '../../payments/index.ts';
import { mailingOf } from '../issue-documents.ts';
import { ledgerFactsOf } from '../ledger-facts.ts';
import type { LenderDetails } from '../lender-details.ts';
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
  const rows = await statementParties(db, ids);
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
  // One JSON parameter for the whole chunk: PostgreSQL parses it once, where a multi-row
  // VALUES list of thousands of parameters cost more to build and bind than to insert.
  const rowsJson = cuts.map(({ contract, customer, vehicle, input }) => ({
    public_id: newId('doc'),
    customer_id: customer.id,
    contract_id: contract.id,
    title: `${STATEMENT_COPY[input.language].title} · ${vehicle.year} ${vehicle.make} ${vehicle.model}`,
    language: input.language,
    render_input: input,
  }));
  const inserted = await db.execute(sql`
    insert into documents (public_id, customer_id, contract_id, kind, title, as_of_date, period_start, cycle_key,
                           language, render_input, created_at)
    select x.public_id, x.customer_id, x.contract_id, 'statement', x.title, ${statementDate}::date,
           ${periodStart}::date, ${dueDate}, x.language, x.render_input, ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(rowsJson)}::jsonb)
           as x(public_id text, customer_id bigint, contract_id bigint, title text, language text, render_input jsonb)
    on conflict do nothing
    returning id, public_id, contract_id`);
  const stored = new Map<number, { id: number; publicId: string }>();
  for (const r of (
    inserted as unknown as {
      rows: { id: number | string; public_id: string; contract_id: number | string }[];
    }
  ).rows)
    stored.set(Number(r.contract_id), { id: Number(r.id), publicId: r.public_id });
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

interface PartyRow {
  id: number | string;
  customer_id: number | string;
  account_number: string;
  type: 'loan' | 'lease';
  payment_cents: number | string;
  past_due_cents: number | string;
  days_past_due: number;
  balance_cents: number | string;
  fees_cents: number | string;
  unapplied_cents: number | string;
  apr: string | null;
  contract_date: string;
  maturity_date: string;
  mileage_allowance_per_year: number | null;
  excess_mileage_rate_cents: number | string | null;
  year: number;
  make: string;
  model: string;
  trim: string;
  vin: string;
  first_name: string;
  last_name: string;
  address_line1: string;
  address_line2: string | null;
  city: string;
  state: string;
  postal_code: string;
  preferred_language: 'en' | 'es';
}

const num = (v: number | string) => Number(v);

/**
 * The contracts with their vehicles and customers, by id. Joined from `unnest` so each is an
 * index lookup: `id = any(…)` over hundreds of ids led the planner to scan `customers` whole.
 */
async function statementParties(db: Db, ids: readonly number[]) {
  const list = `{${ids.map((id) => Math.trunc(id)).join(',')}}`;
  const result = await db.execute(sql`
    select c.id, c.customer_id, c.account_number, c.type, c.payment_cents, c.past_due_cents, c.days_past_due,
           c.balance_cents, c.fees_cents, c.unapplied_cents, c.apr::text as apr, c.contract_date::text as contract_date,
           c.maturity_date::text as maturity_date, c.mileage_allowance_per_year, c.excess_mileage_rate_cents,
           v.year, v.make, v.model, v.trim, v.vin,
           cu.first_name, cu.last_name, cu.address_line1, cu.address_line2, cu.city, cu.state, cu.postal_code,
           cu.preferred_language
      from unnest(${list}::bigint[]) as w(id)
      join contracts c on c.id = w.id
      join vehicles v on v.id = c.vehicle_id
      join customers cu on cu.id = c.customer_id
     order by c.id`);
  return (result as unknown as { rows: PartyRow[] }).rows.map((r) => ({
    contract: {
      id: num(r.id),
      accountNumber: r.account_number,
      type: r.type,
      paymentCents: num(r.payment_cents),
      pastDueCents: num(r.past_due_cents),
      daysPastDue: r.days_past_due,
      balanceCents: num(r.balance_cents),
      feesCents: num(r.fees_cents),
      unappliedCents: num(r.unapplied_cents),
      apr: r.apr,
      contractDate: r.contract_date,
      maturityDate: r.maturity_date,
      mileageAllowancePerYear: r.mileage_allowance_per_year,
      excessMileageRateCents: r.excess_mileage_rate_cents === null ? null : num(r.excess_mileage_rate_cents),
    },
    vehicle: { year: r.year, make: r.make, model: r.model, trim: r.trim, vin: r.vin },
    customer: {
      id: num(r.customer_id),
      firstName: r.first_name,
      lastName: r.last_name,
      addressLine1: r.address_line1,
      addressLine2: r.address_line2,
      city: r.city,
      state: r.state,
      postalCode: r.postal_code,
      preferredLanguage: r.preferred_language,
    },
  }));
}
