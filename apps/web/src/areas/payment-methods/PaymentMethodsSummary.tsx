import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePaymentMethods } from '../../api/index.ts';
import { IconCard, IconCreditCard } from '../../ui/index.ts';

/** The dashboard's way in to payment methods: what is on file, and a link to manage them. */
export function PaymentMethodsSummary() {
  const { t } = useTranslation();
  const methods = usePaymentMethods();
  const list = methods.data?.data ?? [];
  const names = list.map((m) =>
    m.type === 'bank_account'
      ? `${m.bankAccount.bankName ?? t('paymentMethods.bankFallback')} •••• ${m.bankAccount.last4}`
      : `${t(`paymentMethods.brands.${m.card.brand}`)} •••• ${m.card.last4}`,
  );
  return (
    <IconCard
      icon={<IconCreditCard size={22} />}
      title={t('paymentMethods.dashboardTitle')}
      titleId="payment-methods-summary"
      action={
        <Button component={Link} to="/payment-methods" variant="light">
          {t('paymentMethods.dashboardLink')}
        </Button>
      }
    >
      {list.length > 0
        ? t('paymentMethods.dashboardCount', { count: list.length, names: names.join(', ') })
        : t('paymentMethods.emptyBody')}
    </IconCard>
  );
}
