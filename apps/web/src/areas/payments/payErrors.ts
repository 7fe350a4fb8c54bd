import type { TFunction } from 'i18next';
import { isApiError } from '../../api/index.ts';
import { serverFieldErrors } from '../shared/fieldErrors.ts';

/** Card declines come without a field: they belong next to the "Pay from" choice. */
const CODE_FIELDS: Record<string, string> = {
  card_declined: 'paymentMethodId',
  card_insufficient_funds: 'paymentMethodId',
  payment_method_unavailable: 'paymentMethodId',
};

/**
 * problem+json errors of a form, keyed by field, in the customer's language: the message for the
 * code when we have one (`payments.errors.<code>`), the server's English message otherwise.
 */
export function localizedFieldErrors<F extends string>(
  t: TFunction,
  error: unknown,
  fields: readonly F[],
  values: Record<string, string> = {},
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  const found = serverFieldErrors(error, fields);
  for (const field of fields) {
    const item = found[field];
    if (item) out[field] = errorText(t, item.code, item.message, values);
  }
  if (isApiError(error)) {
    const field = CODE_FIELDS[error.code] as F | undefined;
    if (field && fields.includes(field) && !out[field]) {
      out[field] = errorText(t, error.code, error.detail ?? '', values);
    }
  }
  return out;
}

export function errorText(t: TFunction, code: string, fallback: string, values: Record<string, string> = {}) {
  // A key computed from the server's code; a code we have no words for falls back to the server's message.
  return t(`payments.errors.${code}` as 'payments.errors.card_declined', {
    ...values,
    defaultValue: fallback,
  });
}

/** An error that belongs to no field: the network, a rule of the whole form, or our side. */
export function formErrorText(t: TFunction, error: unknown, fallback: string): string {
  if (isApiError(error) && error.isNetwork) return t('states.networkError');
  return isApiError(error) ? errorText(t, error.code, fallback) : fallback;
}
