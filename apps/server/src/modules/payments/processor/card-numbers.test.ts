import { describe, expect, it } from 'vitest';
import { findCardNumberFields } from './card-number-guard.ts';
import {
  cardBrandOf,
  containsCardNumber,
  isCardExpired,
  isLuhnValid,
  isPlausibleCardNumber,
} from './card-numbers.ts';

describe('card numbers', () => {
  it('Luhn: the test cards pass, one changed digit fails', () => {
    for (const n of [
      '4242424242424242',
      '4000000000000002',
      '4000000000009995',
      '378282246310005',
      '6011111111111117',
    ]) {
      expect(isLuhnValid(n), n).toBe(true);
    }
    expect(isLuhnValid('4242424242424241')).toBe(false);
    expect(isLuhnValid('4242 4242 4242 4242')).toBe(false); // digits only
    expect(isLuhnValid('')).toBe(false);
  });

  it('brands from the IIN ranges, including the 2-series Mastercard', () => {
    expect(cardBrandOf('4242424242424242')).toBe('visa');
    expect(cardBrandOf('5555555555554444')).toBe('mastercard');
    expect(cardBrandOf('2223003122003222')).toBe('mastercard');
    expect(cardBrandOf('2721000000000000')).toBe('unknown');
    expect(cardBrandOf('378282246310005')).toBe('amex');
    expect(cardBrandOf('6011111111111117')).toBe('discover');
    expect(cardBrandOf('6500000000000002')).toBe('discover');
    expect(cardBrandOf('9999999999999995')).toBe('unknown');
  });

  it('plausible: 13-19 digits with Luhn; American Express has 15', () => {
    expect(isPlausibleCardNumber('4242424242424242')).toBe(true);
    expect(isPlausibleCardNumber('378282246310005')).toBe(true);
    expect(isPlausibleCardNumber('3782822463100050')).toBe(false);
    expect(isPlausibleCardNumber('424242424242')).toBe(false);
  });

  it('finds a card number inside text, grouped or not, but not other digit runs', () => {
    expect(containsCardNumber('my card 4242 4242 4242 4242 thanks')).toBe(true);
    expect(containsCardNumber('4242-4242-4242-4242')).toBe(true);
    expect(containsCardNumber('4242424242424241')).toBe(false);
    expect(containsCardNumber('call 951-555-0134')).toBe(false);
    // A 22-digit run is not a card number even if a 16-digit slice of it would pass Luhn.
    expect(containsCardNumber('4242424242424242000000')).toBe(false);
  });

  it('expiry: usable through the last day of the month', () => {
    const now = new Date('2026-11-30T23:59:00Z');
    expect(isCardExpired(11, 2026, now)).toBe(false);
    expect(isCardExpired(10, 2026, now)).toBe(true);
    expect(isCardExpired(1, 2027, now)).toBe(false);
    expect(isCardExpired(12, 2025, now)).toBe(true);
  });
});

describe('the /api/ card-number guard', () => {
  it('names every field shaped like a card number, at any depth, strings and numbers', () => {
    expect(
      findCardNumberFields({
        type: 'card',
        token: 'tok_sim_abc',
        extra: { pan: 4242424242424242, list: ['x', '4000 0000 0000 0002'] },
        note: 'fine 12345',
      }),
    ).toEqual(['extra.list.1', 'extra.pan']);
    expect(findCardNumberFields('4242424242424242')).toEqual(['body']);
    expect(findCardNumberFields(undefined)).toEqual([]);
  });

  it('leaves bank account numbers alone (up to 17 digits, some pass Luhn by chance)', () => {
    expect(isLuhnValid('4000000000000002')).toBe(true);
    expect(findCardNumberFields({ accountNumber: '4000000000000002' })).toEqual([]);
  });

  it('survives a deeply nested body without overflowing the stack', () => {
    let body: unknown = '4242424242424242';
    for (let i = 0; i < 20_000; i++) body = [body];
    expect(findCardNumberFields(body)).toHaveLength(1);
  });
});
