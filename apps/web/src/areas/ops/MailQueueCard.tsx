import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { MailQueueCounts } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { useMe, useRequeueMail } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { Card, ErrorState, type Tone, ToneBadge } from '../../ui/index.ts';

/** Only they may send given-up mail again (the server checks too). */
const REQUEUERS = new Set(['admin', 'supervisor']);

/**
 * The mail queue (ADR 0011): how many messages wait for the relay, went out, or were given up
 * after eight failed sends, and for supervisors a button that queues the given-up ones again.
 */
export function MailQueueCard({ queue }: { queue: MailQueueCounts }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const requeue = useRequeueMail();
  const canRequeue = REQUEUERS.has(me.data?.user.role ?? '');
  const counts: { key: keyof MailQueueCounts; tone: Tone }[] = [
    { key: 'queued', tone: queue.queued > 0 ? 'info' : 'neutral' },
    { key: 'sent', tone: 'good' },
    { key: 'failed', tone: queue.failed > 0 ? 'danger' : 'neutral' },
  ];
  return (
    <Card component="section" aria-labelledby="mail-queue-heading">
      <Card.Section>
        <Card.Title id="mail-queue-heading">{t('ops.outbox.queue.title')}</Card.Title>
      </Card.Section>
      <Card.Section>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md" component="dl" m={0}>
            {counts.map(({ key, tone }) => (
              <div key={key}>
                <Text component="dt" size="sm" c="dimmed">
                  {t(`ops.outbox.queue.${key}`)}
                </Text>
                <Text component="dd" m={0} mt={4}>
                  <ToneBadge tone={tone}>{format.integer(queue[key])}</ToneBadge>
                </Text>
              </div>
            ))}
          </SimpleGrid>
          {queue.failed > 0 && (
            <Text size="sm">
              {t(canRequeue ? 'ops.outbox.queue.failedHelp' : 'ops.outbox.queue.failedHelpReadOnly')}
            </Text>
          )}
          {queue.failed > 0 && canRequeue && (
            <Group>
              <Button onClick={() => requeue.mutate()} loading={requeue.isPending}>
                {t('ops.outbox.queue.requeue', { count: queue.failed })}
              </Button>
            </Group>
          )}
          {requeue.isSuccess && (
            <Text role="status" size="sm">
              {t('ops.outbox.queue.requeued', { count: requeue.data.requeued })}
            </Text>
          )}
          {requeue.isError && (
            <ErrorState error={requeue.error} onRetry={() => requeue.mutate()} retrying={requeue.isPending} />
          )}
        </Stack>
      </Card.Section>
    </Card>
  );
}
