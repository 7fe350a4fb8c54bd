import type { CardBrand } from '@marque/contracts';
import { luhnCheckDigit } from '../../../platform/ids.ts';

/** The Luhn (mod 10) check that every card number passes. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return luhnCheckDigit(digits.slice(0, -1)) === Number(digits.at(-1));
}

/** The card network from the number's leading digits (its IIN range). */
export function cardBrandOf(digits: string): CardBrand {
  if (/^4/.test(digits)) return 'visa';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^(6011|65|64[4-9]|622)/.test(digits)) return 'discover';
  const six = Number(digits.slice(0, 6));
  if (/^5[1-5]/.test(digits) || (six >= 222100 && six <= 272099)) return 'mastercard';
  return 'unknown';
}

/** A plausible card number: 13-19 digits (15 for American Express) passing the Luhn check. */
export function isPlausibleCardNumber(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits) || !isLuhnValid(digits)) return false;
  return cardBrandOf(digits) !== 'amex' || digits.length === 15;
}

// A run of digits, optionally grouped by single spaces or dashes ("4242 4242 4242 4242").
const DIGIT_RUN = /\d(?:[ -]?\d)*/g;

/**
 * True when some run of 13-19 digits in the text passes the Luhn check: what a card number
 * looks like wherever it is pasted (PCI: our API must never receive one).
 */
export function containsCardNumber(text: string): boolean {
  for (const match of text.matchAll(DIGIT_RUN)) {
    const digits = match[0].replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits)) return true;
  }
  return false;
}

/** A card is usable through the last day of its expiry month (UTC). */
export function isCardExpired(expMonth: number, expYear: number, now: Date): boolean {
  const year = now.getUTCFullYear();
  return expYear < year || (expYear === year && expMonth < now.getUTCMonth() + 1);
}
