import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, logInAs, type TestApp, testApp } from './support/app.ts';

/**
 * Loan details (schedule, what-if, title) on the demo data at business date 2026-11-24: Maya's
 * $28,500 loan at 5.99 % for 60 months from 2025-09-15, 14 payments of $550.85 made; Elena's
 * loan paid off on 2026-11-15. Expected figures are the finance package's, checked by hand in
 * packages/finance/src/*.test.ts.
 */
let t: TestApp;
let maya: string;
let elena: string;
let mayaLoan: string;
let elenaLoan: string;
let priyaLease: string;
let priya: string;

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const usd = (amount: number) => ({ amount, currency: 'USD' });

beforeAll(async () => {
  t = await testApp();
  maya = await logInAs(t, 'maya.thompson@example.com', DEMO_PASSWORD);
  elena = await logInAs(t, 'elena.park@example.com', DEMO_PASSWORD);
  priya = await logInAs(t, 'priya.shah@example.com', DEMO_PASSWORD);
  mayaLoan = (await get('/api/v1/accounts', maya)).json().data[0].id;
  elenaLoan = (await get('/api/v1/accounts', elena)).json().data[0].id;
  priyaLease = (await get('/api/v1/accounts', priya))
    .json()
    .data.find((a: { type: string }) => a.type === 'lease').id;
});
afterAll(async () => t?.close());

describe('GET /accounts/{id}/schedule', () => {
  it('shows the disclosure as signed and the loan as it stands on the ledger', async () => {
    const r = await get(`/api/v1/accounts/${mayaLoan}/schedule`, maya);
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json();
    expect(s.disclosure).toEqual({
      annualPercentageRate: '5.99',
      financeCharge: usd(455_116),
      amountFinanced: usd(2_850_000),
      totalOfPayments: usd(3_305_116),
      paymentSchedule: [
        { count: 59, amount: usd(55_085), firstDueDate: '2025-10-15' },
        { count: 1, amount: usd(55_101), firstDueDate: '2030-09-15' },
      ],
    });
    expect(s.principalBalance).toEqual(usd(2_259_040));
    expect([s.paymentsMade, s.paymentsRemaining]).toEqual([14, 46]);
    // 14 × $550.85 = $7,711.90 paid: $5,909.60 principal and $1,802.30 interest.
    expect(s.paidToDate).toEqual({ principal: usd(590_960), interest: usd(180_230) });
    // $22,590.40 × 5.99 % / 365 = $3.7073 a day
    expect(s.perDiem).toEqual(usd(371));
    expect(s.perDiemExact).toBe('3.7073');
    expect(s.nextDueDate).toBe('2026-12-15');
    expect(s.scheduled).toHaveLength(61);
    expect(s.scheduled[0]).toEqual({ date: '2025-09-15', balance: usd(2_850_000) });
    expect(s.scheduled[14]).toEqual({ date: '2026-11-15', balance: usd(2_259_040) });
    expect(s.scheduled[60]).toEqual({ date: '2030-09-15', balance: usd(0) });
    expect(s.actual).toEqual([
      { date: '2025-09-15', balance: usd(2_850_000) },
      { date: '2026-11-24', balance: usd(2_259_040) },
    ]);
    expect(s.ledgerOpenedOn).toBe('2026-11-24');
  });

  it('a loan paid off early: nothing left, interest paid through the payoff day', async () => {
    const s = (await get(`/api/v1/accounts/${elenaLoan}/schedule`, elena)).json();
    expect(s.principalBalance).toEqual(usd(0));
    expect(s.paidToDate.principal).toEqual(usd(3_120_000));
    // The interest of its 34 scheduled payments ($31,200 at 4.49 %, $711.33 a month), the last on
    // the payoff day itself, so no interest accrued after it (worked with exact fractions).
    expect(s.paidToDate.interest).toEqual(usd(266_979));
    expect(s.paymentsRemaining).toBe(0);
    expect(s.nextDueDate).toBeNull();
    expect(s.actual.at(-1)).toEqual({ date: '2026-11-15', balance: usd(0) });
  });

  it('is for loans: a lease answers 422 not_a_loan', async () => {
    const r = await get(`/api/v1/accounts/${priyaLease}/schedule`, priya);
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('not_a_loan');
  });
});

describe('GET /accounts/{id}/what-if', () => {
  it('$100 more a month: paid off 7 months sooner, $469.61 of interest saved', async () => {
    const r = await get(`/api/v1/accounts/${mayaLoan}/what-if?extraMonthly=10000`, maya);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({
      accountId: mayaLoan,
      extraMonthly: usd(10_000),
      oneTime: usd(0),
      current: {
        payments: 46,
        payoffDate: '2030-09-15',
        finalPayment: usd(55_101),
        totalInterest: usd(274_886),
      },
      scenario: {
        payments: 39,
        payoffDate: '2030-02-15',
        finalPayment: usd(13_735),
        totalInterest: usd(227_925),
      },
      interestSaved: usd(46_961),
      paymentsSaved: 7,
    });
  });

  it('$1,000 once: $253.15 saved', async () => {
    const r = (await get(`/api/v1/accounts/${mayaLoan}/what-if?oneTime=100000`, maya)).json();
    expect(r.scenario).toMatchObject({ payments: 44, finalPayment: usd(39_956) });
    expect(r.interestSaved).toEqual(usd(25_315));
  });

  it.each([
    ['extraMonthly=abc', 400, 'extraMonthly'],
    ['extraMonthly=-5', 400, 'extraMonthly'],
    ['oneTime=12.5', 400, 'oneTime'],
    ['', 422, 'extraMonthly'],
    ['extraMonthly=0&oneTime=0', 422, 'extraMonthly'],
    ['oneTime=2259041', 422, 'oneTime'],
  ])('bad input %s → %i naming %s', async (query, status, field) => {
    const r = await get(`/api/v1/accounts/${mayaLoan}/what-if?${query}`, maya);
    expect(r.statusCode, r.body).toBe(status);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('a paid-off loan has nothing to pay: 422', async () => {
    const r = await get(`/api/v1/accounts/${elenaLoan}/what-if?extraMonthly=1000`, elena);
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('loan_paid_off');
  });
});

describe('GET /accounts/{id}/title', () => {
  it('an open loan: the lender holds the lien', async () => {
    const r = await get(`/api/v1/accounts/${mayaLoan}/title`, maya);
    expect(r.json()).toMatchObject({ status: 'lien_held', steps: [] });
  });

  it('paid off in California: electronic release, each step dated or expected by the state rule', async () => {
    const r = await get(`/api/v1/accounts/${elenaLoan}/title`, elena);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      accountId: elenaLoan,
      status: 'release_in_progress',
      state: 'CA',
      method: 'electronic',
      releaseDays: 10,
      steps: [
        { step: 'payoff_received', date: '2026-11-15', expectedDate: null },
        // 2 business days after Sunday 15 November
        { step: 'release_requested', date: '2026-11-16', expectedDate: '2026-11-17' },
        // 10 days after the request, then the state mails the title within 14 days
        { step: 'lien_released', date: null, expectedDate: '2026-11-26' },
        { step: 'title_mailed', date: null, expectedDate: '2026-12-10' },
      ],
    });
  });

  it('a lease: not applicable', async () => {
    expect((await get(`/api/v1/accounts/${priyaLease}/title`, priya)).json().status).toBe('not_applicable');
  });
});

describe('ownership', () => {
  it.each(['schedule', 'what-if?extraMonthly=100', 'title'])(
    "%s of someone else's loan answers 404 like a missing one",
    async (suffix) => {
      const theirs = await get(`/api/v1/accounts/${mayaLoan}/${suffix}`, priya);
      const missing = await get(`/api/v1/accounts/ctr_0000000000000000000000/${suffix}`, priya);
      expect(theirs.statusCode).toBe(404);
      expect(missing.statusCode).toBe(404);
      expect(theirs.json().code).toBe(missing.json().code);
    },
  );

  it('needs a session', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/accounts/${mayaLoan}/schedule` });
    expect(r.statusCode).toBe(401);
  });
});
