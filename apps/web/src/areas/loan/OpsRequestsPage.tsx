import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { OpsAccountRequest } from '@marque/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDecideRequest, useOpsAccountRequests } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import {
  Card,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  type Tone,
  ToneBadge,
  useDocumentTitle,
} from '../../ui/index.ts';
import { OpsError } from '../ops/OpsStates.tsx';
import { useBrandInfo } from '../shared/useBrandInfo.ts';

const FILTERS = ['pending', 'approved', 'denied', 'all'] as const;
const STATUS_TONE: Record<OpsAccountRequest['status'], Tone> = {
  pending: 'info',
  approved: 'good',
  denied: 'neutral',
};

/** `/ops/requests`: the queue of due-date change and extension requests, with approve / decline. */
export function OpsRequestsPage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  useDocumentTitle(t('loan.ops.title'), brand.name);
  const [status, setStatus] = useState<(typeof FILTERS)[number]>('pending');
  const list = useOpsAccountRequests(status);

  return (
    <Stack gap="lg">
      <PageHeader title={t('loan.ops.title')} description={t('loan.ops.intro')} />
      <div>
        <Text size="sm" fw={600} mb={4} id="request-filter-label">
          {t('loan.ops.filter')}
        </Text>
        <SegmentedControl
          aria-labelledby="request-filter-label"
          value={status}
          onChange={(v) => setStatus(v as (typeof FILTERS)[number])}
          data={FILTERS.map((f) => ({ value: f, label: t(`loan.ops.filterOption.${f}`) }))}
        />
      </div>
      {list.isPending ? (
        <LoadingState cards={2} />
      ) : list.isError ? (
        <OpsError error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : list.data.data.length === 0 ? (
        <Card>
          <Card.Section>
            <EmptyState title={t('loan.ops.empty')} description={t('loan.ops.emptyBody')} />
          </Card.Section>
        </Card>
      ) : (
        list.data.data.map((r) => <RequestCard key={r.id} request={r} />)
      )}
    </Stack>
  );
}

function RequestCard({ request }: { request: OpsAccountRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const decide = useDecideRequest();
  const [note, setNote] = useState('');
  const q = request.quote;
  const titleId = `request-${request.id}`;
  return (
    <Card component="article" aria-labelledby={titleId}>
      <Card.Section>
        <Group justify="space-between" align="flex-start">
          <div>
            <Text component="h2" id={titleId} fw={700} size="lg" m={0}>
              {request.kind === 'due_date_change'
                ? t('loan.requests.summary.due_date_change', { day: q.dueDay })
                : t('loan.requests.summary.extension', { count: q.payments ?? 1 })}
            </Text>
            <Text size="sm">
              {t('loan.ops.customer')}: {request.customerName} · {t('loan.ops.account')}:{' '}
              {request.accountNumber}
            </Text>
          </div>
          <ToneBadge tone={STATUS_TONE[request.status]}>
            {t(`loan.requests.status.${request.status}`)}
          </ToneBadge>
        </Group>
      </Card.Section>
      <Card.Section>
        <Text size="sm">
          {t('loan.ops.cost', {
            interest: format.money(q.extraInterest),
            from: format.money(q.currentFinalPayment),
            to: format.money(q.newFinalPayment),
            date: format.date(q.newMaturityDate),
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('loan.ops.requested')}: {format.dateTime(request.createdAt)}
        </Text>
        {request.decisionNote && (
          <Text size="sm">{t('loan.requests.decisionNote', { note: request.decisionNote })}</Text>
        )}
      </Card.Section>
      {request.status === 'pending' && (
        <Card.Section muted>
          <Stack gap="sm">
            <TextInput
              label={t('loan.ops.note')}
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Group>
              <Button
                loading={decide.isPending && decide.variables?.body.decision === 'approve'}
                onClick={() => decide.mutate({ requestId: request.id, body: { decision: 'approve', note } })}
              >
                {t('loan.ops.approve')}
              </Button>
              <Button
                variant="default"
                loading={decide.isPending && decide.variables?.body.decision === 'deny'}
                onClick={() => decide.mutate({ requestId: request.id, body: { decision: 'deny', note } })}
              >
                {t('loan.ops.deny')}
              </Button>
            </Group>
            {decide.isError && <ErrorState headingOrder={3} error={decide.error} />}
          </Stack>
        </Card.Section>
      )}
    </Card>
  );
}
