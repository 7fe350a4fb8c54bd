import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divRound, divRoundBig, mulDivRound } from './rounding.ts';

describe('divRound', () => {
  it.each([
    [5, 2, 'half-up', 3],
    [5, 2, 'half-even', 2],
    [7, 2, 'half-even', 4],
    [5, 2, 'down', 2],
    [-5, 2, 'half-up', -3],
    [-5, 2, 'half-even', -2],
    [-5, 2, 'down', -2],
    [14, 10, 'half-up', 1],
    [16, 10, 'down', 1],
    [-1, 3, 'half-up', 0],
  ] as const)('%d / %d %s = %d', (n, d, mode, expected) => {
    expect(divRound(n, d, mode)).toBe(expected);
    expect(Number(divRoundBig(BigInt(n), BigInt(d), mode))).toBe(expected);
  });

  it('never returns -0', () => {
    expect(Object.is(divRound(-1, 3, 'half-up'), 0)).toBe(true);
  });

  it('agrees with BigInt arithmetic for any safe inputs', () => {
    const modes = fc.constantFrom('half-up' as const, 'half-even' as const, 'down' as const);
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        fc.integer({ min: 0, max: 2 ** 20 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        modes,
        (a, b, d, mode) => {
          expect(mulDivRound(a, b, d, mode)).toBe(
            Number(divRoundBig(BigInt(a) * BigInt(b), BigInt(d), mode)),
          );
        },
      ),
    );
  });
});
