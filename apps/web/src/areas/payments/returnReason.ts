import { useTranslation } from 'react-i18next';

/** Why the bank (or card issuer) sent a payment back, in the customer's language when we know the code. */
export function useReturnReason() {
  const { t } = useTranslation();
  return (code: string | null, serverReason: string | null): string => {
    const fallback = serverReason ?? t('payments.returnReasons.unknown');
    if (!code) return fallback;
    return t(`payments.returnReasons.${code}` as 'payments.returnReasons.unknown', {
      defaultValue: fallback,
    });
  };
}
