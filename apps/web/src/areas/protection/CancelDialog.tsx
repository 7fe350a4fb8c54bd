import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { CANCELLATION_REASONS, type Cancellation, type ProtectionProduct } from '@marque/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey, useCancellationQuote, useCancelProduct } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorState, type Fact, FactList, LoadingState, MoneyText } from '../../ui/index.ts';
import { useRequestErrorText } from '../shared/requestErrorText.ts';
import { useLooseT } from './text.ts';

type Reason = (typeof CANCELLATION_REASONS)[number];

/**
 * Cancelling a product: the refund, how it was worked out and where it goes are shown first;
 * only "Cancel and get $X back" does anything. One Idempotency-Key per dialog, so a double
 * click or a retry cancels once.
 */
export function CancelDialog({
  accountId,
  product,
  onClose,
}: {
  accountId: string;
  product: ProtectionProduct | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={product !== null}
      onClose={onClose}
      title={product ? t('protection.cancel.title', { name: product.name }) : ''}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('protection.cancel.close') }}
    >
      {product && <CancelBody key={product.id} accountId={accountId} product={product} onClose={onClose} />}
    </Modal>
  );
}

function CancelBody({
  accountId,
  product,
  onClose,
}: {
  accountId: string;
  product: ProtectionProduct;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lt = useLooseT();
  const format = useFormat();
  const errorText = useRequestErrorText();
  const quote = useCancellationQuote(accountId, product.id);
  const cancel = useCancelProduct(accountId);
  const [reason, setReason] = useState<Reason | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [key] = useState(newIdempotencyKey);
  const [done, setDone] = useState<Cancellation | null>(null);

  if (done) {
    return (
      <Stack gap="md" role="status">
        <Text fw={600} size="lg">
          {t('protection.cancel.doneTitle')}
        </Text>
        <Text>
          {t('protection.cancel.doneBody', { name: product.name, amount: format.money(done.quote.refund) })}
        </Text>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('protection.cancel.close')}</Button>
        </Group>
      </Stack>
    );
  }
  if (quote.isPending) return <LoadingState cards={1} label={t('protection.cancel.loading')} />;
  if (!quote.data) {
    return (
      <ErrorState
        title={t('protection.cancel.errorTitle')}
        description={isApiError(quote.error) ? quote.error.detail : undefined}
        error={quote.error}
        onRetry={() => void quote.refetch()}
        retrying={quote.isFetching}
        headingOrder={3}
      />
    );
  }
  const q = quote.data;
  const money = (key: string, value: Parameters<typeof format.money>[0], strong = false): Fact => ({
    key,
    label: lt(`protection.cancel.${key}`),
    value: <MoneyText value={value} fw={strong ? 700 : 500} />,
  });
  const facts: Fact[] = [
    money('price', q.price),
    {
      key: 'timeUnused',
      label: t('protection.cancel.timeUnused'),
      value: t('protection.products.timeValue', {
        used: format.integer(q.unusedShare.byTime.unused),
        total: format.integer(q.unusedShare.byTime.total),
      }),
    },
    ...(q.unusedShare.byMileage
      ? [
          {
            key: 'milesUnused',
            label: t('protection.cancel.milesUnused'),
            value: t('protection.products.milesValue', {
              used: format.integer(q.unusedShare.byMileage.unused),
              total: format.integer(q.unusedShare.byMileage.total),
            }),
          },
        ]
      : []),
    money('proRata', q.proRataRefund),
    {
      ...money('fee', q.cancellationFee),
      value: (
        <MoneyText
          value={{
            ...q.cancellationFee,
            amount: q.cancellationFee.amount === 0 ? 0 : -q.cancellationFee.amount,
          }}
          fw={500}
        />
      ),
    },
    money('refund', q.refund, true),
    ...(q.principalReduction.amount > 0 ? [money('principal', q.principalReduction)] : []),
    ...(q.customerRefund.amount > 0 ? [money('customer', q.customerRefund)] : []),
  ];
  const changed = isApiError(cancel.error) && cancel.error.code === 'quote_changed';

  const confirm = () => {
    if (!reason) {
      setReasonError(t('protection.cancel.reasonRequired'));
      return;
    }
    cancel.mutate(
      { productId: product.id, body: { expectedRefund: q.refund.amount, reason }, key },
      {
        onSuccess: setDone,
        onError: (error) => {
          if (isApiError(error) && error.code === 'quote_changed') void quote.refetch();
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('protection.cancel.intro')}</Text>
      <Text size="sm" fw={600}>
        {lt(`protection.cancel.basis.${q.basisUsed}`)}
      </Text>
      <FactList facts={facts} />
      <Select
        label={t('protection.cancel.reason')}
        data={CANCELLATION_REASONS.map((r) => ({ value: r, label: lt(`protection.cancel.reasons.${r}`) }))}
        value={reason}
        onChange={(v) => {
          setReason(v as Reason | null);
          setReasonError(null);
        }}
        error={reasonError}
        required
        size="md"
      />
      {cancel.isError && (
        <Alert color="red" role="alert">
          {changed
            ? t('protection.cancel.quoteChanged')
            : isApiError(cancel.error) && cancel.error.detail
              ? cancel.error.detail
              : errorText(cancel.error)}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('protection.cancel.keep')}
        </Button>
        <Button color="red.9" onClick={confirm} loading={cancel.isPending}>
          {t('protection.cancel.confirm', { amount: format.money(q.refund) })}
        </Button>
      </Group>
    </Stack>
  );
}
