import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeOfBusinessStatements,
  DEMO_LENDER_DETAILS,
  drawAllDocuments,
  issueYearEndInterest,
} from '../src/modules/documents/index.ts';
import { normalizeSpace, pdfText } from '../src/modules/documents/pdf/inspect-pdf.ts';
import { openContractLedgers } from '../src/modules/ledger/index.ts';
import { createNotificationInbox, relayMail } from '../src/modules/notifications/index.ts';
import { runCob } from '../src/modules/servicing/index.ts';
import { DEMO_BRAND } from '../src/platform/brand.ts';
import { createFieldCipher } from '../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../src/platform/crypto/keys.ts';
import type { Database } from '../src/platform/db/client.ts';
import type { MailMessage } from '../src/platform/ports.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { DEMO_PASSWORD, logInAs, type TestApp, testApp } from './support/app.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

// Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
const MAYA = 'maya.thompson@example.com';
const PRIYA = 'priya.shah@example.com';
const AGENT = 'agent@solenne.example';

describe('the customer language preference (GET/PUT /me/preferences, /me)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => t?.close());

  const call = (method: 'GET' | 'PUT', url: string, cookie: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/v1/${url}`,
      headers: { cookie, 'user-agent': 'LanguageTest/1.0' },
      ...(payload ? { payload } : {}),
    });

  it('defaults to English, and a customer can switch to Spanish (kept, shown in /me, audited)', async () => {
    const maya = await logInAs(t, MAYA, DEMO_PASSWORD);
    expect((await call('GET', 'me/preferences', maya)).json()).toEqual({ language: 'en' });
    expect((await call('GET', 'me', maya)).json().customer.preferredLanguage).toBe('en');

    const put = await call('PUT', 'me/preferences', maya, { language: 'es' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ language: 'es' });
    expect((await call('GET', 'me/preferences', maya)).json()).toEqual({ language: 'es' });
    expect((await call('GET', 'me', maya)).json().customer.preferredLanguage).toBe('es');
    const [row] = await t.db.database.query<{ preferred_language: string }>(
      'select c.preferred_language from customers c join users u on u.customer_id = c.id where u.email = $1',
      [MAYA],
    );
    expect(row?.preferred_language).toBe('es');
    const audited = t.audit.of('customer_preferences.update');
    expect(audited.at(-1)).toMatchObject({
      outcome: 'success',
      details: { language: 'es', previous: 'en' },
    });
    expect(audited.at(-1)?.subjectCustomerId).toBeTypeOf('number');
  });

  it('writes the payoff letter in the stored language when none is asked for', async () => {
    const maya = await logInAs(t, MAYA, DEMO_PASSWORD);
    const [account] = (await call('GET', 'accounts', maya)).json().data;
    const letter = await call('GET', `accounts/${account.id}/payoff-quote?format=pdf`, maya);
    expect(letter.statusCode).toBe(200);
    const text = normalizeSpace(await pdfText(new Uint8Array(letter.rawPayload)));
    expect(text).toContain('Cotización de liquidación');
    const [filed] = (await call('GET', 'documents?kind=payoff_letter', maya)).json().data;
    expect(filed.language).toBe('es');
    // An explicit request still wins.
    const english = await call('GET', `accounts/${account.id}/payoff-quote?format=pdf&language=en`, maya);
    expect(normalizeSpace(await pdfText(new Uint8Array(english.rawPayload)))).not.toContain(
      'Cotización de liquidación',
    );
  });

  it('refuses an unsupported language with 422 naming the field', async () => {
    const maya = await logInAs(t, MAYA, DEMO_PASSWORD);
    const bad = await call('PUT', 'me/preferences', maya, { language: 'fr' });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().code).toBe('unsupported_language');
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ field: 'language', code: 'unsupported_language' }),
    ]);
  });

  it("sets only the caller's own customer: no way to name another's (BOLA), staff 403, anonymous 401", async () => {
    const maya = await logInAs(t, MAYA, DEMO_PASSWORD);
    const [priya] = await t.db.database.query<{ public_id: string; id: number }>(
      'select c.public_id, c.id from customers c join users u on u.customer_id = c.id where u.email = $1',
      [PRIYA],
    );
    // An extra customer ID in the body is refused outright, not silently applied to Priya.
    const other = await call('PUT', 'me/preferences', maya, { language: 'es', customerId: priya?.public_id });
    expect(other.statusCode).toBe(400);
    const [after] = await t.db.database.query<{ preferred_language: string }>(
      'select preferred_language from customers where id = $1',
      [priya?.id],
    );
    expect(after?.preferred_language).toBe('en');
    const priyaCookie = await logInAs(t, PRIYA, DEMO_PASSWORD);
    expect((await call('GET', 'me/preferences', priyaCookie)).json()).toEqual({ language: 'en' });

    const agent = await logInAs(t, AGENT, DEMO_PASSWORD);
    expect((await call('GET', 'me/preferences', agent)).statusCode).toBe(403);
    expect((await call('PUT', 'me/preferences', agent, { language: 'es' })).statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/preferences',
      payload: { language: 'es' },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

/**
 * One close of business for a Spanish-preferring customer: a loan due 20 days later gets its
 * statement in Spanish (PDF and "statement ready" notice and e-mail), a loan due in 3 days
 * without autopay gets the payment reminder in Spanish (inbox and e-mail).
 */
describe('the close of business writes in the customer language', () => {
  let t: TestDatabase;
  let database: Database;
  const START = '2026-11-24';
  const sent: MailMessage[] = [];
  const mailer = { send: async (m: MailMessage) => void sent.push(m) };
  const ids = { statement: 0, reminder: 0, customer: 0 };

  const q = <T>(text: string, params: unknown[] = []) => database.query<T>(text, params);

  async function openLoan(n: string, firstDue: string, contractDate: string, maturity: string) {
    const [row] = await q<{ id: number; customer_id: number }>(
      `insert into contracts (public_id, account_number, customer_id, vehicle_id, dealer_id, type, contract_date,
         first_payment_date, maturity_date, term_months, payment_cents, amount_financed_cents, apr,
         balance_cents, interest_accrued_through, paid_toward_installments_cents, payments_made, next_due_date)
       select 'ctr_language' || $1, '99200000' || $1, c.customer_id, c.vehicle_id, c.dealer_id, 'loan', $3,
         $2, $4, 12, 103280, 1200000, 6.0000, 1200000, $3, 0, 0, $2
         from contracts c join customers cu on cu.id = c.customer_id
        where cu.first_name = 'Maya' order by c.id limit 1
       returning id, customer_id`,
      [n, firstDue, contractDate, maturity],
    );
    if (!row) throw new Error('no demo contract to copy');
    ids.customer = Number(row.customer_id);
    return Number(row.id);
  }

  beforeAll(async () => {
    t = await freshDatabase();
    database = t.database;
    await prepareDatabase(
      { database, cipher: createFieldCipher(testFieldKeys()), now: new Date(`${START}T15:00:00Z`) },
      { seedDemo: true },
    );
    ids.statement = await openLoan('1', '2026-12-14', '2026-11-14', '2027-11-14');
    ids.reminder = await openLoan('2', '2026-11-27', '2026-10-27', '2027-10-27');
    await openContractLedgers(database.db, START);
    await q(`update customers set preferred_language = 'es' where id = $1`, [ids.customer]);
    const [r] = await runCob(
      {
        database,
        inbox: createNotificationInbox(),
        generateStatements: closeOfBusinessStatements({
          brand: { brand: DEMO_BRAND, logoSvg: '<svg/>' },
          inbox: createNotificationInbox(),
          emailsTo: async (_db, customerIds) => new Set(customerIds),
          now: () => new Date(`${START}T23:00:00Z`),
        }),
      },
      { trigger: 'test' },
    );
    if (r?.status !== 'completed') throw new Error(`COB ${r?.status}`);
    // The close cuts the statement; its PDF is drawn after it (ADR 0012), as `marque cob` does.
    await drawAllDocuments(database.db, { brand: DEMO_BRAND, logoSvg: '<svg/>' });
    // The close queues its e-mails in the outbox (ADR 0011); the relay sends them.
    await relayMail(database.db, mailer, { now: () => new Date(`${START}T23:30:00Z`) });
  }, 300_000);
  afterAll(() => t?.drop());

  it('renders the statement in Spanish and says so in the notice and e-mail', async () => {
    const [doc] = await q<{ language: string; title: string; content: Uint8Array }>(
      `select language, title, content from documents where contract_id = $1 and kind = 'statement'`,
      [ids.statement],
    );
    expect(doc?.language).toBe('es');
    expect(doc?.title).toMatch(/^Estado de cuenta mensual · /);
    const text = normalizeSpace(await pdfText(doc?.content as Uint8Array));
    expect(text).toContain('Estado de cuenta mensual');
    expect(text).not.toContain('Monthly statement');
    // The ledger's own line, worded in Spanish too.
    expect(text).toContain('Saldo inicial');
    expect(text).not.toContain('Opening balance');

    const [notice] = await q<{ title: string; body: string }>(
      `select n.title, n.body from notifications n join users u on u.id = n.user_id
        where u.customer_id = $1 and n.kind = 'statement_ready'`,
      [ids.customer],
    );
    expect(notice?.title).toBe('Su estado de cuenta está listo');
    expect(notice?.body).toBe(
      'Su estado de cuenta de la cuenta que termina en 0001 está listo en Documentos. Pago con vencimiento el 2026-12-14.',
    );
    const mail = sent.find((m) => m.category === 'statement_ready');
    expect(mail?.subject).toBe('Solenne Motor Finance: su estado de cuenta está listo');
    expect(mail?.text).toContain('nunca adjuntamos estados de cuenta');
  });

  it('issues the year-end interest statement in Spanish too', async () => {
    const deps = {
      brand: { brand: DEMO_BRAND, logoSvg: '<svg/>' },
      lender: DEMO_LENDER_DETAILS,
      now: () => new Date(`${START}T23:00:00Z`),
    };
    expect(await issueYearEndInterest(database.db, deps, ids.statement, 2026)).toMatch(/^doc_/);
    const [doc] = await q<{ language: string; title: string; content: Uint8Array }>(
      `select language, title, content from documents where contract_id = $1 and kind = 'year_end_interest'`,
      [ids.statement],
    );
    expect(doc?.language).toBe('es');
    expect(doc?.title).toBe('Estado de intereses 2026 (Formulario 1098-VLI)');
    expect(normalizeSpace(await pdfText(doc?.content as Uint8Array))).toContain(
      'Estado de intereses de fin de año 2026',
    );
  });

  it('sends the payment reminder in Spanish, in the portal and by e-mail', async () => {
    const [notice] = await q<{ title: string; body: string }>(
      `select n.title, n.body from notifications n join users u on u.id = n.user_id
        where u.customer_id = $1 and n.kind = 'payment_due_reminder' and n.body like '%0002%'`,
      [ids.customer],
    );
    expect(notice?.title).toBe('Pago con vencimiento el 2026-11-27');
    expect(notice?.body).toBe(
      'Su pago de la cuenta que termina en 0002 vence el 2026-11-27. Pague en el portal o configure pagos automáticos.',
    );
    const mail = sent.find(
      (m) => m.category === 'notice.payment_due_reminder' && m.text.includes('2026-11-27'),
    );
    expect(mail).toMatchObject({
      subject: 'Se acerca la fecha de su pago',
      text: 'Se acerca la fecha de su pago (2026-11-27). Inicie sesión en su cuenta para ver los detalles.',
    });
  });
});
