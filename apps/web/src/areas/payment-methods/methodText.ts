import type { PaymentMethod } from '@marque/contracts';
import type { TFunction } from 'i18next';
import { isApiError } from '../../api/index.ts';

/** "Magnolia State Bank checking ending in 9012", "Visa debit card ending in 4242": how we name a method in sentences. */
export function methodName(t: TFunction, method: PaymentMethod): string {
  if (method.type === 'bank_account') {
    const bank = method.bankAccount.bankName ?? t('paymentMethods.bankFallback');
    const type = t(`paymentMethods.accountTypes.${method.bankAccount.accountType}`).toLowerCase();
    return `${bank} ${type} ${t('paymentMethods.endingIn')} ${method.bankAccount.last4}`;
  }
  const brand = t(`paymentMethods.brands.${method.card.brand}`);
  return `${t('paymentMethods.debitCard', { brand })} ${t('paymentMethods.endingIn')} ${method.card.last4}`;
}

const KNOWN_CODES = [
  'duplicate_bank_account',
  'duplicate_card',
  'payment_method_limit',
  'debit_card_required',
  'card_expired',
  'invalid_card_token',
  'card_number_not_accepted',
] as const;

/** A sentence for a failed add, in the reader's language (the server's detail is the fallback). */
export function addErrorMessage(t: TFunction, error: unknown): string | null {
  if (!isApiError(error)) return t('paymentMethods.errors.generic');
  if (error.code === 'step_up_cancelled') return t('paymentMethods.stepUpCancelled');
  if (error.isNetwork) return t('paymentMethods.errors.network');
  const code = [error.code, ...error.errors.map((e) => e.code)].find((c) =>
    (KNOWN_CODES as readonly string[]).includes(c),
  ) as (typeof KNOWN_CODES)[number] | undefined;
  if (code) return t(`paymentMethods.errors.${code}`);
  return error.status >= 400 && error.status < 500 && error.detail
    ? error.detail
    : t('paymentMethods.errors.generic');
}
