import { cents, type IsoDate } from '@marque/finance';
import { openContractLedgers } from '../modules/ledger/index.ts';
import type { Database } from '../platform/db/client.ts';
import { accountNumberFrom, newId } from '../platform/ids.ts';
import { type SeededContract, seededLease, seededLoan } from './contract-state.ts';
import { seededRandom, syntheticVin } from './random.ts';
import { enrolSyntheticAutopay } from './seed-synthetic-autopay.ts';

const MODELS = [
  { model: 'Vela', code: 'VL', msrp: 3_200_000 },
  { model: 'Arden', code: 'AR', msrp: 4_300_000 },
  { model: 'Brio', code: 'BR', msrp: 2_800_000 },
  { model: 'Terran', code: 'TR', msrp: 5_100_000 },
] as const;
const FIRST = [
  'Avery',
  'Blake',
  'Carmen',
  'Diego',
  'Elena',
  'Farah',
  'Grace',
  'Hugo',
  'Iris',
  'Jonah',
  'Kira',
  'Luis',
];
const LAST = [
  'Alvarez',
  'Bennett',
  'Cruz',
  'Dawson',
  'Evans',
  'Foster',
  'Garcia',
  'Hayes',
  'Ito',
  'Jensen',
  'Kim',
];
const TEMPLATE_COUNT = 240;

/**
 * Contract templates: the finance package computes every figure (payments, balances) for a
 * varied set of loans and leases; rows then reuse a template by sequence number, so synthetic
 * portfolios are exact and fast to build with set-based SQL.
 */
function buildTemplates(businessDate: IsoDate): (SeededContract & { k: number; model: number })[] {
  const random = seededRandom(42);
  const templates: (SeededContract & { k: number; model: number })[] = [];
  for (let k = 0; k < TEMPLATE_COUNT; k++) {
    const model = k % MODELS.length;
    const msrp = MODELS[model]?.msrp ?? 3_000_000;
    const isLease = k % 3 === 0;
    const missed = k % 25 === 0 ? 1 + (k % 4) : 0; // ~4% delinquent, 1-4 payments behind
    // Due days spread over the month as in a real portfolio (1-28), so each business day bills,
    // drafts and issues statements for about 1/28 of the book, not all of it on one day.
    const dueDay = 1 + ((k * 11) % 28);
    if (isLease) {
      const term = [24, 36, 39, 48][k % 4] ?? 36;
      const state = seededLease(
        {
          type: 'lease',
          vehicle: { model: 'Vela', trim: '', year: 2025, color: '', msrp: '0', odometer: 0 },
          dueDay,
          monthsAgo: 1 + Math.floor(random() * (term - 2)),
          grossCapCost: (msrp / 100 - 500 - Math.round(random() * 1500)).toFixed(2),
          capCostReduction: (500 + Math.round(random() * 3000)).toFixed(2),
          residualPercent: 50 + Math.floor(random() * 12),
          moneyFactor: (0.0012 + Math.round(random() * 20) * 0.0001).toFixed(5),
          termMonths: term,
          mileageAllowancePerYear: [10000, 12000, 15000][k % 3] ?? 12000,
          excessMileageRate: '0.25',
          missed,
        },
        cents(msrp),
        businessDate,
      );
      templates.push({ ...state, k, model });
    } else {
      const term = [36, 48, 60, 66, 72][k % 5] ?? 60;
      const state = seededLoan(
        {
          type: 'loan',
          vehicle: { model: 'Vela', trim: '', year: 2025, color: '', msrp: '0', odometer: 0 },
          dueDay,
          monthsAgo: 1 + Math.floor(random() * (term - 2)),
          amountFinanced: (msrp / 100 - 2000 - Math.round(random() * 8000)).toFixed(2),
          apr: (1.9 + Math.round(random() * 90) / 10).toFixed(2),
          termMonths: term,
          missed,
        },
        businessDate,
      );
      templates.push({ ...state, k, model });
    }
  }
  return templates;
}

/**
 * `marque seed --contracts N`: N synthetic customers, vehicles and contracts for benchmarks,
 * inserted in batches with set-based SQL (one statement per batch for all three tables), ~30 %
 * of them on autopay from a bank account (`enrolSyntheticAutopay`).
 */
export async function seedSyntheticContracts(
  database: Database,
  count: number,
  businessDate: IsoDate,
  onProgress: (done: number) => void = () => {},
): Promise<{ contracts: number }> {
  const dealer = await database.query<{ id: number }>('select id from dealers order by id limit 1');
  if (!dealer[0]) throw new Error('No dealer exists: run `marque seed --demo` first.');
  const existing = await database.query<{ n: number }>('select count(*)::int as n from contracts');
  const start = (existing[0]?.n ?? 0) + 1;
  const templates = buildTemplates(businessDate);

  await database.exec('drop table if exists seed_templates');
  await database.exec(`create temp table seed_templates (
    k int primary key, model int, type text, contract_date date, first_payment_date date, maturity_date date,
    term_months int, payment_cents bigint, amount_financed_cents bigint, apr numeric(7,4),
    gross_cap_cost_cents bigint, cap_cost_reduction_cents bigint, residual_cents bigint, money_factor numeric(8,6),
    mileage_allowance_per_year int, excess_mileage_rate_cents bigint, sales_tax_rate numeric(6,4),
    balance_cents bigint, past_due_cents bigint, days_past_due int, next_due_date date, payments_made int,
    interest_accrued_through date, paid_toward_installments_cents bigint)`);
  await database.query(
    `insert into seed_templates select * from jsonb_to_recordset($1::jsonb) as t(
      k int, model int, type text, contract_date date, first_payment_date date, maturity_date date,
      term_months int, payment_cents bigint, amount_financed_cents bigint, apr numeric, gross_cap_cost_cents bigint,
      cap_cost_reduction_cents bigint, residual_cents bigint, money_factor numeric, mileage_allowance_per_year int,
      excess_mileage_rate_cents bigint, sales_tax_rate numeric, balance_cents bigint, past_due_cents bigint,
      days_past_due int, next_due_date date, payments_made int, interest_accrued_through date,
      paid_toward_installments_cents bigint)`,
    [JSON.stringify(templates.map(toSnakeCase))],
  );

  const batchSize = 25_000;
  for (let offset = 0; offset < count; offset += batchSize) {
    const size = Math.min(batchSize, count - offset);
    const cus: string[] = [];
    const veh: string[] = [];
    const ctr: string[] = [];
    const acct: string[] = [];
    const vin: string[] = [];
    for (let i = 0; i < size; i++) {
      const seq = start + offset + i;
      cus.push(newId('cus'));
      veh.push(newId('veh'));
      ctr.push(newId('ctr'));
      acct.push(accountNumberFrom(5_000_000_000 + seq));
      const model = MODELS[(seq % TEMPLATE_COUNT) % MODELS.length] ?? MODELS[0];
      vin.push(syntheticVin(seq, model.code, 2022 + (seq % 4)));
    }
    const [first] = await database.query<{ id: number }>(
      'select coalesce(max(id), 0) + 1 as id from contracts',
    );
    await database.query(
      `with input as (
         select u.*, ($6::int + u.ord::int - 1) as seq
           from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
                with ordinality as u(cus_id, veh_id, ctr_id, acct, vin, ord)
       ),
       c as (
         insert into customers (public_id, first_name, last_name, address_line1, city, state, postal_code)
         select cus_id, ($7::text[])[1 + seq % cardinality($7::text[])], ($8::text[])[1 + (seq / 7) % cardinality($8::text[])],
                (100 + seq % 9000)::text || ' Synthetic Way', 'Riverside', 'CA', lpad((90000 + seq % 9999)::text, 5, '0')
           from input
         returning id, public_id
       ),
       v as (
         insert into vehicles (public_id, vin, year, make, model, trim, color, odometer, odometer_date, msrp_cents)
         select i.veh_id, i.vin, 2022 + i.seq % 4, 'Solenne', ($9::text[])[1 + t.model], 'Standard', 'Silver',
                (t.payments_made * 1100 + i.seq % 900), $10::date, ($11::bigint[])[1 + t.model]
           from input i join seed_templates t on t.k = i.seq % ${TEMPLATE_COUNT}
         returning id, public_id
       )
       insert into contracts (public_id, account_number, customer_id, vehicle_id, dealer_id, type, contract_date,
         first_payment_date, maturity_date, term_months, payment_cents, amount_financed_cents, apr, gross_cap_cost_cents,
         cap_cost_reduction_cents, residual_cents, money_factor, mileage_allowance_per_year, excess_mileage_rate_cents,
         sales_tax_rate, balance_cents, past_due_cents, days_past_due, next_due_date, payments_made,
         interest_accrued_through, paid_toward_installments_cents)
       select i.ctr_id, i.acct, c.id, v.id, $12, t.type, t.contract_date, t.first_payment_date, t.maturity_date,
              t.term_months, t.payment_cents, t.amount_financed_cents, t.apr, t.gross_cap_cost_cents,
              t.cap_cost_reduction_cents, t.residual_cents, t.money_factor, t.mileage_allowance_per_year,
              t.excess_mileage_rate_cents, t.sales_tax_rate, t.balance_cents, t.past_due_cents, t.days_past_due,
              t.next_due_date, t.payments_made, t.interest_accrued_through, t.paid_toward_installments_cents
         from input i
         join c on c.public_id = i.cus_id
         join v on v.public_id = i.veh_id
         join seed_templates t on t.k = i.seq % ${TEMPLATE_COUNT}`,
      [
        cus,
        veh,
        ctr,
        acct,
        vin,
        start + offset,
        FIRST,
        LAST,
        MODELS.map((m) => m.model),
        businessDate,
        MODELS.map((m) => m.msrp),
        dealer[0].id,
      ],
    );
    await openContractLedgers(database.db, businessDate, Number(first?.id ?? 0));
    await enrolSyntheticAutopay(database, Number(first?.id ?? 0), businessDate);
    onProgress(offset + size);
  }
  await database.exec('drop table if exists seed_templates');
  return { contracts: count };
}

function toSnakeCase(t: SeededContract & { k: number; model: number }): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(t).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]),
  );
}
