import { MAX_PAYMENT_METHODS } from '@marque/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CardProcessor,
  CardProcessorError,
  createSimulatedProcessor,
} from '../src/modules/payments/index.ts';
import { DEMO_PASSWORD, logInAs, sessionCookieOf, type TestApp, testApp, totpAt } from './support/app.ts';

/**
 * Payment methods (W1-4): bank accounts (ABA check, encrypted, masked, duplicates refused),
 * debit cards by the simulated processor's token (PCI SAQ A: no card number reaches /api/),
 * step-up for adding, soft removal with BOLA, and the processor's charge behaviours.
 */
let t: TestApp;
let processor: CardProcessor;
beforeAll(async () => {
  t = await testApp();
  processor = createSimulatedProcessor({ db: t.db.database.db, now: () => t.now(), cipher: t.cipher });
});
afterAll(async () => t?.close());

const MAYA = 'maya.thompson@example.com';
const PRIYA = 'priya.shah@example.com';
const CHRIS = 'chris.walker@example.com';
const DANIEL = 'daniel.reyes@example.com';
const PAN = '4242424242424242';

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
const del = (url: string, cookie: string) => t.app.inject({ method: 'DELETE', url, headers: { cookie } });
const later = (seconds: number) => t.setNow(new Date(t.now().getTime() + seconds * 1000));
const list = async (cookie: string) => (await get('/api/v1/payment-methods', cookie)).json().data;

const bank = (overrides: object = {}) => ({
  type: 'bank_account',
  holderName: 'Maya Thompson',
  routingNumber: '064097729',
  accountNumber: '123456789012',
  accountType: 'checking',
  ...overrides,
});

/** A card token from the simulated processor's own endpoint, as its card form gets one. */
async function tokenFor(cardNumber: string, expYear = 2029, expMonth = 8): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/processor/sim/tokens',
    payload: { cardNumber, expMonth, expYear, cvv: '123' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().token;
}

describe('seeded demo methods', () => {
  it('every registered demo customer has a bank account; Priya also a test card', async () => {
    const maya = await list(await logInAs(t, MAYA, DEMO_PASSWORD));
    expect(maya).toHaveLength(1);
    expect(maya[0]).toMatchObject({
      type: 'bank_account',
      id: expect.stringMatching(/^pm_/),
      bankAccount: { bankName: 'Solenne Community Bank', accountType: 'checking', last4: '3345' },
    });
    const priya = await list(await logInAs(t, PRIYA, DEMO_PASSWORD));
    expect(priya.map((m: { type: string }) => m.type)).toEqual(['bank_account', 'card']);
    expect(priya[1].card).toMatchObject({ brand: 'visa', last4: '4242', expired: false });
    expect(await list(await logInAs(t, DANIEL, DEMO_PASSWORD))).toHaveLength(1);
  });
});

describe('bank accounts', () => {
  it('adds one: masked in the answer and the list, named from the routing directory, alerted and audited', async () => {
    const cookie = await logInAs(t, MAYA, DEMO_PASSWORD);
    const response = await post('/api/v1/payment-methods', cookie, bank({ nickname: 'Rainy day' }));
    expect(response.statusCode, response.body).toBe(201);
    const method = response.json();
    expect(method).toMatchObject({
      type: 'bank_account',
      nickname: 'Rainy day',
      bankAccount: {
        holderName: 'Maya Thompson',
        bankName: 'Magnolia State Bank',
        routingNumber: '064097729',
        accountType: 'checking',
        last4: '9012',
      },
    });
    expect(response.body).not.toContain('123456789012');
    const listed = await get('/api/v1/payment-methods', cookie);
    expect(listed.headers['cache-control']).toBe('no-store');
    expect(listed.body).not.toContain('123456789012');
    expect(listed.json().data.map((m: { id: string }) => m.id)).toContain(method.id);

    expect(t.audit.of('payment_method.add').at(-1)).toMatchObject({
      outcome: 'success',
      details: { paymentMethodId: method.id, kind: 'bank_account' },
    });
    const alert = t.mailer.to(MAYA).at(-1);
    expect(alert).toMatchObject({ category: 'security_alert' });
    expect(alert?.text).toContain('ending in 9012');
    expect(alert?.text).not.toContain('123456789012');
    expect(t.inbox.notifications.at(-1)).toMatchObject({ kind: 'payment_method_added' });
  });

  it('ASVS 11.3.2: the account number is encrypted at rest, with a blind index; not in any column in clear', async () => {
    const rows = await t.db.database.query<Record<string, unknown>>(
      "select * from payment_methods where routing_number = '064097729'",
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('123456789012');
    const row = rows[0] as { account_number_enc: string; last4: string };
    expect(row.last4).toBe('9012');
    expect(t.cipher.decrypt(row.account_number_enc, 'payment_methods.account_number')).toBe('123456789012');
    expect(() => t.cipher.decrypt(row.account_number_enc, 'customers.ssn')).toThrow();
  });

  it('an invalid routing number is refused on its field (ABA check digit, then shape)', async () => {
    const cookie = await logInAs(t, MAYA, DEMO_PASSWORD);
    const badCheckDigit = await post('/api/v1/payment-methods', cookie, bank({ routingNumber: '064097728' }));
    expect(badCheckDigit.statusCode).toBe(400);
    expect(badCheckDigit.json().errors).toEqual([
      expect.objectContaining({ field: 'routingNumber', code: 'invalid_routing_number' }),
    ]);
    const tooShort = await post('/api/v1/payment-methods', cookie, bank({ routingNumber: '06409772' }));
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors[0].field).toBe('routingNumber');
    const shortAccount = await post('/api/v1/payment-methods', cookie, bank({ accountNumber: '123' }));
    expect(shortAccount.statusCode).toBe(400);
    expect(shortAccount.json().errors[0].field).toBe('accountNumber');
    const noName = await post('/api/v1/payment-methods', cookie, bank({ holderName: '  ' }));
    expect(noName.json().errors[0].field).toBe('holderName');
  });

  it('the same account twice is a 409, however it is typed; another customer may hold it too (joint account)', async () => {
    const cookie = await logInAs(t, MAYA, DEMO_PASSWORD);
    const again = await post(
      '/api/v1/payment-methods',
      cookie,
      bank({ accountNumber: '1234 5678 9012', routingNumber: '064-097-729' }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('duplicate_bank_account');
    const savings = await post('/api/v1/payment-methods', cookie, bank({ routingNumber: '053805197' }));
    expect(savings.statusCode).toBe(201);
    expect(savings.json().bankAccount.bankName).toBe('Piedmont Trust Company');

    const chris = await logInAs(t, CHRIS, DEMO_PASSWORD);
    const joint = await post('/api/v1/payment-methods', chris, bank({ holderName: 'Chris Walker' }));
    expect(joint.statusCode).toBe(201);
  });

  it('an unknown bank is fine: no name, still masked', async () => {
    const cookie = await logInAs(t, CHRIS, DEMO_PASSWORD);
    const response = await post('/api/v1/payment-methods', cookie, bank({ routingNumber: '123456780' }));
    expect(response.statusCode).toBe(201);
    expect(response.json().bankAccount).toMatchObject({ bankName: null, last4: '9012' });
  });

  it('ASVS 8.2.3: unknown fields (customerId, a client-chosen bank name) are refused', async () => {
    const cookie = await logInAs(t, MAYA, DEMO_PASSWORD);
    const response = await post('/api/v1/payment-methods', cookie, bank({ customerId: 1, bankName: 'Mine' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
  });
});

describe('step-up (SECURITY.md 7.5.1)', () => {
  it('adding a bank account or a card needs a second factor within 5 minutes', async () => {
    const cookie = await logInAs(t, DANIEL, DEMO_PASSWORD);
    later(5 * 60 + 1);
    const refused = await post('/api/v1/payment-methods', cookie, bank({ holderName: 'Daniel Reyes' }));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('step_up_required');
    const card = await post('/api/v1/payment-methods', cookie, { type: 'card', token: await tokenFor(PAN) });
    expect(card.json().code).toBe('step_up_required');
    expect(await list(cookie)).toHaveLength(1);

    const stepUp = await post('/api/v1/auth/step-up', cookie, {
      method: 'totp',
      code: await totpAt(t.now()),
    });
    expect(stepUp.statusCode).toBe(200);
    const fresh = sessionCookieOf(stepUp);
    const added = await post('/api/v1/payment-methods', fresh, bank({ holderName: 'Daniel Reyes' }));
    expect(added.statusCode).toBe(201);
  });
});

describe('debit cards through the simulated processor', () => {
  it('adds a card by token: brand, last 4 and expiry come from the processor', async () => {
    const cookie = await logInAs(t, CHRIS, DEMO_PASSWORD);
    const token = await tokenFor('5555 5555 5555 4444', 2030);
    const response = await post('/api/v1/payment-methods', cookie, {
      type: 'card',
      token,
      nickname: 'Debit',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      type: 'card',
      nickname: 'Debit',
      card: { brand: 'mastercard', last4: '4444', expMonth: 8, expYear: 2030, expired: false },
    });
    expect(response.body).not.toContain(token);
    const [row] = await t.db.database.query<{ processor_token: string; processor: string }>(
      "select processor, processor_token from payment_methods where last4 = '4444'",
    );
    expect(row).toEqual({ processor: 'simulated', processor_token: token });
    expect(t.audit.of('payment_method.add').at(-1)?.details).toMatchObject({ kind: 'card' });
  });

  it('the client cannot claim brand or last 4; unknown tokens, credit cards and the same card twice are refused', async () => {
    const cookie = await logInAs(t, CHRIS, DEMO_PASSWORD);
    const token = await tokenFor(PAN);
    const claimed = await post('/api/v1/payment-methods', cookie, {
      type: 'card',
      token,
      brand: 'amex',
      last4: '0005',
    });
    expect(claimed.statusCode).toBe(400);

    const unknown = await post('/api/v1/payment-methods', cookie, {
      type: 'card',
      token: 'tok_sim_nope0000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'token', code: 'invalid_card_token' });

    const credit = await post('/api/v1/payment-methods', cookie, {
      type: 'card',
      token: await tokenFor('5105105105105100'),
    });
    expect(credit.statusCode).toBe(422);
    expect(credit.json().code).toBe('debit_card_required');

    expect((await post('/api/v1/payment-methods', cookie, { type: 'card', token })).statusCode).toBe(201);
    const sameCard = await post('/api/v1/payment-methods', cookie, {
      type: 'card',
      token: await tokenFor(PAN),
    });
    expect(sameCard.statusCode).toBe(409);
    expect(sameCard.json().code).toBe('duplicate_card');
    // A token is one customer's: another customer cannot attach it.
    const maya = await logInAs(t, MAYA, DEMO_PASSWORD);
    expect((await post('/api/v1/payment-methods', maya, { type: 'card', token })).statusCode).toBe(409);
  });

  it('PCI SAQ A: a card number is refused by /api/ wherever it appears, and never reaches the logs', async () => {
    const cookie = await logInAs(t, MAYA, DEMO_PASSWORD);
    const withNumber = await post('/api/v1/payment-methods', cookie, {
      type: 'card',
      token: 'tok_sim_0123456789abcdef',
      cardNumber: PAN,
      cvv: '123',
    });
    expect(withNumber.statusCode).toBe(400);
    expect(withNumber.json().errors).toContainEqual(
      expect.objectContaining({ field: 'cardNumber', code: 'card_number_not_accepted' }),
    );
    const asToken = await post('/api/v1/payment-methods', cookie, { type: 'card', token: PAN });
    expect(asToken.statusCode).toBe(400);
    const inNickname = await post(
      '/api/v1/payment-methods',
      cookie,
      bank({ nickname: '4242 4242 4242 4242' }),
    );
    expect(inNickname.json().errors[0]).toMatchObject({
      field: 'nickname',
      code: 'card_number_not_accepted',
    });
    const inQuery = await get(`/api/v1/payment-methods?card=${PAN}`, cookie);
    expect(inQuery.statusCode).toBe(400);
    for (const response of [withNumber, asToken, inNickname, inQuery])
      expect(response.body).not.toContain('4242');

    // The processor's own endpoint takes the number; its field names are redacted if ever logged.
    await tokenFor(PAN);
    t.app.log.info({ body: { cardNumber: PAN, cvv: '987' } }, 'a careless log line');
    expect(t.logs.text).not.toContain(PAN);
    expect(t.logs.text).not.toContain('4242 4242');
    expect(t.logs.text).toContain('a careless log line');
  });

  it('the token endpoint checks Luhn, expiry and CVV and answers by field', async () => {
    const send = (payload: object) => t.app.inject({ method: 'POST', url: '/processor/sim/tokens', payload });
    const wrong = await send({ cardNumber: '4242424242424241', expMonth: 1, expYear: 2020, cvv: '12' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
      'cardNumber:invalid_number',
      'expiry:expired',
      'cvv:invalid_cvv',
    ]);
    const [stored] = await t.db.database.query<{ n: number }>(
      "select count(*)::int as n from sim_processor_tokens where last4 = '4241'",
    );
    expect(stored?.n).toBe(0);
    const raw = await t.db.database.query('select * from sim_processor_tokens');
    expect(JSON.stringify(raw)).not.toContain(PAN);
  });

  it('charge: the test cards approve, decline and fail for funds; idempotent on the key; refunds up to the charge', async () => {
    const approve = await processor.charge({
      token: await tokenFor(PAN),
      amountCents: 25_000,
      idempotencyKey: 'k-approve',
      description: 'Loan payment',
    });
    expect(approve).toMatchObject({ outcome: 'approved', reference: expect.stringMatching(/^ch_sim_/) });
    const declined = await processor.charge({
      token: await tokenFor('4000 0000 0000 0002'),
      amountCents: 25_000,
      idempotencyKey: 'k-decline',
      description: 'Loan payment',
    });
    expect(declined).toMatchObject({ outcome: 'declined', declineCode: 'do_not_honor' });
    const poor = await processor.charge({
      token: await tokenFor('4000000000009995'),
      amountCents: 25_000,
      idempotencyKey: 'k-funds',
      description: 'Loan payment',
    });
    expect(poor.outcome).toBe('insufficient_funds');
    const unknown = await processor.charge({
      token: 'tok_sim_missing',
      amountCents: 100,
      idempotencyKey: 'k-unknown',
      description: 'x',
    });
    expect(unknown).toMatchObject({ outcome: 'declined', declineCode: 'invalid_token' });

    const approvedToken = (
      await t.db.database.query<{ token: string }>(
        `select token from sim_processor_transactions where reference = '${approve.reference}'`,
      )
    )[0]?.token as string;
    const retry = await processor.charge({
      token: approvedToken,
      amountCents: 25_000,
      idempotencyKey: 'k-approve',
      description: 'Loan payment',
    });
    expect(retry).toEqual(approve);
    await expect(
      processor.charge({
        token: approvedToken,
        amountCents: 1,
        idempotencyKey: 'k-approve',
        description: 'x',
      }),
    ).rejects.toBeInstanceOf(CardProcessorError);
    await expect(
      processor.charge({ token: approvedToken, amountCents: 0, idempotencyKey: 'k-zero', description: 'x' }),
    ).rejects.toThrow(/positive/);

    const refund = { chargeReference: approve.reference, amountCents: 20_000, idempotencyKey: 'r-1' };
    const first = await processor.refund(refund);
    expect(first).toMatchObject({ outcome: 'refunded', reference: expect.stringMatching(/^re_sim_/) });
    expect(await processor.refund(refund)).toEqual(first);
    expect(await processor.refund({ ...refund, amountCents: 5_001, idempotencyKey: 'r-2' })).toMatchObject({
      outcome: 'failed',
      reason: 'exceeds_charge',
    });
    expect(
      await processor.refund({ chargeReference: declined.reference, amountCents: 1, idempotencyKey: 'r-3' }),
    ).toMatchObject({ outcome: 'failed', reason: 'charge_not_approved' });
  });

  it('an expired card declines at charge time', async () => {
    const token = await tokenFor(PAN, 2026, 12);
    const saved = t.now();
    t.setNow(new Date('2027-01-05T12:00:00Z'));
    const result = await processor.charge({
      token,
      amountCents: 100,
      idempotencyKey: 'k-exp',
      description: 'x',
    });
    t.setNow(saved);
    expect(result).toMatchObject({ outcome: 'declined', declineCode: 'expired_card' });
  });
});

describe("the processor's card form", () => {
  it('is framable by our own origin only, with its own CSP and no inline script; the app stays unframable', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/processor/sim/card-form?lang=es' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.body).toContain('<html lang="es">');
    expect(page.body).toContain('Número de tarjeta');
    expect(page.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(page.body).toMatch(/autocomplete="cc-number"/);

    const script = await t.app.inject({ method: 'GET', url: '/processor/sim/card-form.js' });
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.body).toContain('postMessage');

    const api = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(String(api.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(api.headers['x-frame-options']).toBe('DENY');
  });

  it('the API tells the portal where the form is', async () => {
    const cookie = await logInAs(t, MAYA, DEMO_PASSWORD);
    const info = await get('/api/v1/payment-methods/card-form', cookie);
    expect(info.json()).toEqual({ processor: 'simulated', url: '/processor/sim/card-form' });
  });
});

describe('removing', () => {
  it("soft-deletes one of the customer's own methods; another customer's ID answers 404 like a missing one", async () => {
    const maya = await logInAs(t, MAYA, DEMO_PASSWORD);
    const priya = await logInAs(t, PRIYA, DEMO_PASSWORD);
    const [target] = await list(maya);
    const stolen = await del(`/api/v1/payment-methods/${target.id}`, priya);
    const missing = await del('/api/v1/payment-methods/pm_0000000000000000000000', priya);
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json()).toEqual(missing.json());
    expect((await list(maya)).map((m: { id: string }) => m.id)).toContain(target.id);

    const removed = await del(`/api/v1/payment-methods/${target.id}`, maya);
    expect(removed.statusCode).toBe(204);
    expect((await list(maya)).map((m: { id: string }) => m.id)).not.toContain(target.id);
    expect((await del(`/api/v1/payment-methods/${target.id}`, maya)).statusCode).toBe(404);
    const [row] = await t.db.database.query<{ removed_at: Date | null }>(
      `select removed_at from payment_methods where public_id = '${target.id}'`,
    );
    expect(row?.removed_at).not.toBeNull();
    expect(t.audit.of('payment_method.remove').at(-1)).toMatchObject({
      outcome: 'success',
      details: { paymentMethodId: target.id },
    });
    expect(t.mailer.to(MAYA).at(-1)?.subject).toContain('removed');
  });

  it(`a customer keeps at most ${MAX_PAYMENT_METHODS} methods`, async () => {
    const cookie = await logInAs(t, PRIYA, DEMO_PASSWORD);
    let n = (await list(cookie)).length;
    let account = 10_000_000;
    while (n < MAX_PAYMENT_METHODS) {
      const added = await post('/api/v1/payment-methods', cookie, bank({ accountNumber: String(account++) }));
      expect(added.statusCode).toBe(201);
      n++;
    }
    const over = await post('/api/v1/payment-methods', cookie, bank({ accountNumber: String(account) }));
    expect(over.statusCode).toBe(422);
    expect(over.json().code).toBe('payment_method_limit');
  });

  it('staff get 403 on the customer routes', async () => {
    const agent = await logInAs(t, 'agent@solenne.example', DEMO_PASSWORD);
    expect((await get('/api/v1/payment-methods', agent)).statusCode).toBe(403);
    expect((await post('/api/v1/payment-methods', agent, bank())).statusCode).toBe(403);
  });
});
