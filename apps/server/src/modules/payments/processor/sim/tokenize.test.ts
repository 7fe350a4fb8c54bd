import { describe, expect, it } from 'vitest';
import { simCardProfile } from './test-cards.ts';
import { validateCardEntry } from './tokenize.ts';

const NOW = new Date('2026-11-24T15:00:00Z');
const entry = (overrides: object = {}) => ({
  cardNumber: '4242424242424242',
  expMonth: 4,
  expYear: 2029,
  cvv: '123',
  ...overrides,
});

describe('simulated processor: card entry checks', () => {
  it('accepts a valid card, grouped or not', () => {
    expect(validateCardEntry(entry(), NOW)).toEqual([]);
    expect(validateCardEntry(entry({ cardNumber: '4242 4242 4242 4242' }), NOW)).toEqual([]);
    expect(validateCardEntry(entry({ expMonth: 11, expYear: 2026 }), NOW)).toEqual([]);
  });

  it('refuses a bad number, a past or impossible expiry, and a CVV of the wrong length', () => {
    const codes = (overrides: object) =>
      validateCardEntry(entry(overrides), NOW).map((e) => `${e.field}:${e.code}`);
    expect(codes({ cardNumber: '4242424242424241' })).toEqual(['cardNumber:invalid_number']);
    expect(codes({ expMonth: 10, expYear: 2026 })).toEqual(['expiry:expired']);
    expect(codes({ expMonth: 13 })).toEqual(['expiry:invalid_expiry']);
    expect(codes({ expYear: 2090 })).toEqual(['expiry:invalid_expiry']);
    expect(codes({ cvv: '12' })).toEqual(['cvv:invalid_cvv']);
    // American Express: 4-digit security code.
    expect(codes({ cardNumber: '378282246310005', cvv: '123' })).toEqual(['cvv:invalid_cvv']);
    expect(codes({ cardNumber: '378282246310005', cvv: '1234' })).toEqual([]);
  });

  it('test card behaviours: approve, decline, insufficient funds; credit is marked; others approve as debit', () => {
    expect(simCardProfile('4242424242424242')).toEqual({ behaviour: 'approve', funding: 'debit' });
    expect(simCardProfile('4000000000000002').behaviour).toBe('decline');
    expect(simCardProfile('4000000000009995').behaviour).toBe('insufficient_funds');
    expect(simCardProfile('5105105105105100').funding).toBe('credit');
    expect(simCardProfile('6011111111111117')).toEqual({ behaviour: 'approve', funding: 'debit' });
  });
});
