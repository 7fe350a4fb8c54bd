import type { Autopay, AutopayRequest } from '@marque/contracts';
import type { TFunction } from 'i18next';
import type { Language } from '../../i18n/index.ts';
import { centsToInput, parseDollars } from './money.ts';

export type AutopayField = 'paymentMethodId' | 'extraAmount' | 'draftDaysBeforeDue' | 'authorizationVersion';
export const AUTOPAY_FIELDS: readonly AutopayField[] = [
  'paymentMethodId',
  'extraAmount',
  'draftDaysBeforeDue',
  'authorizationVersion',
];
export type AutopayErrors = Partial<Record<AutopayField, string>>;

/** The largest extra amount a month (the server's rule too), in cents. */
export const MAX_EXTRA_CENTS = 500_000;

export interface AutopayDraft {
  methodId: string | null;
  rule: 'amount_due' | 'fixed_extra';
  extra: string;
  days: number;
  /** The customer ticked "I authorise": asked again on every save, as the server records each one. */
  agreed: boolean;
}

/** A new enrolment starts empty; an edit starts from what is saved. */
export function draftFrom(autopay: Autopay, bankIds: string[]): AutopayDraft {
  const enrolled = autopay.status === 'active' || autopay.status === 'paused';
  const saved = autopay.paymentMethod?.id;
  return {
    methodId:
      enrolled && saved && bankIds.includes(saved)
        ? saved
        : bankIds.length === 1
          ? (bankIds[0] ?? null)
          : null,
    rule: enrolled && autopay.amountRule ? autopay.amountRule : 'amount_due',
    extra: enrolled && autopay.extraAmount.amount > 0 ? centsToInput(autopay.extraAmount.amount) : '',
    days: enrolled ? (autopay.draftDaysBeforeDue ?? 0) : 0,
    agreed: false,
  };
}

export function extraError(t: TFunction, text: string, submitting = false): string | undefined {
  const parsed = parseDollars(text);
  if (!parsed.ok) {
    if (parsed.reason === 'empty') return submitting ? t('autopay.errors.extraRequired') : undefined;
    return t('pay.errors.amountInvalid');
  }
  if (parsed.cents < 1 || parsed.cents > MAX_EXTRA_CENTS) return t('autopay.errors.extraRange');
  return undefined;
}

export function validateAutopay(t: TFunction, draft: AutopayDraft): AutopayErrors {
  const errors: AutopayErrors = {};
  if (!draft.methodId) errors.paymentMethodId = t('autopay.errors.methodRequired');
  if (draft.rule === 'fixed_extra') {
    const extra = extraError(t, draft.extra, true);
    if (extra) errors.extraAmount = extra;
  }
  if (!draft.agreed) errors.authorizationVersion = t('autopay.errors.agreeRequired');
  return errors;
}

export function autopayRequest(
  draft: AutopayDraft,
  autopay: Autopay,
  language: Language,
  pauseNextCycle: boolean,
): AutopayRequest {
  const extra = parseDollars(draft.extra);
  return {
    paymentMethodId: draft.methodId ?? '',
    amountRule: draft.rule,
    ...(draft.rule === 'fixed_extra' && extra.ok ? { extraAmount: extra.cents } : {}),
    draftDaysBeforeDue: draft.days,
    authorizationVersion: autopay.authorization.version,
    language,
    pauseNextCycle,
  };
}

/**
 * Skipping or resuming one draft saves the enrolment as it is, with only the pause changed (the
 * API edits in place; the authorisation the customer accepted is the one in force).
 */
export function pauseRequest(autopay: Autopay, language: Language, pause: boolean): AutopayRequest {
  return {
    paymentMethodId: autopay.paymentMethod?.id ?? '',
    amountRule: autopay.amountRule ?? 'amount_due',
    ...(autopay.amountRule === 'fixed_extra' ? { extraAmount: autopay.extraAmount.amount } : {}),
    draftDaysBeforeDue: autopay.draftDaysBeforeDue ?? 0,
    authorizationVersion: autopay.authorization.version,
    language,
    pauseNextCycle: pause,
  };
}
