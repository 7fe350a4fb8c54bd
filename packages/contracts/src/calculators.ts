import { z } from 'zod';
import { Money } from './common.ts';

// Public calculators (no sign-in). Amounts in, as everywhere in the API, are integer cents;
// rates are decimal strings so they stay exact. The figures are estimates, not offers.

/** $1,000,000: far above any vehicle, low enough that sums stay exact. */
export const CALCULATOR_MAX_CENTS = 100_000_000;

const amount = (what: string) =>
  z
    .number()
    .int(`${what} must be in whole cents`)
    .min(0, `${what} cannot be negative`)
    .max(CALCULATOR_MAX_CENTS, `${what} is above $1,000,000`);
const positiveAmount = (what: string) => amount(what).positive(`${what} must be above zero`);

const percent = (what: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,3}(\.\d{1,4})?$/, `${what} must be a percent like 6.49`)
    .refine((s) => Number(s) <= max, { message: `${what} must be at most ${max} %`, params: { max } });

export const Apr = percent('APR', 36);
export const TaxRate = percent('Tax rate', 20);
export const MoneyFactor = z
  .string()
  .regex(/^0?\.\d{1,6}$/, 'Money factor must look like 0.00250')
  .refine((s) => Number(s) <= 0.01, { message: 'Money factor must be at most 0.01' });

export const SalesTaxBase = z
  .enum(['price-less-trade', 'price'])
  .describe('price-less-trade: tax on price minus trade-in (most states); price: on the full price');
export const LeaseTaxMethod = z
  .enum(['monthly', 'upfront-payments', 'upfront-price'])
  .describe(
    'monthly: on each payment; upfront-payments: on the sum of payments at signing; upfront-price: on the price at signing',
  );

export const LoanCalculatorRequest = z
  .strictObject({
    vehiclePrice: positiveAmount('Vehicle price'),
    downPayment: amount('Down payment').default(0),
    tradeInValue: amount('Trade-in value').default(0),
    tradeInPayoff: amount('Trade-in payoff').default(0),
    taxRate: TaxRate.default('0'),
    taxBase: SalesTaxBase.default('price-less-trade'),
    docFee: amount('Documentary fee').default(0),
    titleRegistrationFee: amount('Title and registration').default(0),
    apr: Apr,
    termMonths: z
      .number()
      .int()
      .min(12, 'Term must be 12 to 96 months')
      .max(96, 'Term must be 12 to 96 months'),
  })
  .meta({ id: 'LoanCalculatorRequest' });
export type LoanCalculatorRequest = z.input<typeof LoanCalculatorRequest>;

export const LoanBalancePoint = z.object({
  month: z.number().int(),
  balance: Money,
  principalPaid: Money,
  interestPaid: Money,
});

export const LoanCalculatorResult = z
  .object({
    vehiclePrice: Money,
    downPayment: Money,
    netTradeIn: Money.describe('Trade-in value minus payoff; negative equity is financed'),
    taxableAmount: Money,
    salesTax: Money,
    fees: Money,
    amountFinanced: Money,
    monthlyPayment: Money,
    finalPayment: Money,
    numberOfPayments: z.number().int(),
    financeCharge: Money,
    totalOfPayments: Money,
    totalSalePrice: Money,
    annualPercentageRate: z.string().describe('Disclosed APR (Regulation Z Appendix J), percent'),
    balances: z.array(LoanBalancePoint).describe('Balance after each payment, month 0 = start'),
  })
  .meta({ id: 'LoanCalculatorResult' });
export type LoanCalculatorResult = z.infer<typeof LoanCalculatorResult>;

export const LeaseCalculatorRequest = z
  .strictObject({
    msrp: positiveAmount('MSRP'),
    sellingPrice: positiveAmount('Selling price').describe(
      'Negotiated price (gross capitalized cost before fees)',
    ),
    capCostReduction: amount('Cap cost reduction').default(0),
    residualPercent: percent('Residual', 100).optional().describe('Residual as a percent of MSRP'),
    residual: positiveAmount('Residual').optional(),
    moneyFactor: MoneyFactor.optional(),
    aprEquivalent: percent('Rate', 36)
      .optional()
      .describe('A lease rate in percent; converted to a money factor (÷ 2400). Leases have no APR.'),
    term: z.number().int().min(12, 'Term must be 12 to 60 months').max(60, 'Term must be 12 to 60 months'),
    taxRate: TaxRate.default('0'),
    taxMethod: LeaseTaxMethod.default('monthly'),
    acquisitionFee: amount('Acquisition fee').default(0),
    capitalizeAcquisitionFee: z.boolean().default(true),
    upfrontFees: amount('Fees at signing')
      .default(0)
      .describe('Title, registration, doc fee paid at signing'),
    dispositionFee: amount('Disposition fee').default(0),
  })
  .meta({ id: 'LeaseCalculatorRequest' });
export type LeaseCalculatorRequest = z.input<typeof LeaseCalculatorRequest>;

export const LEASE_RATE_LABEL = 'lease rate (money factor)';

export const LeaseCalculatorResult = z
  .object({
    leaseRate: z.object({
      label: z.literal(LEASE_RATE_LABEL),
      moneyFactor: z.string(),
      source: z.enum(['money-factor', 'converted-from-percent']),
      enteredPercent: z.string().nullable().describe('The percent converted (÷ 2400), when one was entered'),
    }),
    grossCapCost: Money,
    capCostReduction: Money,
    adjustedCapCost: Money,
    residual: Money,
    depreciation: Money,
    rentCharge: Money,
    monthlyDepreciation: Money,
    monthlyRent: Money,
    baseMonthlyPayment: Money,
    monthlyTax: Money,
    upfrontTax: Money,
    totalMonthlyPayment: Money,
    amountDueAtSigning: Money,
    totalOfPayments: Money,
    term: z.number().int(),
  })
  .meta({ id: 'LeaseCalculatorResult' });
export type LeaseCalculatorResult = z.infer<typeof LeaseCalculatorResult>;

export const BuyVsLeaseCalculatorRequest = z
  .strictObject({
    vehiclePrice: positiveAmount('Vehicle price'),
    msrp: positiveAmount('MSRP'),
    taxRate: TaxRate.default('0'),
    downPayment: amount('Down payment').default(0).describe('Buying: cash down'),
    buyFees: amount('Fees').default(0).describe('Buying: doc, title and registration fees'),
    apr: Apr,
    loanTermMonths: z
      .number()
      .int()
      .min(12, 'Term must be 12 to 96 months')
      .max(96, 'Term must be 12 to 96 months'),
    capCostReduction: amount('Cap cost reduction').default(0).describe('Leasing: cash down'),
    residualPercent: percent('Residual', 100),
    moneyFactor: MoneyFactor,
    leaseTermMonths: z
      .number()
      .int()
      .min(12, 'Term must be 12 to 60 months')
      .max(60, 'Term must be 12 to 60 months'),
    acquisitionFee: amount('Acquisition fee').default(0),
    leaseFees: amount('Fees at signing').default(0),
    dispositionFee: amount('Disposition fee').default(0),
    valueAtHorizon: amount('Value at the end')
      .optional()
      .describe('Estimated vehicle value at the end; default the lease residual'),
  })
  .meta({ id: 'BuyVsLeaseCalculatorRequest' });
export type BuyVsLeaseCalculatorRequest = z.input<typeof BuyVsLeaseCalculatorRequest>;

const PathTotals = z.object({ paid: Money, equity: Money, netCost: Money, monthlyPayment: Money });

export const BuyVsLeaseCalculatorResult = z
  .object({
    horizonMonths: z.number().int(),
    valueAtHorizon: Money,
    buy: PathTotals.extend({ loanBalanceAtHorizon: Money }),
    lease: PathTotals,
    difference: Money.describe('Buying net cost − leasing net cost: positive means leasing costs less'),
    savings: Money.describe('How much less the cheaper path costs (the difference without its sign)'),
    cheaper: z.enum(['buy', 'lease', 'same']),
    series: z.array(
      z.object({
        month: z.number().int(),
        buyNetCost: Money,
        buyPaid: Money,
        buyEquity: Money,
        leasePaid: Money,
      }),
    ),
  })
  .meta({ id: 'BuyVsLeaseCalculatorResult' });
export type BuyVsLeaseCalculatorResult = z.infer<typeof BuyVsLeaseCalculatorResult>;

export const AffordabilityCalculatorRequest = z
  .strictObject({
    monthlyBudget: positiveAmount('Monthly budget'),
    downPayment: amount('Down payment').default(0),
    termMonths: z
      .number()
      .int()
      .min(12, 'Term must be 12 to 96 months')
      .max(96, 'Term must be 12 to 96 months'),
    apr: Apr,
    taxRate: TaxRate.default('0'),
    fees: amount('Fees').default(0),
    monthlyIncome: positiveAmount('Monthly income')
      .optional()
      .describe('Gross; only for the payment-to-income hint'),
  })
  .meta({ id: 'AffordabilityCalculatorRequest' });
export type AffordabilityCalculatorRequest = z.input<typeof AffordabilityCalculatorRequest>;

export const AffordabilityCalculatorResult = z
  .object({
    vehiclePrice: Money,
    salesTax: Money,
    fees: Money,
    downPayment: Money,
    amountFinanced: Money,
    monthlyPayment: Money,
    financeCharge: Money,
    totalOfPayments: Money,
    paymentToIncome: z
      .object({ percent: z.string(), band: z.enum(['comfortable', 'stretch', 'high']) })
      .nullable(),
  })
  .meta({ id: 'AffordabilityCalculatorResult' });
export type AffordabilityCalculatorResult = z.infer<typeof AffordabilityCalculatorResult>;
