import { addMonths } from './dates.ts';
import { parseDecimal, pow10 } from './decimal.ts';
import { loanDisclosure } from './disclosure.ts';
import { FinanceInputError } from './errors.ts';
import { type Cents, cents } from './money.ts';
import { mulDivRound } from './rounding.ts';
import { requireAmount, requireInt } from './validate.ts';

/**
 * What sales tax is charged on when a vehicle is bought:
 * - `price-less-trade`: the price minus the trade-in allowance (most states give trade-in credit);
 * - `price`: the full price (e.g. California, Virginia, Michigan above a cap): no trade credit.
 */
export type SalesTaxBase = 'price' | 'price-less-trade';

/** Longest loan term a purchase estimate accepts, in months. */
export const MAX_VEHICLE_LOAN_MONTHS = 96;

/** Input of {@link vehicleLoanEstimate}; amounts in cents, rates percent strings. */
export interface VehicleLoanInput {
  readonly vehiclePrice: Cents;
  readonly downPayment?: Cents;
  readonly tradeInValue?: Cents;
  /** What is still owed on the trade-in; above its value the difference (negative equity) is financed. */
  readonly tradeInPayoff?: Cents;
  /** Sales tax rate in percent ("7.25"); default no tax. */
  readonly taxRate?: string;
  /** Default `price-less-trade`. */
  readonly taxBase?: SalesTaxBase;
  /** Dealer documentary fee, financed. */
  readonly docFee?: Cents;
  /** Title and registration, financed. */
  readonly titleRegistrationFee?: Cents;
  readonly apr: string;
  /** 1…96 monthly payments. */
  readonly termMonths: number;
}

/** A balance-over-time point: after payment `month` (0 = the day the loan starts). */
export interface LoanBalancePoint {
  readonly month: number;
  readonly balance: Cents;
  readonly principalPaid: Cents;
  readonly interestPaid: Cents;
}

/** The Truth in Lending figures of a vehicle purchase before signing, and how they were reached. */
export interface VehicleLoanEstimate {
  readonly vehiclePrice: Cents;
  readonly downPayment: Cents;
  /** Trade-in value − payoff: negative when more is owed than the car is worth. */
  readonly netTradeIn: Cents;
  readonly taxableAmount: Cents;
  readonly salesTax: Cents;
  readonly fees: Cents;
  readonly amountFinanced: Cents;
  readonly monthlyPayment: Cents;
  /** The last payment, which absorbs the rounding residue. */
  readonly finalPayment: Cents;
  readonly numberOfPayments: number;
  readonly financeCharge: Cents;
  readonly totalOfPayments: Cents;
  /** Total of payments + down payment + positive trade-in equity (what the car costs in all). */
  readonly totalSalePrice: Cents;
  /** Disclosed APR by Regulation Z Appendix J from the payment schedule, percent to 2 decimals. */
  readonly annualPercentageRate: string;
  readonly balances: LoanBalancePoint[];
}

/** A nominal start: every period is a regular month, so the figures do not depend on it. */
const NOMINAL_START = '2026-01-01';

function percentOf(amount: number, rate: string, field: string): number {
  const r = parseDecimal(rate, field);
  if (r.units / pow10(r.scale) > 100)
    throw new FinanceInputError('invalid_input', `${field} is above 100`, field);
  return mulDivRound(amount, r.units, 100 * pow10(r.scale), 'half-up');
}

/**
 * Amount financed, payment and disclosures for buying a vehicle on a retail installment
 * contract: price + sales tax + fees − down payment − net trade-in (negative equity adds).
 * Tax is half-up to the cent on the taxable base; the schedule is actuarial with regular
 * monthly periods, so the disclosed APR equals the contract rate.
 */
export function vehicleLoanEstimate(input: VehicleLoanInput): VehicleLoanEstimate {
  const price = requireAmount(input.vehiclePrice, 'vehiclePrice', true);
  const down = requireAmount(input.downPayment ?? 0, 'downPayment');
  const tradeValue = requireAmount(input.tradeInValue ?? 0, 'tradeInValue');
  const tradePayoff = requireAmount(input.tradeInPayoff ?? 0, 'tradeInPayoff');
  const docFee = requireAmount(input.docFee ?? 0, 'docFee');
  const titleFee = requireAmount(input.titleRegistrationFee ?? 0, 'titleRegistrationFee');
  const term = requireInt(input.termMonths, 'termMonths', 1, MAX_VEHICLE_LOAN_MONTHS);
  if (tradeValue > price) {
    throw new FinanceInputError(
      'trade_in_above_price',
      'tradeInValue must not exceed the price',
      'tradeInValue',
    );
  }
  const taxable = (input.taxBase ?? 'price-less-trade') === 'price-less-trade' ? price - tradeValue : price;
  const tax = percentOf(taxable, input.taxRate ?? '0', 'taxRate');
  const fees = docFee + titleFee;
  const netTrade = tradeValue - tradePayoff;
  const financed = price + tax + fees - down - netTrade;
  if (financed <= 0) {
    throw new FinanceInputError(
      'nothing_to_finance',
      'the down payment and trade-in cover the whole price: there is nothing to finance',
      'downPayment',
    );
  }
  const d = loanDisclosure({
    amountFinanced: cents(financed),
    apr: input.apr,
    termMonths: term,
    contractDate: NOMINAL_START,
    firstPaymentDate: addMonths(NOMINAL_START, 1),
  });
  const s = d.schedule;
  const balances: LoanBalancePoint[] = [
    { month: 0, balance: s.amountFinanced, principalPaid: cents(0), interestPaid: cents(0) },
  ];
  let principalPaid = 0;
  let interestPaid = 0;
  for (const r of s.rows) {
    principalPaid += r.principal;
    interestPaid += r.interest;
    balances.push({
      month: r.number,
      balance: r.balance,
      principalPaid: cents(principalPaid),
      interestPaid: cents(interestPaid),
    });
  }
  return {
    vehiclePrice: price,
    downPayment: down,
    netTradeIn: cents(netTrade),
    taxableAmount: cents(taxable),
    salesTax: cents(tax),
    fees: cents(fees),
    amountFinanced: s.amountFinanced,
    monthlyPayment: s.payment,
    finalPayment: s.finalPayment,
    numberOfPayments: s.rows.length,
    financeCharge: s.financeCharge,
    totalOfPayments: s.totalOfPayments,
    totalSalePrice: cents(s.totalOfPayments + down + Math.max(0, netTrade)),
    annualPercentageRate: d.annualPercentageRate,
    balances,
  };
}
