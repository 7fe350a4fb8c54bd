import type { CardFunding } from '../card-processor.ts';

export type SimBehaviour = 'approve' | 'decline' | 'insufficient_funds';

/**
 * The simulated processor's test cards (any future expiry, any CVV). Every other number that
 * passes the Luhn check is a debit card that approves.
 */
export const SIM_TEST_CARDS: Readonly<Record<string, { behaviour: SimBehaviour; funding: CardFunding }>> = {
  '4242424242424242': { behaviour: 'approve', funding: 'debit' },
  '4000000000000002': { behaviour: 'decline', funding: 'debit' },
  '4000000000009995': { behaviour: 'insufficient_funds', funding: 'debit' },
  '5555555555554444': { behaviour: 'approve', funding: 'debit' },
  // A credit card: Marque takes debit cards only, so adding it is refused.
  '5105105105105100': { behaviour: 'approve', funding: 'credit' },
};

export function simCardProfile(digits: string): { behaviour: SimBehaviour; funding: CardFunding } {
  return SIM_TEST_CARDS[digits] ?? { behaviour: 'approve', funding: 'debit' };
}
