import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSmsOutbox } from '../../api/index.ts';
import {
  Card,
  CursorPager,
  DateTimeText,
  ErrorState,
  LoadingState,
  ToneBadge,
  useCursorPages,
} from '../../ui/index.ts';

/** The ops outbox's text messages: what the development SMS adapter recorded, numbers masked. */
export function SmsOutboxCard() {
  const { t } = useTranslation();
  const pages = useCursorPages();
  const outbox = useSmsOutbox(pages.cursor);
  return (
    <Card component="section" aria-labelledby="sms-outbox-title">
      <Card.Section>
        <Card.Title id="sms-outbox-title">{t('communication.smsOutbox.title')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('communication.smsOutbox.intro')}
        </Text>
      </Card.Section>
      <Card.Section>
        {outbox.isPending ? (
          <LoadingState cards={1} />
        ) : outbox.isError ? (
          <ErrorState headingOrder={3} error={outbox.error} onRetry={() => void outbox.refetch()} />
        ) : outbox.data.data.length === 0 ? (
          <Text size="sm">{t('communication.smsOutbox.empty')}</Text>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {outbox.data.data.map((m) => (
              <li key={m.id}>
                <Text size="sm" fw={600}>
                  {m.text}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('communication.smsOutbox.to', { to: m.to })} ·{' '}
                  <DateTimeText value={m.createdAt} span inherit />{' '}
                  <ToneBadge tone="neutral">{m.category}</ToneBadge>
                </Text>
              </li>
            ))}
          </Stack>
        )}
        <CursorPager pages={pages} nextCursor={outbox.data?.nextCursor} />
      </Card.Section>
    </Card>
  );
}
