import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { Payment } from '@marque/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { Card, FactList, IconCheckCircle, IconMail, MoneyText } from '../../ui/index.ts';
import { useMethodLabelById } from './methodLabels.ts';
import { PaymentSplitView } from './PaymentSplitView.tsx';
import { PaymentStatusBadge } from './PaymentStatusBadge.tsx';
import classes from './pay.module.css';

/** Step 3: the confirmation number, the status and, once posted, where the money went. */
export function PayConfirmation({ payment, accountHref }: { payment: Payment; accountHref: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const methodLabel = useMethodLabelById();
  const heading = useRef<HTMLHeadingElement>(null);
  // Screen readers hear the outcome first; keyboard users continue from here.
  useEffect(() => heading.current?.focus(), []);
  const scheduled = payment.status === 'scheduled';
  return (
    <Card component="section" aria-labelledby="confirmation-title">
      <Card.Section>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <span className={classes.doneIcon}>
            <IconCheckCircle size={28} />
          </span>
          <div>
            <Title
              order={2}
              id="confirmation-title"
              ref={heading}
              tabIndex={-1}
              className={classes.focusTitle}
            >
              {scheduled ? t('pay.done.scheduledTitle') : t('pay.done.title')}
            </Title>
            <Text c="dimmed" mt={4}>
              {scheduled
                ? t('pay.done.scheduledBody', { date: format.date(payment.scheduledFor, 'long') })
                : t('pay.done.body')}
            </Text>
          </div>
        </Group>
      </Card.Section>
      <Card.Section>
        <Stack gap={4} align="flex-start">
          <Text size="sm" c="dimmed">
            {t('pay.done.confirmationNumber')}
          </Text>
          <Text className={classes.confirmation} data-testid="confirmation-number">
            {payment.confirmationNumber}
          </Text>
        </Stack>
      </Card.Section>
      <Card.Section py={4}>
        <FactList
          facts={[
            {
              key: 'status',
              label: t('pay.done.status'),
              value: <PaymentStatusBadge status={payment.status} />,
            },
            {
              key: 'amount',
              label: t('pay.done.amount'),
              value: <MoneyText value={payment.amount} fw={700} />,
            },
            { key: 'from', label: t('pay.review.from'), value: methodLabel(payment.paymentMethod) },
            {
              key: 'date',
              label: t('pay.review.date'),
              value: format.date(payment.effectiveDate ?? payment.scheduledFor, 'long'),
            },
          ]}
        />
      </Card.Section>
      {payment.split && (
        <Card.Section>
          <Title order={3} size="h4" mb="sm">
            {t('pay.done.splitTitle')}
          </Title>
          <PaymentSplitView split={payment.split} />
        </Card.Section>
      )}
      <Card.Section muted>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconMail size={18} style={{ flex: 'none', marginTop: 3 }} aria-hidden="true" />
          <Text size="sm">{t('pay.done.emailed')}</Text>
        </Group>
      </Card.Section>
      <Card.Section>
        <Group gap="sm">
          <Button component={Link} to={accountHref}>
            {t('pay.done.backToAccount')}
          </Button>
          <Button component={Link} to={`${accountHref}/transactions`} variant="default">
            {t('pay.done.transactions')}
          </Button>
        </Group>
      </Card.Section>
    </Card>
  );
}
