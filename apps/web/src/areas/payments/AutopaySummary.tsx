import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Autopay } from '@marque/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, saveAutopay, stopAutopay } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { DateTimeText, type Fact, FactList, IconAlertCircle, MoneyText } from '../../ui/index.ts';
import type { useStepUp } from '../security/StepUp.tsx';
import { AutopayStatusBadge } from './AutopayStatusBadge.tsx';
import { pauseRequest } from './autopayDraft.ts';
import { useMethodLabelById } from './methodLabels.ts';
import { formErrorText } from './payErrors.ts';

export interface AutopaySummaryProps {
  accountId: string;
  autopay: Autopay;
  guard: ReturnType<typeof useStepUp>['guard'];
  onEdit: () => void;
  onChanged: (autopay: Autopay, change: 'skipped' | 'resumed' | 'stopped') => void;
}

type Dialog = 'skip' | 'stop' | null;

/** An enrolment at a glance (next draft, amount, bank account) with edit, skip one, resume and stop. */
export function AutopaySummary({ accountId, autopay, guard, onEdit, onChanged }: AutopaySummaryProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const methodLabel = useMethodLabelById();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<'skip' | 'resume' | 'stop' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (kind: 'skip' | 'resume' | 'stop') => {
    setBusy(kind);
    setError(null);
    try {
      const saved = await guard(() =>
        kind === 'stop'
          ? stopAutopay(accountId)
          : saveAutopay(accountId, pauseRequest(autopay, format.language, kind === 'skip')),
      );
      onChanged(saved, kind === 'skip' ? 'skipped' : kind === 'resume' ? 'resumed' : 'stopped');
    } catch (e) {
      if (!(isApiError(e) && e.code === 'step_up_cancelled')) {
        setError(formErrorText(t, e, t('autopay.errors.generic')));
      }
    } finally {
      setBusy(null);
      setDialog(null);
    }
  };

  const amount =
    autopay.amountRule === 'fixed_extra'
      ? t('autopay.rule.fixedExtraAmount', { extra: format.money(autopay.extraAmount) })
      : t('autopay.rule.amount_due');
  const facts: Fact[] = [
    {
      key: 'status',
      label: t('autopay.summary.status'),
      value: <AutopayStatusBadge status={autopay.status} />,
    },
    {
      key: 'next',
      label: t('autopay.summary.nextDraft'),
      value: autopay.nextDraft ? (
        <Stack gap={0} align="flex-end">
          <MoneyText value={autopay.nextDraft.amount} fw={700} />
          <Text size="sm">
            {t('autopay.summary.nextDraftOn', {
              date: format.date(autopay.nextDraft.date),
              due: format.date(autopay.nextDraft.dueDate),
            })}
          </Text>
        </Stack>
      ) : autopay.skipDueDate ? (
        t('autopay.summary.skipped', { due: format.date(autopay.skipDueDate) })
      ) : (
        t('autopay.summary.none')
      ),
    },
    { key: 'from', label: t('autopay.summary.from'), value: methodLabel(autopay.paymentMethod) },
    { key: 'amount', label: t('autopay.summary.amount'), value: amount },
    {
      key: 'days',
      label: t('autopay.summary.when'),
      value: t('autopay.days', { count: autopay.draftDaysBeforeDue ?? 0 }),
    },
    ...(autopay.acceptedAt
      ? [
          {
            key: 'accepted',
            label: t('autopay.summary.accepted'),
            value: <DateTimeText value={autopay.acceptedAt} span inherit />,
          },
        ]
      : []),
  ];

  return (
    <Stack gap="md">
      <FactList facts={facts} />
      {error && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert">
          {error}
        </Alert>
      )}
      <Group gap="sm">
        <Button onClick={onEdit} disabled={busy !== null}>
          {t('autopay.edit')}
        </Button>
        {/* Shown even when no amount is due yet: the server says when there is nothing to skip. */}
        {autopay.status === 'active' && (
          <Button variant="default" onClick={() => setDialog('skip')} disabled={busy !== null}>
            {t('autopay.skip')}
          </Button>
        )}
        {autopay.status === 'paused' && (
          <Button variant="default" onClick={() => void run('resume')} loading={busy === 'resume'}>
            {t('autopay.resume')}
          </Button>
        )}
        <Button variant="outline" color="red.8" onClick={() => setDialog('stop')} disabled={busy !== null}>
          {t('autopay.stop')}
        </Button>
      </Group>

      <Modal
        opened={dialog === 'skip'}
        onClose={() => setDialog(null)}
        title={t('autopay.skipDialog.title')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text>
            {autopay.nextDraft
              ? t('autopay.skipDialog.body', {
                  amount: format.money(autopay.nextDraft.amount),
                  date: format.date(autopay.nextDraft.date, 'long'),
                  due: format.date(autopay.nextDraft.dueDate, 'long'),
                })
              : t('autopay.skipDialog.bodyNext')}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDialog(null)} data-autofocus disabled={busy !== null}>
              {t('autopay.skipDialog.keep')}
            </Button>
            <Button onClick={() => void run('skip')} loading={busy === 'skip'}>
              {t('autopay.skipDialog.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={dialog === 'stop'}
        onClose={() => setDialog(null)}
        title={t('autopay.stopDialog.title')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text>{t('autopay.stopDialog.body', { method: methodLabel(autopay.paymentMethod) })}</Text>
          <Text size="sm" c="dimmed">
            {t('autopay.stopDialog.rule')}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDialog(null)} data-autofocus disabled={busy !== null}>
              {t('autopay.stopDialog.keep')}
            </Button>
            <Button color="red.8" onClick={() => void run('stop')} loading={busy === 'stop'}>
              {t('autopay.stopDialog.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
