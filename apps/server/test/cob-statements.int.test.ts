import { addDays, compareDates } from '@marque/finance';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracts } from '../src/modules/contracts/index.ts';
import {
  closeOfBusinessStatements,
  drawAllDocuments,
  generateStatements,
} from '../src/modules/documents/index.ts';
import { ledgerFacts } from '../src/modules/documents/ledger-facts.ts';
import { normalizeSpace, pdfText } from '../src/modules/documents/pdf/inspect-pdf.ts';
import { statementData } from '../src/modules/documents/statements/statement-data.ts';
import {
  ACCOUNTS,
  applyPayment,
  listTransactions,
  openContractLedgers,
} from '../src/modules/ledger/index.ts';
import { createNotificationInbox } from '../src/modules/notifications/index.ts';
import { runCob } from '../src/modules/servicing/index.ts';
import { DEMO_BRAND } from '../src/platform/brand.ts';
import { createFieldCipher } from '../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../src/platform/crypto/keys.ts';
import type { Database } from '../src/platform/db/client.ts';
import { inTransaction } from '../src/platform/db/tx.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

/**
 * Close of business with statements over a statement cycle: a 12-month loan due on the 1st is
 * paid on time, a twin is paid late (12-01 installment paid on 12-20). The 01-01 cycle's
 * statement is cut on 12-12 (20 days before) for both — the late one while it is behind, with
 * its late fee and past-due amount — and its figures agree with the ledger to the cent.
 */
let t: TestDatabase;
let database: Database;
const START = '2026-11-24';
const CYCLE_DATE = '2026-12-12';
const CYCLE_DUE = '2027-01-01';
const PAYMENT = 103_280;
const ids = { onTime: 0, late: 0 };
const statementDeps = () => ({
  brand: { brand: DEMO_BRAND, logoSvg: '<svg/>' },
  inbox: createNotificationInbox(),
  now: () => new Date(`${CYCLE_DATE}T23:00:00Z`),
});
const cobDeps = () => ({
  database,
  inbox: createNotificationInbox(),
  generateStatements: closeOfBusinessStatements(statementDeps()),
});

async function q<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return database.query<T>(text, params);
}

async function openLoan(n: number): Promise<number> {
  const [row] = await q<{ id: number }>(
    `insert into contracts (public_id, account_number, customer_id, vehicle_id, dealer_id, type, contract_date,
       first_payment_date, maturity_date, term_months, payment_cents, amount_financed_cents, apr,
       balance_cents, interest_accrued_through, paid_toward_installments_cents, payments_made, next_due_date)
     select 'ctr_stmtcycle' || $1, '99100000' || $1, c.customer_id, c.vehicle_id, c.dealer_id, 'loan', '2026-11-01',
       '2026-12-01', '2027-11-01', 12, ${PAYMENT}, 1200000, 6.0000, 1200000, '2026-11-01', 0, 0, '2026-12-01'
       from contracts c join customers cu on cu.id = c.customer_id
      where cu.first_name = 'Maya' order by c.id limit 1
     returning id`,
    [String(n)],
  );
  if (!row) throw new Error('no demo contract to copy');
  return row.id;
}

async function pay(contractId: number, amount: number, date: string): Promise<void> {
  await inTransaction(database.db, (tx) =>
    applyPayment(tx, {
      contractId,
      amount,
      effectiveDate: date,
      bookingDate: date,
      principalOnly: false,
      receivedInto: ACCOUNTS.cash,
      source: `test:${contractId}:${date}`,
      description: 'Payment',
    }),
  );
}

async function closeThrough(from: string, to: string, payments: Record<string, [number, number][]>) {
  for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) {
    for (const [id, amount] of payments[d] ?? []) await pay(id, amount, d);
    const [r] = await runCob(cobDeps(), { trigger: 'test' });
    if (r?.status !== 'completed') throw new Error(`COB ${d} ${r?.status}`);
  }
}

const statements = (contractId: number) =>
  q<{
    as_of_date: string;
    period_start: string;
    cycle_key: string;
    content: Uint8Array | null;
    render_input: { data: unknown } | null;
  }>(
    `select as_of_date, period_start, cycle_key, content, render_input from documents
      where contract_id = $1 and kind = 'statement' order by cycle_key`,
    [contractId],
  );

/** What the customer owes per the journal at the end of a day: principal + interest + fees. */
async function owedPerJournal(contractId: number, through: string) {
  const [row] = await q<{ principal: number; interest: number; fees: number; unapplied: number }>(
    `select coalesce(sum(p.amount_cents) filter (where p.account = 'principal'), 0)::int as principal,
            coalesce(sum(p.amount_cents) filter (where p.account = 'interest'), 0)::int as interest,
            coalesce(sum(p.amount_cents) filter (where p.account = 'fees'), 0)::int as fees,
            coalesce(sum(p.amount_cents) filter (where p.account = 'unapplied'), 0)::int as unapplied
       from journal_entries j join postings p on p.entry_id = j.id
      where j.contract_id = $1 and j.effective_date <= $2`,
    [contractId, through],
  );
  return row as { principal: number; interest: number; fees: number; unapplied: number };
}

beforeAll(async () => {
  t = await freshDatabase();
  database = t.database;
  await prepareDatabase(
    { database, cipher: createFieldCipher(testFieldKeys()), now: new Date(`${START}T15:00:00Z`) },
    { seedDemo: true },
  );
  ids.onTime = await openLoan(1);
  ids.late = await openLoan(2);
  await openContractLedgers(database.db, START);
  // The customer's state's rule: 5 % or $25, the lesser, after 10 days of grace.
  await q(
    `insert into late_fee_rules (state, flat_cents, percent, combine, grace_days)
     select state, 2500, 5, 'lesser', 10 from customers where first_name = 'Maya'
     on conflict (state) do update set flat_cents = 2500, percent = 5, combine = 'lesser', min_cents = null,
       max_cents = null, grace_days = 10`,
  );
  // Through the statement date; the late loan's 12-01 installment still unpaid.
  await closeThrough(START, CYCLE_DATE, { '2026-12-01': [[ids.onTime, PAYMENT]] });
}, 300_000);
afterAll(() => t.drop());

describe('statements in the close of business, across a late payment', () => {
  it('cuts the 01-01 cycle statement on 12-12 for the loan paid on time and the one behind', async () => {
    for (const id of [ids.onTime, ids.late]) {
      const docs = await statements(id);
      expect(docs.map((d) => [d.as_of_date, d.period_start, d.cycle_key])).toEqual([
        [CYCLE_DATE, '2026-11-13', CYCLE_DUE],
      ]);
      // Cut in the close with its figures; the PDF is drawn after it (ADR 0012).
      expect(docs[0]?.content).toBeNull();
      expect(docs[0]?.render_input?.data).toBeTruthy();
    }
    expect(await drawAllDocuments(database.db, statementDeps().brand)).toBeGreaterThanOrEqual(2);
    for (const id of [ids.onTime, ids.late]) {
      const [doc] = await statements(id);
      expect(pdfText(new Uint8Array(doc?.content ?? []))).toContain('Monthly statement');
    }
    expect(await drawAllDocuments(database.db, statementDeps().brand)).toBe(0);
  });

  it("the late loan's statement shows the late fee, the past-due amount and ledger totals to the cent", async () => {
    const [c] = await database.db.select().from(contracts).where(eq(contracts.id, ids.late));
    if (!c) throw new Error('late loan missing');
    expect([c.pastDueCents, c.feesCents, c.daysPastDue]).toEqual([PAYMENT, 2500, 12]);
    const [facts, period] = await Promise.all([
      ledgerFacts(
        database.db,
        ids.late,
        { start: '2026-11-13', end: CYCLE_DATE },
        { from: '2026-01-01', to: CYCLE_DATE },
      ),
      listTransactions(database.db, ids.late, { from: '2026-11-13', to: CYCLE_DATE, limit: 500 }),
    ]);
    const data = statementData({
      statementDate: CYCLE_DATE,
      periodStart: '2026-11-13',
      dueDate: CYCLE_DUE,
      contract: c,
      openingBalanceCents: facts.opening,
      // Oldest first, as the close reads them (listTransactions pages newest first).
      transactions: period.data.toReversed(),
      interestPaidYtdCents: facts.interestPaid,
      autopay: false,
    });
    // Interest 11-01..11-24: 1,200,000 × 6 % × 23 / 365 → 4,537; then 197 a day 11-25..12-12 (18): 3,546.
    expect(data.summary.interestCharged).toBe(8083);
    expect(data.summary.feesCharged).toBe(2500);
    expect(data.summary.payments).toBe(0);
    expect(data.summary.newBalance).toBe(1_200_000 + 8083 + 2500);
    const journal = await owedPerJournal(ids.late, CYCLE_DATE);
    expect(journal).toEqual({ principal: 1_200_000, interest: 8083, fees: 2500, unapplied: 0 });
    expect(data.summary.newBalance).toBe(journal.principal + journal.interest + journal.fees);
    expect(data.summary.newBalance).toBe(
      data.summary.previousBalance + data.lines.reduce((s, l) => s + l.amountCents, 0),
    );
    // Owed on 01-01: this month's installment, last month's, and the $25.00 late fee.
    expect(data.amountDue).toEqual({
      current: PAYMENT,
      pastDue: PAYMENT,
      fees: 2500,
      credit: 0,
      total: 209_060,
    });
    expect(data.messages).toContain('past_due');
    // The figures cut for the whole partition at once are those read for this contract alone,
    // and the stored PDF says the same.
    const [doc] = await statements(ids.late);
    expect(doc?.render_input?.data).toEqual(data);
    const text = normalizeSpace(pdfText(new Uint8Array(doc?.content ?? [])));
    for (const figure of ['$25.00', '$1,032.80', '$2,090.60', '$12,105.83']) expect(text).toContain(figure);
  });

  it('after the late payment and a rerun of the statement date, still one statement for the cycle', async () => {
    await closeThrough(addDays(CYCLE_DATE, 1), '2026-12-21', { '2026-12-20': [[ids.late, PAYMENT + 2500]] });
    const [c] = await q<{ past_due_cents: number; next_due_date: string }>(
      'select past_due_cents, next_due_date from contracts where id = $1',
      [ids.late],
    );
    expect(c).toEqual({ past_due_cents: 0, next_due_date: CYCLE_DUE });
    const [rerun] = await runCob(cobDeps(), { through: CYCLE_DATE, trigger: 'test' });
    expect(rerun?.status).toBe('completed');
    const forced = await generateStatements(
      database.db,
      { businessDate: CYCLE_DATE, fromContractId: 1, toContractId: Number.MAX_SAFE_INTEGER },
      statementDeps(),
    );
    expect(forced).toEqual({ generated: 0 });
    for (const id of [ids.onTime, ids.late]) {
      expect((await statements(id)).map((d) => d.cycle_key)).toEqual([CYCLE_DUE]);
    }
  });
});
