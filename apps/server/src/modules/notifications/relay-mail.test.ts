import { describe, expect, it } from 'vitest';
import { backoffMs, errorText } from './relay-mail.ts';

describe('mail relay backoff', () => {
  it('waits base, then doubles per attempt, capped', () => {
    expect([1, 2, 3, 4, 7, 8].map((a) => backoffMs(a, 60_000, 3_600_000))).toEqual([
      60_000, 120_000, 240_000, 480_000, 3_600_000, 3_600_000,
    ]);
  });
});

describe('mail relay error text', () => {
  it('keeps the reason and drops e-mail addresses, bounded to 500 characters', () => {
    expect(errorText(new Error('550 5.1.1 <maya.thompson@example.com>: Recipient address rejected'))).toBe(
      '550 5.1.1 <<address>>: Recipient address rejected',
    );
    expect(errorText('x'.repeat(600))).toHaveLength(500);
  });
});
