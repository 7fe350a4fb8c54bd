import { z } from 'zod';
import { IsoDate, Money } from './common.ts';

/** The Regulation M disclosure of a lease, rebuilt from the contract's stored terms. */
export const LeaseNumbers = z
  .object({
    accountId: z.string(),
    contractDate: IsoDate,
    firstPaymentDate: IsoDate,
    maturityDate: IsoDate,
    grossCapitalizedCost: Money,
    capitalizedCostReduction: Money,
    adjustedCapitalizedCost: Money,
    residualValue: Money,
    depreciation: Money.describe('Adjusted capitalized cost − residual value'),
    rentCharge: Money.describe('Total of base payments − depreciation'),
    monthlyDepreciation: Money,
    monthlyRentCharge: Money,
    baseMonthlyPayment: Money,
    monthlyTax: Money,
    totalMonthlyPayment: Money,
    salesTaxRate: z.string().describe('Percent'),
    numberOfPayments: z.number().int(),
    totalOfBasePayments: Money,
    amountDueAtSigning: Money,
    totalOfPayments: Money.describe('Reg M total of payments, the disposition fee included'),
    moneyFactor: z.string().describe('Lease rate (money factor); never an APR'),
    leaseRateEstimate: z
      .string()
      .describe('Money factor × 2400, percent: an estimate for comparison only, not an APR'),
    dispositionFee: Money,
    purchaseOptionFee: Money,
    mileageAllowancePerYear: z.number().int(),
    excessMileageRate: Money,
    paymentsMade: z.number().int(),
    paymentsRemaining: z.number().int(),
    matchesContract: z.boolean().describe('The rebuilt total monthly payment equals the one on the contract'),
  })
  .meta({ id: 'LeaseNumbers' });
export type LeaseNumbers = z.infer<typeof LeaseNumbers>;

export const MileageSource = z.enum(['customer', 'dealer_service']);
export type MileageSource = z.infer<typeof MileageSource>;

export const MileageReading = z
  .object({
    id: z.string(),
    date: IsoDate,
    odometer: z.number().int(),
    source: MileageSource,
    dealerName: z.string().nullable(),
  })
  .meta({ id: 'MileageReading' });
export type MileageReading = z.infer<typeof MileageReading>;

export const MileagePoint = z.object({
  date: IsoDate,
  allowance: z.number().int(),
  actual: z.number().int().nullable(),
  projected: z.number().int().nullable(),
});

export const LeaseMileage = z
  .object({
    accountId: z.string(),
    asOf: IsoDate,
    contractDate: IsoDate,
    maturityDate: IsoDate,
    deliveryOdometer: z.number().int(),
    readings: z.array(MileageReading).describe('Newest first'),
    lastOdometer: z.number().int(),
    lastReadingDate: IsoDate,
    milesDriven: z.number().int(),
    allowancePerYear: z.number().int(),
    allowanceToDate: z.number().int(),
    milesOverAllowance: z.number().int().describe('Positive: ahead of the allowance'),
    allowanceAtMaturity: z.number().int(),
    averageMilesPerMonth: z.number().int(),
    projectedMilesAtMaturity: z.number().int(),
    projectedOdometerAtMaturity: z.number().int(),
    projectedExcessMiles: z.number().int(),
    projectedExcessCharge: Money,
    excessMileageRate: Money,
    points: z.array(MileagePoint).describe('Miles driven since delivery, for the chart'),
  })
  .meta({ id: 'LeaseMileage' });
export type LeaseMileage = z.infer<typeof LeaseMileage>;

export const MileageEntry = z
  .object({
    odometer: z.number().int().min(0).max(999_999),
    date: IsoDate.optional().describe('Day of the reading; default today'),
  })
  .meta({ id: 'MileageEntry' });
export type MileageEntry = z.infer<typeof MileageEntry>;

export const WearItem = z.enum([
  'tire',
  'wheel',
  'windshield',
  'dent',
  'scratch',
  'interior',
  'light',
  'key',
]);
export type WearItem = z.infer<typeof WearItem>;

/** Counts per self-check item, e.g. { tire: 2, dent: 1 }. */
export const WearCounts = z.partialRecord(WearItem, z.number().int().min(0).max(20));
export type WearCounts = z.infer<typeof WearCounts>;

export const EndOfTermQuery = z.object({
  wear: z
    .string()
    .max(200)
    .regex(/^([a-z]+:\d{1,2})(,[a-z]+:\d{1,2})*$/, 'Expected item:count pairs, e.g. tire:2,dent:1')
    .optional()
    .describe('Self-check counts as item:count pairs'),
});

export const EndOfTermEstimate = z.object({ wear: WearCounts }).meta({ id: 'EndOfTermEstimate' });

export const WearLine = z.object({ item: WearItem, quantity: z.number().int(), unit: Money, amount: Money });

export const EndOfTermOptions = z
  .object({
    accountId: z.string(),
    asOf: IsoDate,
    maturityDate: IsoDate,
    daysToMaturity: z.number().int(),
    paymentsRemaining: z.number().int(),
    projectedExcessMiles: z.number().int(),
    wear: z.object({ lines: z.array(WearLine), total: Money }),
    wearGuide: z.array(z.object({ item: WearItem, unit: Money, max: z.number().int() })),
    return: z.object({ dispositionFee: Money, excessMileage: Money, wear: Money, total: Money }),
    buy: z.object({
      residual: Money,
      purchaseOptionFee: Money,
      purchaseOptionPrice: Money,
      tax: Money,
      salesTaxRate: z.string(),
      remainingBalance: Money.describe('Lease payments and fees still owed'),
      total: Money,
      financing: z.object({
        apr: z.string().describe('A demo rate for the estimate, not an offer'),
        termMonths: z.number().int(),
        monthlyPayment: Money,
      }),
    }),
    extend: z.object({ monthlyPayment: Money, maxMonths: z.number().int() }),
    newVehicle: z.object({
      dispositionFeeWaived: z.boolean(),
      dealerName: z.string(),
      dealerPhone: z.string(),
    }),
  })
  .meta({ id: 'EndOfTermOptions' });
export type EndOfTermOptions = z.infer<typeof EndOfTermOptions>;

export const InspectionWindow = z.enum(['morning', 'midday', 'afternoon']);

export const InspectionRequestInput = z
  .object({
    date: IsoDate,
    window: InspectionWindow,
    address: z.object({
      line1: z.string().trim().min(1).max(120),
      line2: z.string().trim().max(120).optional(),
      city: z.string().trim().min(1).max(80),
      state: z
        .string()
        .trim()
        .regex(/^[A-Z]{2}$/, 'Two-letter state'),
      postalCode: z
        .string()
        .trim()
        .regex(/^\d{5}(-\d{4})?$/, 'ZIP code'),
    }),
  })
  .meta({ id: 'NewInspectionRequest' });
export type InspectionRequestInput = z.infer<typeof InspectionRequestInput>;

export const InspectionRequest = z
  .object({
    id: z.string(),
    date: IsoDate,
    window: InspectionWindow,
    address: z.object({
      line1: z.string(),
      line2: z.string().nullable(),
      city: z.string(),
      state: z.string(),
      postalCode: z.string(),
    }),
    status: z.enum(['requested', 'scheduled', 'completed', 'cancelled']),
    createdAt: z.string(),
  })
  .meta({ id: 'InspectionRequest' });
export type InspectionRequest = z.infer<typeof InspectionRequest>;

export const InspectionList = z
  .object({ data: z.array(InspectionRequest), earliestDate: IsoDate, latestDate: IsoDate })
  .meta({ id: 'InspectionList' });
export type InspectionList = z.infer<typeof InspectionList>;

export const PurchaseQuoteQuery = z.object({
  date: IsoDate.optional().describe('Good-through date; default today, at most 30 days ahead'),
  format: z.enum(['json', 'pdf']).optional(),
  language: z.enum(['en', 'es']).optional(),
});

export const LeasePurchaseQuote = z
  .object({
    accountId: z.string(),
    quoteNumber: z.string(),
    quoteDate: IsoDate,
    goodThrough: IsoDate,
    residual: Money,
    purchaseOptionFee: Money,
    purchaseOptionPrice: Money,
    salesTaxRate: z.string(),
    tax: Money,
    remainingPayments: Money,
    fees: Money,
    total: Money,
  })
  .meta({ id: 'LeasePurchaseQuote' });
export type LeasePurchaseQuote = z.infer<typeof LeasePurchaseQuote>;
