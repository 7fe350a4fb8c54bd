import type { LeasePurchaseQuote } from '@marque/contracts';
import type { BrandConfig } from '../../platform/brand.ts';
import type { Db } from '../../platform/db/client.ts';
import { findCustomerMailing } from '../customers/index.ts';
import { DEMO_LENDER_DETAILS, type DocumentLanguage, type LenderDetails } from '../documents/index.ts';
import type { LeaseContract } from './lease-terms.ts';
import { renderPurchaseQuote } from './render-purchase-quote.ts';

/** The purchase quote letter (PDF), addressed to the lessee, with where to send the money. */
export async function purchaseQuotePdf(
  deps: { db: Db; brand: BrandConfig; lender?: LenderDetails },
  input: { lease: LeaseContract; quote: LeasePurchaseQuote; language: DocumentLanguage; now: Date },
): Promise<Uint8Array> {
  const { contract, vehicle } = input.lease;
  const mailing = await findCustomerMailing(deps.db, contract.customerId);
  if (!mailing) throw new Error('the contract has no customer');
  return renderPurchaseQuote({
    brand: deps.brand,
    lender: deps.lender ?? DEMO_LENDER_DETAILS,
    language: input.language,
    createdAt: input.now.toISOString(),
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
    accountNumber: contract.accountNumber,
    vehicle,
    quote: input.quote,
  });
}
