import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../src/modules/ledger/index.ts';
import { runAutopayDrafts } from '../src/modules/payments/index.ts';
import { BUSINESS_DATE, DEMO_PASSWORD, logInAs, type TestApp, testApp } from './support/app.ts';

/**
 * Autopay (W1-4): enrol with the Reg E authorisation, edit in place, skip one cycle, stop with
 * the three-business-day rule; drafts become autopay payments posted through the ledger.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const put = (url: string, cookie: string, payload: object) =>
  t.app.inject({ method: 'PUT', url, headers: { cookie }, payload });
const del = (url: string, cookie: string) => t.app.inject({ method: 'DELETE', url, headers: { cookie } });

async function customer(email: string) {
  const cookie = await logInAs(t, email, DEMO_PASSWORD);
  const [account] = (await get('/api/v1/accounts', cookie)).json().data;
  const methods = (await get('/api/v1/payment-methods', cookie)).json().data;
  const bank = methods.find((m: { type: string }) => m.type === 'bank_account');
  const card = methods.find((m: { type: string }) => m.type === 'card');
  const url = `/api/v1/accounts/${account.id}/autopay`;
  return { cookie, account, bank, card, url };
}

const enrolment = (paymentMethodId: string, extra: object = {}) => ({
  paymentMethodId,
  amountRule: 'amount_due',
  draftDaysBeforeDue: 3,
  authorizationVersion: 'autopay-2026-11',
  ...extra,
});

describe('autopay enrolment', () => {
  it('shows the authorisation to accept, in English and Spanish, before enrolment', async () => {
    const { cookie, url } = await customer('maya.thompson@example.com');
    const autopay = (await get(url, cookie)).json();
    expect(autopay).toMatchObject({
      status: 'not_enrolled',
      nextDraft: null,
      authorization: { version: 'autopay-2026-11' },
    });
    expect(autopay.authorization.text.en).toContain('I authorize Solenne Motor Finance');
    expect(autopay.authorization.text.es).toContain('Autorizo a Solenne Motor Finance');
  });

  it('needs a recent second factor (SECURITY.md 7.5.1: autopay changes)', async () => {
    const { cookie, url, bank } = await customer('maya.thompson@example.com');
    t.setNow(new Date(t.now().getTime() + 6 * 60 * 1000));
    const response = await put(url, cookie, enrolment(bank.id));
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('step_up_required');
  });

  it('enrols: the next draft is N days before the due date for the amount due; the text, time and IP are kept and e-mailed', async () => {
    const { cookie, url, bank, account } = await customer('maya.thompson@example.com');
    const response = await put(url, cookie, enrolment(bank.id));
    expect(response.statusCode, response.body).toBe(200);
    const autopay = response.json();
    expect(autopay).toMatchObject({
      status: 'active',
      amountRule: 'amount_due',
      draftDaysBeforeDue: 3,
      paymentMethod: { id: bank.id },
      nextDraft: { dueDate: account.nextPayment.dueDate },
    });
    const due = new Date(`${account.nextPayment.dueDate}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() - 3);
    expect(autopay.nextDraft.date).toBe(due.toISOString().slice(0, 10));
    expect(autopay.nextDraft.amount.amount).toBe(account.nextPayment.amount.amount);
    const [stored] = await t.db.database.query<{
      authorization_text: string;
      accepted_ip: string;
      authorization_version: string;
    }>('select authorization_text, accepted_ip, authorization_version from autopay_enrollments');
    expect(stored).toMatchObject({ authorization_version: 'autopay-2026-11', accepted_ip: '127.0.0.1' });
    expect(stored?.authorization_text).toContain('three business days');
    const mail = (await t.sentMail()).filter((m) => m.category === 'autopay_authorization').at(-1);
    expect(mail?.text).toContain('I authorize Solenne Motor Finance');
  });

  it('edits in place (amount due + extra), without re-enrolling', async () => {
    const { cookie, url, bank } = await customer('maya.thompson@example.com');
    const before = (await get(url, cookie)).json();
    const response = await put(
      url,
      cookie,
      enrolment(bank.id, { amountRule: 'fixed_extra', extraAmount: 2500 }),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().nextDraft.amount.amount).toBe(before.nextDraft.amount.amount + 2500);
    const [{ n } = { n: 0 }] = await t.db.database.query<{ n: number }>(
      'select count(*)::int as n from autopay_enrollments',
    );
    expect(n).toBe(1);
  });

  it('refuses an outdated authorisation, a card, and a missing extra amount, each with its field', async () => {
    const { cookie, url, bank } = await customer('maya.thompson@example.com');
    const outdated = await put(url, cookie, enrolment(bank.id, { authorizationVersion: 'autopay-2020-01' }));
    expect(outdated.json()).toMatchObject({ status: 422, code: 'authorization_outdated' });
    const noExtra = await put(url, cookie, enrolment(bank.id, { amountRule: 'fixed_extra' }));
    expect(noExtra.json().errors[0]).toMatchObject({ field: 'extraAmount', code: 'extra_amount_required' });
    const priya = await customer('priya.shah@example.com');
    const card = await put(priya.url, priya.cookie, enrolment(priya.card.id));
    expect(card.json().errors[0]).toMatchObject({
      field: 'paymentMethodId',
      code: 'autopay_needs_bank_account',
    });
  });
});

describe('autopay drafts and pauses', () => {
  it('skipping one cycle moves the next draft a month on; the skipped cycle passes without a debit', async () => {
    const { cookie, url, bank } = await customer('maya.thompson@example.com');
    const active = (await put(url, cookie, enrolment(bank.id))).json();
    const paused = (await put(url, cookie, enrolment(bank.id, { pauseNextCycle: true }))).json();
    expect(paused).toMatchObject({
      status: 'paused',
      skipDueDate: active.nextDraft.dueDate,
      nextDraft: null,
    });
    const run = await runAutopayDrafts(
      t.db.database.db,
      { inbox: t.inbox },
      { businessDate: active.nextDraft.date, now: t.now() },
    );
    expect(run).toEqual({ drafted: 0, skipped: 1 });
    const resumed = (await get(url, cookie)).json();
    expect(resumed.status).toBe('active');
    expect(resumed.nextDraft.dueDate > active.nextDraft.dueDate).toBe(true);
  });

  it('a due draft becomes an autopay payment, pending in the ledger, once per cycle', async () => {
    const { cookie, account, url, bank } = await customer('chris.walker@example.com');
    const enrolled = (await put(url, cookie, enrolment(bank.id))).json();
    // Chris is behind: his draft is due at the next run.
    expect(enrolled.nextDraft.date).toBe(BUSINESS_DATE);
    const first = await runAutopayDrafts(
      t.db.database.db,
      { inbox: t.inbox },
      { businessDate: BUSINESS_DATE, now: t.now() },
    );
    expect(first.drafted).toBe(1);
    const again = await runAutopayDrafts(
      t.db.database.db,
      { inbox: t.inbox },
      { businessDate: BUSINESS_DATE, now: t.now() },
    );
    expect(again.drafted).toBe(0);
    const payments = (await get(`/api/v1/accounts/${account.id}/payments`, cookie)).json().data;
    expect(payments[0]).toMatchObject({
      channel: 'autopay',
      status: 'pending',
      amount: enrolled.nextDraft.amount,
    });
    expect((await verifyLedger(t.db.database)).ok).toBe(true);
  });
});

describe('stopping autopay (Reg E: three business days)', () => {
  it('a stop well before the next draft is immediate', async () => {
    const { cookie, url } = await customer('maya.thompson@example.com');
    const stopped = await del(url, cookie);
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json()).toMatchObject({ status: 'stopped', finalDraftDate: null, nextDraft: null });
    expect((await del(url, cookie)).statusCode).toBe(404);
  });
});

describe('a payment method in use', () => {
  it('cannot be removed while autopay draws on it: 409 with a code', async () => {
    const { cookie, url, bank } = await customer('priya.shah@example.com');
    expect((await put(url, cookie, enrolment(bank.id))).statusCode).toBe(200);
    const removed = await del(`/api/v1/payment-methods/${bank.id}`, cookie);
    expect(removed.statusCode).toBe(409);
    expect(removed.json().code).toBe('payment_method_used_by_autopay');
    expect((await del(url, cookie)).statusCode).toBe(200);
    expect((await del(`/api/v1/payment-methods/${bank.id}`, cookie)).statusCode).toBe(204);
  });
});
