import { Button, Group, Stack, Text } from '@mantine/core';
import type { MaintenanceEventStatus } from '@marque/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMaintenance } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { Card, ErrorState, LoadingState, type Tone, ToneBadge } from '../../ui/index.ts';
import classes from './protection.module.css';
import { useLooseT } from './text.ts';

const TONES: Record<MaintenanceEventStatus, Tone> = {
  done: 'good',
  missed: 'danger',
  overdue: 'danger',
  due_soon: 'warning',
  upcoming: 'neutral',
};

/** The schedule as a timeline: done, missed, due now, due soon; the far future folded away. */
export function MaintenanceCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const lt = useLooseT();
  const format = useFormat();
  const maintenance = useMaintenance(accountId);
  const [showAll, setShowAll] = useState(false);
  const data = maintenance.data;
  let body: React.ReactNode;
  if (data) {
    const count = (...statuses: MaintenanceEventStatus[]) =>
      data.timeline.filter((e) => statuses.includes(e.status)).length;
    const upcoming = data.timeline.filter((e) => e.status === 'upcoming');
    const shown = showAll
      ? data.timeline
      : data.timeline.filter((e) => e.status !== 'upcoming').concat(upcoming.slice(0, 2));
    body = (
      <Stack gap="sm">
        <Text size="sm">
          {t('protection.maintenance.summary', {
            done: count('done'),
            missed: count('missed'),
            due: count('overdue'),
          })}
        </Text>
        <ol className={classes.timeline}>
          {shown.map((e) => (
            <li
              key={`${e.service}-${e.status}-${e.date}-${e.miles}`}
              className={classes.event}
              data-status={e.status}
            >
              <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Text size="sm" fw={600}>
                    {lt(`protection.maintenance.services.${e.service}`)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {e.status === 'done'
                      ? `${t('protection.maintenance.doneAt', { date: format.date(e.date), miles: format.integer(e.miles) })}${
                          e.source ? ` · ${lt(`protection.maintenance.source.${e.source}`)}` : ''
                        }`
                      : lt(
                          e.status === 'missed' || e.status === 'overdue'
                            ? 'protection.maintenance.dueWas'
                            : 'protection.maintenance.dueAt',
                          {
                            date: format.date(e.date),
                            miles: format.integer(e.miles),
                          },
                        )}
                  </Text>
                </div>
                <ToneBadge tone={TONES[e.status]}>
                  {lt(`protection.maintenance.status.${e.status}`)}
                </ToneBadge>
              </Group>
            </li>
          ))}
        </ol>
        {upcoming.length > 2 && (
          <Button variant="subtle" size="sm" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
            {showAll ? t('protection.maintenance.showLess') : t('protection.maintenance.showAll')}
          </Button>
        )}
      </Stack>
    );
  } else if (maintenance.isPending) body = <LoadingState cards={1} />;
  else {
    body = (
      <ErrorState
        title={t('protection.errorTitle')}
        error={maintenance.error}
        onRetry={() => void maintenance.refetch()}
        retrying={maintenance.isFetching}
        headingOrder={3}
      />
    );
  }
  return (
    <Card component="section" aria-labelledby="maintenance-title">
      <Card.Section>
        <Card.Title id="maintenance-title">{t('protection.maintenance.heading')}</Card.Title>
        {data && (
          <Text size="sm" c="dimmed" mt={4}>
            {t('protection.maintenance.intro', { miles: format.integer(data.odometer) })}
          </Text>
        )}
      </Card.Section>
      <Card.Section>{body}</Card.Section>
    </Card>
  );
}
