import crypto from 'node:crypto';
import type { CardBrand } from '@marque/contracts';
import type { FieldCipher } from '../../../../platform/crypto/field-encryption.ts';
import type { Db } from '../../../../platform/db/client.ts';
import { cardBrandOf, isCardExpired, isPlausibleCardNumber } from '../card-numbers.ts';
import { simProcessorTokens } from './tables.ts';
import { simCardProfile } from './test-cards.ts';

/** What the card form sends to the processor's token endpoint. */
export interface CardEntry {
  cardNumber: string;
  expMonth: number;
  expYear: number;
  cvv: string;
}

export type CardEntryField = 'cardNumber' | 'expiry' | 'cvv';
export interface CardEntryError {
  field: CardEntryField;
  code: 'invalid_number' | 'invalid_expiry' | 'expired' | 'invalid_cvv';
}

/** What the token endpoint answers: a processor returns no more than this. */
export interface TokenizedCard {
  token: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
}

const MAX_YEARS_AHEAD = 20;

/** Card number (Luhn, length), expiry (a real month, not past, not absurdly far) and CVV checks. */
export function validateCardEntry(entry: CardEntry, now: Date): CardEntryError[] {
  const errors: CardEntryError[] = [];
  const digits = entry.cardNumber.replace(/[\s-]/g, '');
  if (!isPlausibleCardNumber(digits)) errors.push({ field: 'cardNumber', code: 'invalid_number' });
  const { expMonth: month, expYear: year } = entry;
  const thisYear = now.getUTCFullYear();
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(year)) {
    errors.push({ field: 'expiry', code: 'invalid_expiry' });
  } else if (isCardExpired(month, year, now)) {
    errors.push({ field: 'expiry', code: 'expired' });
  } else if (year > thisYear + MAX_YEARS_AHEAD) {
    errors.push({ field: 'expiry', code: 'invalid_expiry' });
  }
  const cvvLength = cardBrandOf(digits) === 'amex' ? 4 : 3;
  if (!new RegExp(`^\\d{${cvvLength}}$`).test(entry.cvv)) errors.push({ field: 'cvv', code: 'invalid_cvv' });
  return errors;
}

export function newSimReference(prefix: 'tok' | 'ch' | 're'): string {
  return `${prefix}_sim_${crypto.randomBytes(16).toString('hex')}`;
}

/**
 * Turns a validated card entry into a token. Only the token, brand, last 4, expiry, a keyed
 * fingerprint and the test behaviour are stored: the number and CVV are forgotten here.
 */
export async function tokenizeCard(
  deps: { db: Db; now: () => Date; cipher: FieldCipher },
  entry: CardEntry,
): Promise<TokenizedCard> {
  const digits = entry.cardNumber.replace(/[\s-]/g, '');
  const profile = simCardProfile(digits);
  const card: TokenizedCard = {
    token: newSimReference('tok'),
    brand: cardBrandOf(digits),
    last4: digits.slice(-4),
    expMonth: entry.expMonth,
    expYear: entry.expYear,
  };
  await deps.db.insert(simProcessorTokens).values({
    ...card,
    funding: profile.funding,
    behaviour: profile.behaviour,
    fingerprint: deps.cipher.blindIndex(digits, 'sim_processor.card_fingerprint'),
    createdAt: deps.now(),
  });
  return card;
}
