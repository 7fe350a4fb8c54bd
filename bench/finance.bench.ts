/**
 * Finance engine benchmark: `node --import tsx bench/finance.bench.ts`.
 *
 * Measures @marque/finance against @formulajs/formulajs (the spreadsheet functions PMT, IPMT,
 * PPMT and RATE) on the same inputs, in the same run, and prints median µs/op and ratios.
 * Targets (docs/BENCHMARKS.md): a 72-month schedule ≤ 10 µs, an APR solve ≤ 20 µs.
 * Timing: warm-up, then many samples of many iterations; the median sample is reported.
 */
import {
  addMonths,
  amortizationSchedule,
  cents,
  type DatedAmount,
  loanPayment,
  solveApr,
  solveUnitPeriodRate,
  type TimedAmount,
} from '@marque/finance';

interface Formulajs {
  PMT(rate: number, nper: number, pv: number, fv?: number, type?: number): number;
  IPMT(rate: number, per: number, nper: number, pv: number, fv?: number, type?: number): number;
  PPMT(rate: number, per: number, nper: number, pv: number, fv?: number, type?: number): number;
  RATE(nper: number, pmt: number, pv: number, fv?: number, type?: number, guess?: number): number;
}

// Loaded dynamically so the finance package itself never depends on it.
const formulajs = (await import('@formulajs/formulajs')) as unknown as Formulajs;

let sink = 0; // keeps results alive so the JIT cannot drop the work

function measure(name: string, fn: () => number, iterations = 2_000, samples = 41): number {
  for (let k = 0; k < iterations * 5; k++) sink += fn(); // warm-up: let the JIT optimise
  const perOp: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < iterations; k++) sink += fn();
    perOp.push(Number(process.hrtime.bigint() - t0) / 1000 / iterations);
  }
  perOp.sort((a, b) => a - b);
  const median = perOp[Math.floor(samples / 2)] as number;
  process.stdout.write(`  ${name.padEnd(58)} ${median.toFixed(3).padStart(9)} µs/op\n`);
  return median;
}

function ratio(label: string, ours: number, theirs: number): string {
  const r = theirs / ours;
  return `  ${label.padEnd(58)} ${r.toFixed(2).padStart(9)}× ${r >= 1 ? 'faster' : 'slower'}`;
}

// Same inputs for both sides.
const amount = 2_500_000; // $25,000.00
const apr = '5.99';
const term = 72;
const monthlyRate = 5.99 / 1200;

// 1. Level payment.
process.stdout.write('\nLevel payment ($25,000, 5.99 %, 72 months)\n');
const ourPmt = measure('@marque/finance loanPayment (exact, cents)', () =>
  loanPayment({ amountFinanced: cents(amount), apr, termMonths: term }),
);
const fjPmt = measure('formulajs PMT (float dollars)', () => formulajs.PMT(monthlyRate, term, -25_000));

// 2. A 72-month schedule.
process.stdout.write('\n72-month amortization schedule\n');
const ourSchedule = measure('@marque/finance amortizationSchedule (dates, cents)', () => {
  const s = amortizationSchedule({
    amountFinanced: cents(amount),
    apr,
    termMonths: term,
    contractDate: '2026-01-15',
    firstPaymentDate: '2026-02-15',
  });
  return s.rows.length;
});
const fjSchedule = measure(
  'formulajs PMT + IPMT/PPMT per row (float, no dates)',
  () => {
    const pmt = formulajs.PMT(monthlyRate, term, -25_000);
    let total = pmt;
    for (let per = 1; per <= term; per++) {
      total +=
        formulajs.IPMT(monthlyRate, per, term, -25_000) + formulajs.PPMT(monthlyRate, per, term, -25_000);
    }
    return total;
  },
  200,
);
const naiveSchedule = measure('hand-written float loop (no dates, no exact rounding)', () => {
  const pmt = Math.round(formulajs.PMT(monthlyRate, term, -25_000) * 100) / 100;
  let balance = 25_000;
  let total = 0;
  for (let per = 1; per <= term; per++) {
    const interest = Math.round(balance * monthlyRate * 100) / 100;
    balance -= pmt - interest;
    total += interest;
  }
  return total;
});

// 3. APR: $5,000 repaid by 24 × $230 monthly (Regulation Z Appendix J (c)(1)(i)).
process.stdout.write('\nAPR solve ($5,000, 24 × $230 monthly)\n');
const advances: DatedAmount[] = [{ date: '2026-01-10', amount: cents(500_000) }];
const payments: DatedAmount[] = Array.from({ length: 24 }, (_, k) => ({
  date: addMonths('2026-02-10', k),
  amount: cents(23_000),
}));
const ourApr = measure('@marque/finance solveApr (Appendix J, from dates)', () => {
  return solveApr({ advances, payments }).aprValue;
});
const timedAdvances: TimedAmount[] = [{ amount: 500_000, t: 0, f: 0 }];
const timedPayments: TimedAmount[] = payments.map((p, k) => ({ amount: p.amount, t: k + 1, f: 0 }));
const ourRate = measure('@marque/finance solveUnitPeriodRate (flows pre-placed)', () => {
  return solveUnitPeriodRate(timedAdvances, timedPayments).rate;
});
const fjRate = measure('formulajs RATE (float)', () => formulajs.RATE(24, -230, 5000) * 12 * 100);

// Exactness: formulajs PMT rounded to cents against the exact payment on many inputs.
let disagree = 0;
let checked = 0;
for (let dollars = 5_000; dollars <= 80_000; dollars += 137) {
  for (const bp of [0, 199, 349, 499, 599, 749, 999, 1499, 2199]) {
    for (const n of [24, 36, 48, 60, 72, 84]) {
      checked += 1;
      const ours = loanPayment({
        amountFinanced: cents(dollars * 100),
        apr: (bp / 100).toFixed(2),
        termMonths: n,
      });
      const theirs = bp === 0 ? dollars / n : formulajs.PMT(bp / 120_000, n, -dollars);
      if (Math.round(theirs * 100) !== ours) disagree += 1;
    }
  }
}
const aprCheck = solveApr({ advances, payments }).apr;
const fjAprCheck = (formulajs.RATE(24, -230, 5000) * 1200).toFixed(2);

process.stdout.write('\nRatios (formulajs time ÷ @marque/finance time; > 1 means ours is faster)\n');
process.stdout.write(`${ratio('payment: loanPayment vs PMT', ourPmt, fjPmt)}\n`);
process.stdout.write(
  `${ratio('schedule: amortizationSchedule vs PMT+IPMT+PPMT', ourSchedule, fjSchedule)}\n`,
);
process.stdout.write(
  `${ratio('schedule: amortizationSchedule vs naive float loop', ourSchedule, naiveSchedule)}\n`,
);
process.stdout.write(`${ratio('APR: solveApr (with date handling) vs RATE', ourApr, fjRate)}\n`);
process.stdout.write(`${ratio('APR: solveUnitPeriodRate vs RATE', ourRate, fjRate)}\n`);
process.stdout.write('\nTargets\n');
process.stdout.write(
  `  72-month schedule ≤ 10 µs: ${ourSchedule.toFixed(3)} µs ${ourSchedule <= 10 ? 'OK' : 'MISSED'}\n`,
);
process.stdout.write(
  `  APR solve ≤ 20 µs:         ${ourApr.toFixed(3)} µs ${ourApr <= 20 ? 'OK' : 'MISSED'}\n`,
);
process.stdout.write('\nExactness\n');
process.stdout.write(
  `  PMT rounded to cents differs from the exact payment on ${disagree} of ${checked} inputs\n`,
);
process.stdout.write(`  APR of the example: ours ${aprCheck}, formulajs RATE ${fjAprCheck}\n`);
process.stdout.write(`\n(checksum ${sink.toExponential(3)})\n`);
