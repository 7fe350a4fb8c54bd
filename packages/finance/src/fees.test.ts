import { describe, expect, it } from 'vitest';
import { isValidAbaRouting } from './aba.ts';
import { lateFee, lateFeeAmount, nsfFee } from './fees.ts';
import { cents } from './money.ts';

describe('late fees', () => {
  const inst = cents(45_000);
  it('flat, percent, greater/lesser of, min and max', () => {
    expect(lateFeeAmount({ flat: cents(2_500), graceDays: 10 }, inst)).toBe(2_500);
    expect(lateFeeAmount({ percent: '5', graceDays: 10 }, inst)).toBe(2_250);
    expect(lateFeeAmount({ percent: '5', flat: cents(2_500), graceDays: 10 }, inst)).toBe(2_500);
    expect(lateFeeAmount({ percent: '5', flat: cents(2_500), combine: 'lesser', graceDays: 10 }, inst)).toBe(
      2_250,
    );
    expect(lateFeeAmount({ percent: '5', min: cents(3_000), graceDays: 10 }, inst)).toBe(3_000);
    expect(lateFeeAmount({ percent: '10', max: cents(4_000), graceDays: 10 }, inst)).toBe(4_000);
    expect(lateFeeAmount({ percent: '3.333', graceDays: 0 }, cents(100))).toBe(3);
    expect(() => lateFeeAmount({ graceDays: 10 }, inst)).toThrow(expect.objectContaining({ field: 'rule' }));
  });

  it('applies only after the grace days', () => {
    const rule = { flat: cents(1_500), graceDays: 10 };
    expect(lateFee({ rule, installment: inst, dueDate: '2026-01-31', asOf: '2026-02-10' })).toEqual({
      fee: 0,
      assessable: false,
      assessableFrom: '2026-02-11',
    });
    expect(lateFee({ rule, installment: inst, dueDate: '2026-01-31', asOf: '2026-02-11' }).fee).toBe(1_500);
  });

  it('caps the NSF fee by law and honours a no-double-fee rule', () => {
    expect(nsfFee({ fee: cents(3_500), max: cents(2_500) })).toBe(2_500);
    expect(nsfFee({ fee: cents(2_000) })).toBe(2_000);
    expect(nsfFee({ fee: cents(2_000), lateFeeAlreadyCharged: true, allowWithLateFee: false })).toBe(0);
  });
});

describe('isValidAbaRouting', () => {
  it.each(['011000015', '021000021', '121000358', '026009593', '322271627', '011401533'])(
    'accepts %s',
    (s) => {
      expect(isValidAbaRouting(s)).toBe(true);
    },
  );
  it.each(['021000022', '12345678', '1234567890', '02100002a', '', '000000000', '991000015', ' 021000021'])(
    'rejects %j',
    (s) => {
      expect(isValidAbaRouting(s)).toBe(false);
    },
  );
});
