import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../src/modules/ledger/index.ts';
import { createLoggingSmsSender } from '../src/modules/notifications/index.ts';
import { buildReturnsFile, parseNachaFile } from '../src/modules/payments/ach/index.ts';
import { createSimulatedProcessor, importAchReturns, sendAchForDate } from '../src/modules/payments/index.ts';
import { DEMO_PASSWORD, logInAs, type TestApp, testApp } from './support/app.ts';

/**
 * The ACH round trip (W1-4): portal payments (WEB) and autopay drafts (PPD) go out in a NACHA
 * file, a returns file brings some back: reversed in the ledger, NSF fee, autopay suspended,
 * customer told; the same returns file imported twice changes nothing.
 */
let t: TestApp;
const smsSender = () => createLoggingSmsSender({ now: () => t.now(), log: { info: () => {} } });
let dir: string;
beforeAll(async () => {
  t = await testApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marque-ach-'));
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

async function customer(email: string) {
  const cookie = await logInAs(t, email, DEMO_PASSWORD);
  const [account] = (await get('/api/v1/accounts', cookie)).json().data;
  const [bank] = (await get('/api/v1/payment-methods', cookie)).json().data;
  return { cookie, account, bank };
}

const deps = () => ({
  cipher: t.cipher,
  processor: createSimulatedProcessor({ db: t.db.database.db, now: () => t.now(), cipher: t.cipher }),
  inbox: t.inbox,
});

async function contractState(accountId: string) {
  const [row] = await t.db.database.query<{
    balance_cents: number;
    interest_cents: number;
    fees_cents: number;
    payments_made: number;
  }>('select balance_cents, interest_cents, fees_cents, payments_made from contracts where public_id = $1', [
    accountId,
  ]);
  return row;
}

describe('marque ach export / returns', () => {
  let file: string;
  let maya: Awaited<ReturnType<typeof customer>>;
  let chris: Awaited<ReturnType<typeof customer>>;
  let mayaBefore: Awaited<ReturnType<typeof contractState>>;
  let mayaPayment: { id: string; confirmationNumber: string; amount: { amount: number } };

  it('sends portal payments as WEB and autopay drafts as PPD, with balanced control totals', async () => {
    maya = await customer('maya.thompson@example.com');
    chris = await customer('chris.walker@example.com');
    mayaBefore = await contractState(maya.account.id);
    const paid = await t.app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${maya.account.id}/payments`,
      headers: { cookie: maya.cookie, 'idempotency-key': 'ach-test-maya-1' },
      payload: { paymentMethodId: maya.bank.id, amount: 30_000, currency: 'USD' },
    });
    expect(paid.statusCode, paid.body).toBe(201);
    mayaPayment = paid.json();
    const enrolled = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/accounts/${chris.account.id}/autopay`,
      headers: { cookie: chris.cookie },
      payload: {
        paymentMethodId: chris.bank.id,
        amountRule: 'amount_due',
        draftDaysBeforeDue: 3,
        authorizationVersion: 'autopay-2026-11',
      },
    });
    expect(enrolled.statusCode, enrolled.body).toBe(200);

    file = path.join(dir, 'out.ach');
    const day = await sendAchForDate(t.db.database.db, deps(), {
      businessDate: '2026-11-24',
      out: file,
      now: t.now(),
    });
    expect(day.autopay.drafted).toBe(1);
    expect(day.file?.batches).toEqual([
      { secCode: 'PPD', entries: 1 },
      { secCode: 'WEB', entries: 1 },
    ]);
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines.length % 10).toBe(0);
    expect(lines.every((l) => l.length === 94)).toBe(true);
    const parsed = parseNachaFile(text);
    const entries = parsed.batches.flatMap((b) => b.entries);
    expect(entries.map((e) => e.individualId)).toContain(mayaPayment.confirmationNumber);
    expect(entries.reduce((s, e) => s + e.amountCents, 0)).toBe(day.file?.totalCents);
    const payments = (await get(`/api/v1/accounts/${maya.account.id}/payments`, maya.cookie)).json().data;
    expect(payments.find((p: { id: string }) => p.id === mayaPayment.id).status).toBe('submitted');
  });

  it('a second export for the same day sends nothing twice', async () => {
    const again = await sendAchForDate(t.db.database.db, deps(), {
      businessDate: '2026-11-24',
      out: path.join(dir, 'again.ach'),
      now: t.now(),
    });
    expect(again.file).toBeNull();
    expect(fs.existsSync(path.join(dir, 'again.ach'))).toBe(false);
  });

  it('returns: R01 reverses the payment and charges the NSF fee; R02 suspends autopay; the customer is told', async () => {
    const original = fs.readFileSync(file, 'utf8');
    const parsed = parseNachaFile(original);
    const [ppd, web] = parsed.batches;
    const returns = buildReturnsFile({
      original,
      returns: [
        { traceNumber: web?.entries[0]?.traceNumber ?? '', returnCode: 'R01' },
        { traceNumber: ppd?.entries[0]?.traceNumber ?? '', returnCode: 'R02' },
      ],
      fileCreationDate: '2026-11-27',
      fileCreationTime: '0600',
    });
    const result = await importAchReturns(
      t.db.database.db,
      { inbox: t.inbox, sms: smsSender(), brandName: 'Solenne Motor Finance' },
      { text: returns, businessDate: '2026-11-24', now: t.now() },
    );
    expect(result).toMatchObject({
      alreadyImported: false,
      returned: 2,
      nsfFees: 1,
      autopaySuspended: 1,
      skipped: [],
    });

    const after = await contractState(maya.account.id);
    expect(after?.balance_cents).toBe(mayaBefore?.balance_cents);
    expect(after?.fees_cents).toBe((mayaBefore?.fees_cents ?? 0) + 2500);
    expect(after?.payments_made).toBe(mayaBefore?.payments_made);
    const payments = (await get(`/api/v1/accounts/${maya.account.id}/payments`, maya.cookie)).json().data;
    expect(payments.find((p: { id: string }) => p.id === mayaPayment.id)).toMatchObject({
      status: 'returned',
      returnCode: 'R01',
      returnReason: 'Insufficient funds',
    });
    const history = (await get(`/api/v1/accounts/${maya.account.id}/transactions`, maya.cookie)).json().data;
    expect(history.slice(0, 2).map((x: { type: string }) => x.type)).toEqual(['fee', 'return']);
    const autopay = (await get(`/api/v1/accounts/${chris.account.id}/autopay`, chris.cookie)).json();
    expect(autopay).toMatchObject({ status: 'suspended', suspendedReason: expect.stringContaining('R02') });
    await t.relayMail();
    const sent = (await t.sentMail()).filter((m) => m.category === 'payment_returned');
    expect(sent).toHaveLength(2);
    expect((await verifyLedger(t.db.database)).ok).toBe(true);

    // The same file again changes nothing.
    const [before] = await t.db.database.query(
      'select (select count(*) from journal_entries) as e, (select sum(fees_cents) from contracts) as f',
    );
    const twice = await importAchReturns(
      t.db.database.db,
      { inbox: t.inbox, sms: smsSender(), brandName: 'Solenne Motor Finance' },
      { text: returns, businessDate: '2026-11-24', now: t.now() },
    );
    expect(twice.alreadyImported).toBe(true);
    const [unchanged] = await t.db.database.query(
      'select (select count(*) from journal_entries) as e, (select sum(fees_cents) from contracts) as f',
    );
    expect(unchanged).toEqual(before);
  });

  it('debits not returned settle after two business days: in transit becomes cash', async () => {
    const daniel = await customer('daniel.reyes@example.com');
    const paid = await t.app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${daniel.account.id}/payments`,
      headers: { cookie: daniel.cookie, 'idempotency-key': 'ach-test-daniel-1' },
      payload: { paymentMethodId: daniel.bank.id, amount: 10_000, currency: 'USD' },
    });
    expect(paid.statusCode).toBe(201);
    await sendAchForDate(t.db.database.db, deps(), {
      businessDate: '2026-11-24',
      out: path.join(dir, 'd.ach'),
      now: t.now(),
    });
    // 2026-11-26 is Thanksgiving: two business days after the 24th is the 27th.
    const early = await sendAchForDate(t.db.database.db, deps(), {
      businessDate: '2026-11-25',
      out: path.join(dir, 'e.ach'),
      now: t.now(),
    });
    expect(early.settled).toBe(0);
    const due = await sendAchForDate(t.db.database.db, deps(), {
      businessDate: '2026-11-27',
      out: path.join(dir, 'f.ach'),
      now: t.now(),
    });
    expect(due.settled).toBe(1);
    const [cash] = await t.db.database.query<{ transit: number }>(
      `select coalesce(sum(amount_cents), 0)::int as transit from postings p join contracts c on c.id = p.contract_id
        where c.public_id = $1 and p.account = 'gl.cash_in_transit'`,
      [daniel.account.id],
    );
    expect(cash?.transit).toBe(0);
    expect((await verifyLedger(t.db.database)).ok).toBe(true);
  });
});
