import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, logInAs, type TestApp, testApp } from './support/app.ts';

let t: TestApp;
let priya: string;
let maya: string;
beforeAll(async () => {
  t = await testApp();
  priya = await logInAs(t, 'priya.shah@example.com', DEMO_PASSWORD);
  maya = await logInAs(t, 'maya.thompson@example.com', DEMO_PASSWORD);
});
afterAll(async () => t?.close());

const get = (url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

describe('GET /api/v1/accounts', () => {
  it("lists the signed-in customer's loan and lease with vehicle, balance and next payment", async () => {
    const response = await get('/api/v1/accounts', priya);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { data, nextCursor } = response.json();
    expect(nextCursor).toBeNull();
    expect(data.map((a: { type: string }) => a.type).sort()).toEqual(['lease', 'loan']);
    for (const account of data) {
      expect(account.id).toMatch(/^ctr_[0-9A-Za-z]{22}$/);
      expect(account.accountNumber).toMatch(/^••••\d{4}$/);
      expect(account.vehicle.make).toBe('Solenne');
      expect(account.vehicle.vin).toHaveLength(17);
      expect(Number.isInteger(account.balance.amount)).toBe(true);
      expect(account.balance.currency).toBe('USD');
      expect(account.nextPayment.dueDate).toMatch(/^\d{4}-\d{2}-15$/);
      expect(account.nextPayment.dueDate > '2026-11-24').toBe(true);
    }
  });

  it('shows the past-due amount and bucket of a late account in the next payment', async () => {
    const chris = await logInAs(t, 'chris.walker@example.com', DEMO_PASSWORD);
    const data = (await get('/api/v1/accounts', chris)).json().data;
    expect(data).toHaveLength(1);
    const late = data[0];
    expect(late.pastDue.amount).toBeGreaterThan(0);
    expect(late.delinquency).toBe('30-59');
    const detail = (await get(`/api/v1/accounts/${late.id}`, chris)).json();
    expect(late.pastDue.amount).toBe(2 * detail.terms.payment.amount);
    expect(late.nextPayment.amount.amount).toBe(3 * detail.terms.payment.amount);
  });

  it('requires a session', async () => {
    expect((await get('/api/v1/accounts')).statusCode).toBe(401);
  });

  it('is for customers only: staff get 403', async () => {
    const agent = await logInAs(t, 'agent@solenne.example', DEMO_PASSWORD);
    const response = await get('/api/v1/accounts', agent);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'forbidden' });
  });
});

describe('GET /api/v1/accounts/{accountId}', () => {
  it('returns the loan terms as disclosed', async () => {
    const [loan] = (await get('/api/v1/accounts', maya)).json().data;
    const response = await get(`/api/v1/accounts/${loan.id}`, maya);
    expect(response.statusCode).toBe(200);
    expect(response.json().terms).toMatchObject({
      type: 'loan',
      amountFinanced: { amount: 2_850_000, currency: 'USD' },
      apr: '5.99',
      termMonths: 60,
    });
  });

  it('returns the lease terms with the money factor, never an APR', async () => {
    const accounts = (await get('/api/v1/accounts', priya)).json().data;
    const lease = accounts.find((a: { type: string }) => a.type === 'lease');
    const { terms } = (await get(`/api/v1/accounts/${lease.id}`, priya)).json();
    expect(terms.type).toBe('lease');
    expect(terms.moneyFactor).toBe('0.00175');
    expect(terms).not.toHaveProperty('apr');
    expect(terms.adjustedCapitalizedCost.amount).toBe(
      terms.grossCapitalizedCost.amount - terms.capitalizedCostReduction.amount,
    );
  });

  it("ASVS 8.2.2 (BOLA): another customer's account answers 404, like one that does not exist", async () => {
    const [mayasLoan] = (await get('/api/v1/accounts', maya)).json().data;
    const stolen = await get(`/api/v1/accounts/${mayasLoan.id}`, priya);
    const missing = await get('/api/v1/accounts/ctr_0000000000000000000000', priya);
    expect(stolen.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(stolen.json()).toEqual(missing.json());
  });

  it('rejects a malformed account ID with a 400 naming the field', async () => {
    const response = await get('/api/v1/accounts/12345', maya);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('accountId');
  });
});
