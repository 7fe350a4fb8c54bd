import { describe, expect, it } from 'vitest';
import { calcCommand, runCalc } from './calc.ts';

function ok(kind: string, input: unknown): Record<string, unknown> {
  const r = runCalc(kind, JSON.stringify(input));
  expect(r.exitCode, r.output).toBe(0);
  return JSON.parse(r.output) as Record<string, unknown>;
}

function bad(kind: string, input: unknown): { code: string; field: string | null; message: string } {
  const r = runCalc(kind, typeof input === 'string' ? input : JSON.stringify(input));
  expect(r.exitCode).toBe(2);
  expect(r.output).not.toContain('\n');
  expect(r.output).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
  return (JSON.parse(r.output) as { error: { code: string; field: string | null; message: string } }).error;
}

const monthly = (n: number, first: string, amount: string) =>
  Array.from({ length: n }, (_, k) => {
    const [y, m, d] = first.split('-').map(Number) as [number, number, number];
    const total = y * 12 + (m - 1) + k;
    return {
      date: `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      amount,
    };
  });

const aprInput = {
  advances: [{ date: '2026-01-10', amount: '5000.00' }],
  payments: monthly(24, '2026-02-10', '230.00'),
};
const leaseInput = {
  grossCapCost: '22700.00',
  capCostReduction: '2700.00',
  residual: '8000.00',
  term: 48,
  moneyFactor: '0.00400',
};
const interestInput = { principal: '20000.00', apr: '5.00', days: 30, payment: '377.00' };
const loanInput = {
  amountFinanced: '25000.00',
  apr: '5.99',
  termMonths: 60,
  contractDate: '2026-01-15',
  firstPaymentDate: '2026-02-15',
};

describe('marque calc: the issue examples', () => {
  it('apr', () => {
    const out = ok('apr', aprInput);
    expect(out).toMatchObject({
      apr: '9.69',
      unitPeriod: 'month',
      unitPeriodsPerYear: 12,
      financeCharge: '520.00',
    });
  });

  it('lease', () => {
    expect(ok('lease', leaseInput)).toMatchObject({
      adjustedCapCost: '20000.00',
      depreciation: '12000.00',
      monthlyDepreciation: '250.00',
      rentCharge: '5376.00',
      monthlyRent: '112.00',
      baseMonthlyPayment: '362.00',
      aprEquivalent: '9.60',
    });
  });

  it('lease with the optional inputs (taxRate, fees, msrp + residualPercent)', () => {
    const out = ok('lease', {
      ...leaseInput,
      residual: undefined,
      msrp: '25000.00',
      residualPercent: '32',
      taxRate: '7.25',
      fees: '450.00',
    });
    expect(out).toMatchObject({
      residual: '8000.00',
      baseMonthlyPayment: '362.00',
      monthlyTax: '26.25',
      totalMonthlyPayment: '388.25',
      amountDueAtSigning: '3538.25',
    });
    expect(JSON.stringify(out)).not.toMatch(/"apr"/);
  });

  it('interest with and without a payment', () => {
    expect(ok('interest', interestInput)).toMatchObject({
      interest: '82.19',
      principal: '294.81',
      perDiem: '2.7397',
    });
    const only = ok('interest', { ...interestInput, payment: undefined });
    expect(only).toEqual({ interest: '82.19', perDiem: '2.7397', days: 30 });
  });

  it('loan', () => {
    const out = ok('loan', loanInput);
    expect(out).toMatchObject({
      payment: '483.20',
      finalPayment: '483.45',
      financeCharge: '3992.25',
      totalOfPayments: '28992.25',
      amountFinanced: '25000.00',
      apr: '5.99',
      numberOfPayments: 60,
    });
    const schedule = out.schedule as Array<Record<string, unknown>>;
    expect(schedule).toHaveLength(60);
    expect(schedule[0]).toEqual({
      number: 1,
      dueDate: '2026-02-15',
      payment: '483.20',
      interest: '124.79',
      principal: '358.41',
      balance: '24641.59',
    });
    expect(schedule[59]).toMatchObject({ dueDate: '2031-01-15', payment: '483.45', balance: '0.00' });
  });
});

describe('marque calc: bad input exits 2 with a one-line JSON error naming the field', () => {
  it('missing field', () => {
    expect(bad('lease', { ...leaseInput, moneyFactor: undefined })).toMatchObject({
      code: 'invalid_input',
      field: 'moneyFactor',
    });
    expect(bad('loan', { ...loanInput, apr: undefined })).toMatchObject({ field: 'apr' });
    expect(bad('apr', { payments: aprInput.payments })).toMatchObject({ field: 'advances' });
    expect(bad('lease', { ...leaseInput, residual: undefined })).toMatchObject({ field: 'residual' });
  });

  it('negative amount', () => {
    expect(bad('interest', { ...interestInput, principal: '-5.00' })).toMatchObject({ field: 'principal' });
    expect(bad('apr', { ...aprInput, advances: [{ date: '2026-01-10', amount: '-5000.00' }] })).toMatchObject(
      {
        field: 'advances[0].amount',
      },
    );
    expect(bad('loan', { ...loanInput, amountFinanced: '0.00' })).toMatchObject({ field: 'amountFinanced' });
  });

  it('bad money strings', () => {
    expect(bad('loan', { ...loanInput, amountFinanced: '25,000' })).toMatchObject({
      code: 'invalid_money',
      field: 'amountFinanced',
    });
    expect(bad('loan', { ...loanInput, amountFinanced: 25000 })).toMatchObject({ field: 'amountFinanced' });
  });

  it('term 0', () => {
    expect(bad('lease', { ...leaseInput, term: 0 })).toMatchObject({ code: 'invalid_input', field: 'term' });
    expect(bad('loan', { ...loanInput, termMonths: 0 })).toMatchObject({ field: 'termMonths' });
    expect(bad('lease', { ...leaseInput, term: 12.5 })).toMatchObject({ field: 'term' });
  });

  it('unparseable date', () => {
    expect(bad('loan', { ...loanInput, contractDate: '2026-02-30' })).toMatchObject({
      code: 'invalid_date',
      field: 'contractDate',
    });
    expect(bad('apr', { ...aprInput, payments: [{ date: 'soon', amount: '230.00' }] })).toMatchObject({
      code: 'invalid_date',
      field: 'payments[0].date',
    });
    expect(bad('loan', { ...loanInput, firstPaymentDate: '2026-01-15' })).toMatchObject({
      field: 'firstPaymentDate',
    });
  });

  it('non-convergent APR', () => {
    expect(bad('apr', { ...aprInput, payments: monthly(24, '2026-02-10', '100.00') })).toMatchObject({
      code: 'no_convergence',
      field: 'payments',
    });
    expect(
      bad('apr', {
        advances: [{ date: '2026-01-10', amount: '1.00' }],
        payments: [{ date: '2026-01-11', amount: '90000000000.00' }],
      }),
    ).toMatchObject({ code: 'no_convergence' });
  });

  it('not JSON, not an object, unknown kind', () => {
    expect(bad('apr', '{"advances": [')).toMatchObject({ code: 'invalid_json', field: null });
    expect(bad('apr', '[1,2]')).toMatchObject({ code: 'invalid_json' });
    expect(bad('mortgage', leaseInput)).toMatchObject({ code: 'unknown_kind', field: 'kind' });
  });
});

describe('calcCommand', () => {
  it('is a commander command named calc taking a kind', () => {
    const cmd = calcCommand();
    expect(cmd.name()).toBe('calc');
    expect(cmd.registeredArguments.map((a) => a.name())).toEqual(['kind']);
  });
});
