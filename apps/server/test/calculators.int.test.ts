import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE_POLICY } from '../src/platform/throttle/throttle.ts';
import { type TestApp, testApp } from './support/app.ts';

/** The public calculators: no cookie, figures to the cent, field errors, and the per-IP limit. */
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ seed: false });
});
afterAll(async () => t?.close());

const post = (path: string, payload: Record<string, unknown>, remoteAddress = '198.51.100.7') =>
  t.app.inject({ method: 'POST', url: `/api/v1/calculators/${path}`, payload, remoteAddress });
const usd = (amount: number) => ({ amount, currency: 'USD' });

const loan = {
  vehiclePrice: 3_500_000,
  downPayment: 400_000,
  tradeInValue: 800_000,
  tradeInPayoff: 300_000,
  taxRate: '7.25',
  taxBase: 'price-less-trade',
  docFee: 49_900,
  titleRegistrationFee: 32_500,
  apr: '6.49',
  termMonths: 60,
};
const lease = {
  msrp: 4_200_000,
  sellingPrice: 3_950_000,
  capCostReduction: 300_000,
  residualPercent: '58',
  moneyFactor: '0.00250',
  term: 36,
  taxRate: '7.25',
  acquisitionFee: 89_500,
  upfrontFees: 45_000,
};

describe('POST /api/v1/calculators/loan', () => {
  it('answers without a session with the Truth in Lending figures to the cent', async () => {
    const res = await post('loan', loan);
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    const body = res.json();
    expect(body).toMatchObject({
      salesTax: usd(195_750),
      fees: usd(82_400),
      amountFinanced: usd(2_878_150),
      monthlyPayment: usd(56_301),
      finalPayment: usd(56_291),
      financeCharge: usd(499_900),
      totalOfPayments: usd(3_378_050),
      annualPercentageRate: '6.49',
      numberOfPayments: 60,
    });
    expect(body.balances).toHaveLength(61);
    expect(body.balances[60].balance).toEqual(usd(0));
  });

  it('applies defaults and the no-trade-credit tax rule', async () => {
    const res = await post('loan', { ...loan, taxBase: 'price' });
    expect(res.json().salesTax).toEqual(usd(253_750));
    const bare = await post('loan', { vehiclePrice: 1_000_000, apr: '0', termMonths: 36 });
    expect(bare.json()).toMatchObject({ monthlyPayment: usd(27_778), financeCharge: usd(0) });
  });

  it('names every bad field: 400 for malformed, 422 for rules', async () => {
    const bad = await post('loan', { ...loan, vehiclePrice: -5, termMonths: 120, apr: 'six', extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['vehiclePrice', 'termMonths', 'apr']));
    const tooBig = await post('loan', { ...loan, vehiclePrice: 100_000_001 });
    expect(tooBig.json().errors[0]).toMatchObject({ field: 'vehiclePrice', code: 'too_big' });
    const rule = await post('loan', { ...loan, downPayment: 4_000_000 });
    expect(rule.statusCode).toBe(422);
    expect(rule.json()).toMatchObject({
      code: 'nothing_to_finance',
      errors: [{ field: 'downPayment', code: 'nothing_to_finance' }],
    });
    const apr = await post('loan', { ...loan, apr: '40' });
    expect(apr.statusCode).toBe(400);
    expect(apr.json().errors[0].field).toBe('apr');
  });
});

describe('POST /api/v1/calculators/lease', () => {
  it('gives the Regulation M figures and calls the rate a money factor, never an APR', async () => {
    const res = await post('lease', lease);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      leaseRate: { label: 'lease rate (money factor)', moneyFactor: '0.00250', source: 'money-factor' },
      grossCapCost: usd(4_039_500),
      adjustedCapCost: usd(3_739_500),
      residual: usd(2_436_000),
      depreciation: usd(1_303_500),
      rentCharge: usd(51_647 * 36 - 1_303_500),
      baseMonthlyPayment: usd(51_647),
      monthlyTax: usd(3_744),
      totalMonthlyPayment: usd(55_391),
      amountDueAtSigning: usd(400_391),
    });
    expect(res.body).not.toMatch(/apr/i);
  });

  it('converts a percent to a money factor and says so', async () => {
    const { moneyFactor: _, ...rest } = lease;
    const res = await post('lease', { ...rest, aprEquivalent: '6' });
    expect(res.json().leaseRate).toEqual({
      label: 'lease rate (money factor)',
      moneyFactor: '0.002500',
      source: 'converted-from-percent',
      enteredPercent: '6',
    });
    expect(res.json().baseMonthlyPayment).toEqual(usd(51_647));
  });

  it('rejects a residual above the price and a term out of range, with the field', async () => {
    const high = await post('lease', { ...lease, residualPercent: '96' });
    expect(high.statusCode).toBe(422);
    expect(high.json().errors).toEqual([
      { field: 'residualPercent', code: 'residual_above_price', message: expect.any(String) },
    ]);
    const term = await post('lease', { ...lease, term: 84 });
    expect(term.statusCode).toBe(400);
    expect(term.json().errors[0]).toMatchObject({ field: 'term', code: 'too_big' });
    const both = await post('lease', { ...lease, aprEquivalent: '6' });
    expect(both.json().errors[0]).toMatchObject({ field: 'moneyFactor', code: 'rate_required' });
  });
});

describe('POST /api/v1/calculators/buy-vs-lease', () => {
  it('compares both paths over the lease term with a series that ends at the totals', async () => {
    const res = await post('buy-vs-lease', {
      vehiclePrice: 3_950_000,
      msrp: 4_200_000,
      taxRate: '7.25',
      downPayment: 300_000,
      buyFees: 82_400,
      apr: '6.49',
      loanTermMonths: 60,
      capCostReduction: 300_000,
      residualPercent: '58',
      moneyFactor: '0.00250',
      leaseTermMonths: 36,
      acquisitionFee: 89_500,
      leaseFees: 45_000,
      dispositionFee: 39_500,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      horizonMonths: 36,
      valueAtHorizon: usd(2_436_000),
      buy: {
        paid: usd(3_239_139),
        equity: usd(833_010),
        netCost: usd(2_406_129),
        monthlyPayment: usd(71_399),
      },
      lease: { paid: usd(2_378_576), netCost: usd(2_378_576), monthlyPayment: usd(55_391) },
      difference: usd(27_553),
      savings: usd(27_553),
      cheaper: 'lease',
    });
    expect(body.series).toHaveLength(37);
    expect(body.series[36]).toMatchObject({ buyNetCost: usd(2_406_129), leasePaid: usd(2_378_576) });
  });

  it('maps finance fields back to the request names', async () => {
    const res = await post('buy-vs-lease', {
      vehiclePrice: 3_000_000,
      msrp: 3_200_000,
      downPayment: 3_000_000,
      apr: '5',
      loanTermMonths: 60,
      residualPercent: '50',
      moneyFactor: '0.002',
      leaseTermMonths: 36,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('downPayment');
  });
});

describe('POST /api/v1/calculators/affordability', () => {
  it('finds the highest price within the budget and hints at payment-to-income', async () => {
    const res = await post('affordability', {
      monthlyBudget: 55_000,
      downPayment: 300_000,
      termMonths: 60,
      apr: '6.49',
      taxRate: '7.25',
      fees: 82_400,
      monthlyIncome: 300_000,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      vehiclePrice: usd(2_824_499),
      amountFinanced: usd(2_811_675),
      monthlyPayment: usd(55_000),
      paymentToIncome: { percent: '18.3', band: 'high' },
    });
  });

  it('rejects a zero budget and a budget that cannot carry the fees', async () => {
    const zero = await post('affordability', { monthlyBudget: 0, termMonths: 60, apr: '5' });
    expect(zero.json().errors[0]).toMatchObject({ field: 'monthlyBudget', code: 'too_small' });
    const low = await post('affordability', { monthlyBudget: 100, termMonths: 12, apr: '5', fees: 500_000 });
    expect(low.statusCode).toBe(422);
    expect(low.json().errors[0]).toMatchObject({ field: 'monthlyBudget', code: 'budget_too_low' });
  });
});

describe('rate limit', () => {
  it('allows 60 a minute per IP, then 429 problem+json with Retry-After, counted in the database', async () => {
    const strict = await testApp({ seed: false, throttle: DEFAULT_THROTTLE_POLICY });
    try {
      const hit = (ip: string, payload: Record<string, unknown> = loan) =>
        strict.app.inject({ method: 'POST', url: '/api/v1/calculators/loan', payload, remoteAddress: ip });
      // Bad requests count too: the limit runs before validation.
      for (let i = 0; i < 30; i++) expect((await hit('203.0.113.9', { apr: 'x' })).statusCode).toBe(400);
      for (let i = 0; i < 30; i++) expect((await hit('203.0.113.9')).statusCode).toBe(200);
      const limited = await hit('203.0.113.9');
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toContain('application/problem+json');
      expect(limited.json().code).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // Another visitor is not affected; the window passes and the first is served again.
      expect((await hit('203.0.113.10')).statusCode).toBe(200);
      strict.setNow(new Date(strict.now().getTime() + 61_000));
      expect((await hit('203.0.113.9')).statusCode).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
