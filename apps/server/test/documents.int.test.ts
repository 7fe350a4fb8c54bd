import { addDays } from '@marque/finance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_LENDER_DETAILS,
  generateStatements,
  issueYearEndStatements,
} from '../src/modules/documents/index.ts';
import { pdfText } from '../src/modules/documents/pdf/inspect-pdf.ts';
import { DEMO_BRAND } from '../src/platform/brand.ts';
import { BUSINESS_DATE, DEMO_PASSWORD, logInAs, type TestApp, testApp } from './support/app.ts';

let t: TestApp;
let maya: string;
let priya: string;
let mayaContractId: number;
let mayaAccountNumber: string;
let mayaAccount: { id: string; accountNumber: string };

const get = (url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

const DUE = addDays(BUSINESS_DATE, 20);
const WINDOW = { businessDate: BUSINESS_DATE, fromContractId: 1, toContractId: 1_000_000 };
const deps = () => ({
  brand: { brand: DEMO_BRAND, logoSvg: '<svg/>' },
  inbox: t.inbox,
  mailer: t.mailer,
  now: () => t.now(),
});

beforeAll(async () => {
  t = await testApp();
  maya = await logInAs(t, 'maya.thompson@example.com', DEMO_PASSWORD);
  priya = await logInAs(t, 'priya.shah@example.com', DEMO_PASSWORD);
  [mayaAccount] = (await get('/api/v1/accounts', maya)).json().data;
  const [row] = await t.db.database.query<{ id: number; account_number: string }>(
    'select id, account_number from contracts where public_id = $1',
    [mayaAccount?.id],
  );
  mayaContractId = Number(row?.id);
  mayaAccountNumber = String(row?.account_number);
  // A payment today, so the statement and the year-end statement have a split to show.
  const methods = (await get('/api/v1/payment-methods', maya)).json().data;
  const bank = methods.find((m: { type: string }) => m.type === 'bank_account');
  const paid = await t.app.inject({
    method: 'POST',
    url: `/api/v1/accounts/${mayaAccount?.id}/payments`,
    headers: { cookie: maya, 'idempotency-key': 'documents-test-payment-0001' },
    payload: { paymentMethodId: bank.id, amount: 50_000, currency: 'USD' },
  });
  expect(paid.statusCode, paid.body).toBe(201);
  // Maya's next payment falls due 20 days after the business date: her statement cycle.
  await t.db.database.query('update contracts set next_due_date = $1 where id = $2', [DUE, mayaContractId]);
});
afterAll(async () => t?.close());

describe('generateStatements', () => {
  it('issues one statement per contract and cycle, and a rerun issues none', async () => {
    const before = await t.db.database.query<{ n: number }>(
      "select count(*)::int as n from documents where kind = 'statement' and cycle_key = $1",
      [DUE],
    );
    expect(before[0]?.n).toBe(0);
    const first = await generateStatements(t.db.database.db, WINDOW, deps());
    expect(first.generated).toBeGreaterThanOrEqual(1);
    const again = await generateStatements(t.db.database.db, WINDOW, deps());
    expect(again).toEqual({ generated: 0 });
    const rows = await t.db.database.query<{ contract_id: number; n: number }>(
      "select contract_id, count(*)::int as n from documents where kind = 'statement' and cycle_key = $1 group by contract_id",
      [DUE],
    );
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(rows.map((r) => Number(r.contract_id))).toContain(mayaContractId);
    // A partition that does not hold Maya's contract leaves her alone.
    const other = await generateStatements(
      t.db.database.db,
      { ...WINDOW, fromContractId: mayaContractId + 100_000, toContractId: mayaContractId + 200_000 },
      deps(),
    );
    expect(other.generated).toBe(0);
  });

  it('puts a notice in the inbox and e-mails a notice without the PDF', async () => {
    await t.relayMail();
    const notice = t.inbox.notifications.find((n) => n.kind === 'statement_ready');
    expect(notice?.body).toContain(mayaAccount.accountNumber.slice(-4));
    const mail = t.mailer.messages.find(
      (m) => m.category === 'statement_ready' && m.to === 'maya.thompson@example.com',
    );
    expect(mail?.text).toContain('never attached');
    expect(mail?.text).not.toContain('%PDF');
  });
});

describe('statement notices', () => {
  it('e-mails only customers who want e-mail (paperless hook), and always leaves the inbox notice', async () => {
    const [priyas] = (await get('/api/v1/accounts', priya)).json().data;
    const nextDay = addDays(BUSINESS_DATE, 1);
    await t.db.database.query('update contracts set next_due_date = $1 where public_id = $2', [
      addDays(nextDay, 20),
      priyas.id,
    ]);
    const mails = t.mailer.messages.length;
    const notices = t.inbox.notifications.length;
    const run = await generateStatements(
      t.db.database.db,
      { ...WINDOW, businessDate: nextDay },
      { ...deps(), emailsTo: async () => new Set<number>() },
    );
    expect(run.generated).toBeGreaterThanOrEqual(1);
    await t.relayMail();
    expect(t.mailer.messages.slice(mails).filter((m) => m.category === 'statement_ready')).toEqual([]);
    expect(t.inbox.notifications.slice(notices).some((n) => n.kind === 'statement_ready')).toBe(true);
  });
});

describe('GET /api/v1/documents', () => {
  it("lists the customer's own documents, filters by account, kind and year", async () => {
    const all = (await get('/api/v1/documents', maya)).json();
    expect(all.data.length).toBeGreaterThan(0);
    const statements = (
      await get(
        `/api/v1/documents?kind=statement&accountId=${mayaAccount.id}&year=${BUSINESS_DATE.slice(0, 4)}`,
        maya,
      )
    ).json();
    const current = statements.data.find((d: { asOfDate: string }) => d.asOfDate === BUSINESS_DATE);
    expect(current).toMatchObject({
      kind: 'statement',
      accountId: mayaAccount.id,
      accountLast4: mayaAccount.accountNumber.slice(-4),
      contentType: 'application/pdf',
      language: 'en',
    });
    expect(current.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(statements.data.every((d: { kind: string }) => d.kind === 'statement')).toBe(true);
    const none = (await get('/api/v1/documents?year=2001', maya)).json();
    expect(none.data).toEqual([]);
    // Priya sees none of Maya's documents, even naming Maya's account.
    const hers = (await get(`/api/v1/documents?accountId=${mayaAccount.id}`, priya)).json();
    expect(hers.data).toEqual([]);
    const bad = await get('/api/v1/documents?kind=selfie', maya);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('pages with a cursor', async () => {
    const first = (await get('/api/v1/documents?limit=1', maya)).json();
    expect(first.data).toHaveLength(1);
    expect(first.nextCursor).toBe(first.data[0].id);
    const second = (await get(`/api/v1/documents?limit=1&cursor=${first.nextCursor}`, maya)).json();
    expect(second.data[0]?.id).not.toBe(first.data[0].id);
    const forged = await get('/api/v1/documents?cursor=doc_0000000000000000000000', maya);
    expect(forged.statusCode).toBe(400);
    expect(forged.json().errors[0].field).toBe('cursor');
  });

  it('needs a signed-in customer', async () => {
    expect((await get('/api/v1/documents')).statusCode).toBe(401);
  });
});

describe('GET /api/v1/documents/{id}/file', () => {
  it('downloads the PDF with a safe file name, and audits the download', async () => {
    const list = (await get(`/api/v1/documents?kind=statement&accountId=${mayaAccount.id}`, maya)).json();
    const doc = list.data.find((d: { asOfDate: string }) => d.asOfDate === BUSINESS_DATE);
    const meta = await get(`/api/v1/documents/${doc.id}`, maya);
    expect(meta.json()).toEqual(doc);
    const auditsBefore = t.audit.of('document.download').length;
    const file = await get(`/api/v1/documents/${doc.id}/file`, maya);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="statement-${mayaAccount.accountNumber.slice(-4)}-${BUSINESS_DATE}.pdf"`,
    );
    expect(file.headers['cache-control']).toBe('no-store');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.rawPayload.byteLength).toBe(doc.sizeBytes);
    const text = pdfText(new Uint8Array(file.rawPayload));
    expect(text).toContain(mayaAccountNumber);
    expect(text).toContain('Monthly statement');
    expect(text).toContain('$500.00');
    const audits = t.audit.of('document.download');
    expect(audits).toHaveLength(auditsBefore + 1);
    expect(audits.at(-1)).toMatchObject({
      outcome: 'success',
      details: { documentId: doc.id, kind: 'statement' },
    });
    const [stored] = await t.db.database.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'document.download'",
    );
    expect(stored?.n).toBe(audits.length);
  });

  it("answers 404 for another customer's document, exactly like a missing one, and audits nothing", async () => {
    const [doc] = (await get('/api/v1/documents', maya)).json().data;
    const before = t.audit.of('document.download').length;
    for (const url of [`/api/v1/documents/${doc.id}`, `/api/v1/documents/${doc.id}/file`]) {
      const theirs = await get(url, priya);
      const missing = await get(url.replace(doc.id, 'doc_0000000000000000000000'), priya);
      expect(theirs.statusCode).toBe(404);
      expect(theirs.json()).toEqual({ ...missing.json(), instance: theirs.json().instance });
    }
    expect(t.audit.of('document.download')).toHaveLength(before);
  });
});

describe('documents filed by other journeys', () => {
  it('keeps each payoff letter the customer downloads', async () => {
    const letter = await get(`/api/v1/accounts/${mayaAccount.id}/payoff-quote?format=pdf`, maya);
    expect(letter.statusCode).toBe(200);
    const list = (await get('/api/v1/documents?kind=payoff_letter', maya)).json();
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({ accountId: mayaAccount.id, asOfDate: BUSINESS_DATE });
    const file = await get(`/api/v1/documents/${list.data[0].id}/file`, maya);
    expect(Buffer.compare(file.rawPayload, letter.rawPayload)).toBe(0);
  });

  it('files a PDF copy of the autopay authorisation on enrolment and on each change', async () => {
    const methods = (await get('/api/v1/payment-methods', maya)).json().data;
    const bank = methods.find((m: { type: string }) => m.type === 'bank_account');
    const enrol = (payload: object) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/accounts/${mayaAccount.id}/autopay`,
        headers: { cookie: maya },
        payload: {
          paymentMethodId: bank.id,
          amountRule: 'amount_due',
          draftDaysBeforeDue: 3,
          authorizationVersion: 'autopay-2026-11',
          ...payload,
        },
      });
    expect((await enrol({})).statusCode).toBe(200);
    expect((await enrol({ draftDaysBeforeDue: 5, language: 'es' })).statusCode).toBe(200);
    const list = (await get('/api/v1/documents?kind=autopay_authorization', maya)).json();
    expect(list.data.map((d: { language: string }) => d.language).sort()).toEqual(['en', 'es']);
    const file = await get(`/api/v1/documents/${list.data[0].id}/file`, maya);
    expect(pdfText(new Uint8Array(file.rawPayload))).toContain(mayaAccountNumber);
  });
});

describe('the demo documents', () => {
  it('gives each demo customer a contract copy, a privacy notice and past statements', async () => {
    const kinds = (await get('/api/v1/documents?limit=100', maya))
      .json()
      .data.map((d: { kind: string }) => d.kind);
    expect(kinds).toContain('contract_copy');
    expect(kinds).toContain('privacy_notice');
    expect(kinds.filter((k: string) => k === 'statement').length).toBeGreaterThanOrEqual(3);
  });
});

describe('year-end interest statements', () => {
  it("issue once per loan and year, with the year's interest paid from the ledger", async () => {
    const deps = {
      brand: { brand: DEMO_BRAND, logoSvg: '<svg/>' },
      lender: DEMO_LENDER_DETAILS,
      now: () => t.now(),
    };
    const year = Number(BUSINESS_DATE.slice(0, 4));
    const issued = await issueYearEndStatements(t.db.database.db, deps, year);
    expect(issued).toBeGreaterThan(0);
    expect(await issueYearEndStatements(t.db.database.db, deps, year)).toBe(0);
    const [doc] = (await get(`/api/v1/documents?kind=year_end_interest&year=${year}`, maya)).json().data;
    expect(doc).toMatchObject({ accountId: mayaAccount.id, asOfDate: `${year}-12-31` });
    const txns = (
      await get(
        `/api/v1/accounts/${mayaAccount.id}/transactions?from=${year}-01-01&to=${year}-12-31&limit=100`,
        maya,
      )
    ).json().data;
    const paid = txns.reduce(
      (s: number, x: { split: { interest: { amount: number } } | null }) =>
        s + (x.split?.interest.amount ?? 0),
      0,
    );
    expect(paid).toBeGreaterThan(0);
    const text = pdfText(new Uint8Array((await get(`/api/v1/documents/${doc.id}/file`, maya)).rawPayload));
    expect(text).toContain('1098-VLI');
    expect(text).toContain(`$${(paid / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
  });
});
