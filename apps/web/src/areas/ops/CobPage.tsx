import { Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { CobRun } from '@marque/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cobRunOutcome, useCobOverview, useMe, useRequestCobRun } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import {
  Card,
  DateText,
  DateTimeText,
  EmptyState,
  IconGauge,
  LoadingState,
  PageHeader,
  type Tone,
  ToneBadge,
  useDocumentTitle,
} from '../../ui/index.ts';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import {
  addDays,
  CobConfirmModal,
  CobProgress,
  CobResult,
  RerunIcon,
  type RunRequest,
} from './CobRunControl.tsx';
import { CobStepTimings, useStepLabel } from './CobStepTimings.tsx';
import classes from './cob.module.css';
import { OpsError } from './OpsStates.tsx';

/** Only they may start a close; everyone else on the page reads (the server checks too). */
const OPERATORS = new Set(['admin', 'supervisor']);

const STATUS_TONE: Record<CobRun['status'], Tone> = { completed: 'good', failed: 'danger', running: 'info' };

/**
 * `/ops/cob`: the business date, a button to close it (or catch up to today), the last runs with
 * where each spent its time, and what failed. A run started here is followed by polling.
 */
export function CobPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const brand = useBrandInfo();
  useDocumentTitle(t('cob.title'), brand.name);
  const me = useMe();
  const canRun = OPERATORS.has(me.data?.user.role ?? '');
  const [request, setRequest] = useState<RunRequest | null>(null);
  const [outcome, setOutcome] = useState<{ failed: boolean } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const inFlight = request !== null && outcome === null;
  const overview = useCobOverview(inFlight);
  const start = useRequestCobRun();
  const stepLabel = useStepLabel();

  useEffect(() => {
    if (!inFlight || !overview.data) return;
    const seen = cobRunOutcome(overview.data, request);
    if (seen.done) setOutcome({ failed: seen.failed });
  }, [inFlight, overview.data, request]);

  const confirm = () => {
    if (!confirming) return;
    const through = confirming;
    const requestedAt = Date.now();
    start.mutate(
      { through },
      {
        onSuccess: () => {
          setConfirming(null);
          setOutcome(null);
          setSelected(null);
          setRequest({ through, requestedAt });
        },
      },
    );
  };
  const openConfirm = (through: string) => {
    start.reset();
    setConfirming(through);
  };

  const header = <PageHeader title={t('cob.title')} description={t('cob.intro')} />;
  if (overview.isPending) {
    return (
      <Stack gap="lg">
        {header}
        <LoadingState cards={2} />
      </Stack>
    );
  }
  if (overview.isError) {
    return (
      <Stack gap="lg">
        {header}
        <OpsError
          error={overview.error}
          onRetry={() => void overview.refetch()}
          retrying={overview.isFetching}
        />
      </Stack>
    );
  }

  const { businessDate, daysBehind, runs, statementsToDraw } = overview.data;
  const today = addDays(businessDate, daysBehind);
  // The server clamps daysBehind at 0, so "already closed through today" (business date after
  // today's UTC date) is read from this device's clock; the server refuses a future date anyway.
  const ahead = daysBehind === 0 && businessDate > new Date().toISOString().slice(0, 10);
  const through = daysBehind > 0 ? today : businessDate;
  const runnable = !ahead;
  const shown = runs.find((r) => r.id === selected) ?? runs[0];
  const failures = runs.flatMap((run) => run.failures.map((f) => ({ run, failure: f })));

  return (
    <Stack gap="lg">
      {header}
      <Card component="section" aria-labelledby="cob-date-heading">
        <Card.Section className={classes.dateSection}>
          <div>
            <Title order={2} size="h5" id="cob-date-heading" className={classes.eyebrow}>
              {t('cob.businessDate')}
            </Title>
            <DateText value={businessDate} dateStyle="long" className={classes.bigDate} />
            <Group gap="xs" mt={6}>
              {daysBehind > 0 ? (
                <ToneBadge tone="warning">{t('cob.behind', { count: daysBehind })}</ToneBadge>
              ) : ahead ? (
                <ToneBadge tone="good">{t('cob.closedThroughToday')}</ToneBadge>
              ) : (
                <ToneBadge tone="info">{t('cob.dueToday')}</ToneBadge>
              )}
              {statementsToDraw > 0 && (
                <ToneBadge tone="info">{t('cob.statementsToDraw', { count: statementsToDraw })}</ToneBadge>
              )}
            </Group>
          </div>
          {canRun ? (
            <Stack gap={4} align="flex-start" className={classes.runBox}>
              <Button
                size="md"
                leftSection={<RerunIcon />}
                disabled={!runnable || inFlight}
                onClick={() => openConfirm(through)}
              >
                {daysBehind > 0
                  ? t('cob.catchUp', { date: format.date(today) })
                  : t('cob.runFor', { date: format.date(businessDate) })}
              </Button>
              {!runnable && (
                <Text size="sm" c="dimmed">
                  {t('cob.nothingToRun')}
                </Text>
              )}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed" className={classes.runBox}>
              {t('cob.readOnly')}
            </Text>
          )}
        </Card.Section>
      </Card>

      {request && inFlight && <CobProgress overview={overview.data} request={request} />}
      {request && outcome && (
        <CobResult
          overview={overview.data}
          request={request}
          failed={outcome.failed}
          onDismiss={() => {
            setRequest(null);
            setOutcome(null);
          }}
        />
      )}

      <Card component="section" aria-labelledby="cob-runs-heading">
        <Card.Section>
          <Card.Title id="cob-runs-heading">{t('cob.runs.title')}</Card.Title>
        </Card.Section>
        {runs.length === 0 ? (
          <EmptyState
            icon={<IconGauge size={24} />}
            title={t('cob.runs.emptyTitle')}
            description={t('cob.runs.emptyBody')}
            headingOrder={3}
          />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cob.runs.date')}</Table.Th>
                  <Table.Th scope="col">{t('cob.runs.status')}</Table.Th>
                  <Table.Th scope="col">{t('cob.runs.started')}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    {t('cob.runs.duration')}
                  </Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    {t('cob.runs.partitions')}
                  </Table.Th>
                  <Table.Th scope="col">{t('cob.runs.trigger')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('cob.runs.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.map((run) => (
                  <Table.Tr key={run.id} aria-current={run.id === shown?.id ? 'true' : undefined}>
                    <Table.Td>
                      <DateText value={run.businessDate} fw={600} size="sm" />
                    </Table.Td>
                    <Table.Td>
                      <ToneBadge tone={STATUS_TONE[run.status]}>{t(`cob.status.${run.status}`)}</ToneBadge>
                    </Table.Td>
                    <Table.Td>
                      <DateTimeText value={run.startedAt} size="sm" />
                    </Table.Td>
                    <Table.Td className="tabular" style={{ textAlign: 'right' }}>
                      {run.seconds === null ? '—' : t('cob.runs.seconds', { value: run.seconds.toFixed(1) })}
                    </Table.Td>
                    <Table.Td className="tabular" style={{ textAlign: 'right' }}>
                      {t('cob.runs.partitionsValue', {
                        done: format.integer(run.partitions.done),
                        total: format.integer(run.partitions.total),
                      })}
                      {run.partitions.failed > 0 && (
                        <Text span c="red.8" size="sm">
                          {' '}
                          {t('cob.runs.partitionsFailed', { count: run.partitions.failed })}
                        </Text>
                      )}
                      {run.workers > 1 && (
                        <Text span c="dimmed" size="sm">
                          {' '}
                          {t('cob.runs.processes', { count: run.workers })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`cob.trigger.${run.trigger}`, { defaultValue: run.trigger })}</Table.Td>
                    <Table.Td>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={() => setSelected(run.id)}
                        aria-pressed={run.id === shown?.id}
                        aria-label={t('cob.runs.showStepsFor', { date: format.date(run.businessDate) })}
                      >
                        {t('cob.runs.showSteps')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      {shown && <CobStepTimings run={shown} />}

      <Card component="section" aria-labelledby="cob-failures-heading">
        <Card.Section>
          <Card.Title id="cob-failures-heading">{t('cob.failures.title')}</Card.Title>
        </Card.Section>
        {failures.length === 0 ? (
          <Card.Section>
            <Text c="dimmed">{t('cob.failures.none')}</Text>
          </Card.Section>
        ) : (
          <ul className={classes.failures}>
            {failures.map(({ run, failure }) => (
              <li key={`${run.id}-${failure.at}-${failure.step}-${failure.accountNumber ?? ''}`}>
                <div className={classes.failureMain}>
                  <Text fw={650}>
                    {failure.accountNumber
                      ? t('cob.failures.account', { number: failure.accountNumber })
                      : t('cob.failures.noAccount')}
                    {' · '}
                    {stepLabel(failure.step)}
                  </Text>
                  <Text size="sm" className={classes.error}>
                    {failure.error}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('cob.failures.when', { date: format.date(run.businessDate) })}
                    {' · '}
                    <DateTimeText value={failure.at} span inherit />
                  </Text>
                </div>
                {canRun && (
                  <Button
                    variant="default"
                    size="sm"
                    leftSection={<RerunIcon />}
                    disabled={inFlight}
                    onClick={() => openConfirm(run.businessDate)}
                    aria-label={t('cob.failures.rerunFor', { date: format.date(run.businessDate) })}
                  >
                    {t('cob.failures.rerun')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <CobConfirmModal
        through={confirming}
        businessDate={businessDate}
        pending={start.isPending}
        error={start.error}
        onConfirm={confirm}
        onClose={() => setConfirming(null)}
      />
    </Stack>
  );
}
