import type { LoanCalculatorRequest, LoanCalculatorResult } from '@marque/contracts';
import { cents, vehicleLoanEstimate } from '@marque/finance';
import type { z } from 'zod';
import { calculate, usd } from './finance-errors.ts';

type Input = z.output<typeof LoanCalculatorRequest>;

/** Amount financed, payment and Truth in Lending figures of a vehicle purchase (an estimate). */
export function estimateLoan(input: Input): LoanCalculatorResult {
  const r = calculate(() =>
    vehicleLoanEstimate({
      vehiclePrice: cents(input.vehiclePrice),
      downPayment: cents(input.downPayment),
      tradeInValue: cents(input.tradeInValue),
      tradeInPayoff: cents(input.tradeInPayoff),
      taxRate: input.taxRate,
      taxBase: input.taxBase,
      docFee: cents(input.docFee),
      titleRegistrationFee: cents(input.titleRegistrationFee),
      apr: input.apr,
      termMonths: input.termMonths,
    }),
  );
  return {
    vehiclePrice: usd(r.vehiclePrice),
    downPayment: usd(r.downPayment),
    netTradeIn: usd(r.netTradeIn),
    taxableAmount: usd(r.taxableAmount),
    salesTax: usd(r.salesTax),
    fees: usd(r.fees),
    amountFinanced: usd(r.amountFinanced),
    monthlyPayment: usd(r.monthlyPayment),
    finalPayment: usd(r.finalPayment),
    numberOfPayments: r.numberOfPayments,
    financeCharge: usd(r.financeCharge),
    totalOfPayments: usd(r.totalOfPayments),
    totalSalePrice: usd(r.totalSalePrice),
    annualPercentageRate: r.annualPercentageRate,
    balances: r.balances.map((p) => ({
      month: p.month,
      balance: usd(p.balance),
      principalPaid: usd(p.principalPaid),
      interestPaid: usd(p.interestPaid),
    })),
  };
}
