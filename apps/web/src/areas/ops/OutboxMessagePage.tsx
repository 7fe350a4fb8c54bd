import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useOutboxMessage } from '../../api/index.ts';
import { Card, DateTimeText, FactList, LoadingState, PageHeader, useDocumentTitle } from '../../ui/index.ts';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { OpsError } from './OpsStates.tsx';
import classes from './ops.module.css';

/** `/ops/outbox/:messageId`: one message as sent (text part). */
export function OutboxMessagePage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  const { messageId = '' } = useParams();
  const message = useOutboxMessage(messageId);
  useDocumentTitle(message.data?.subject ?? t('ops.outbox.messageTitle'), brand.name);
  const back = { to: '/ops/outbox', label: t('ops.outbox.back') };

  if (message.isPending) {
    return (
      <>
        <PageHeader title={t('ops.outbox.messageTitle')} back={back} />
        <LoadingState cards={1} />
      </>
    );
  }
  if (message.isError) {
    return (
      <>
        <PageHeader title={t('ops.outbox.messageTitle')} back={back} />
        <OpsError
          error={message.error}
          onRetry={() => void message.refetch()}
          retrying={message.isFetching}
        />
      </>
    );
  }
  const m = message.data;
  return (
    <Stack gap="lg">
      <PageHeader title={m.subject || t('ops.outbox.noSubject')} back={back} />
      <Card>
        <Card.Section>
          <FactList
            facts={[
              { key: 'to', label: t('ops.outbox.toLabel'), value: m.to },
              {
                key: 'date',
                label: t('ops.outbox.dateLabel'),
                value: m.date ? <DateTimeText value={m.date} span inherit /> : '—',
              },
              { key: 'category', label: t('ops.outbox.categoryLabel'), value: m.category ?? '—' },
              { key: 'id', label: t('ops.outbox.idLabel'), value: <code>{m.id}</code> },
            ]}
          />
        </Card.Section>
        <Card.Section>
          <pre className={classes.body}>{m.text}</pre>
        </Card.Section>
      </Card>
    </Stack>
  );
}
