import type { AffordabilityCalculatorRequest, AffordabilityCalculatorResult } from '@marque/contracts';
import { affordability, cents } from '@marque/finance';
import type { z } from 'zod';
import { calculate, usd } from './finance-errors.ts';

type Input = z.output<typeof AffordabilityCalculatorRequest>;

/** The highest vehicle price a monthly budget carries, with a payment-to-income hint when income is given. */
export function estimateAffordability(input: Input): AffordabilityCalculatorResult {
  const r = calculate(() =>
    affordability({
      monthlyBudget: cents(input.monthlyBudget),
      downPayment: cents(input.downPayment),
      termMonths: input.termMonths,
      apr: input.apr,
      taxRate: input.taxRate,
      fees: cents(input.fees),
      ...(input.monthlyIncome === undefined ? {} : { monthlyIncome: cents(input.monthlyIncome) }),
    }),
  );
  return {
    vehiclePrice: usd(r.vehiclePrice),
    salesTax: usd(r.salesTax),
    fees: usd(r.fees),
    downPayment: usd(r.downPayment),
    amountFinanced: usd(r.amountFinanced),
    monthlyPayment: usd(r.monthlyPayment),
    financeCharge: usd(r.financeCharge),
    totalOfPayments: usd(r.totalOfPayments),
    paymentToIncome:
      r.paymentToIncomePercent === null || r.paymentToIncomeBand === null
        ? null
        : { percent: r.paymentToIncomePercent, band: r.paymentToIncomeBand },
  };
}
