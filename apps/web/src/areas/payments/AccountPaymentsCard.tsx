import { Alert, Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Payment } from '@marque/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError, useAccountPayments, useCancelPayment } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import {
  Card,
  CursorPager,
  IconAlertCircle,
  IconCheckCircle,
  ListStates,
  MoneyText,
  useCursorPages,
} from '../../ui/index.ts';
import { useMethodLabelById } from './methodLabels.ts';
import { PaymentStatusBadge } from './PaymentStatusBadge.tsx';
import classes from './payments.module.css';
import { useReturnReason } from './returnReason.ts';

const PAGE_SIZE = 5;

/** The account page's "Payments": recent and scheduled ones, each cancellable while it may be. */
export function AccountPaymentsCard({ accountId, canPay }: { accountId: string; canPay: boolean }) {
  const { t } = useTranslation();
  const pages = useCursorPages();
  const payments = useAccountPayments(accountId, pages.cursor, PAGE_SIZE);
  const cancel = useCancelPayment(accountId);
  const [confirming, setConfirming] = useState<Payment | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const accountHref = `/accounts/${encodeURIComponent(accountId)}`;

  const onCancel = async (payment: Payment) => {
    setStatus(null);
    try {
      await cancel.mutateAsync(payment.id);
      setStatus({ ok: true, text: t('payments.cancel.done', { number: payment.confirmationNumber }) });
    } catch (error) {
      setStatus({
        ok: false,
        text:
          isApiError(error) && error.status === 409
            ? t('payments.cancel.tooLate')
            : t('payments.cancel.failed'),
      });
    } finally {
      setConfirming(null);
    }
  };

  return (
    <Card component="section" aria-labelledby="payments-title">
      <Card.Section>
        <Group justify="space-between" gap="sm">
          <Card.Title id="payments-title">{t('payments.title')}</Card.Title>
          <Anchor component={Link} to={`${accountHref}/transactions`} size="sm" fw={600}>
            {t('payments.allTransactions')}
          </Anchor>
        </Group>
        <div role="status">
          {status && (
            <Alert
              mt="sm"
              color={status.ok ? 'teal' : 'red'}
              icon={status.ok ? <IconCheckCircle /> : <IconAlertCircle />}
            >
              {status.text}
            </Alert>
          )}
        </div>
      </Card.Section>
      <Card.Section>
        <ListStates
          query={payments}
          errorTitle={t('payments.errorTitle')}
          empty={{
            title: t('payments.emptyTitle'),
            description: canPay ? t('payments.emptyBody') : undefined,
          }}
        >
          {(rows) => (
            <Stack gap="md">
              <ul className={classes.list}>
                {rows.map((payment) => (
                  <PaymentItem key={payment.id} payment={payment} onCancel={() => setConfirming(payment)} />
                ))}
              </ul>
              <CursorPager pages={pages} nextCursor={payments.data?.nextCursor} />
            </Stack>
          )}
        </ListStates>
      </Card.Section>
      <CancelDialog
        payment={confirming}
        busy={cancel.isPending}
        onConfirm={(p) => void onCancel(p)}
        onClose={() => setConfirming(null)}
      />
    </Card>
  );
}

function PaymentItem({ payment, onCancel }: { payment: Payment; onCancel: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reason = useReturnReason();
  const methodLabel = useMethodLabelById();
  const date = payment.effectiveDate ?? payment.scheduledFor;
  return (
    <li className={classes.item}>
      <div className={classes.itemMain}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <MoneyText value={payment.amount} fw={700} size="lg" />
          <PaymentStatusBadge status={payment.status} />
        </Group>
        <Text size="sm">
          {payment.status === 'scheduled'
            ? t('payments.scheduledFor', { date: format.date(date) })
            : format.date(date)}
          {' · '}
          {methodLabel(payment.paymentMethod)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('payments.confirmation', { number: payment.confirmationNumber })}
          {payment.channel === 'autopay' ? ` · ${t('payments.viaAutopay')}` : ''}
        </Text>
        {payment.status === 'returned' && (
          <Text size="sm" c="red.8">
            {t('payments.returnedBecause', { reason: reason(payment.returnCode, payment.returnReason) })}
          </Text>
        )}
      </div>
      {payment.cancellable && (
        <Button
          variant="default"
          size="sm"
          onClick={onCancel}
          aria-label={t('payments.cancel.buttonFor', {
            amount: format.money(payment.amount),
            date: format.date(date),
          })}
        >
          {t('payments.cancel.button')}
        </Button>
      )}
    </li>
  );
}

function CancelDialog({
  payment,
  busy,
  onConfirm,
  onClose,
}: {
  payment: Payment | null;
  busy: boolean;
  onConfirm: (payment: Payment) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const methodLabel = useMethodLabelById();
  return (
    <Modal
      opened={payment !== null}
      onClose={onClose}
      title={t('payments.cancel.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {payment && (
        <Stack gap="md">
          <Text>
            {t('payments.cancel.body', {
              amount: format.money(payment.amount),
              date: format.date(payment.scheduledFor, 'long'),
              method: methodLabel(payment.paymentMethod),
            })}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
              {t('payments.cancel.keep')}
            </Button>
            <Button color="red.8" loading={busy} onClick={() => onConfirm(payment)}>
              {t('payments.cancel.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
