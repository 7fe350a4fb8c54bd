import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../src/modules/documents/pdf/inspect-pdf.ts';
import { recordServiceReading } from '../src/modules/leasing/index.ts';
import { DEMO_PASSWORD, logInAs, type TestApp, testApp } from './support/app.ts';

/**
 * The lease centre through HTTP on the demo lessee (Daniel: Arden Sport AWD, 36 months, three
 * payments from maturity on the test business date 2026-11-24): Reg M numbers to the cent
 * against the stored contract, mileage entry rules, end-of-term options with the wear
 * self-check, inspection requests and the purchase quote. Loans are refused with `not_a_lease`.
 */
let t: TestApp;
let daniel: string;
let lease: string;
let loan: string;
let maya: string;
beforeAll(async () => {
  t = await testApp();
  daniel = await logInAs(t, 'daniel.reyes@example.com', DEMO_PASSWORD);
  maya = await logInAs(t, 'maya.thompson@example.com', DEMO_PASSWORD);
  lease = (await get('/api/v1/accounts', daniel)).json().data[0].id;
  loan = (await get('/api/v1/accounts', maya)).json().data[0].id;
});
afterAll(async () => t?.close());

function get(url: string, cookie: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie } });
}
function post(url: string, cookie: string, payload: object) {
  return t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
}
const usd = (amount: number) => ({ amount, currency: 'USD' });
const url = (suffix = '', account = lease) => `/api/v1/accounts/${account}/lease${suffix}`;

describe('GET /lease: the Reg M disclosure', () => {
  it('rebuilds the contract to the cent and shows the money factor, never an APR', async () => {
    const res = await get(url(), daniel);
    expect(res.statusCode).toBe(200);
    const n = res.json();
    expect(n).toMatchObject({
      contractDate: '2024-02-15',
      maturityDate: '2027-02-15',
      grossCapitalizedCost: usd(4_120_000),
      capitalizedCostReduction: usd(250_000),
      adjustedCapitalizedCost: usd(3_870_000),
      residualValue: usd(2_465_000),
      depreciation: usd(1_405_000),
      rentCharge: usd(478_952),
      monthlyDepreciation: usd(39_028),
      monthlyRentCharge: usd(13_304),
      baseMonthlyPayment: usd(52_332),
      monthlyTax: usd(4_056),
      totalMonthlyPayment: usd(56_388),
      salesTaxRate: '7.7500',
      numberOfPayments: 36,
      totalOfBasePayments: usd(1_883_952),
      amountDueAtSigning: usd(306_388),
      totalOfPayments: usd(2_279_968 + 39_500), // with the disposition fee, as Reg M counts it
      moneyFactor: '0.002100',
      leaseRateEstimate: '5.04',
      dispositionFee: usd(39_500),
      purchaseOptionFee: usd(30_000),
      mileageAllowancePerYear: 12_000,
      excessMileageRate: usd(25),
      paymentsMade: 33,
      paymentsRemaining: 3,
      matchesContract: true,
    });
    expect(JSON.stringify(n)).not.toMatch(/"apr"/i);
    const account = (await get(`/api/v1/accounts/${lease}`, daniel)).json();
    expect(account.terms.payment).toEqual(n.totalMonthlyPayment);
  });
});

describe('mileage', () => {
  it('lists dealer and customer readings and projects to maturity at the contract rate', async () => {
    const m = (await get(url('/mileage'), daniel)).json();
    expect(m.readings.length).toBeGreaterThanOrEqual(8);
    expect(new Set(m.readings.map((r: { source: string }) => r.source))).toEqual(
      new Set(['customer', 'dealer_service']),
    );
    const dealer = m.readings.find((r: { source: string }) => r.source === 'dealer_service');
    expect(dealer.dealerName).toBe('Solenne of Riverside');
    expect(m.lastReadingDate).toBe('2026-11-20');
    expect(m.lastOdometer).toBe(m.readings[0].odometer);
    expect(m.allowanceAtMaturity).toBe(36_000);
    // 2024-02-15 → 2026-11-20 is 1,009 of 1,096 days: allowance earned 36,000 × 1,009 / 1,096.
    expect(m.allowanceToDate).toBe(Math.floor((36_000 * 1_009) / 1_096));
    // Straight line: the miles so far × 87 days left / 1,009 days driven, half-up.
    const projected = m.milesDriven + Math.round((m.milesDriven * 87) / 1_009);
    expect(m.projectedMilesAtMaturity).toBe(projected);
    expect(m.projectedExcessMiles).toBe(Math.max(0, projected - 36_000));
    expect(m.projectedExcessCharge).toEqual(usd(m.projectedExcessMiles * 25));
    expect(m.points.at(-1)).toEqual({
      date: '2027-02-15',
      allowance: 36_000,
      actual: null,
      projected,
    });
  });

  it('records a customer reading and moves the projection', async () => {
    const before = (await get(url('/mileage'), daniel)).json();
    const res = await post(url('/mileage'), daniel, { odometer: before.lastOdometer + 180 });
    expect(res.statusCode).toBe(201);
    const after = res.json();
    expect(after.readings[0]).toMatchObject({
      date: '2026-11-24',
      odometer: before.lastOdometer + 180,
      source: 'customer',
      dealerName: null,
    });
    expect(after.milesDriven).toBe(before.milesDriven + 180);
    const account = (await get(`/api/v1/accounts/${lease}`, daniel)).json();
    expect(account.vehicle.odometer).toBe(before.lastOdometer + 180);
  });

  it('refuses a reading lower than the last, an absurd one, a future date and bad input', async () => {
    const { lastOdometer } = (await get(url('/mileage'), daniel)).json();
    const cases: Array<[object, number, string, string]> = [
      [{ odometer: lastOdometer - 1 }, 422, 'odometer_below_last_reading', 'odometer'],
      [{ odometer: lastOdometer + 50_000 }, 422, 'odometer_implausible', 'odometer'],
      [{ odometer: lastOdometer + 10, date: '2026-11-25' }, 422, 'reading_date_in_future', 'date'],
      [{ odometer: 100, date: '2020-01-01' }, 422, 'reading_date_before_lease', 'date'],
      [{ odometer: 'lots' }, 400, 'validation_failed', 'odometer'],
      [{ odometer: -5 }, 400, 'validation_failed', 'odometer'],
    ];
    for (const [payload, status, code, field] of cases) {
      const res = await post(url('/mileage'), daniel, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe(code);
      expect(res.json().errors?.[0]?.field).toBe(field);
    }
    const still = (await get(url('/mileage'), daniel)).json();
    expect(still.lastOdometer).toBe(lastOdometer);
  });
});

describe('end of term', () => {
  it('puts return, buy, extend and new vehicle side by side with the wear self-check', async () => {
    const m = (await get(url('/mileage'), daniel)).json();
    const res = await get(url('/end-of-term?wear=tire:2,dent:1'), daniel);
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o.wear).toEqual({
      lines: [
        { item: 'tire', quantity: 2, unit: usd(22_500), amount: usd(45_000) },
        { item: 'dent', quantity: 1, unit: usd(15_000), amount: usd(15_000) },
      ],
      total: usd(60_000),
    });
    expect(o.return).toEqual({
      dispositionFee: usd(39_500),
      excessMileage: m.projectedExcessCharge,
      wear: usd(60_000),
      total: usd(39_500 + m.projectedExcessCharge.amount + 60_000),
    });
    // 24,650 + 300 = 24,950.00; tax 7.75 % = 1,933.625 → 1,933.63; plus 3 payments of 563.88 still owed.
    expect(o.buy).toEqual({
      residual: usd(2_465_000),
      purchaseOptionFee: usd(30_000),
      purchaseOptionPrice: usd(2_495_000),
      tax: usd(193_363),
      salesTaxRate: '7.7500',
      remainingBalance: usd(169_164),
      total: usd(2_857_527),
      // 28,575.27 over 48 months at 6.49 %: 677.5294 → 677.53.
      financing: { apr: '6.49', termMonths: 48, monthlyPayment: usd(67_753) },
    });
    expect(o.extend).toEqual({ monthlyPayment: usd(56_388), maxMonths: 6 });
    expect(o.newVehicle).toMatchObject({ dispositionFeeWaived: true, dealerName: 'Solenne of Riverside' });
    expect(o).toMatchObject({ maturityDate: '2027-02-15', daysToMaturity: 83, paymentsRemaining: 3 });
    expect(o.wearGuide).toHaveLength(8);
  });

  it('takes the self-check as a POST too, and refuses unknown items and impossible counts', async () => {
    const posted = await post(url('/end-of-term'), daniel, { wear: { windshield: 1, key: 1 } });
    expect(posted.statusCode).toBe(200);
    expect(posted.json().wear.total).toEqual(usd(45_000 + 35_000));
    const unknown = await get(url('/end-of-term?wear=roof:1'), daniel);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('wear');
    const malformed = await get(url('/end-of-term?wear=tire'), daniel);
    expect(malformed.statusCode).toBe(400);
    const tooMany = await post(url('/end-of-term'), daniel, { wear: { windshield: 3 } });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].field).toBe('wear.windshield');
  });
});

describe('inspection', () => {
  const address = { line1: '77 Mission Court', city: 'Corona', state: 'CA', postalCode: '92879' };

  it('stores a request and confirms it in the inbox', async () => {
    const empty = (await get(url('/inspection'), daniel)).json();
    expect(empty).toEqual({ data: [], earliestDate: '2026-11-26', latestDate: '2027-03-17' });
    const res = await post(url('/inspection'), daniel, { date: '2026-12-01', window: 'morning', address });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      date: '2026-12-01',
      window: 'morning',
      status: 'requested',
      address: { ...address, line2: null },
    });
    const list = (await get(url('/inspection'), daniel)).json();
    expect(list.data.map((i: { id: string }) => i.id)).toEqual([res.json().id]);
    const inbox = (await get('/api/v1/me/notifications', daniel)).json().data;
    expect(inbox[0]).toMatchObject({ title: 'Lease inspection requested' });
    expect(inbox[0].body).toContain('2026-12-01');
  });

  it('refuses dates out of range, Sundays and bad addresses', async () => {
    const cases: Array<[object, number, string]> = [
      [{ date: '2026-11-25', window: 'morning', address }, 422, 'inspection_date_out_of_range'],
      [{ date: '2027-06-01', window: 'morning', address }, 422, 'inspection_date_out_of_range'],
      [{ date: '2026-12-06', window: 'midday', address }, 422, 'inspection_date_unavailable'],
      [{ date: '2026-12-01', window: 'night', address }, 400, 'validation_failed'],
      [
        { date: '2026-12-01', window: 'morning', address: { ...address, state: 'California' } },
        400,
        'validation_failed',
      ],
    ];
    for (const [payload, status, code] of cases) {
      const res = await post(url('/inspection'), daniel, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().code).toBe(code);
    }
    expect((await get(url('/inspection'), daniel)).json().data).toHaveLength(1);
  });
});

describe('purchase quote', () => {
  it('quotes the purchase option price, tax and what is still owed, in JSON and as a PDF', async () => {
    const q = (await get(url('/purchase-quote?date=2026-12-10'), daniel)).json();
    expect(q).toMatchObject({
      quoteDate: '2026-11-24',
      goodThrough: '2026-12-10',
      residual: usd(2_465_000),
      purchaseOptionFee: usd(30_000),
      purchaseOptionPrice: usd(2_495_000),
      tax: usd(193_363),
      remainingPayments: usd(169_164),
      fees: usd(0),
      total: usd(2_857_527),
    });
    for (const [language, words] of [
      ['en', ['Lease purchase quote', 'Good through December 10, 2026', 'Daniel Reyes']],
      ['es', ['Cotización de compra del arrendamiento', 'Válido hasta el 10 de diciembre de 2026']],
    ] as const) {
      const pdf = await get(url(`/purchase-quote?date=2026-12-10&format=pdf&language=${language}`), daniel);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toMatch(
        /attachment; filename="purchase-quote-\d{4}-2026-12-10\.pdf"/,
      );
      const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
      for (const w of words) expect(text).toContain(w);
      expect(text).toContain('$28,575.27');
      expect(text).toContain('$24,950.00');
      expect(text).toMatch(/(Sales tax|Impuesto sobre las ventas) \(7\.75%\) \$1,933\.63/);
      expect(text).not.toContain('Unpaid fees');
    }
    const far = await get(url('/purchase-quote?date=2027-01-30'), daniel);
    expect(far.statusCode).toBe(422);
    expect(far.json()).toMatchObject({ code: 'quote_date_out_of_range', errors: [{ field: 'date' }] });
  });
});

describe('lease only, owner only', () => {
  const routes: Array<['GET' | 'POST', string, object?]> = [
    ['GET', ''],
    ['GET', '/mileage'],
    ['POST', '/mileage', { odometer: 20_000 }],
    ['GET', '/end-of-term'],
    ['POST', '/end-of-term', { wear: {} }],
    ['GET', '/inspection'],
    [
      'POST',
      '/inspection',
      {
        date: '2026-12-01',
        window: 'morning',
        address: { line1: 'x', city: 'y', state: 'CA', postalCode: '92501' },
      },
    ],
    ['GET', '/purchase-quote'],
  ];

  it('answers 409 not_a_lease for the customer’s own loan', async () => {
    for (const [method, suffix, payload] of routes) {
      const res = await t.app.inject({
        method,
        url: url(suffix, loan),
        headers: { cookie: maya },
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${suffix}`).toBe(409);
      expect(res.json().code).toBe('not_a_lease');
    }
  });

  it('answers 404 for another customer’s lease, 401 without a session', async () => {
    for (const [method, suffix, payload] of routes) {
      const res = await t.app.inject({
        method,
        url: url(suffix),
        headers: { cookie: maya },
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${suffix}`).toBe(404);
      const anon = await t.app.inject({ method, url: url(suffix), ...(payload ? { payload } : {}) });
      expect(anon.statusCode).toBe(401);
    }
    const readings = (await get(url('/mileage'), daniel)).json().readings;
    expect(readings.every((r: { odometer: number }) => r.odometer !== 20_000)).toBe(true);
  });
});

describe('dealer service readings (internal)', () => {
  it('records a reading from a service visit with its dealer, under the same rules', async () => {
    const [row] = await t.db.database.query<{ id: number; dealer_id: number }>(
      `select id, dealer_id from contracts where public_id = '${lease}'`,
    );
    const contractId = Number(row?.id);
    const dealerId = Number(row?.dealer_id);
    const { lastOdometer } = (await get(url('/mileage'), daniel)).json();
    const { id } = await recordServiceReading(
      t.db.database.db,
      { contractId, dealerId, odometer: lastOdometer + 35, date: '2026-11-24' },
      '2026-11-24',
    );
    const m = (await get(url('/mileage'), daniel)).json();
    expect(m.readings.find((r: { id: string }) => r.id === id)).toMatchObject({
      source: 'dealer_service',
      dealerName: 'Solenne of Riverside',
      odometer: lastOdometer + 35,
    });
    await expect(
      recordServiceReading(
        t.db.database.db,
        { contractId, dealerId, odometer: lastOdometer, date: '2026-11-24' },
        '2026-11-24',
      ),
    ).rejects.toMatchObject({ status: 422, code: 'odometer_below_last_reading' });
  });
});
