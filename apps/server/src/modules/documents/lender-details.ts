import type { PostalAddress } from './pdf/parts.ts';
import type { PayoffLetterInput } from './render-payoff-letter.ts';

/**
 * Where the lender receives mail and payoffs, as printed on letters. The demo values are
 * fictional; a deployment replaces them with its own (they belong with the brand).
 */
export interface LenderDetails {
  correspondence: PostalAddress;
  remittance: PayoffLetterInput['remittance'];
  /** Business days from a payoff clearing to the lien release. */
  lienReleaseBusinessDays: number;
}

export const DEMO_LENDER_DETAILS: LenderDetails = {
  correspondence: { line1: 'PO Box 660142', city: 'Dallas', state: 'TX', postalCode: '75266-0142' },
  remittance: {
    payableTo: 'Solenne Motor Finance',
    mail: {
      line1: 'Attn: Payoff Processing',
      line2: 'PO Box 660143',
      city: 'Dallas',
      state: 'TX',
      postalCode: '75266-0143',
    },
    overnight: {
      line1: 'Attn: Payoff Processing',
      line2: '2400 Ross Avenue, Suite 1100',
      city: 'Dallas',
      state: 'TX',
      postalCode: '75201',
    },
    wire: {
      bankName: 'North Star Cooperative Bank',
      routingNumber: '091907167',
      accountNumber: '7730-114-2209',
      accountName: 'Solenne Motor Finance Payoffs',
    },
  },
  lienReleaseBusinessDays: 10,
};
