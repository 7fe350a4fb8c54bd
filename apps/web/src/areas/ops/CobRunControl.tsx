import { Alert, Button, Group, Loader, Modal, Progress, Stack, Text } from '@mantine/core';
import type { CobOverview } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { IconAlertCircle, IconCheckCircle, IconRefresh } from '../../ui/index.ts';
import { useRequestErrorText } from '../shared/requestErrorText.ts';

/** `YYYY-MM-DD` plus whole days (calendar arithmetic only, in UTC). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Mantine's light alert titles in teal or blue fall under 4.5:1 on their tint: titles in text colour. */
const READABLE_TITLE = { title: { color: 'var(--mantine-color-text)' } };

export interface RunRequest {
  through: string;
  requestedAt: number;
}

/** The confirmation before a close (or a rerun) starts: what will be closed, and that it is audited. */
export function CobConfirmModal({
  through,
  businessDate,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  through: string | null;
  businessDate: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const genericError = useRequestErrorText();
  const errorText = (e: unknown): string => {
    if (isApiError(e) && e.code === 'cob_running') return t('cob.errors.running');
    const field = isApiError(e) ? e.errors.find((f) => f.field === 'through') : undefined;
    if (field?.code === 'future_date') return t('cob.errors.future_date');
    if (field?.code === 'too_far') return t('cob.errors.too_far');
    if (isApiError(e) && e.status === 403) return t('cob.errors.forbidden');
    return genericError(e);
  };
  const rerun = through !== null && through < businessDate;
  const days =
    through === null || rerun
      ? 1
      : Math.round((Date.parse(through) - Date.parse(businessDate)) / 86_400_000) + 1;
  return (
    <Modal
      opened={through !== null}
      onClose={onClose}
      title={t('cob.confirm.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {through && (
        <Stack gap="md">
          <Text>
            {rerun
              ? t('cob.confirm.rerun', { date: format.date(through) })
              : days > 1
                ? t('cob.confirm.catchUp', {
                    from: format.date(businessDate),
                    through: format.date(through),
                    count: days,
                  })
                : t('cob.confirm.one', { date: format.date(through) })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('cob.confirm.audited')}
          </Text>
          {error ? (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {errorText(error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('cob.confirm.cancel')}
            </Button>
            <Button onClick={onConfirm} loading={pending}>
              {t('cob.confirm.start')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** While a run is in flight: the partitions done so far, announced politely to screen readers. */
export function CobProgress({ overview, request }: { overview: CobOverview; request: RunRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const running = overview.runs.find((r) => r.status === 'running');
  const total = running?.partitions.total ?? 0;
  const done = running?.partitions.done ?? 0;
  return (
    <Alert
      color="blue"
      icon={<Loader size={18} />}
      title={t('cob.progress.title')}
      role="status"
      styles={READABLE_TITLE}
    >
      <Stack gap="xs">
        <Text size="sm">
          {running
            ? t('cob.progress.closing', {
                date: format.date(running.businessDate),
                done: format.integer(done),
                total: format.integer(total),
              })
            : t('cob.progress.starting', { date: format.date(request.through) })}
        </Text>
        <Progress
          value={total > 0 ? (done / total) * 100 : 5}
          animated
          aria-label={t('cob.progress.label')}
        />
      </Stack>
    </Alert>
  );
}

/** The outcome of the run this person started, until they dismiss it. */
export function CobResult({
  overview,
  request,
  failed,
  onDismiss,
}: {
  overview: CobOverview;
  request: RunRequest;
  failed: boolean;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const run = overview.runs.find((r) => r.businessDate === request.through);
  return (
    <Alert
      color={failed ? 'red' : 'teal'}
      icon={failed ? <IconAlertCircle /> : <IconCheckCircle />}
      title={failed ? t('cob.result.failedTitle') : t('cob.result.doneTitle')}
      role={failed ? 'alert' : 'status'}
      styles={READABLE_TITLE}
      withCloseButton
      closeButtonLabel={t('cob.result.dismiss')}
      onClose={onDismiss}
    >
      {failed
        ? t('cob.result.failedBody')
        : t('cob.result.doneBody', {
            date: format.date(request.through),
            seconds: run?.seconds?.toFixed(1) ?? '—',
            next: format.date(overview.businessDate),
          })}
    </Alert>
  );
}

export function RerunIcon() {
  return <IconRefresh size={16} />;
}
