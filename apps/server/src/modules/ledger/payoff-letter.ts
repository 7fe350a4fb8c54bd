import type { PayoffQuote } from '@marque/contracts';
import { cents } from '@marque/finance';
import type { BrandConfig } from '../../platform/brand.ts';
import type { Db } from '../../platform/db/client.ts';
import type { ContractRow } from '../contracts/index.ts';
import { findCustomerMailing } from '../customers/index.ts';
import { DEMO_LENDER_DETAILS, type LenderDetails, renderPayoffLetter } from '../documents/index.ts';

/** The payoff letter (PDF) of a quote, addressed to the customer, with where to send the money. */
export async function payoffLetter(
  deps: { db: Db; brand: BrandConfig; lender?: LenderDetails },
  input: {
    contract: ContractRow;
    vehicle: { year: number; make: string; model: string; trim: string; vin: string };
    quote: PayoffQuote;
    language: 'en' | 'es';
    now: Date;
  },
): Promise<Uint8Array> {
  const lender = deps.lender ?? DEMO_LENDER_DETAILS;
  const mailing = await findCustomerMailing(deps.db, input.contract.customerId);
  if (!mailing) throw new Error('the contract has no customer');
  const { quote } = input;
  return renderPayoffLetter({
    brand: deps.brand,
    language: input.language,
    letterDate: quote.quoteDate,
    createdAt: input.now.toISOString(),
    quoteNumber: `PQ-${quote.quoteDate.replaceAll('-', '')}-${input.contract.accountNumber.slice(-4)}`,
    lenderAddress: lender.correspondence,
    customer: {
      name: `${mailing.firstName} ${mailing.lastName}`,
      address: {
        line1: mailing.line1,
        ...(mailing.line2 ? { line2: mailing.line2 } : {}),
        city: mailing.city,
        state: mailing.state,
        postalCode: mailing.postalCode,
      },
    },
    accountNumber: input.contract.accountNumber,
    vehicle: input.vehicle,
    quote: {
      payoff: cents(quote.payoff.amount),
      principal: cents(quote.principal.amount),
      interest: cents(quote.interest.amount),
      fees: cents(quote.fees.amount),
      goodThrough: quote.goodThrough,
      perDiem: { amount: quote.perDiemExact, rounded: cents(quote.perDiem.amount) },
    },
    // A lease shows its parts: remaining payments, purchase price (residual), its tax.
    ...(quote.lease
      ? {
          lease: {
            remainingPayments: cents(quote.lease.remainingPayments.amount),
            purchasePrice: cents(quote.lease.purchasePrice.amount),
            purchaseTax: cents(quote.lease.purchaseTax.amount),
          },
        }
      : {}),
    remittance: lender.remittance,
    lienReleaseBusinessDays: lender.lienReleaseBusinessDays,
  });
}
