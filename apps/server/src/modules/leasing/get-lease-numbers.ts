import type { LeaseNumbers } from '@marque/contracts';
import { cents, leasePayment } from '@marque/finance';
import { type LeaseContract, usd } from './lease-terms.ts';

/**
 * The contract's Regulation M disclosure, recomputed by @marque/finance from the stored terms
 * (the same function that priced it), with a check that it reproduces the contract payment.
 */
export function getLeaseNumbers(lease: LeaseContract): LeaseNumbers {
  const { contract } = lease;
  const taxRate = contract.salesTaxRate ?? '0';
  const r = leasePayment({
    grossCapCost: cents(contract.grossCapCostCents),
    capCostReduction: cents(contract.capCostReductionCents ?? 0),
    residual: cents(contract.residualCents),
    term: contract.termMonths,
    moneyFactor: contract.moneyFactor,
    taxRate,
    dispositionFee: lease.dispositionFee,
    purchaseOptionFee: lease.purchaseOptionFee,
  });
  return {
    accountId: contract.publicId,
    contractDate: contract.contractDate,
    firstPaymentDate: contract.firstPaymentDate,
    maturityDate: contract.maturityDate,
    grossCapitalizedCost: usd(r.grossCapCost),
    capitalizedCostReduction: usd(r.capCostReduction),
    adjustedCapitalizedCost: usd(r.adjustedCapCost),
    residualValue: usd(r.residual),
    depreciation: usd(r.depreciation),
    rentCharge: usd(r.rentCharge),
    monthlyDepreciation: usd(r.monthlyDepreciation),
    monthlyRentCharge: usd(r.monthlyRent),
    baseMonthlyPayment: usd(r.baseMonthlyPayment),
    monthlyTax: usd(r.monthlyTax),
    totalMonthlyPayment: usd(r.totalMonthlyPayment),
    salesTaxRate: taxRate,
    numberOfPayments: r.term,
    totalOfBasePayments: usd(r.totalOfBasePayments),
    amountDueAtSigning: usd(r.amountDueAtSigning),
    totalOfPayments: usd(r.totalOfPayments),
    moneyFactor: r.moneyFactor,
    leaseRateEstimate: r.aprEquivalent,
    dispositionFee: usd(lease.dispositionFee),
    purchaseOptionFee: usd(lease.purchaseOptionFee),
    mileageAllowancePerYear: contract.mileageAllowancePerYear,
    excessMileageRate: usd(contract.excessMileageRateCents ?? 0),
    paymentsMade: contract.paymentsMade,
    paymentsRemaining: Math.max(0, contract.termMonths - contract.paymentsMade),
    matchesContract: r.totalMonthlyPayment === contract.paymentCents,
  };
}
