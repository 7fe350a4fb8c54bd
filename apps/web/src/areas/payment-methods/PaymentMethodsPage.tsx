import { Alert, Button, Group, Modal, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { PaymentMethod } from '@marque/contracts';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paymentMethods, useInvalidatePaymentMethods, useMe, usePaymentMethods } from '../../api/index.ts';
import {
  Card,
  EmptyState,
  ErrorState,
  IconAlertCircle,
  IconBank,
  IconCheckCircle,
  IconCreditCard,
  LoadingState,
  PageHeader,
  ToneBadge,
  useDocumentTitle,
} from '../../ui/index.ts';
import { useStepUp } from '../security/StepUp.tsx';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { AddBankAccountForm } from './AddBankAccountForm.tsx';
import { AddCardForm } from './AddCardForm.tsx';
import { methodName } from './methodText.ts';
import classes from './paymentMethods.module.css';

type Adding = 'bank' | 'card' | null;
type Notice = { tone: 'ok' | 'error'; text: string } | null;

/**
 * Payment methods (`/payment-methods`): the customer's bank accounts and debit cards, masked;
 * add a bank account or a card (through the processor's form), remove one after a confirmation.
 */
export function PaymentMethodsPage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  useDocumentTitle(t('paymentMethods.title'), brand.name);
  const me = useMe();
  const methods = usePaymentMethods();
  const invalidate = useInvalidatePaymentMethods();
  const { guard, dialog } = useStepUp();
  const [adding, setAdding] = useState<Adding>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [removing, setRemoving] = useState<PaymentMethod | null>(null);

  const onAdded = useCallback(
    (method: PaymentMethod) => {
      setAdding(null);
      setNotice({ tone: 'ok', text: t('paymentMethods.added', { name: methodName(t, method) }) });
      void invalidate();
    },
    [t, invalidate],
  );

  const customer = me.data?.customer;
  const holderName = customer
    ? `${customer.firstName} ${customer.lastName}`
    : (me.data?.user.displayName ?? '');

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('paymentMethods.title')}
        description={t('paymentMethods.intro')}
        back={{ to: '/', label: t('paymentMethods.back') }}
      />
      <div role="status">
        {notice && (
          <Alert
            color={notice.tone === 'ok' ? 'teal' : 'red'}
            icon={notice.tone === 'ok' ? <IconCheckCircle /> : <IconAlertCircle />}
            withCloseButton
            closeButtonLabel={t('common.done')}
            onClose={() => setNotice(null)}
          >
            {notice.text}
          </Alert>
        )}
      </div>

      <section aria-labelledby="methods-heading">
        <Title order={2} id="methods-heading" size="h4" mb="md">
          {t('paymentMethods.listHeading')}
        </Title>
        {methods.isPending ? (
          <LoadingState cards={1} />
        ) : methods.isError ? (
          <ErrorState
            headingOrder={3}
            title={t('paymentMethods.loadError')}
            error={methods.error}
            onRetry={() => void methods.refetch()}
            retrying={methods.isFetching}
          />
        ) : methods.data.data.length === 0 ? (
          <EmptyState
            headingOrder={3}
            title={t('paymentMethods.emptyTitle')}
            description={t('paymentMethods.emptyBody')}
          />
        ) : (
          <Card>
            <Card.Section py={0}>
              <ul className={classes.list}>
                {methods.data.data.map((method) => (
                  <li key={method.id}>
                    <MethodRow method={method} onRemove={() => setRemoving(method)} />
                  </li>
                ))}
              </ul>
            </Card.Section>
          </Card>
        )}
      </section>

      <Card component="section" aria-labelledby="add-heading">
        <Card.Section>
          <Card.Title id="add-heading">
            {adding === 'bank'
              ? t('paymentMethods.bank.heading')
              : adding === 'card'
                ? t('paymentMethods.card.heading')
                : t('paymentMethods.addHeading')}
          </Card.Title>
        </Card.Section>
        <Card.Section>
          {adding === 'bank' ? (
            <AddBankAccountForm
              defaultHolderName={holderName}
              guard={guard}
              onAdded={onAdded}
              onCancel={() => setAdding(null)}
            />
          ) : adding === 'card' ? (
            <AddCardForm guard={guard} onAdded={onAdded} onCancel={() => setAdding(null)} />
          ) : (
            <div className={classes.actions}>
              <Button
                size="md"
                variant="light"
                leftSection={<IconBank size={18} />}
                onClick={() => {
                  setNotice(null);
                  setAdding('bank');
                }}
              >
                {t('paymentMethods.addBank')}
              </Button>
              <Button
                size="md"
                variant="light"
                leftSection={<IconCreditCard size={18} />}
                onClick={() => {
                  setNotice(null);
                  setAdding('card');
                }}
              >
                {t('paymentMethods.addCard')}
              </Button>
            </div>
          )}
        </Card.Section>
      </Card>

      <RemoveDialog
        method={removing}
        onClose={() => setRemoving(null)}
        onDone={(result) => {
          setRemoving(null);
          setNotice(result);
          void invalidate();
        }}
      />
      {dialog}
    </Stack>
  );
}

function Masked({ last4 }: { last4: string }) {
  const { t } = useTranslation();
  return (
    <span className={classes.masked}>
      <span aria-hidden="true">•••• </span>
      <VisuallyHidden>{`${t('paymentMethods.endingIn')} `}</VisuallyHidden>
      {last4}
    </span>
  );
}

function MethodRow({ method, onRemove }: { method: PaymentMethod; onRemove: () => void }) {
  const { t } = useTranslation();
  const isBank = method.type === 'bank_account';
  const title = isBank
    ? (method.bankAccount.bankName ?? t('paymentMethods.bankFallback'))
    : t('paymentMethods.debitCard', { brand: t(`paymentMethods.brands.${method.card.brand}`) });
  return (
    <div className={classes.row}>
      <div className={classes.rowMain}>
        <span className={classes.rowIcon}>
          {isBank ? <IconBank size={20} /> : <IconCreditCard size={20} />}
        </span>
        <div>
          <Text fw={650}>{method.nickname ?? title}</Text>
          {method.nickname && (
            <Text size="sm" c="dimmed">
              {title}
            </Text>
          )}
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {isBank ? t(`paymentMethods.accountTypes.${method.bankAccount.accountType}`) : null}
              {isBank ? ' ' : null}
              <Masked last4={isBank ? method.bankAccount.last4 : method.card.last4} />
              {!isBank &&
                ` · ${t('paymentMethods.expires', {
                  date: `${String(method.card.expMonth).padStart(2, '0')}/${String(method.card.expYear).slice(-2)}`,
                })}`}
            </Text>
            {!isBank && method.card.expired && (
              <ToneBadge tone="danger" icon={<IconAlertCircle size={14} />}>
                {t('paymentMethods.expired')}
              </ToneBadge>
            )}
          </Group>
        </div>
      </div>
      <Button
        variant="subtle"
        color="red"
        size="sm"
        onClick={onRemove}
        aria-label={t('paymentMethods.removeLabel', { name: methodName(t, method) })}
      >
        {t('paymentMethods.remove')}
      </Button>
    </div>
  );
}

function RemoveDialog({
  method,
  onClose,
  onDone,
}: {
  method: PaymentMethod | null;
  onClose: () => void;
  onDone: (notice: Notice) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const name = method ? methodName(t, method) : '';
  const confirm = async () => {
    if (!method || busy) return;
    setBusy(true);
    try {
      await paymentMethods.remove(method.id);
      onDone({ tone: 'ok', text: t('paymentMethods.removed', { name }) });
    } catch {
      onDone({ tone: 'error', text: t('paymentMethods.removeFailed') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened={method !== null}
      onClose={onClose}
      title={t('paymentMethods.removeTitle')}
      closeButtonProps={{ 'aria-label': t('common.cancel') }}
      centered
    >
      <Stack gap="md">
        <Text size="sm">{t('paymentMethods.removeBody', { name })}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red.8" loading={busy} onClick={() => void confirm()}>
            {t('paymentMethods.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
