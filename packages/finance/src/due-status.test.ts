import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueStatus } from './due-status.ts';
import { cents } from './money.ts';

const terms = { firstPaymentDate: '2026-01-15', termMonths: 36, payment: cents(45_000) };

describe('dueStatus (paid-to-date method)', () => {
  it('a contract paid on time is current, due on the next 15th', () => {
    const s = dueStatus({ ...terms, paidTowardInstallments: cents(45_000 * 10), businessDate: '2026-11-01' });
    expect(s).toEqual({
      paymentsMade: 10,
      nextDueDate: '2026-11-15',
      creditTowardNext: 0,
      pastDue: 0,
      daysPastDue: 0,
      amountDue: 45_000,
    });
  });

  it('two missed installments age the account from the oldest unpaid due date', () => {
    const s = dueStatus({ ...terms, paidTowardInstallments: cents(45_000 * 8), businessDate: '2026-11-24' });
    expect(s.nextDueDate).toBe('2026-09-15');
    expect(s.daysPastDue).toBe(70);
    expect(s.pastDue).toBe(3 * 45_000);
    expect(s.amountDue).toBe(4 * 45_000);
  });

  it('a partial payment does not advance the due date but counts as credit', () => {
    const s = dueStatus({
      ...terms,
      paidTowardInstallments: cents(45_000 * 10 + 20_000),
      businessDate: '2026-11-20',
    });
    expect(s.nextDueDate).toBe('2026-11-15');
    expect(s.creditTowardNext).toBe(20_000);
    expect(s.pastDue).toBe(25_000);
    expect(s.daysPastDue).toBe(5);
  });

  it('the due date itself is not past due; paying ahead leaves nothing due', () => {
    const onDueDate = dueStatus({
      ...terms,
      paidTowardInstallments: cents(45_000 * 10),
      businessDate: '2026-11-15',
    });
    expect(onDueDate.daysPastDue).toBe(0);
    expect(onDueDate.amountDue).toBe(45_000);
    const ahead = dueStatus({
      ...terms,
      paidTowardInstallments: cents(45_000 * 12),
      businessDate: '2026-11-15',
    });
    expect(ahead.nextDueDate).toBe('2027-01-15');
    expect(ahead.amountDue).toBe(0);
  });

  it('a fully paid contract has no next due date', () => {
    const s = dueStatus({ ...terms, paidTowardInstallments: cents(45_000 * 36), businessDate: '2030-01-01' });
    expect(s).toMatchObject({
      paymentsMade: 36,
      nextDueDate: null,
      pastDue: 0,
      daysPastDue: 0,
      amountDue: 0,
    });
  });

  it('property: more money never makes the account more delinquent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 36 * 45_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (paid, extra) => {
          const at = { ...terms, businessDate: '2027-06-30' };
          const a = dueStatus({ ...at, paidTowardInstallments: cents(paid) });
          const b = dueStatus({ ...at, paidTowardInstallments: cents(paid + extra) });
          expect(b.pastDue).toBeLessThanOrEqual(a.pastDue);
          expect(b.daysPastDue).toBeLessThanOrEqual(a.daysPastDue);
          expect(b.paymentsMade).toBeGreaterThanOrEqual(a.paymentsMade);
        },
      ),
    );
  });
});
