// Public surface of @marque/finance. Everything money-related in Marque goes through here.

export { isValidAbaRouting } from './aba.ts';
export {
  DUE_DAY_MAX,
  DUE_DAY_MIN,
  type DueDateChangeCost,
  type DueDateChangeInput,
  dueDateChangeCost,
  type ExtensionCost,
  type ExtensionInput,
  extensionCost,
  type LoanPosition,
  MAX_DEFERRED_PAYMENTS,
  type PayoffPath,
  projectPayoff,
  type RequestCost,
} from './account-requests.ts';
export {
  type AffordabilityInput,
  type AffordabilityResult,
  affordability,
  type PaymentToIncomeBand,
} from './affordability.ts';
export {
  type Allocation,
  type AllocationBucket,
  type AllocationInput,
  allocatePayment,
  WATERFALLS,
  type WaterfallName,
} from './allocation.ts';
export {
  type AmortizationInput,
  type AmortizationSchedule,
  amortizationSchedule,
  type ScheduleRow,
} from './amortization.ts';
export {
  type AprInput,
  type AprResult,
  type DatedAmount,
  solveApr,
  solveUnitPeriodRate,
  type TimedAmount,
} from './apr/solve.ts';
export {
  aprWithinTolerance,
  IRREGULAR_TOLERANCE_PP,
  isIrregularTransaction,
  REGULAR_TOLERANCE_PP,
} from './apr/tolerance.ts';
export {
  detectUnitPeriod,
  type PaymentFrequency,
  type UnitPeriod,
  type UnitTime,
  unitPeriodOf,
  unitPeriodsPerYear,
  unitTime,
} from './apr/unit-period.ts';
export {
  addBusinessDays,
  federalReserveCalendar,
  federalReserveHolidays,
  type HolidayCalendar,
  isBusinessDay,
  isWeekend,
  nextBusinessDay,
  previousBusinessDay,
} from './business-days.ts';
export {
  type BuyPath,
  type BuyVsLeaseInput,
  type BuyVsLeaseResult,
  buyVsLease,
  type PathCost,
} from './buy-vs-lease.ts';
export {
  type BuyVsLeaseComparison,
  type BuyVsLeasePoint,
  buyVsLeaseComparison,
} from './buy-vs-lease-series.ts';
export {
  addDays,
  addMonths,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  type EndOfMonthRule,
  endOfMonth,
  type IsoDate,
  isLeapYear,
  isoDate,
} from './dates.ts';
export { type DayCountBasis, days30360, type YearFraction, yearFraction } from './daycount.ts';
export { type Decimal, decimalToNumber, formatDecimal, parseDecimal } from './decimal.ts';
export {
  groupPayments,
  type LoanDisclosure,
  type LoanDisclosureInput,
  loanDisclosure,
  type PaymentScheduleLine,
} from './disclosure.ts';
export { type DueStatus, type DueStatusInput, dueStatus } from './due-status.ts';
export { FinanceInputError } from './errors.ts';
export {
  type LateFeeInput,
  type LateFeeResult,
  type LateFeeRule,
  lateFee,
  lateFeeAmount,
  type NsfFeeInput,
  nsfFee,
} from './fees.ts';
export {
  type Accrual,
  type AccrualInput,
  accrueInterest,
  type DaysInterestInput,
  interestForDays,
  type PerDiem,
  type PerDiemInput,
  perDiem,
} from './interest.ts';
export { type LeaseInput, type LeaseResult, type LeaseTaxMethod, leasePayment } from './lease.ts';
export {
  type EarlyTermination,
  type EarlyTerminationInput,
  type ExcessMileage,
  type ExcessMileageInput,
  earlyTerminationEstimate,
  excessMileageCharge,
  leaseImplicitRate,
  type PurchaseOptionInput,
  purchaseOption,
} from './lease-end.ts';
export { type LeaseEndOptions, type LeaseEndOptionsInput, leaseEndOptions } from './lease-end-options.ts';
export {
  type MileagePoint,
  type MileageProjection,
  type MileageProjectionInput,
  mileageProjection,
  type OdometerReading,
} from './lease-mileage.ts';
export {
  type LeaseQuote,
  type LeaseQuoteInput,
  leaseQuote,
  leaseQuoteInput,
  MAX_LEASE_QUOTE_MONTHS,
  MIN_LEASE_QUOTE_MONTHS,
} from './lease-quote.ts';
export {
  WEAR_CHARGES,
  WEAR_ITEMS,
  type WearEstimate,
  type WearItem,
  type WearLine,
  wearEstimate,
} from './lease-wear.ts';
export { type LoanPaymentInput, loanPayment, MAX_TERM_MONTHS } from './loan-payment.ts';
export {
  addCents,
  type Cents,
  cents,
  formatMoney,
  maxCents,
  minCents,
  parseMoney,
  subCents,
  sumCents,
  ZERO,
} from './money.ts';
export { type PayoffInput, type PayoffQuote, payoffQuote } from './payoff.ts';
export { monthSpan, type PeriodSpan } from './periods.ts';
export {
  coverageExpired,
  type ProtectionRefund,
  type ProtectionRefundInput,
  type ProtectionRefundTerms,
  protectionRefund,
  type RefundBasis,
  type UnusedShare,
} from './protection-refund.ts';
export { aprEquivalentFromMoneyFactor, moneyFactorFromAprEquivalent, roundPercent } from './rates.ts';
export { divRound, divRoundBig, mulDivRound, type RoundingMode } from './rounding.ts';
export {
  accrueTo,
  assessFee,
  type Posting,
  postPayment,
  type SimpleInterestState,
  type SimpleInterestTerms,
} from './servicing.ts';
export {
  type LoanBalancePoint,
  MAX_VEHICLE_LOAN_MONTHS,
  type SalesTaxBase,
  type VehicleLoanEstimate,
  type VehicleLoanInput,
  vehicleLoanEstimate,
} from './vehicle-loan.ts';
export { type Projection, type WhatIfInput, type WhatIfResult, whatIf } from './what-if.ts';
