import { describe, expect, it } from 'vitest';
import type { ContractRow } from '../contracts/index.ts';
import { type AutopayRow, draftStillGoing, nextDraft } from './autopay-schedule.ts';

const contract = {
  status: 'active',
  type: 'loan',
  apr: '5.9900',
  contractDate: '2025-10-15',
  firstPaymentDate: '2025-11-15',
  maturityDate: '2030-10-15',
  termMonths: 60,
  paymentCents: 45_000,
  paidTowardInstallmentsCents: 13 * 45_000,
  nextDueDate: '2026-12-15',
  balanceCents: 2_000_000,
  interestCents: 0,
  feesCents: 0,
  interestAccruedThrough: '2026-11-15',
} as unknown as ContractRow;

const enrolment = {
  status: 'active',
  amountRule: 'amount_due',
  extraCents: 0,
  draftDaysBeforeDue: 3,
  skipDueDate: null,
  lastDraftDueDate: null,
  finalDraftDate: null,
} as unknown as AutopayRow;

describe('autopay schedule', () => {
  it('drafts N days before the next due date, for the amount due', () => {
    expect(nextDraft(enrolment, contract, '2026-11-24')).toEqual({
      dueDate: '2026-12-15',
      date: '2026-12-12',
      amount: 45_000,
      skipped: false,
    });
  });

  it('one draft per due date: after drafting a cycle the next is a month on', () => {
    const drafted = { ...enrolment, lastDraftDueDate: '2026-12-15' };
    expect(nextDraft(drafted, contract, '2026-12-12')?.dueDate).toBe('2027-01-15');
  });

  it('Reg E: a stop reaching us fewer than three business days before the draft leaves that draft', () => {
    // Tuesday 2026-12-08: three business days on is Friday 2026-12-11; the draft is Saturday the 12th.
    expect(draftStillGoing(nextDraft(enrolment, contract, '2026-12-08'), '2026-12-08')).toBeNull();
    // Wednesday 2026-12-09: the cut-off moves to Monday the 14th, after the draft: it still goes.
    expect(draftStillGoing(nextDraft(enrolment, contract, '2026-12-09'), '2026-12-09')).toBe('2026-12-12');
    // Over Thanksgiving (2026-11-26) a holiday does not count as a business day.
    const soon = { ...contract, nextDueDate: '2026-12-01' } as ContractRow;
    expect(draftStillGoing(nextDraft(enrolment, soon, '2026-11-24'), '2026-11-24')).toBe('2026-11-28');
  });

  it('a skipped (paused) cycle still goes nowhere when stopped', () => {
    const paused = { ...enrolment, status: 'paused', skipDueDate: '2026-12-15' } as AutopayRow;
    expect(draftStillGoing(nextDraft(paused, contract, '2026-12-11'), '2026-12-11')).toBeNull();
  });
});
