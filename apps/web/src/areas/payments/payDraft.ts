import type { PaymentOptions, PaymentRequest } from '@marque/contracts';
import type { TFunction } from 'i18next';
import { addDaysIso, isWithin } from './dates.ts';
import { parseDollars } from './money.ts';

export type Preset = 'amount_due' | 'past_due' | 'payoff' | 'other';
export type PayField = 'amount' | 'paymentMethodId' | 'scheduledFor' | 'principalOnly';
export const PAY_FIELDS: readonly PayField[] = ['amount', 'paymentMethodId', 'scheduledFor', 'principalOnly'];
export type PayErrors = Partial<Record<PayField, string>>;

/** What the customer has chosen on the first step, as typed (the amount stays text until sent). */
export interface PayDraft {
  preset: Preset;
  other: string;
  methodId: string | null;
  when: 'today' | 'later';
  date: string;
  principalOnly: boolean;
}

export function initialDraft(options: PaymentOptions, wanted: string | null): PayDraft {
  const preset: Preset =
    wanted === 'payoff' ? 'payoff' : options.amountDue.amount > 0 ? 'amount_due' : 'other';
  return { preset, other: '', methodId: null, when: 'today', date: '', principalOnly: false };
}

/** The amount in cents the draft stands for, or null while "other" is empty or not a number. */
export function draftAmount(draft: PayDraft, options: PaymentOptions): number | null {
  switch (draft.preset) {
    case 'amount_due':
      return options.amountDue.amount;
    case 'past_due':
      return options.pastDue.amount;
    case 'payoff':
      return options.payoff.amount;
    case 'other': {
      const parsed = parseDollars(draft.other);
      return parsed.ok ? parsed.cents : null;
    }
  }
}

/** The first day a payment can be scheduled for (today is the "today" choice). */
export function firstLaterDate(options: PaymentOptions): string {
  return addDaysIso(options.earliestDate, 1);
}

/** Checks of the "other amount" text, as the customer types: null when fine (or still empty). */
export function otherAmountError(
  t: TFunction,
  text: string,
  options: PaymentOptions,
  money: (cents: number) => string,
  submitting = false,
): string | undefined {
  const parsed = parseDollars(text);
  if (!parsed.ok) {
    if (parsed.reason === 'empty') return submitting ? t('pay.errors.amountRequired') : undefined;
    return t('pay.errors.amountInvalid');
  }
  if (parsed.cents < options.minimum.amount || parsed.cents > options.maximum.amount) {
    return t('pay.errors.amountRange', {
      min: money(options.minimum.amount),
      max: money(options.maximum.amount),
    });
  }
  return undefined;
}

export function validateDraft(
  t: TFunction,
  draft: PayDraft,
  options: PaymentOptions,
  money: (cents: number) => string,
): PayErrors {
  const errors: PayErrors = {};
  if (draft.preset === 'other') {
    const amount = otherAmountError(t, draft.other, options, money, true);
    if (amount) errors.amount = amount;
  }
  if (!draft.methodId) errors.paymentMethodId = t('pay.errors.methodRequired');
  if (draft.when === 'later' && !isWithin(draft.date, firstLaterDate(options), options.latestDate)) {
    errors.scheduledFor = draft.date ? t('pay.errors.dateRange') : t('pay.errors.dateRequired');
  }
  return errors;
}

export function toRequest(
  draft: PayDraft,
  options: PaymentOptions,
  principalOnlyShown: boolean,
): PaymentRequest {
  return {
    paymentMethodId: draft.methodId ?? '',
    amount: draftAmount(draft, options) ?? 0,
    currency: 'USD',
    ...(draft.when === 'later' ? { scheduledFor: draft.date } : {}),
    ...(principalOnlyShown && draft.principalOnly ? { principalOnly: true } : {}),
  };
}
