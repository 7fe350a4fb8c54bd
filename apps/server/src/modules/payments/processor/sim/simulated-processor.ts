import type { CardBrand } from '@marque/contracts';
import { and, eq, sum } from 'drizzle-orm';
import type { FieldCipher } from '../../../../platform/crypto/field-encryption.ts';
import type { Db } from '../../../../platform/db/client.ts';
import { inTransaction } from '../../../../platform/db/tx.ts';
import { isCardExpired } from '../card-numbers.ts';
import {
  type CardDetails,
  type CardProcessor,
  CardProcessorError,
  type ChargeRequest,
  type ChargeResult,
  type RefundRequest,
  type RefundResult,
} from '../card-processor.ts';
import { simProcessorTokens, simProcessorTransactions } from './tables.ts';
import { newSimReference } from './tokenize.ts';

export const SIM_PROCESSOR_NAME = 'simulated';
export const SIM_CARD_FORM_PATH = '/processor/sim/card-form';

export interface SimulatedProcessorDeps {
  /** The processor's own database handle: it is "another service", never the caller's transaction. */
  db: Db;
  now: () => Date;
  cipher: FieldCipher;
}

type TokenRow = typeof simProcessorTokens.$inferSelect;
type TransactionRow = typeof simProcessorTransactions.$inferSelect;

function assertAmount(amountCents: number): void {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    throw new CardProcessorError('invalid_request', 'The amount must be a positive whole number of cents.');
  }
}

/** What a test card does when charged: its behaviour, unless the token is unknown or expired. */
function decide(card: TokenRow | undefined, now: Date): Pick<ChargeResult, 'outcome' | 'declineCode'> {
  if (!card) return { outcome: 'declined', declineCode: 'invalid_token' };
  if (isCardExpired(card.expMonth, card.expYear, now))
    return { outcome: 'declined', declineCode: 'expired_card' };
  if (card.behaviour === 'decline') return { outcome: 'declined', declineCode: 'do_not_honor' };
  if (card.behaviour === 'insufficient_funds') return { outcome: 'insufficient_funds', declineCode: null };
  return { outcome: 'approved', declineCode: null };
}

async function findTransaction(db: Db, kind: 'charge' | 'refund', idempotencyKey: string) {
  const rows = await db
    .select()
    .from(simProcessorTransactions)
    .where(
      and(
        eq(simProcessorTransactions.kind, kind),
        eq(simProcessorTransactions.idempotencyKey, idempotencyKey),
      ),
    )
    .limit(1);
  return rows[0];
}

function toChargeResult(row: TransactionRow): ChargeResult {
  return {
    outcome: row.outcome as ChargeResult['outcome'],
    reference: row.reference,
    declineCode: row.declineCode,
  };
}

function reused(): CardProcessorError {
  return new CardProcessorError(
    'idempotency_key_reused',
    'This idempotency key was used for a different request.',
  );
}

/**
 * The default CardProcessor: behaves like a hosted-fields processor (see card-processor.ts),
 * with its own storage and its own card form (routes.ts). Test cards are in test-cards.ts.
 */
export function createSimulatedProcessor(deps: SimulatedProcessorDeps): CardProcessor {
  const { db } = deps;

  async function findToken(token: string): Promise<TokenRow | undefined> {
    const rows = await db
      .select()
      .from(simProcessorTokens)
      .where(eq(simProcessorTokens.token, token))
      .limit(1);
    return rows[0];
  }

  return {
    name: SIM_PROCESSOR_NAME,
    cardFormUrl: SIM_CARD_FORM_PATH,

    async describeToken(token: string): Promise<CardDetails | null> {
      const card = await findToken(token);
      if (!card) return null;
      return {
        brand: card.brand as CardBrand,
        last4: card.last4,
        expMonth: card.expMonth,
        expYear: card.expYear,
        funding: card.funding,
        fingerprint: card.fingerprint,
      };
    },

    async charge(request: ChargeRequest): Promise<ChargeResult> {
      assertAmount(request.amountCents);
      const previous = await findTransaction(db, 'charge', request.idempotencyKey);
      if (previous) {
        if (previous.token !== request.token || previous.amountCents !== request.amountCents) throw reused();
        return toChargeResult(previous);
      }
      const decision = decide(await findToken(request.token), deps.now());
      const inserted = await db
        .insert(simProcessorTransactions)
        .values({
          reference: newSimReference('ch'),
          kind: 'charge',
          idempotencyKey: request.idempotencyKey,
          token: request.token,
          amountCents: request.amountCents,
          outcome: decision.outcome,
          declineCode: decision.declineCode,
          description: request.description.slice(0, 200),
          createdAt: deps.now(),
        })
        .onConflictDoNothing()
        .returning();
      // A concurrent request with the same key won the insert: answer what it answered.
      const row = inserted[0] ?? (await findTransaction(db, 'charge', request.idempotencyKey));
      if (!row) throw new CardProcessorError('unavailable', 'The charge could not be recorded.');
      if (row.token !== request.token || row.amountCents !== request.amountCents) throw reused();
      return toChargeResult(row);
    },

    async refund(request: RefundRequest): Promise<RefundResult> {
      assertAmount(request.amountCents);
      return inTransaction(db, async (tx) => {
        const previous = await findTransaction(tx, 'refund', request.idempotencyKey);
        if (previous) {
          const same =
            previous.chargeReference === request.chargeReference &&
            previous.amountCents === request.amountCents;
          if (!same) throw reused();
          return { outcome: 'refunded', reference: previous.reference };
        }
        // Lock the charge so two refunds of it cannot both pass the "not more than charged" check.
        const [charge] = await tx
          .select()
          .from(simProcessorTransactions)
          .where(
            and(
              eq(simProcessorTransactions.kind, 'charge'),
              eq(simProcessorTransactions.reference, request.chargeReference),
            ),
          )
          .for('update');
        if (!charge) return { outcome: 'failed', reference: null, reason: 'unknown_charge' };
        if (charge.outcome !== 'approved')
          return { outcome: 'failed', reference: null, reason: 'charge_not_approved' };
        const [refunded] = await tx
          .select({ total: sum(simProcessorTransactions.amountCents).mapWith(Number) })
          .from(simProcessorTransactions)
          .where(
            and(
              eq(simProcessorTransactions.kind, 'refund'),
              eq(simProcessorTransactions.chargeReference, charge.reference),
            ),
          );
        if ((refunded?.total ?? 0) + request.amountCents > charge.amountCents) {
          return { outcome: 'failed', reference: null, reason: 'exceeds_charge' };
        }
        const reference = newSimReference('re');
        await tx.insert(simProcessorTransactions).values({
          reference,
          kind: 'refund',
          idempotencyKey: request.idempotencyKey,
          token: charge.token,
          chargeReference: charge.reference,
          amountCents: request.amountCents,
          outcome: 'refunded',
          createdAt: deps.now(),
        });
        return { outcome: 'refunded', reference };
      });
    },
  };
}
