import type { CardBrand } from '@marque/contracts';

/**
 * The card processor adapter: everything Marque asks of a card processor, and nothing more.
 *
 * PCI SAQ A shape: the customer types the card number only into the processor's own hosted
 * form (an iframe loaded from `cardFormUrl`). That form tokenises the card with the processor
 * and hands the parent window a token by `postMessage`. Our API only ever receives that token;
 * the server then asks the processor what it stands for (`describeToken`) instead of trusting
 * brand, last 4 or expiry sent by the browser, and later charges or refunds it by token.
 *
 * Contract every adapter keeps:
 * - `charge` and `refund` are idempotent on `idempotencyKey`: the same key answers the same
 *   result without moving money twice (a retry after a timeout is safe); the same key with a
 *   different request throws `CardProcessorError('idempotency_key_reused')`.
 * - A decline is an answer, not an error: `charge` resolves with an outcome. It throws only
 *   when the processor could not be asked or refused the request itself
 *   (`CardProcessorError`), in which case the caller does not know whether money moved and
 *   retries with the same key.
 * - These are calls to another service: make them outside any database transaction (hold no
 *   row locks across the network; on the embedded database an open transaction would also
 *   block the simulated processor's own queries).
 * - Amounts are integer cents (USD), > 0.
 *
 * The default adapter is the simulated processor (processor/sim/): it serves its own card form
 * at /processor/sim/card-form and keeps tokens in its own tables. A real processor is one
 * adapter away: implement this interface over its API (docs/adr/0006-card-processor-adapter.md).
 */
export interface CardProcessor {
  /** Stored beside each token, so a token is only ever sent back to the processor that issued it. */
  readonly name: string;
  /** The processor's hosted card form for the browser's iframe: absolute, or relative to our origin. */
  readonly cardFormUrl: string;
  /** What a token stands for, or null when the processor does not know it. */
  describeToken(token: string): Promise<CardDetails | null>;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: RefundRequest): Promise<RefundResult>;
}

export type CardFunding = 'debit' | 'credit' | 'prepaid' | 'unknown';

export interface CardDetails {
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
  funding: CardFunding;
  /** The same card number gives the same fingerprint (to find a card added twice); null if the processor has none. */
  fingerprint: string | null;
}

export interface ChargeRequest {
  token: string;
  amountCents: number;
  idempotencyKey: string;
  /** Shown on the cardholder's statement and in the processor's dashboard. */
  description: string;
}

export type ChargeOutcome = 'approved' | 'declined' | 'insufficient_funds';

export interface ChargeResult {
  outcome: ChargeOutcome;
  /** The processor's reference for the attempt (approved or not), for refunds and support. */
  reference: string;
  /** Why a charge was declined ('do_not_honor', 'expired_card', 'invalid_token', ...). */
  declineCode: string | null;
}

export interface RefundRequest {
  /** The `reference` of an approved charge. */
  chargeReference: string;
  amountCents: number;
  idempotencyKey: string;
}

export type RefundResult =
  | { outcome: 'refunded'; reference: string }
  | {
      outcome: 'failed';
      reference: null;
      reason: 'unknown_charge' | 'charge_not_approved' | 'exceeds_charge';
    };

/** The processor could not be asked, or refused the request itself (not a decline). */
export class CardProcessorError extends Error {
  constructor(
    readonly code: 'unavailable' | 'idempotency_key_reused' | 'invalid_request',
    message: string,
  ) {
    super(message);
    this.name = 'CardProcessorError';
  }
}
