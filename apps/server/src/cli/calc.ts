import {
  amortizationSchedule,
  type Cents,
  cents,
  FinanceInputError,
  formatMoney,
  interestForDays,
  isoDate,
  type LeaseInput,
  leasePayment,
  parseDecimal,
  parseMoney,
  solveApr,
  sumCents,
  type UnitPeriod,
} from '@marque/finance';
import { Command } from 'commander';

/**
 * `marque calc <kind>`: JSON in on stdin, one JSON object out on stdout. Dollar amounts are
 * decimal strings ("1234.56"), rates percent strings ("5.99").
 *
 * Errors: bad input exits 2 and prints ONE line of JSON on stdout (the same stream as results,
 * so a pipe always gets JSON): `{"error":{"code":"invalid_input","field":"term","message":"…"}}`.
 * Codes: `invalid_json`, `invalid_input`, `invalid_money`, `invalid_date`, `no_convergence`,
 * `unknown_kind`. An unexpected failure exits 1 with `internal_error`; never a stack trace.
 */
export const CALC_KINDS = ['apr', 'lease', 'interest', 'loan'] as const;

type Json = Record<string, unknown>;

/** Bad input found by the CLI's own checks; carries the field path like FinanceInputError. */
class InputError extends Error {
  constructor(
    readonly code: string,
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function present(obj: Json, field: string, path: string): unknown {
  const v = obj[field];
  if (v === undefined || v === null) throw new InputError('invalid_input', path, `${path} is required`);
  return v;
}

function str(obj: Json, field: string, path = field): string {
  const v = present(obj, field, path);
  if (typeof v !== 'string') throw new InputError('invalid_input', path, `${path} must be a string`);
  return v;
}

/** A non-negative dollar string ("1234.56") as cents; `positive` also rejects zero. */
function money(obj: Json, field: string, path = field, positive = false): Cents {
  const s = str(obj, field, path);
  let c: Cents;
  try {
    c = parseMoney(s);
  } catch {
    throw new InputError('invalid_money', path, `${path} must be a dollar amount like "1234.56"`);
  }
  if (c < 0 || (positive && c === 0)) {
    throw new InputError(
      'invalid_input',
      path,
      `${path} must be ${positive ? 'greater than zero' : 'zero or more'}`,
    );
  }
  return c;
}

function optMoney(obj: Json, field: string): Cents | undefined {
  return obj[field] === undefined ? undefined : money(obj, field);
}

/** A non-negative decimal string (rates); validated here so the error names the field. */
function rate(obj: Json, field: string, path = field): string {
  const s = str(obj, field, path);
  try {
    parseDecimal(s, path);
  } catch {
    throw new InputError('invalid_input', path, `${path} must be a non-negative decimal string like "5.99"`);
  }
  return s;
}

function int(obj: Json, field: string, min: number, max: number): number {
  const v = present(obj, field, field);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new InputError('invalid_input', field, `${field} must be a whole number from ${min} to ${max}`);
  }
  return v;
}

function date(obj: Json, field: string, path = field): string {
  const s = str(obj, field, path);
  try {
    return isoDate(s, path);
  } catch {
    throw new InputError('invalid_date', path, `${path} must be a date YYYY-MM-DD`);
  }
}

function flows(obj: Json, field: string): Array<{ date: string; amount: Cents }> {
  const list = present(obj, field, field);
  if (!Array.isArray(list) || list.length === 0) {
    throw new InputError('invalid_input', field, `${field} must be a non-empty array`);
  }
  return list.map((item: unknown, k) => {
    const path = `${field}[${k}]`;
    if (!isObject(item)) throw new InputError('invalid_input', path, `${path} must be an object`);
    return {
      date: date(item, 'date', `${path}.date`),
      amount: money(item, 'amount', `${path}.amount`, true),
    };
  });
}

function describeUnit(u: UnitPeriod): string {
  if (u.kind === 'week' || u.kind === 'month') return u.count === 1 ? u.kind : `${u.count} ${u.kind}s`;
  if (u.kind === 'term') return u.months !== null ? `term of ${u.months} months` : `term of ${u.days} days`;
  return u.kind;
}

function calcApr(input: Json): Json {
  const advances = flows(input, 'advances');
  const payments = flows(input, 'payments');
  const termStart = input.termStart === undefined ? undefined : date(input, 'termStart');
  const r = solveApr({ advances, payments, ...(termStart === undefined ? {} : { termStart }) });
  const amountFinanced = sumCents(advances.map((a) => a.amount));
  const totalOfPayments = sumCents(payments.map((p) => p.amount));
  return {
    apr: r.apr,
    aprPrecise: r.aprPrecise,
    unitPeriod: describeUnit(r.unitPeriod),
    unitPeriodsPerYear: Number(r.unitPeriodsPerYear.toFixed(6)),
    amountFinanced: formatMoney(amountFinanced),
    totalOfPayments: formatMoney(totalOfPayments),
    financeCharge: formatMoney(cents(totalOfPayments - amountFinanced)),
  };
}

function calcLease(input: Json): Json {
  const taxMethod = input.taxMethod === undefined ? undefined : str(input, 'taxMethod');
  if (taxMethod !== undefined && !['monthly', 'upfront-payments', 'upfront-price'].includes(taxMethod)) {
    throw new InputError(
      'invalid_input',
      'taxMethod',
      'taxMethod must be monthly, upfront-payments or upfront-price',
    );
  }
  const lease: LeaseInput = {
    grossCapCost: money(input, 'grossCapCost', 'grossCapCost', true),
    capCostReduction: input.capCostReduction === undefined ? cents(0) : money(input, 'capCostReduction'),
    term: int(input, 'term', 1, 120),
    moneyFactor: rate(input, 'moneyFactor'),
    ...(input.residual === undefined ? {} : { residual: money(input, 'residual') }),
    ...(input.msrp === undefined ? {} : { msrp: money(input, 'msrp', 'msrp', true) }),
    ...(input.residualPercent === undefined ? {} : { residualPercent: rate(input, 'residualPercent') }),
    ...(input.taxRate === undefined ? {} : { taxRate: rate(input, 'taxRate') }),
    ...(taxMethod === undefined ? {} : { taxMethod: taxMethod as LeaseInput['taxMethod'] }),
    ...(input.fees === undefined ? {} : { fees: optMoney(input, 'fees') }),
    ...(input.securityDeposit === undefined ? {} : { securityDeposit: optMoney(input, 'securityDeposit') }),
    ...(input.dispositionFee === undefined ? {} : { dispositionFee: optMoney(input, 'dispositionFee') }),
    ...(input.purchaseOptionFee === undefined
      ? {}
      : { purchaseOptionFee: optMoney(input, 'purchaseOptionFee') }),
  };
  if (lease.residual === undefined && (lease.msrp === undefined || lease.residualPercent === undefined)) {
    throw new InputError('invalid_input', 'residual', 'residual is required (or msrp and residualPercent)');
  }
  const r = leasePayment(lease);
  return {
    grossCapCost: formatMoney(r.grossCapCost),
    capCostReduction: formatMoney(r.capCostReduction),
    adjustedCapCost: formatMoney(r.adjustedCapCost),
    residual: formatMoney(r.residual),
    depreciation: formatMoney(r.depreciation),
    monthlyDepreciation: formatMoney(r.monthlyDepreciation),
    rentCharge: formatMoney(r.rentCharge),
    monthlyRent: formatMoney(r.monthlyRent),
    baseMonthlyPayment: formatMoney(r.baseMonthlyPayment),
    monthlyTax: formatMoney(r.monthlyTax),
    totalMonthlyPayment: formatMoney(r.totalMonthlyPayment),
    totalOfBasePayments: formatMoney(r.totalOfBasePayments),
    upfrontTax: formatMoney(r.upfrontTax),
    amountDueAtSigning: formatMoney(r.amountDueAtSigning),
    totalOfPayments: formatMoney(r.totalOfPayments),
    purchaseOptionPrice: formatMoney(r.purchaseOptionPrice),
    term: r.term,
    moneyFactor: r.moneyFactor,
    aprEquivalent: r.aprEquivalent,
    aprEquivalentNote: 'lease rate equivalent (money factor × 2400), not an APR',
  };
}

function calcInterest(input: Json): Json {
  const principal = money(input, 'principal');
  const apr = rate(input, 'apr');
  const days = int(input, 'days', 0, 36_600);
  const daysInYear = input.daysInYear === undefined ? 365 : int(input, 'daysInYear', 360, 366);
  if (daysInYear !== 365 && daysInYear !== 366 && daysInYear !== 360) {
    throw new InputError('invalid_input', 'daysInYear', 'daysInYear must be 360, 365 or 366');
  }
  const r = interestForDays({ principal, apr, days, daysInYear });
  const out: Json = { interest: formatMoney(r.interest), perDiem: r.perDiem.amount, days };
  if (input.payment !== undefined) {
    const payment = money(input, 'payment');
    const toInterest = Math.min(payment, r.interest);
    out.principal = formatMoney(cents(payment - toInterest));
    out.interestPaid = formatMoney(cents(toInterest));
    out.unpaidInterest = formatMoney(cents(r.interest - toInterest));
    out.principalBalance = formatMoney(cents(Math.max(0, principal - (payment - toInterest))));
  }
  return out;
}

function calcLoan(input: Json): Json {
  const s = amortizationSchedule({
    amountFinanced: money(input, 'amountFinanced', 'amountFinanced', true),
    apr: rate(input, 'apr'),
    termMonths: int(input, 'termMonths', 1, 600),
    contractDate: date(input, 'contractDate'),
    firstPaymentDate: date(input, 'firstPaymentDate'),
    ...(input.payment === undefined ? {} : { payment: money(input, 'payment', 'payment', true) }),
  });
  const disclosed = solveApr({
    advances: [{ date: str(input, 'contractDate'), amount: s.amountFinanced }],
    payments: s.rows.map((r) => ({ date: r.dueDate, amount: r.payment })),
  });
  return {
    payment: formatMoney(s.payment),
    finalPayment: formatMoney(s.finalPayment),
    numberOfPayments: s.rows.length,
    amountFinanced: formatMoney(s.amountFinanced),
    financeCharge: formatMoney(s.financeCharge),
    totalOfPayments: formatMoney(s.totalOfPayments),
    apr: disclosed.apr,
    schedule: s.rows.map((r) => ({
      number: r.number,
      dueDate: r.dueDate,
      payment: formatMoney(r.payment),
      interest: formatMoney(r.interest),
      principal: formatMoney(r.principal),
      balance: formatMoney(r.balance),
    })),
  };
}

const HANDLERS: Record<(typeof CALC_KINDS)[number], (input: Json) => Json> = {
  apr: calcApr,
  lease: calcLease,
  interest: calcInterest,
  loan: calcLoan,
};

function errorLine(code: string, field: string | null, message: string): string {
  return JSON.stringify({ error: { code, field, message } });
}

/**
 * Runs one calculation on a JSON text. Pure (no I/O): the command prints `output` and exits
 * with `exitCode` (0 ok, 2 bad input, 1 unexpected failure).
 */
export function runCalc(kind: string, input: string): { exitCode: number; output: string } {
  const handler = (HANDLERS as Record<string, ((input: Json) => Json) | undefined>)[kind];
  if (handler === undefined) {
    return {
      exitCode: 2,
      output: errorLine('unknown_kind', 'kind', `kind must be one of: ${CALC_KINDS.join(', ')}`),
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(input);
  } catch {
    return { exitCode: 2, output: errorLine('invalid_json', null, 'stdin must be one JSON object') };
  }
  if (!isObject(parsed))
    return { exitCode: 2, output: errorLine('invalid_json', null, 'stdin must be one JSON object') };
  try {
    return { exitCode: 0, output: JSON.stringify(handler(parsed)) };
  } catch (e) {
    if (e instanceof InputError) return { exitCode: 2, output: errorLine(e.code, e.field, e.message) };
    if (e instanceof FinanceInputError)
      return { exitCode: 2, output: errorLine(e.code, e.field ?? null, e.message) };
    const message = e instanceof Error ? e.message : String(e);
    return {
      exitCode: 1,
      output: errorLine('internal_error', null, message.split('\n')[0] ?? 'unexpected error'),
    };
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** `marque calc <kind>`; register with `program.addCommand(calcCommand())`. */
export function calcCommand(): Command {
  return new Command('calc')
    .description(
      'Finance calculators: JSON on stdin, JSON on stdout. Bad input exits 2 with one JSON line ' +
        '{"error":{"code","field","message"}} on stdout.',
    )
    .argument('<kind>', `one of: ${CALC_KINDS.join(', ')}`)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  echo \'{"principal":"20000.00","apr":"5.00","days":30}\' | marque calc interest\n' +
        '  marque calc apr < apr.json\n',
    )
    .action(async (kind: string) => {
      if (process.stdin.isTTY) {
        process.stdout.write(`${errorLine('invalid_json', null, 'pipe a JSON object on stdin')}\n`);
        process.exitCode = 2;
        return;
      }
      const { exitCode, output } = runCalc(kind, await readStdin());
      process.stdout.write(`${output}\n`);
      process.exitCode = exitCode;
    });
}
