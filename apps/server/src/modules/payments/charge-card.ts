import { BusinessRuleError } from '../../platform/errors.ts';
import type { CardProcessor } from './processor/card-processor.ts';

const DECLINES = {
  declined: 'The card was declined. Try another card or a bank account.',
  insufficient_funds: 'The card was declined for insufficient funds. Try another payment method.',
} as const;

/**
 * Charges a card by token, outside any database transaction (the processor is another
 * service). Answers the processor's reference; a decline is a 422 with its own code.
 * The key makes a retry safe: the processor answers the same charge again.
 */
export async function chargeCard(
  processor: CardProcessor,
  charge: { token: string; amountCents: number; idempotencyKey: string; description: string },
): Promise<string> {
  const result = await processor.charge(charge);
  if (result.outcome !== 'approved') {
    throw new BusinessRuleError(`card_${result.outcome}`, DECLINES[result.outcome]);
  }
  return result.reference;
}
