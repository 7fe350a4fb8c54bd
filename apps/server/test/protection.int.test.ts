import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../src/modules/ledger/index.ts';
import { DEMO_PASSWORD, logInAs, type TestApp, testApp } from './support/app.ts';

/**
 * W1-6 service and protection through HTTP: products and coverage meters, "is this covered?",
 * the cancellation quote and the cancellation (ledger adjustment, idempotency, inbox), dealers'
 * work orders (posting, status, audit, another dealer's order), and the maintenance timeline.
 * Maya's loan was signed 2025-09-15; the business date is 2026-11-24 (435 days later).
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

const MAYA = 'maya.thompson@example.com';
const DANIEL = 'daniel.reyes@example.com';
const PRIYA = 'priya.shah@example.com';
const DEALER = 'dealer@riverside.example';

interface Product {
  id: string;
  kind: string;
  name: string;
  status: string;
  financed: boolean;
  cancellable: boolean;
  price: { amount: number };
  usage: { daysUsed: number; daysTotal: number; milesUsed: number; milesTotal: number | null };
  cancellation: null | Record<string, unknown>;
}

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const send = (method: 'POST' | 'PATCH', url: string, cookie: string, payload: object, headers = {}) =>
  t.app.inject({ method, url, headers: { cookie, ...headers }, payload });

async function customer(email: string, type: 'loan' | 'lease' = 'loan') {
  const cookie = await logInAs(t, email, DEMO_PASSWORD);
  const account = (await get('/api/v1/accounts', cookie))
    .json()
    .data.find((a: { type: string }) => a.type === type);
  const base = `/api/v1/accounts/${account.id}`;
  const products: Product[] = (await get(`${base}/protection`, cookie)).json().data;
  const product = (kind: string) => products.find((p) => p.kind === kind) as Product;
  return { cookie, account, base, products, product };
}

async function balanceOf(base: string, cookie: string): Promise<number> {
  return (await get(base, cookie)).json().balance.amount;
}

async function journalCount(): Promise<number> {
  const [row] = await t.db.database.query<{ n: number }>('select count(*)::int as n from journal_entries');
  return row?.n ?? 0;
}

describe('every customer route', () => {
  const suffixes = [
    ['GET', '/protection'],
    ['GET', '/protection/coverage?component=engine'],
    ['GET', '/protection/ppr_0000000000000000000000/cancellation-quote'],
    ['POST', '/protection/ppr_0000000000000000000000/cancellation'],
    ['GET', '/work-orders'],
    ['GET', '/maintenance'],
    ['POST', '/maintenance'],
  ] as const;
  const bodies = {
    '/maintenance': { service: 'oil_change', performedOn: '2026-11-01', odometer: 1 },
    '/protection/ppr_0000000000000000000000/cancellation': { expectedRefund: 0, reason: 'other' },
  } as Record<string, object>;

  it('answers 404 for an unknown account, 400 for a malformed one, 401 without a session', async () => {
    const cookie = await logInAs(t, MAYA, DEMO_PASSWORD);
    for (const [method, suffix] of suffixes) {
      const call = (accountId: string, headers: Record<string, string>) =>
        t.app.inject({
          method,
          url: `/api/v1/accounts/${accountId}${suffix}`,
          headers: { ...headers, 'idempotency-key': 'route-check-0001' },
          ...(method === 'POST' ? { payload: bodies[suffix] ?? {} } : {}),
        });
      const missing = await call('ctr_0000000000000000000000', { cookie });
      expect([missing.statusCode, missing.json().code], suffix).toEqual([404, 'not_found']);
      const malformed = await call('not-an-id', { cookie });
      expect([malformed.statusCode, malformed.json().errors?.[0]?.field], suffix).toEqual([400, 'accountId']);
      const anonymous = await call('ctr_0000000000000000000000', {});
      expect(anonymous.statusCode, suffix).toBe(401);
    }
  });
});

describe('products', () => {
  it("lists the loan's products with status, price, financing and coverage meters", async () => {
    const { products, product } = await customer(MAYA);
    expect(products.map((p) => [p.kind, p.status, p.financed])).toEqual([
      ['vehicle_service_contract', 'active', true],
      ['service_plan', 'active', true],
      ['roadside', 'active', false],
      ['gap', 'active', true],
      ['key_replacement', 'expired', false],
    ]);
    expect(product('gap')).toMatchObject({
      name: 'Bridgeway GAP Waiver',
      price: { amount: 69_500, currency: 'USD' },
      coverage: { startDate: '2025-09-15', endDate: '2030-09-15', endMiles: null },
      usage: { daysUsed: 435, daysTotal: 1826, milesTotal: null },
      cancellable: true,
    });
    expect(product('vehicle_service_contract')).toMatchObject({
      coverage: { startMiles: 12, endMiles: 75_012, deductible: { amount: 10_000 } },
      usage: { milesTotal: 75_000 },
      terms: {
        refundBasis: 'lesser_of',
        cancellationFee: { amount: 7_500 },
        feeCapPercent: '10.00',
        freeLookDays: 60,
      },
    });
    expect(product('key_replacement').cancellable).toBe(false);
  });

  it("shows the lessee's cancelled roadside plan with the refund paid to him", async () => {
    const { product } = await customer(DANIEL, 'lease');
    expect(product('roadside')).toMatchObject({
      status: 'cancelled',
      cancellable: false,
      cancellation: { date: '2026-05-24', method: 'customer_refund', principalReduction: { amount: 0 } },
    });
    expect(product('tire_wheel').status).toBe('active');
  });
});

describe('is this covered?', () => {
  it('names the product, its end and deductible; or says why not and what would', async () => {
    const { cookie, base } = await customer(MAYA);
    const ask = async (component: string) =>
      (await get(`${base}/protection/coverage?component=${component}`, cookie)).json();
    expect(await ask('air_conditioning')).toMatchObject({
      covered: true,
      coveredBy: [
        {
          name: 'Sentinel Powertrain Plus',
          untilDate: '2031-09-15',
          untilMiles: 75_012,
          deductible: { amount: 10_000 },
        },
      ],
      suggestion: null,
    });
    expect(await ask('brakes')).toMatchObject({
      covered: false,
      suggestion: { code: 'wear_item', productKind: null },
    });
    expect(await ask('keys')).toMatchObject({
      covered: false,
      suggestion: { code: 'coverage_ended', productKind: 'key_replacement' },
    });
    expect(await ask('tires')).toMatchObject({
      covered: false,
      coveredBy: [],
      suggestion: { code: 'add_product', productKind: 'tire_wheel' },
    });
  });

  it('answers 400 with the field for an unknown or missing component', async () => {
    const { cookie, base } = await customer(MAYA);
    for (const query of ['?component=flux_capacitor', '']) {
      const response = await get(`${base}/protection/coverage${query}`, cookie);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'component' }] });
    }
  });
});

describe('cancelling a product', () => {
  it('quotes the pro-rata refund to the cent before anything is written', async () => {
    const { cookie, base, product } = await customer(MAYA);
    const response = await get(`${base}/protection/${product('gap').id}/cancellation-quote`, cookie);
    expect(response.statusCode).toBe(200);
    // 69500 × 1391 / 1826 = 52943.3 → 52943; less the 50.00 fee → 47943, all off the principal.
    expect(response.json()).toMatchObject({
      asOf: '2026-11-24',
      basisUsed: 'time',
      unusedShare: { byTime: { unused: 1391, total: 1826 }, byMileage: null },
      proRataRefund: { amount: 52_943 },
      cancellationFee: { amount: 5_000 },
      refund: { amount: 47_943 },
      financed: true,
      principalReduction: { amount: 47_943 },
      customerRefund: { amount: 0 },
    });
    const expired = await get(
      `${base}/protection/${product('key_replacement').id}/cancellation-quote`,
      cookie,
    );
    expect([expired.statusCode, expired.json().code]).toEqual([409, 'product_not_cancellable']);
    const missing = await get(`${base}/protection/ppr_0000000000000000000000/cancellation-quote`, cookie);
    expect(missing.statusCode).toBe(404);
    // Another customer's product through the attacker's own account: 404 too.
    const priya = await customer(PRIYA);
    const crossed = await get(
      `${priya.base}/protection/${product('gap').id}/cancellation-quote`,
      priya.cookie,
    );
    expect([crossed.statusCode, crossed.json()]).toEqual([404, missing.json()]);
  });

  it('refuses a missing key, a bad body and a changed amount, writing nothing', async () => {
    const { cookie, base, product } = await customer(MAYA);
    const url = `${base}/protection/${product('gap').id}/cancellation`;
    const entries = await journalCount();
    const noKey = await send('POST', url, cookie, { expectedRefund: 47_943, reason: 'sold_vehicle' });
    expect([noKey.statusCode, noKey.json().errors[0].field]).toEqual([400, 'Idempotency-Key']);
    const badBody = await send(
      'POST',
      url,
      cookie,
      { expectedRefund: -1 },
      { 'idempotency-key': 'bad-body-0001' },
    );
    expect(badBody.statusCode).toBe(400);
    expect(
      badBody
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['expectedRefund', 'reason']);
    const stale = await send(
      'POST',
      url,
      cookie,
      { expectedRefund: 48_000, reason: 'sold_vehicle' },
      {
        'idempotency-key': 'stale-quote-0001',
      },
    );
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'quote_changed']);
    expect(stale.json().detail).toContain('$479.43');
    expect(await journalCount()).toBe(entries);
    expect((await customer(MAYA)).product('gap').status).toBe('active');
  });

  it('cancels a financed product: the refund reduces the principal through a balanced adjustment', async () => {
    const { cookie, base, product } = await customer(MAYA);
    const before = await balanceOf(base, cookie);
    const url = `${base}/protection/${product('gap').id}/cancellation`;
    const body = { expectedRefund: 47_943, reason: 'sold_vehicle' };
    const response = await send('POST', url, cookie, body, { 'idempotency-key': 'cancel-gap-0001' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().product).toMatchObject({
      status: 'cancelled',
      cancellable: false,
      cancellation: {
        date: '2026-11-24',
        refund: { amount: 47_943 },
        fee: { amount: 5_000 },
        method: 'principal_reduction',
        principalReduction: { amount: 47_943 },
        customerRefund: { amount: 0 },
      },
    });
    expect(await balanceOf(base, cookie)).toBe(before - 47_943);

    const lines = await t.db.database.query<{ kind: string; account: string; amount: number }>(
      `select e.kind, p.account, p.amount_cents::int as amount from journal_entries e join postings p on p.entry_id = e.id
        where e.source = 'protection:${product('gap').id}' order by e.id, p.amount_cents desc`,
    );
    expect(lines).toEqual([
      { kind: 'accrual', account: 'interest', amount: expect.any(Number) },
      { kind: 'accrual', account: 'gl.interest_income', amount: expect.any(Number) },
      { kind: 'adjustment', account: 'gl.protection_refund_receivable', amount: 47_943 },
      { kind: 'adjustment', account: 'principal', amount: -47_943 },
    ]);
    const verdict = await verifyLedger(t.db.database);
    expect(verdict, JSON.stringify(verdict)).toMatchObject({ ok: true, trialBalance: 0 });

    const inbox = t.inbox.notifications.filter((n) => n.kind === 'protection_cancelled');
    expect(inbox.at(-1)?.title).toBe('Bridgeway GAP Waiver cancelled');
    expect(inbox.at(-1)?.body).toContain('$479.43 was credited to your account balance');

    // The same request again: the stored answer, nothing posted twice.
    const entries = await journalCount();
    const replay = await send('POST', url, cookie, body, { 'idempotency-key': 'cancel-gap-0001' });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(response.json());
    const reused = await send(
      'POST',
      url,
      cookie,
      { ...body, reason: 'other' },
      { 'idempotency-key': 'cancel-gap-0001' },
    );
    expect([reused.statusCode, reused.json().code]).toEqual([422, 'idempotency_key_reused']);
    const again = await send('POST', url, cookie, body, { 'idempotency-key': 'cancel-gap-0002' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'product_not_cancellable']);
    expect(await journalCount()).toBe(entries);
    expect(await balanceOf(base, cookie)).toBe(before - 47_943);
  });

  it('cancels a product bought outright as a refund to the customer, without a journal entry', async () => {
    const { cookie, base, product } = await customer(MAYA);
    const roadside = product('roadside');
    const quote = (await get(`${base}/protection/${roadside.id}/cancellation-quote`, cookie)).json();
    // 24000 × 661 / 1096 = 14474.45 → 14474, no fee.
    expect([quote.refund.amount, quote.principalReduction.amount, quote.customerRefund.amount]).toEqual([
      14_474, 0, 14_474,
    ]);
    const entries = await journalCount();
    const response = await send(
      'POST',
      `${base}/protection/${roadside.id}/cancellation`,
      cookie,
      { expectedRefund: 14_474, reason: 'no_longer_needed' },
      { 'idempotency-key': 'cancel-roadside-0001' },
    );
    expect(response.statusCode).toBe(201);
    expect(response.json().product.cancellation).toMatchObject({
      method: 'customer_refund',
      customerRefund: { amount: 14_474 },
    });
    expect(await journalCount()).toBe(entries);
    expect(t.inbox.notifications.at(-1)?.body).toContain('$144.74 will be refunded to you');
  });
});

describe('work orders', () => {
  it("shows the customer the dealer's work orders with status, lines and who pays", async () => {
    const { cookie, base } = await customer(MAYA);
    const orders = (await get(`${base}/work-orders`, cookie)).json().data;
    expect(orders.map((o: { status: string; number: string }) => [o.number, o.status])).toEqual([
      ['RO-100002', 'in_progress'],
      ['RO-100001', 'completed'],
    ]);
    expect(orders[0]).toMatchObject({
      complaint: 'Air conditioning blows warm air',
      dealer: { name: 'Solenne of Riverside' },
      completedOn: null,
      totals: { covered: { amount: 100_500 }, customerPay: { amount: 10_000 }, total: { amount: 110_500 } },
    });
    expect(orders[0].lines[1]).toMatchObject({
      payer: 'product',
      coveredBy: { name: 'Sentinel Powertrain Plus' },
    });
  });

  it('lets a dealer post one by VIN, move it to completed, and records the maintenance done', async () => {
    const daniel = await customer(DANIEL, 'lease');
    const dealer = await logInAs(t, DEALER, DEMO_PASSWORD);
    const plan = daniel.product('service_plan');
    const payload = {
      vin: daniel.account.vehicle.vin.toLowerCase(),
      odometer: 45_000, // above the lease centre's latest reading for Daniel (44,168)
      complaint: 'Brake inspection and oil change',
      lines: [
        {
          type: 'labour',
          description: 'Oil and filter change',
          amount: 8_900,
          coveredByProductId: plan.id,
          service: 'oil_change',
        },
        { type: 'labour', description: 'Brake inspection', amount: 4_500, service: 'brake_inspection' },
      ],
    };
    const posted = await send('POST', '/api/v1/dealer/work-orders', dealer, payload);
    expect(posted.statusCode, posted.body).toBe(201);
    const order = posted.json();
    expect(order).toMatchObject({
      number: 'RO-100006',
      status: 'open',
      accountId: daniel.account.id,
      openedOn: '2026-11-24',
      totals: { covered: { amount: 8_900 }, customerPay: { amount: 4_500 }, total: { amount: 13_400 } },
    });
    expect(t.audit.of('dealer.work_order.create').at(-1)).toMatchObject({
      outcome: 'success',
      details: { workOrder: order.id, account: daniel.account.id },
    });
    const url = `/api/v1/dealer/work-orders/${order.id}`;
    const started = await send('PATCH', url, dealer, { status: 'in_progress' });
    expect([started.statusCode, started.json().status]).toEqual([200, 'in_progress']);
    const done = await send('PATCH', url, dealer, { status: 'completed' });
    expect(done.json()).toMatchObject({ status: 'completed', completedOn: '2026-11-24' });
    const reopen = await send('PATCH', url, dealer, { status: 'cancelled' });
    expect([reopen.statusCode, reopen.json().code]).toEqual([409, 'invalid_transition']);
    expect(t.audit.of('dealer.work_order.status').map((e) => e.details?.to)).toEqual([
      'in_progress',
      'completed',
    ]);

    const seen = (await get(`${daniel.base}/work-orders`, daniel.cookie)).json().data;
    expect(seen.find((o: { id: string }) => o.id === order.id).status).toBe('completed');
    const maintenance = (await get(`${daniel.base}/maintenance`, daniel.cookie)).json();
    expect(maintenance.odometer).toBe(45_000);
    const doneToday = maintenance.timeline.filter(
      (e: { status: string; date: string }) => e.status === 'done' && e.date === '2026-11-24',
    );
    expect(
      doneToday.map((e: { service: string; miles: number; source: string }) => [
        e.service,
        e.miles,
        e.source,
      ]),
    ).toEqual([
      ['oil_change', 45_000, 'work_order'],
      ['brake_inspection', 45_000, 'work_order'],
    ]);
  });

  it('refuses an unknown VIN, a malformed one, another vehicle’s product and a future date, with the field', async () => {
    const dealer = await logInAs(t, DEALER, DEMO_PASSWORD);
    const maya = await customer(MAYA);
    const priya = await customer(PRIYA);
    const line = { type: 'part', description: 'Battery', amount: 18_900 };
    const base = { vin: maya.account.vehicle.vin, odometer: 20_000, complaint: 'Battery', lines: [line] };
    const cases: [object, number, string, string][] = [
      [{ ...base, vin: '7SLVL00000000000X' }, 422, 'unknown_vin', 'vin'],
      [{ ...base, vin: 'SHORT' }, 400, 'validation_failed', 'vin'],
      [{ ...base, lines: [] }, 400, 'validation_failed', 'lines'],
      [{ ...base, lines: [{ ...line, amount: 12.5 }] }, 400, 'validation_failed', 'lines.0.amount'],
      [
        { ...base, lines: [{ ...line, coveredByProductId: priya.product('vehicle_service_contract').id }] },
        422,
        'unknown_product',
        'lines.0.coveredByProductId',
      ],
      [{ ...base, openedOn: '2026-11-25' }, 422, 'future_date', 'openedOn'],
    ];
    const before = (await get(`${maya.base}/work-orders`, maya.cookie)).json().data.length;
    for (const [payload, status, code, field] of cases) {
      const response = await send('POST', '/api/v1/dealer/work-orders', dealer, payload);
      expect(
        [response.statusCode, response.json().code, response.json().errors?.[0]?.field],
        JSON.stringify(payload),
      ).toEqual([status, code, field]);
    }
    expect((await get(`${maya.base}/work-orders`, maya.cookie)).json().data).toHaveLength(before);
  });

  it("answers 404 for another dealership's work order, like a missing one", async () => {
    const dealer = await logInAs(t, DEALER, DEMO_PASSWORD);
    await t.db.database.query(
      `insert into dealers (public_id, code, name, city, state, phone) values ('dlr_other0000000000000000', 'OTH-1', 'Other Motors', 'Ontario', 'CA', '909-555-0100')`,
    );
    await t.db.database.query(
      `insert into work_orders (public_id, number, contract_id, customer_id, dealer_id, status, opened_on, odometer, complaint)
       select 'wo_other00000000000000000', 'RO-9', c.id, c.customer_id, d.id, 'open', '2026-11-20', 100, 'Other dealer'
         from contracts c, dealers d where d.code = 'OTH-1' order by c.id limit 1`,
    );
    const other = await send('PATCH', '/api/v1/dealer/work-orders/wo_other00000000000000000', dealer, {
      status: 'completed',
    });
    const missing = await send('PATCH', '/api/v1/dealer/work-orders/wo_0000000000000000000000', dealer, {
      status: 'completed',
    });
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual(missing.json());
    const [row] = await t.db.database.query<{ status: string }>(
      "select status from work_orders where public_id = 'wo_other00000000000000000'",
    );
    expect(row?.status).toBe('open');
  });
});

describe('maintenance', () => {
  it('shows recorded services, missed and due ones against the schedule', async () => {
    const { cookie, base } = await customer(MAYA);
    const schedule = (await get(`${base}/maintenance`, cookie)).json();
    expect(schedule.schedule[0]).toEqual({ service: 'oil_change', everyMiles: 7_500, everyMonths: 12 });
    const done = schedule.timeline.filter((e: { status: string }) => e.status === 'done');
    expect(
      done.map((e: { service: string; date: string; source: string }) => [e.service, e.date, e.source]),
    ).toEqual([
      ['oil_change', '2026-03-14', 'work_order'],
      ['tire_rotation', '2026-03-14', 'work_order'],
      ['cabin_filter', '2026-09-15', 'customer'],
    ]);
    // Fourteen months in: the 12-month brake inspection was never recorded.
    const brakes = schedule.timeline.filter((e: { service: string }) => e.service === 'brake_inspection');
    expect(brakes.map((e: { status: string; date: string }) => [e.status, e.date])).toEqual([
      ['overdue', '2026-09-15'],
    ]);
  });

  it('records a service the customer had done elsewhere; refuses a future date with the field', async () => {
    const { cookie, base } = await customer(MAYA);
    const url = `${base}/maintenance`;
    const future = await send('POST', url, cookie, {
      service: 'brake_inspection',
      performedOn: '2026-11-25',
      odometer: 17_000,
    });
    expect([future.statusCode, future.json().code, future.json().errors[0].field]).toEqual([
      422,
      'future_date',
      'performedOn',
    ]);
    const early = await send('POST', url, cookie, {
      service: 'brake_inspection',
      performedOn: '2025-01-01',
      odometer: 1,
    });
    expect([early.statusCode, early.json().code]).toEqual([422, 'before_contract']);
    const bad = await send('POST', url, cookie, { service: 'wash', performedOn: '2026-11-20', odometer: -5 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['odometer', 'service']);

    const ok = await send('POST', url, cookie, {
      service: 'brake_inspection',
      performedOn: '2026-11-20',
      odometer: 17_000,
    });
    expect(ok.statusCode).toBe(201);
    const brakes = ok.json().timeline.filter((e: { service: string }) => e.service === 'brake_inspection');
    expect(brakes.map((e: { status: string; source: string | null }) => [e.status, e.source])).toEqual([
      ['done', 'customer'],
      ['upcoming', null],
    ]);
  });
});
