import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBusinessDate } from '../src/platform/clock.ts';
import { BUSINESS_DATE, DEMO_PASSWORD, logInAs, type TestApp, testApp } from './support/app.ts';

/** The ops JSON of close of business: overview, audited rerun (admin/supervisor), delinquency list. */
let t: TestApp;
let agent: string;
let admin: string;
beforeAll(async () => {
  t = await testApp();
  agent = await logInAs(t, 'agent@solenne.example', DEMO_PASSWORD);
  admin = await logInAs(t, 'admin@solenne.example', DEMO_PASSWORD);
}, 60_000);
afterAll(async () => t?.close());

describe('ops close of business', () => {
  it('agents may look but not run it', async () => {
    const overview = await t.app.inject({
      method: 'GET',
      url: '/api/v1/ops/cob',
      headers: { cookie: agent },
    });
    expect(overview.statusCode).toBe(200);
    expect(overview.json()).toEqual({
      businessDate: BUSINESS_DATE,
      daysBehind: 0,
      runs: [],
      statementsToDraw: 0,
    });
    const run = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ops/cob/runs',
      headers: { cookie: agent },
      payload: { through: BUSINESS_DATE, wait: true },
    });
    expect(run.statusCode).toBe(403);
  });

  it('refuses a date after today with the field named', async () => {
    const run = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ops/cob/runs',
      headers: { cookie: admin },
      payload: { through: '2026-11-25', wait: true },
    });
    expect(run.statusCode).toBe(400);
    expect(run.json().errors).toEqual([expect.objectContaining({ field: 'through', code: 'future_date' })]);
  });

  it('an admin closes the day; the run, its steps and the audit event are there', async () => {
    const run = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ops/cob/runs',
      headers: { cookie: admin },
      payload: { through: BUSINESS_DATE, wait: true },
    });
    expect(run.statusCode, run.statusCode === 500 ? t.logs.text.slice(-3000) : run.body).toBe(200);
    expect(run.json().runs).toEqual([
      { id: expect.any(Number), businessDate: BUSINESS_DATE, status: 'completed', failures: 0 },
    ]);
    expect(await readBusinessDate(t.db.database.db)).toBe('2026-11-25');
    expect(t.audit.of('ops.cob_run')).toEqual([
      expect.objectContaining({
        outcome: 'success',
        details: { through: BUSINESS_DATE, businessDate: BUSINESS_DATE },
      }),
    ]);
    const overview = (
      await t.app.inject({ method: 'GET', url: '/api/v1/ops/cob', headers: { cookie: agent } })
    ).json();
    const [last] = overview.runs;
    expect(last).toMatchObject({
      businessDate: BUSINESS_DATE,
      status: 'completed',
      trigger: 'api',
      failures: [],
    });
    expect(last.partitions).toMatchObject({ done: last.partitions.total, failed: 0, pending: 0 });
    expect(last.steps.map((s: { step: string }) => s.step)).toEqual(
      expect.arrayContaining([
        'payments',
        'accrue_interest',
        'bill_installments',
        'late_fees',
        'age_delinquency',
        'notices',
        'advance_business_date',
      ]),
    );
  });

  it('lists delinquent accounts by bucket with a cursor', async () => {
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/v1/ops/delinquency',
      headers: { cookie: agent },
    });
    expect(all.statusCode).toBe(200);
    const body = all.json();
    expect(body.asOf).toBe(BUSINESS_DATE);
    expect(body.data.length).toBeGreaterThan(0);
    // Chris Walker's loan is two payments behind (30-59 in the demo).
    const chris = body.data.find((a: { customerName: string }) => a.customerName === 'Chris Walker');
    expect(chris).toMatchObject({ bucket: '30-59', type: 'loan', pastDue: { currency: 'USD' } });
    expect(chris.pastDue.amount).toBeGreaterThan(0);
    const one = await t.app.inject({
      method: 'GET',
      url: '/api/v1/ops/delinquency?bucket=30-59&limit=1',
      headers: { cookie: agent },
    });
    expect(one.json().data).toHaveLength(1);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/ops/delinquency?bucket=31-60',
      headers: { cookie: agent },
    });
    expect(bad.statusCode).toBe(400);
  });
});
