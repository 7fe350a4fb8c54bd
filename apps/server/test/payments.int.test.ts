import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../src/modules/ledger/index.ts';
import { DEMO_PASSWORD, logInAs, RELAXED_THROTTLE, type TestApp, testApp } from './support/app.ts';

/**
 * W1-4 payments through HTTP: posting with the split, cards through the simulated processor,
 * scheduling and cancelling, the rules (422 with a code and a field), and SECURITY.md's
 * idempotency semantics. `ledger verify` is green after every test.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

const MAYA = 'maya.thompson@example.com';
const PRIYA = 'priya.shah@example.com';
const CHRIS = 'chris.walker@example.com';

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
let keySeq = 0;
const newKey = () => `test-key-${Date.now()}-${keySeq++}`;
const pay = (accountId: string, cookie: string, payload: object, key: string | null = newKey()) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/accounts/${accountId}/payments`,
    headers: { cookie, ...(key === null ? {} : { 'idempotency-key': key }) },
    payload,
  });

async function customer(email: string, type: 'loan' | 'lease' = 'loan') {
  const cookie = await logInAs(t, email, DEMO_PASSWORD);
  const accounts = (await get('/api/v1/accounts', cookie)).json().data;
  const account = accounts.find((a: { type: string }) => a.type === type);
  const methods = (await get('/api/v1/payment-methods', cookie)).json().data;
  const bank = methods.find((m: { type: string }) => m.type === 'bank_account');
  const card = methods.find((m: { type: string }) => m.type === 'card');
  const options = (await get(`/api/v1/accounts/${account.id}/payment-options`, cookie)).json();
  return { cookie, account, bank, card, options };
}

/** The text of a PDF, by poppler's pdftotext (installed by .ci/run). */
function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
}

async function expectLedgerGreen() {
  const verdict = await verifyLedger(t.db.database);
  expect(verdict, JSON.stringify(verdict)).toMatchObject({ ok: true, trialBalance: 0 });
}

describe('a payment by bank account', () => {
  it('posts at once as pending, with a confirmation number, the split, an inbox notice and an e-mail', async () => {
    const { cookie, account, bank, options } = await customer(MAYA);
    expect(options.amountDue.amount).toBeGreaterThan(0);
    const response = await pay(account.id, cookie, {
      paymentMethodId: bank.id,
      amount: options.amountDue.amount,
      currency: 'USD',
    });
    expect(response.statusCode, response.body).toBe(201);
    const payment = response.json();
    expect(payment).toMatchObject({
      status: 'pending',
      channel: 'web',
      confirmationNumber: expect.stringMatching(/^P\d{12}$/),
      amount: { amount: options.amountDue.amount, currency: 'USD' },
      effectiveDate: '2026-11-24',
      cancellable: false,
    });
    const split = payment.split;
    expect(split.fees.amount + split.interest.amount + split.principal.amount + split.unapplied.amount).toBe(
      options.amountDue.amount,
    );
    expect(split.interest.amount).toBeGreaterThan(0);

    const transactions = (await get(`/api/v1/accounts/${account.id}/transactions`, cookie)).json().data;
    const [latest, interest] = transactions;
    expect(latest).toMatchObject({
      type: 'payment',
      amount: { amount: -options.amountDue.amount },
      payment: { id: payment.id, status: 'pending', confirmationNumber: payment.confirmationNumber },
      split,
    });
    expect(interest.type).toBe('interest');
    expect(latest.balance.amount).toBe(interest.balance.amount - options.amountDue.amount);

    const mail = (await t.sentMail()).filter((m) => m.category === 'payment_confirmation');
    expect(mail.at(-1)?.text).toContain(payment.confirmationNumber);
    expect(
      t.inbox.notifications.some(
        (n) => n.title.startsWith('Payment of') && n.body.includes(payment.confirmationNumber),
      ),
    ).toBe(true);
    await expectLedgerGreen();
  });

  it('transactions download as CSV with the split columns', async () => {
    const { cookie, account } = await customer(MAYA);
    const csv = await get(`/api/v1/accounts/${account.id}/transactions?format=csv`, cookie);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="transactions-\d{4}\.csv"/);
    const [header, firstRow] = csv.body.split('\r\n');
    expect(header).toBe(
      'Date,Posted,Type,Description,Amount,Fees,Interest,Principal,Balance,Confirmation,Status',
    );
    expect(firstRow).toMatch(/^2026-11-24,2026-11-24,payment,/);
  });
});

describe('a payment by debit card (simulated processor)', () => {
  it('an approved card completes at once and lands in cash', async () => {
    const { cookie, account, card } = await customer(PRIYA);
    const response = await pay(account.id, cookie, {
      paymentMethodId: card.id,
      amount: 5000,
      currency: 'USD',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ status: 'completed', paymentMethod: { type: 'card' } });
    await expectLedgerGreen();
  });

  it('a declined card answers 422 with its code and writes nothing', async () => {
    const { cookie, account } = await customer(PRIYA);
    const token = (
      await t.app.inject({
        method: 'POST',
        url: '/processor/sim/tokens',
        payload: { cardNumber: '4000000000000002', expMonth: 8, expYear: 2029, cvv: '123' },
      })
    ).json().token;
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payment-methods',
      headers: { cookie },
      payload: { type: 'card', token },
    });
    expect(added.statusCode, added.body).toBe(201);
    const before = (await get(`/api/v1/accounts/${account.id}/payments`, cookie)).json().data.length;
    const response = await pay(account.id, cookie, {
      paymentMethodId: added.json().id,
      amount: 5000,
      currency: 'USD',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('card_declined');
    expect((await get(`/api/v1/accounts/${account.id}/payments`, cookie)).json().data).toHaveLength(before);
    await expectLedgerGreen();
  });
});

describe('scheduled payments', () => {
  it('a future payment waits as scheduled, with no ledger entry, and can be cancelled before its date', async () => {
    const { cookie, account, bank, options } = await customer(MAYA);
    const entriesBefore = (await verifyLedger(t.db.database)).entries;
    const response = await pay(account.id, cookie, {
      paymentMethodId: bank.id,
      amount: 12_345,
      currency: 'USD',
      scheduledFor: options.latestDate,
    });
    expect(response.statusCode, response.body).toBe(201);
    const payment = response.json();
    expect(payment).toMatchObject({
      status: 'scheduled',
      split: null,
      effectiveDate: null,
      cancellable: true,
    });
    expect((await verifyLedger(t.db.database)).entries).toBe(entriesBefore);

    const cancel = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/accounts/${account.id}/payments/${payment.id}`,
      headers: { cookie },
    });
    expect(cancel.statusCode).toBe(204);
    const list = (await get(`/api/v1/accounts/${account.id}/payments`, cookie)).json().data;
    expect(list.find((p: { id: string }) => p.id === payment.id)).toMatchObject({
      status: 'canceled',
      cancellable: false,
    });
  });

  it('a payment already posted cannot be cancelled: 409', async () => {
    const { cookie, account, bank } = await customer(MAYA);
    const posted = (
      await pay(account.id, cookie, { paymentMethodId: bank.id, amount: 1000, currency: 'USD' })
    ).json();
    const cancel = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/accounts/${account.id}/payments/${posted.id}`,
      headers: { cookie },
    });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().code).toBe('payment_not_cancellable');
  });
});

describe('payment rules (SECURITY.md 2.2.1/2.2.2): 4xx with a code and the field, nothing written', () => {
  it('refuses an amount above the payoff, a date too far out, cents with decimals and principal-only while late', async () => {
    const { cookie, account, bank, options } = await customer(MAYA);
    const cases: [object, number, string, string][] = [
      [{ amount: options.payoff.amount + 1 }, 422, 'amount_above_payoff', 'amount'],
      [{ amount: 1000, scheduledFor: '2027-06-01' }, 422, 'date_too_late', 'scheduledFor'],
      [{ amount: 1000, scheduledFor: '2026-11-01' }, 422, 'date_in_past', 'scheduledFor'],
      [{ amount: 10.5 }, 400, 'validation_failed', 'amount'],
      [{ amount: 0 }, 400, 'validation_failed', 'amount'],
    ];
    for (const [body, status, code, field] of cases) {
      const response = await pay(account.id, cookie, { paymentMethodId: bank.id, currency: 'USD', ...body });
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().code).toBe(code);
      expect(response.json().errors?.[0]?.field).toBe(field);
    }
    const late = await customer(CHRIS);
    const principalOnly = await pay(late.account.id, late.cookie, {
      paymentMethodId: late.bank.id,
      amount: 1000,
      currency: 'USD',
      principalOnly: true,
    });
    expect(principalOnly.statusCode).toBe(422);
    expect(principalOnly.json().code).toBe('principal_only_while_due');
  });
});

describe('idempotency (SECURITY.md: money-moving POSTs, Stripe semantics; ASVS 2.3.3/2.3.4)', () => {
  it('requires an Idempotency-Key', async () => {
    const { cookie, account, bank } = await customer(MAYA);
    const response = await pay(
      account.id,
      cookie,
      { paymentMethodId: bank.id, amount: 1000, currency: 'USD' },
      null,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
    expect(response.json().errors[0]).toMatchObject({
      field: 'Idempotency-Key',
      code: 'idempotency_key_required',
    });
  });

  it('the same key and body answer the stored response; another body with that key is 422', async () => {
    const { cookie, account, bank } = await customer(MAYA);
    const key = newKey();
    const body = { paymentMethodId: bank.id, amount: 1500, currency: 'USD' };
    const first = await pay(account.id, cookie, body, key);
    const again = await pay(account.id, cookie, body, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const other = await pay(account.id, cookie, { ...body, amount: 1600 }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
    const list = (await get(`/api/v1/accounts/${account.id}/payments`, cookie)).json().data;
    expect(list.filter((p: { id: string }) => p.id === first.json().id)).toHaveLength(1);
    expect(list.filter((p: { amount: { amount: number } }) => p.amount.amount === 1600)).toHaveLength(0);
  });

  it('50 parallel POSTs with one key make one payment; the others get the same answer or 409', async () => {
    const { cookie, account, bank } = await customer(MAYA);
    const key = newKey();
    const body = { paymentMethodId: bank.id, amount: 1700, currency: 'USD' };
    const responses = await Promise.all(Array.from({ length: 50 }, () => pay(account.id, cookie, body, key)));
    const created = responses.filter((r) => r.statusCode === 201);
    const busy = responses.filter((r) => r.statusCode === 409);
    expect(created.length + busy.length).toBe(50);
    expect(new Set(created.map((r) => r.json().id)).size).toBe(1);
    for (const r of busy) expect(r.json().code).toBe('idempotency_in_progress');
    const [row] = await t.db.database.query<{ n: number }>(
      "select count(*)::int as n from payments where amount_cents = 1700 and status <> 'canceled'",
    );
    expect(row?.n).toBe(1);
    await expectLedgerGreen();
  });

  it('a crash between posting and notifying leaves nothing half-written, and the key can be retried', async () => {
    const { cookie, account, bank } = await customer(MAYA);
    const [before] = await t.db.database.query<{ payments: number; entries: number; balance: number }>(
      `select (select count(*)::int from payments) as payments, (select count(*)::int from journal_entries) as entries,
              (select balance_cents from contracts where public_id = $1) as balance`,
      [account.id],
    );
    const realAdd = t.inbox.add.bind(t.inbox);
    t.inbox.add = async () => {
      throw new Error('injected crash after the ledger entry');
    };
    const key = newKey();
    const body = { paymentMethodId: bank.id, amount: 1900, currency: 'USD' };
    try {
      const crashed = await pay(account.id, cookie, body, key);
      expect(crashed.statusCode).toBe(500);
      expect(JSON.stringify(crashed.json())).not.toMatch(/succeeded|pending|confirmation/i);
    } finally {
      t.inbox.add = realAdd;
    }
    const [after] = await t.db.database.query<{ payments: number; entries: number; balance: number }>(
      `select (select count(*)::int from payments) as payments, (select count(*)::int from journal_entries) as entries,
              (select balance_cents from contracts where public_id = $1) as balance`,
      [account.id],
    );
    expect(after).toEqual(before);
    await expectLedgerGreen();
    const retried = await pay(account.id, cookie, body, key);
    expect(retried.statusCode).toBe(201);
    await expectLedgerGreen();
  });
});

describe('payoff quote', () => {
  it('is principal + interest to the date + fees, with the per diem; 422 beyond 30 days', async () => {
    const { cookie, account } = await customer(MAYA);
    const today = (await get(`/api/v1/accounts/${account.id}/payoff-quote`, cookie)).json();
    const later = (await get(`/api/v1/accounts/${account.id}/payoff-quote?date=2026-12-04`, cookie)).json();
    expect(today.payoff.amount).toBe(today.principal.amount + today.interest.amount + today.fees.amount);
    expect(later.principal.amount).toBe(today.principal.amount);
    // Ten more days of interest, within a cent of ten times the rounded per diem.
    expect(
      Math.abs(later.interest.amount - today.interest.amount - 10 * today.perDiem.amount),
    ).toBeLessThanOrEqual(5);
    expect(today.perDiemExact).toMatch(/^\d+\.\d{4}$/);
    const letter = await get(
      `/api/v1/accounts/${account.id}/payoff-quote?date=2026-12-04&format=pdf&language=es`,
      cookie,
    );
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.headers['content-disposition']).toMatch(
      /attachment; filename="payoff-quote-\d{4}-2026-12-04\.pdf"/,
    );
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(letter.rawPayload);
    expect(text).toContain('Maya Thompson');
    expect(text).toContain(
      `$${(later.payoff.amount / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
    );
    const far = await get(`/api/v1/accounts/${account.id}/payoff-quote?date=2027-02-01`, cookie);
    expect(far.statusCode).toBe(422);
    expect(far.json().code).toBe('payoff_date_out_of_range');
  });
});

describe('ops: find any payment and see its journal entries', () => {
  it('a lease payoff is its parts: remaining payments, purchase option price (residual), its tax, fees', async () => {
    const { cookie, account } = await customer('daniel.reyes@example.com', 'lease');
    const quote = (await get(`/api/v1/accounts/${account.id}/payoff-quote`, cookie)).json();
    const [row] = await t.db.database.query<{
      balance: number;
      residual: number;
      rate: string;
      fees: number;
    }>(
      `select balance_cents as balance, residual_cents as residual, coalesce(sales_tax_rate, 0)::text as rate, fees_cents as fees
         from contracts where public_id = $1`,
      [account.id],
    );
    if (!row) throw new Error('no lease');
    // Sales tax on the purchase, half-up to the cent.
    const tax = Math.round((row.residual * Number(row.rate)) / 100);
    expect(quote.lease).toEqual({
      remainingPayments: { amount: row.balance, currency: 'USD' },
      purchasePrice: { amount: row.residual, currency: 'USD' },
      purchaseTax: { amount: tax, currency: 'USD' },
    });
    expect(quote.payoff.amount).toBe(row.balance + row.residual + tax + row.fees);
    expect(quote).toMatchObject({ interest: { amount: 0 }, perDiem: { amount: 0 } });
    const letter = await get(`/api/v1/accounts/${account.id}/payoff-quote?format=pdf`, cookie);
    const text = pdfText(letter.rawPayload);
    const usd = (c: number) => `$${(c / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    expect(text).toMatch(new RegExp(`Remaining lease payments +\\${usd(row.balance)}`));
    expect(text).toMatch(new RegExp(`Purchase option price \\(residual\\) +\\${usd(row.residual)}`));
    expect(text).toMatch(new RegExp(`Payoff amount +\\${usd(quote.payoff.amount)}`));
    expect(text).not.toContain('Principal balance');
  });

  it('an agent finds a payment by confirmation number and reads its balanced entries; the view is audited', async () => {
    const { cookie, account, bank } = await customer(MAYA);
    const payment = (
      await pay(account.id, cookie, { paymentMethodId: bank.id, amount: 2100, currency: 'USD' })
    ).json();
    const agent = await logInAs(t, 'agent@solenne.example', DEMO_PASSWORD);
    const found = (await get(`/api/v1/ops/payments?q=${payment.confirmationNumber}`, agent)).json().data;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: payment.id,
      customerName: 'Maya Thompson',
      accountNumber: expect.stringMatching(/^\d+$/),
    });
    const detail = (await get(`/api/v1/ops/payments/${payment.id}`, agent)).json();
    const paymentEntry = detail.journal.find((e: { kind: string }) => e.kind === 'payment');
    const debit = paymentEntry.lines.reduce(
      (s: number, l: { debit: { amount: number } | null }) => s + (l.debit?.amount ?? 0),
      0,
    );
    const credit = paymentEntry.lines.reduce(
      (s: number, l: { credit: { amount: number } | null }) => s + (l.credit?.amount ?? 0),
      0,
    );
    expect(debit).toBe(2100);
    expect(credit).toBe(2100);
    expect(paymentEntry.lines[0]).toMatchObject({ account: 'gl.cash_in_transit', debit: { amount: 2100 } });
    expect(
      t.audit.events.some((e) => e.action === 'staff.view_payment' && e.details?.paymentId === payment.id),
    ).toBe(true);
    expect((await get(`/api/v1/ops/payments?q=${payment.confirmationNumber}`, cookie)).statusCode).toBe(403);
  });
});

describe('SECURITY.md 2.4.1: payment submission is rate-limited per account, per IP and globally', () => {
  it('answers 429 with Retry-After past the per-account limit, and pays nothing more', async () => {
    const strict = await testApp({
      throttle: {
        ...RELAXED_THROTTLE,
        payment: {
          account: { max: 3, windowMs: 15 * 60_000 },
          ip: { max: 100, windowMs: 15 * 60_000 },
          global: { max: 1000, windowMs: 60_000 },
        },
      },
    });
    try {
      const cookie = await logInAs(strict, MAYA, DEMO_PASSWORD);
      const [account] = (
        await strict.app.inject({ method: 'GET', url: '/api/v1/accounts', headers: { cookie } })
      ).json().data;
      const [bank] = (
        await strict.app.inject({ method: 'GET', url: '/api/v1/payment-methods', headers: { cookie } })
      ).json().data;
      const attempt = (n: number) =>
        strict.app.inject({
          method: 'POST',
          url: `/api/v1/accounts/${account.id}/payments`,
          headers: { cookie, 'idempotency-key': `throttle-${n}-0000` },
          payload: { paymentMethodId: bank.id, amount: 100, currency: 'USD' },
        });
      for (let n = 0; n < 3; n++) expect((await attempt(n)).statusCode).toBe(201);
      const refused = await attempt(3);
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      const [row] = await strict.db.database.query<{ n: number }>('select count(*)::int as n from payments');
      expect(row?.n).toBe(3);
    } finally {
      await strict.close();
    }
  });
});
