import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { PaymentRequest } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { type Fact, FactList, IconAlertCircle, MoneyText } from '../../ui/index.ts';
import { usd } from './money.ts';

export interface PayReviewProps {
  request: PaymentRequest;
  methodLabel: string;
  accountLabel: string;
  /** Today's business date: a payment without scheduledFor is made today. */
  today: string;
  submitting: boolean;
  error: string | null;
  onPay: () => void;
  onEdit: () => void;
}

/** Step 2: everything the customer is about to authorise, and one clear "Pay $X" button. */
export function PayReview({
  request,
  methodLabel,
  accountLabel,
  today,
  submitting,
  error,
  onPay,
  onEdit,
}: PayReviewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const amount = format.money(usd(request.amount));
  const date = request.scheduledFor ?? today;
  const facts: Fact[] = [
    { key: 'account', label: t('pay.review.account'), value: accountLabel },
    { key: 'from', label: t('pay.review.from'), value: methodLabel },
    {
      key: 'date',
      label: t('pay.review.date'),
      value: request.scheduledFor
        ? format.date(request.scheduledFor, 'long')
        : t('pay.review.today', { date: format.date(today, 'long') }),
    },
    {
      key: 'applied',
      label: t('pay.review.applied'),
      value: request.principalOnly ? t('pay.review.principalOnly') : t('pay.review.waterfall'),
    },
  ];
  return (
    <Stack gap="lg">
      <FactList facts={facts} />
      <Group justify="space-between" align="baseline" wrap="nowrap">
        <Text fw={700} size="lg">
          {t('pay.review.total')}
        </Text>
        <MoneyText value={usd(request.amount)} fw={800} fz={28} />
      </Group>
      <Text size="sm" c="dimmed">
        {t('pay.review.authorization', {
          amount,
          method: methodLabel,
          date: format.date(date, 'long'),
        })}
      </Text>
      {error && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert">
          {error}
        </Alert>
      )}
      <Stack gap="sm">
        <Button size="lg" onClick={onPay} loading={submitting} disabled={submitting}>
          {request.scheduledFor ? t('pay.review.schedule', { amount }) : t('pay.review.pay', { amount })}
        </Button>
        <Button variant="default" size="md" onClick={onEdit} disabled={submitting}>
          {t('pay.review.edit')}
        </Button>
      </Stack>
    </Stack>
  );
}
