import type { PaymentMethod } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { usePaymentMethods } from '../../api/index.ts';

export interface MethodText {
  /** The nickname when there is one, else the masked description. */
  label: string;
  hint: string;
  /** Nickname and masked description together: for summaries, where there is no hint line. */
  full: string;
  /** Cards past their expiry cannot pay. */
  usable: boolean;
}

const BRANDS: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
};

/** A payment method as the customer recognises it, masked: only the last 4 digits are ever shown. */
export function useMethodText() {
  const { t } = useTranslation();
  return (method: PaymentMethod): MethodText => {
    if (method.type === 'bank_account') {
      const { bankAccount } = method;
      const label = t('payments.method.bank', {
        type: t(`payments.method.accountType.${bankAccount.accountType}`),
        last4: bankAccount.last4,
      });
      return {
        label: method.nickname ?? label,
        hint: [method.nickname ? label : null, bankAccount.bankName].filter(Boolean).join(' · '),
        full: method.nickname ? `${method.nickname} (${label})` : label,
        usable: true,
      };
    }
    const { card } = method;
    const brand = BRANDS[card.brand];
    const label = brand
      ? t('payments.method.card', { brand, last4: card.last4 })
      : t('payments.method.cardNoBrand', { last4: card.last4 });
    const expiry = `${String(card.expMonth).padStart(2, '0')}/${card.expYear}`;
    const expires = card.expired
      ? t('payments.method.expired', { expiry })
      : t('payments.method.expires', { expiry });
    return {
      label: method.nickname ?? label,
      hint: [method.nickname ? label : null, expires].filter(Boolean).join(' · '),
      full: method.nickname ? `${method.nickname} (${label})` : label,
      usable: !card.expired,
    };
  };
}

/**
 * The label of a method a payment or enrolment names, in the customer's language when the method
 * is still on file (the server's label is English, and stays for methods removed since).
 */
export function useMethodLabelById() {
  const methods = usePaymentMethods();
  const methodText = useMethodText();
  return (method: { id: string; label: string } | null | undefined): string => {
    if (!method) return '';
    const known = methods.data?.data.find((m) => m.id === method.id);
    return known ? methodText(known).full : method.label;
  };
}
