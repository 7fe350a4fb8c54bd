import { describe, expect, it } from 'vitest';
import { solveUnitPeriodRate, type TimedAmount } from '../src/apr/solve.ts';
import { addDays, addMonths, cents, type IsoDate, solveApr } from '../src/index.ts';

/*
 * The worked examples of Regulation Z, 12 CFR part 1026, Appendix J, paragraph (c)
 * ("Examples for the actuarial method"), (c)(1) through (c)(6).
 * Source: https://www.consumerfinance.gov/rules-policy/regulations/1026/j/ (the equations and
 * example tables are images in the printed CFR:
 * https://www.govinfo.gov/content/pkg/CFR-2024-title12-vol9/pdf/CFR-2024-title12-vol9-part1026-appJ.pdf).
 * Amounts, dates, unit-periods and published APRs were transcribed from the appendix and
 * cross-checked against two independent public transcriptions (an F# and a Python test suite
 * of Appendix J). The appendix states each APR to two decimals; the test is that our APR,
 * rounded half-up to two decimals, equals it.
 */

function series(first: IsoDate, count: number, amount: number, step: (d: IsoDate, k: number) => IsoDate) {
  return Array.from({ length: count }, (_, k) => ({ date: step(first, k), amount: cents(amount) }));
}
const monthly = (months: number) => (d: IsoDate, k: number) => addMonths(d, k * months);
const everyDays = (days: number) => (d: IsoDate, k: number) => addDays(d, k * days);
const semimonthly = (d: IsoDate, k: number) => {
  // 1st and 16th of each month, starting on the 1st.
  const month = addMonths(d, Math.floor(k / 2));
  return k % 2 === 0 ? month : addDays(month, 15);
};
const advance = (date: IsoDate, amount: number) => [{ date, amount: cents(amount) }];

describe('Regulation Z Appendix J (c): published examples', () => {
  const cases: Array<[string, Parameters<typeof solveApr>[0], string]> = [
    [
      '(c)(1)(i) monthly, regular first period: $5,000, 24 × $230, 1/10/78 → 2/10/78',
      { advances: advance('1978-01-10', 500000), payments: series('1978-02-10', 24, 23000, monthly(1)) },
      '9.69',
    ],
    [
      '(c)(1)(ii) monthly, long first period: $6,000, 36 × $200, 2/10/78 → 4/1/78 (f = 19/30)',
      { advances: advance('1978-02-10', 600000), payments: series('1978-04-01', 36, 20000, monthly(1)) },
      '11.82',
    ],
    [
      '(c)(1)(iii) semimonthly, short first period: $5,000, 24 × $219.17, 2/23/78 → 3/1/78 (f = 6/15)',
      { advances: advance('1978-02-23', 500000), payments: series('1978-03-01', 24, 21917, semimonthly) },
      '10.34',
    ],
    [
      '(c)(1)(iv) quarterly, long first period: $10,000, 40 × $385, 5/23/78 → 10/1/78 (f = 39/90)',
      { advances: advance('1978-05-23', 1000000), payments: series('1978-10-01', 40, 38500, monthly(3)) },
      '8.97',
    ],
    [
      '(c)(1)(v) weekly, long first period: $500, 30 × $17.60, 3/20/78 → 4/21/78 (t = 4, f = 4/7)',
      { advances: advance('1978-03-20', 50000), payments: series('1978-04-21', 30, 1760, everyDays(7)) },
      '14.96',
    ],
    [
      '(c)(2)(i) monthly, irregular first payment: $5,000, $250 then 23 × $230',
      {
        advances: advance('1978-01-10', 500000),
        payments: [
          { date: '1978-02-10', amount: cents(25000) },
          ...series('1978-03-10', 23, 23000, monthly(1)),
        ],
      },
      '10.08',
    ],
    [
      '(c)(2)(ii) every 4 weeks, long first period, irregular first payment: $400, $39.50 then 11 × $38.31',
      {
        advances: advance('1978-03-18', 40000),
        payments: [
          { date: '1978-04-20', amount: cents(3950) },
          ...series('1978-05-18', 11, 3831, everyDays(28)),
        ],
      },
      '28.50',
    ],
    [
      '(c)(3)(i) monthly, irregular final payment: $5,000, 23 × $230 then $280',
      {
        advances: advance('1978-01-10', 500000),
        payments: [
          ...series('1978-02-10', 23, 23000, monthly(1)),
          { date: '1980-01-10', amount: cents(28000) },
        ],
      },
      '10.50',
    ],
    [
      '(c)(3)(ii) every 2 weeks, short first period, irregular final payment: $200, 19 × $9.50 then $30',
      {
        advances: advance('1978-04-03', 20000),
        payments: [
          ...series('1978-04-11', 19, 950, everyDays(14)),
          { date: addDays('1978-04-11', 14 * 19), amount: cents(3000) },
        ],
      },
      '12.22',
    ],
    [
      '(c)(4)(i) monthly, irregular first and final payments: $5,000, $250, 22 × $230, $280',
      {
        advances: advance('1978-01-10', 500000),
        payments: [
          { date: '1978-02-10', amount: cents(25000) },
          ...series('1978-03-10', 22, 23000, monthly(1)),
          { date: '1980-01-10', amount: cents(28000) },
        ],
      },
      '10.90',
    ],
    [
      '(c)(4)(ii) every 2 months, short first period, irregular first and final: $8,000, $449.36, 18 × $465, $200',
      {
        advances: advance('1978-01-10', 800000),
        payments: [
          { date: '1978-03-01', amount: cents(44936) },
          ...series('1978-05-01', 18, 46500, monthly(2)),
          { date: '1981-05-01', amount: cents(20000) },
        ],
      },
      '7.30',
    ],
    [
      '(c)(5)(i) single advance, single payment, term 255 days: $1,000 → $1,080, 1/3/78 → 9/15/78',
      { advances: advance('1978-01-03', 100000), payments: advance('1978-09-15', 108000) },
      '11.45',
    ],
    // (c)(5)(ii)-(iv) state the term rather than dates; the dates below have exactly that term.
    [
      '(c)(5)(ii) single payment, term 6 months: $1,000 → $1,044 (2 unit-periods a year)',
      { advances: advance('1978-01-03', 100000), payments: advance('1978-07-03', 104400) },
      '8.80',
    ],
    [
      '(c)(5)(iii) single payment, term 18 months: $1,000 → $1,135.19 (t = 1, f = 6/12)',
      { advances: advance('1978-01-03', 100000), payments: advance('1979-07-03', 113519) },
      '8.76',
    ],
    [
      '(c)(5)(iv) single payment, term 2 years: $1,000 → $1,240',
      { advances: advance('1978-01-03', 100000), payments: advance('1980-01-03', 124000) },
      '11.36',
    ],
  ];

  it.each(cases)('%s', (_name, input, published) => {
    const r = solveApr(input);
    expect(r.apr).toBe(published);
  });

  // (c)(6) gives each payment's position directly in unit-periods (t full periods + fraction f)
  // rather than as a date series, so these go through the general-equation solver itself.
  const timed = (amount: number, count: number, t: number, f: number): TimedAmount[] =>
    Array.from({ length: count }, (_, k) => ({ amount, t: t + k, f }));

  it('(c)(6)(i) skipped payments, every 4 weeks (13 a year): $2,135 → 24 × $100 → 12.00', () => {
    const payments = [
      ...timed(10000, 9, 0, 26 / 28),
      ...timed(10000, 6, 10, 12 / 28),
      ...timed(10000, 6, 16, 26 / 28),
      ...timed(10000, 3, 23, 12 / 28),
    ];
    const { rate } = solveUnitPeriodRate([{ amount: 213500, t: 0, f: 0 }], payments);
    expect((rate * 13 * 100).toFixed(2)).toBe('12.00');
  });

  it('(c)(6)(ii) skipped and single payments, monthly: $7,350 → 10.22', () => {
    const payments = [
      ...timed(100000, 3, 6, 12 / 30),
      { amount: 200000, t: 12, f: 12 / 30 },
      ...timed(75000, 3, 18, 12 / 30),
      { amount: 100000, t: 22, f: 29 / 30 },
    ];
    const { rate } = solveUnitPeriodRate([{ amount: 735000, t: 0, f: 0 }], payments);
    expect((rate * 12 * 100).toFixed(2)).toBe('10.22');
  });
});

describe('solveApr precision', () => {
  // The root lies within ±0.00005 percentage point of the returned APR: the general equation's
  // residual changes sign across that interval (so the solver is better than 0.0001 point).
  const residual = (i: number, advance: number, payments: Array<{ amount: number; t: number; f: number }>) =>
    advance - payments.reduce((s, p) => s + p.amount / ((1 + p.f * i) * (1 + i) ** p.t), 0);

  // [example, amount, payments, advance date, fraction f of the first period]
  it.each([
    ['(c)(1)(i)', 500000, series('1978-02-10', 24, 23000, monthly(1)), '1978-01-10', 0],
    ['(c)(1)(ii)', 600000, series('1978-04-01', 36, 20000, monthly(1)), '1978-02-10', 19 / 30],
  ] as const)('%s', (_name, amount, payments, start, f) => {
    const r = solveApr({ advances: advance(start, amount), payments });
    const placed = payments.map((p, k) => ({ amount: p.amount, t: k + 1, f }));
    const below = (r.aprValue - 0.00005) / 1200;
    const above = (r.aprValue + 0.00005) / 1200;
    expect(residual(below, amount, placed)).toBeLessThan(0);
    expect(residual(above, amount, placed)).toBeGreaterThan(0);
  });
});

describe('solveApr', () => {
  it('reproduces the marque calc example: $5,000, 24 × $230 monthly from 2026-02-10', () => {
    const r = solveApr({
      advances: advance('2026-01-10', 500000),
      payments: series('2026-02-10', 24, 23000, monthly(1)),
    });
    expect(r.apr).toBe('9.69');
    expect(r.unitPeriod).toEqual({ kind: 'month', count: 1 });
    expect(r.unitPeriodsPerYear).toBe(12);
  });

  it('handles multiple advances', () => {
    // Two draws, one month apart, repaid monthly: the APR must sit between sensible bounds and
    // match the single-advance rate when the second draw is moved to day 0.
    const payments = series('2026-03-01', 12, 18000, monthly(1));
    const split = solveApr({
      advances: [
        { date: '2026-01-01', amount: cents(100000) },
        { date: '2026-02-01', amount: cents(100000) },
      ],
      payments,
    });
    const single = solveApr({ advances: advance('2026-01-01', 200000), payments });
    expect(split.aprValue).toBeGreaterThan(single.aprValue);
  });

  it('converges on a tiny rate, below what 1 + i resolves relatively (0.01 %, 84 months)', () => {
    // $1,000.04 at 0.01 %: 34 cents of finance charge. Newton used to creep by float noise here.
    const r = solveApr({
      advances: advance('2026-01-02', 100004),
      payments: [...series('2026-02-15', 83, 1191, monthly(1)), { date: '2033-01-15', amount: cents(1185) }],
    });
    expect(r.apr).toBe('0.01');
    expect(r.iterations).toBeLessThan(10);
  });

  it('places month-end due dates whole months apart along the schedule day', () => {
    // Due on the 31st, so on Feb 28 and Apr 30 too: every payment is 18 days + whole months in.
    const payments = series('2026-12-31', 6, 17934, (d, k) => addMonths(d, k));
    expect(payments.map((p) => p.date).slice(1, 5)).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
    ]);
    const r = solveApr({ advances: advance('2026-12-13', 100000), payments });
    expect(r.apr).toBe('29.01');
  });

  it('returns 0 when payments equal advances and errors when no rate can balance', () => {
    expect(
      solveApr({ advances: advance('2026-01-01', 1200), payments: series('2026-02-01', 12, 100, monthly(1)) })
        .apr,
    ).toBe('0.00');
    expect(() =>
      solveApr({ advances: advance('2026-01-01', 1200), payments: series('2026-02-01', 12, 90, monthly(1)) }),
    ).toThrow(expect.objectContaining({ code: 'no_convergence' }));
    expect(() =>
      solveApr({ advances: advance('2026-01-01', 100), payments: advance('2026-01-02', 9_000_000_000_000) }),
    ).toThrow(expect.objectContaining({ code: 'no_convergence' }));
  });
});
