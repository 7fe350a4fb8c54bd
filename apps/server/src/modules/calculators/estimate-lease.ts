import { LEASE_RATE_LABEL, type LeaseCalculatorRequest, type LeaseCalculatorResult } from '@marque/contracts';
import { cents, leaseQuote } from '@marque/finance';
import type { z } from 'zod';
import { calculate, usd } from './finance-errors.ts';

type Input = z.output<typeof LeaseCalculatorRequest>;

/**
 * Regulation M lease estimate. The rate is a money factor and is labelled "lease rate (money
 * factor)"; a percent entered instead is converted (÷ 2400) and reported as converted, never as an APR.
 */
export function estimateLease(input: Input): LeaseCalculatorResult {
  const r = calculate(() =>
    leaseQuote({
      msrp: cents(input.msrp),
      sellingPrice: cents(input.sellingPrice),
      capCostReduction: cents(input.capCostReduction),
      ...(input.residualPercent === undefined ? {} : { residualPercent: input.residualPercent }),
      ...(input.residual === undefined ? {} : { residual: cents(input.residual) }),
      ...(input.moneyFactor === undefined ? {} : { moneyFactor: input.moneyFactor }),
      ...(input.aprEquivalent === undefined ? {} : { aprEquivalent: input.aprEquivalent }),
      term: input.term,
      taxRate: input.taxRate,
      taxMethod: input.taxMethod,
      acquisitionFee: cents(input.acquisitionFee),
      capitalizeAcquisitionFee: input.capitalizeAcquisitionFee,
      upfrontFees: cents(input.upfrontFees),
      dispositionFee: cents(input.dispositionFee),
    }),
  );
  return {
    leaseRate: {
      label: LEASE_RATE_LABEL,
      moneyFactor: r.moneyFactor,
      source: r.moneyFactorSource === 'money-factor' ? 'money-factor' : 'converted-from-percent',
      enteredPercent: r.moneyFactorSource === 'money-factor' ? null : (input.aprEquivalent ?? null),
    },
    grossCapCost: usd(r.grossCapCost),
    capCostReduction: usd(r.capCostReduction),
    adjustedCapCost: usd(r.adjustedCapCost),
    residual: usd(r.residual),
    depreciation: usd(r.depreciation),
    rentCharge: usd(r.rentCharge),
    monthlyDepreciation: usd(r.monthlyDepreciation),
    monthlyRent: usd(r.monthlyRent),
    baseMonthlyPayment: usd(r.baseMonthlyPayment),
    monthlyTax: usd(r.monthlyTax),
    upfrontTax: usd(r.upfrontTax),
    totalMonthlyPayment: usd(r.totalMonthlyPayment),
    amountDueAtSigning: usd(r.amountDueAtSigning),
    totalOfPayments: usd(r.totalOfPayments),
    term: r.term,
  };
}
