import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, logInAs, type TestApp, testApp } from './support/app.ts';

/**
 * Due-date change and extension requests on Maya's demo loan (business date 2026-11-24:
 * $22,590.40 at 5.99 %, $550.85 a month, next due 2026-12-15, 46 payments left, the last $551.01
 * on 2030-09-15), and the ops queue that decides them.
 */
let t: TestApp;
let maya: string;
let priya: string;
let agent: string;
let analyst: string;
let mayaLoan: string;
let priyaLease: string;

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
const usd = (amount: number) => ({ amount, currency: 'USD' });

beforeAll(async () => {
  t = await testApp();
  maya = await logInAs(t, 'maya.thompson@example.com', DEMO_PASSWORD);
  priya = await logInAs(t, 'priya.shah@example.com', DEMO_PASSWORD);
  agent = await logInAs(t, 'agent@solenne.example', DEMO_PASSWORD);
  analyst = await logInAs(t, 'analyst@solenne.example', DEMO_PASSWORD);
  mayaLoan = (await get('/api/v1/accounts', maya)).json().data[0].id;
  priyaLease = (await get('/api/v1/accounts', priya))
    .json()
    .data.find((a: { type: string }) => a.type === 'lease').id;
});
afterAll(async () => t?.close());

const DUE_25 = {
  kind: 'due_date_change',
  dueDay: 25,
  payments: null,
  currentNextDueDate: '2026-12-15',
  newNextDueDate: '2026-12-25',
  extraDays: 10,
  accruingInterest: usd(3_707),
  extraInterest: usd(4_636),
  currentFinalPayment: usd(55_101),
  newFinalPayment: usd(59_737),
  currentMaturityDate: '2030-09-15',
  newMaturityDate: '2030-09-25',
  currentPaymentsLeft: 46,
  newPaymentsLeft: 46,
};

describe('quotes before asking', () => {
  it('due day 25: ten more days of interest ($37.07), a final payment $46.36 larger', async () => {
    const r = await get(`/api/v1/accounts/${mayaLoan}/requests/quote?kind=due_date_change&dueDay=25`, maya);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual(DUE_25);
  });

  it('two payments moved to the end: maturity two months later, final payment $833.19', async () => {
    const r = await get(`/api/v1/accounts/${mayaLoan}/requests/quote?kind=extension&payments=2`, maya);
    expect(r.json()).toMatchObject({
      newNextDueDate: '2027-02-15',
      accruingInterest: usd(22_553),
      extraInterest: usd(28_218),
      newFinalPayment: usd(83_319),
      newMaturityDate: '2030-11-15',
    });
  });

  it.each([
    ['kind=due_date_change', 400, 'dueDay'],
    ['kind=due_date_change&dueDay=29', 400, 'dueDay'],
    ['kind=due_date_change&dueDay=x', 400, 'dueDay'],
    ['kind=due_date_change&dueDay=15', 422, 'dueDay'],
    ['kind=extension&payments=3', 400, 'payments'],
    ['kind=extension', 400, 'payments'],
    ['kind=skip', 400, 'kind'],
  ])('bad input %s → %i naming %s', async (query, status, field) => {
    const r = await get(`/api/v1/accounts/${mayaLoan}/requests/quote?${query}`, maya);
    expect(r.statusCode, r.body).toBe(status);
    expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('a lease answers 422 not_a_loan', async () => {
    const r = await get(`/api/v1/accounts/${priyaLease}/requests/quote?kind=extension&payments=1`, priya);
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('not_a_loan');
  });
});

describe('filing and deciding', () => {
  let requestId: string;

  it('files a due-date change with the quoted cost; a second one of the kind is refused', async () => {
    const r = await post(`/api/v1/accounts/${mayaLoan}/requests`, maya, {
      kind: 'due_date_change',
      dueDay: 25,
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      accountId: mayaLoan,
      kind: 'due_date_change',
      status: 'pending',
      quote: DUE_25,
    });
    requestId = r.json().id;
    expect(requestId).toMatch(/^req_/);
    const again = await post(`/api/v1/accounts/${mayaLoan}/requests`, maya, {
      kind: 'due_date_change',
      dueDay: 20,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('request_pending');
    const list = (await get(`/api/v1/accounts/${mayaLoan}/requests`, maya)).json().data;
    expect(list.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([
      [requestId, 'pending'],
    ]);
  });

  it('refuses bad bodies with the field, writing nothing', async () => {
    for (const [body, field] of [
      [{ kind: 'due_date_change', dueDay: 0 }, 'dueDay'],
      [{ kind: 'extension', payments: 5 }, 'payments'],
      [{ kind: 'refinance' }, 'kind'],
    ] as const) {
      const r = await post(`/api/v1/accounts/${mayaLoan}/requests`, maya, body);
      expect(r.statusCode, r.body).toBe(400);
      expect(JSON.stringify(r.json().errors)).toContain(field);
    }
    const [row] = await t.db.database.query<{ count: string }>('select count(*) from account_requests');
    expect(Number(row?.count)).toBe(1);
  });

  it('ops sees the queue by status; an analyst may not', async () => {
    const r = await get('/api/v1/ops/account-requests?status=pending', agent);
    expect(r.statusCode).toBe(200);
    expect(r.json().data).toEqual([
      expect.objectContaining({
        id: requestId,
        customerName: 'Maya Thompson',
        accountNumber: expect.stringMatching(/^••••\d{4}$/),
      }),
    ]);
    expect((await get('/api/v1/ops/account-requests?status=approved', agent)).json().data).toEqual([]);
    expect((await get('/api/v1/ops/account-requests?status=maybe', agent)).statusCode).toBe(400);
    expect((await get('/api/v1/ops/account-requests', analyst)).statusCode).toBe(403);
    expect((await get('/api/v1/ops/account-requests', maya)).statusCode).toBe(403);
  });

  it('an agent approves: audited, the customer notified, a second decision refused', async () => {
    const bad = await post(`/api/v1/ops/account-requests/${requestId}/decision`, agent, {
      decision: 'maybe',
    });
    expect(bad.statusCode).toBe(400);
    const missing = await post('/api/v1/ops/account-requests/req_0000000000000000000000/decision', agent, {
      decision: 'approve',
    });
    expect(missing.statusCode).toBe(404);
    const r = await post(`/api/v1/ops/account-requests/${requestId}/decision`, agent, {
      decision: 'approve',
      note: 'Matches payday.',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'approved',
      decisionNote: 'Matches payday.',
      decidedAt: expect.any(String),
    });
    const events = t.audit.of('account_request.approve');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: 'success', details: { requestId, kind: 'due_date_change' } });
    const inbox = (await get('/api/v1/me/notifications', maya)).json().data;
    expect(inbox[0]).toMatchObject({
      kind: 'account_request_decided',
      title: 'Your due-date change request was approved',
    });
    expect(inbox[0].body).toContain('$597.37 on 2030-09-25');
    const again = await post(`/api/v1/ops/account-requests/${requestId}/decision`, agent, {
      decision: 'deny',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_decided');
    const mine = (await get(`/api/v1/accounts/${mayaLoan}/requests`, maya)).json().data;
    expect(mine[0]).toMatchObject({ status: 'approved', decisionNote: 'Matches payday.' });
  });

  it('an extension can be filed and denied', async () => {
    const r = await post(`/api/v1/accounts/${mayaLoan}/requests`, maya, { kind: 'extension', payments: 1 });
    expect(r.statusCode).toBe(201);
    const d = await post(`/api/v1/ops/account-requests/${r.json().id}/decision`, agent, { decision: 'deny' });
    expect(d.json()).toMatchObject({ status: 'denied', decisionNote: null });
    expect(t.audit.of('account_request.deny')).toHaveLength(1);
  });
});

describe('ownership', () => {
  it("someone else's account answers 404 like a missing one, and nothing is filed", async () => {
    for (const [method, suffix] of [
      ['GET', '/requests'],
      ['GET', '/requests/quote?kind=extension&payments=1'],
      ['POST', '/requests'],
    ] as const) {
      const payload = method === 'POST' ? { kind: 'extension', payments: 1 } : undefined;
      const theirs = await t.app.inject({
        method,
        url: `/api/v1/accounts/${mayaLoan}${suffix}`,
        headers: { cookie: priya },
        ...(payload ? { payload } : {}),
      });
      expect(theirs.statusCode, suffix).toBe(404);
    }
    const [row] = await t.db.database.query<{ count: string }>(
      "select count(*) from account_requests where status = 'pending'",
    );
    expect(Number(row?.count)).toBe(0);
  });
});
