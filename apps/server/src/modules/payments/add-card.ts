import { inTransaction } from '../../platform/db/tx.ts';
import { BusinessRuleError, ConflictError, ValidationError } from '../../platform/errors.ts';
import { type Principal, type RequestContext, requireRecentStepUp } from '../../platform/http/access.ts';
import { newId } from '../../platform/ids.ts';
import { recordMethodChange } from './methods-alerts.ts';
import type { PaymentMethodDeps } from './methods-deps.ts';
import { lockAndCheckRoom } from './methods-limits.ts';
import { findLiveCard, insertPaymentMethod, type PaymentMethodRow } from './methods-repo.ts';
import { isCardExpired } from './processor/card-numbers.ts';
import type { CardDetails } from './processor/card-processor.ts';

/** A card as stored: what the processor said about the token, and nothing the client claimed. */
export function cardColumns(processor: string, token: string, card: CardDetails, nickname?: string) {
  return {
    kind: 'card' as const,
    nickname: nickname ?? null,
    last4: card.last4,
    processor,
    processorToken: token,
    cardBrand: card.brand,
    cardExpMonth: card.expMonth,
    cardExpYear: card.expYear,
    cardFingerprint: card.fingerprint,
  };
}

/**
 * Adds a debit card from the token the processor's own card form returned (PCI SAQ A: no card
 * number reaches us). Brand, last 4 and expiry come from the processor, never from the client.
 * Needs a second factor within 5 minutes, like every change to how money leaves an account.
 */
export async function addCard(
  deps: PaymentMethodDeps,
  ctx: RequestContext,
  principal: Principal & { customerId: number },
  input: { token: string; nickname?: string | undefined },
): Promise<PaymentMethodRow> {
  const now = deps.now();
  requireRecentStepUp(principal, now);
  // Asked before the transaction: the processor is another service (see CardProcessor).
  const card = await deps.processor.describeToken(input.token);
  if (!card) {
    throw ValidationError.field(
      'token',
      'invalid_card_token',
      'The card processor does not know this card. Enter the card again.',
    );
  }
  if (card.funding === 'credit') {
    throw new BusinessRuleError('debit_card_required', 'This is a credit card. We accept debit cards only.');
  }
  if (isCardExpired(card.expMonth, card.expYear, now)) {
    throw new BusinessRuleError('card_expired', 'This card has expired.');
  }
  const processor = deps.processor.name;
  const row = await inTransaction(deps.db, async (tx) => {
    await lockAndCheckRoom(tx, principal.customerId);
    const existing = await findLiveCard(tx, {
      customerId: principal.customerId,
      processor,
      token: input.token,
      fingerprint: card.fingerprint,
    });
    if (existing)
      throw new ConflictError('duplicate_card', 'This card is already one of your payment methods.');
    return insertPaymentMethod(tx, {
      publicId: newId('pm'),
      customerId: principal.customerId,
      ...cardColumns(processor, input.token, card, input.nickname),
      createdAt: now,
    });
  });
  await recordMethodChange(deps, ctx, principal, row, 'added');
  return row;
}
