import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOutbox } from '../../api/index.ts';
import {
  Card,
  CursorPager,
  DateTimeText,
  EmptyState,
  IconChevronRight,
  IconMail,
  LoadingState,
  PageHeader,
  ToneBadge,
  useCursorPages,
  useDocumentTitle,
} from '../../ui/index.ts';
import { SmsOutboxCard } from '../communication/SmsOutboxCard.tsx';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { MailQueueCard } from './MailQueueCard.tsx';
import { OpsError } from './OpsStates.tsx';
import classes from './ops.module.css';

/**
 * `/ops/outbox`: the mail queue's counts (and a retry of given-up mail), then the mail the
 * platform sent, when it writes .eml files instead of using SMTP.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  useDocumentTitle(t('ops.outbox.title'), brand.name);
  const pages = useCursorPages();
  const outbox = useOutbox(pages.cursor);

  return (
    <Stack gap="lg">
      <PageHeader title={t('ops.outbox.title')} description={t('ops.outbox.intro')} />
      {outbox.isPending ? (
        <LoadingState cards={1} />
      ) : outbox.isError ? (
        <OpsError error={outbox.error} onRetry={() => void outbox.refetch()} retrying={outbox.isFetching} />
      ) : (
        <>
          <Alert
            color={outbox.data.mode === 'smtp' ? 'blue' : 'gray'}
            icon={<IconMail />}
            title={t(`ops.outbox.mode.${outbox.data.mode}`)}
          >
            {t(`ops.outbox.modeBody.${outbox.data.mode}`)}
          </Alert>
          {outbox.data.queue && <MailQueueCard queue={outbox.data.queue} />}
          {outbox.data.data.length === 0 ? (
            <EmptyState
              icon={<IconMail size={24} />}
              title={t('ops.outbox.emptyTitle')}
              description={t('ops.outbox.emptyBody')}
            />
          ) : (
            <Card>
              <ul className={classes.rows}>
                {outbox.data.data.map((m) => (
                  <li key={m.id}>
                    <Link to={`/ops/outbox/${encodeURIComponent(m.id)}`} className={classes.rowLink}>
                      <div className={classes.rowMain}>
                        <Text fw={650} className={classes.subject}>
                          {m.subject || t('ops.outbox.noSubject')}
                        </Text>
                        <Text size="sm" c="dimmed" className={classes.meta}>
                          {t('ops.outbox.to', { to: m.to })}
                          {m.date && (
                            <>
                              {' · '}
                              <DateTimeText value={m.date} span inherit />
                            </>
                          )}
                        </Text>
                      </div>
                      {m.category && <ToneBadge tone="neutral">{m.category}</ToneBadge>}
                      <IconChevronRight size={18} className={classes.chevron} />
                    </Link>
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <CursorPager pages={pages} nextCursor={outbox.data.nextCursor} />
        </>
      )}
      <SmsOutboxCard />
    </Stack>
  );
}
