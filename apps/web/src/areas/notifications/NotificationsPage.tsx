import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useMe,
  useNotificationsPage,
} from '../../api/index.ts';
import {
  Card,
  CursorPager,
  DateTimeText,
  EmptyState,
  ErrorState,
  IconAlertCircle,
  IconBell,
  LoadingState,
  PageHeader,
  ToneBadge,
  useCursorPages,
  useDocumentTitle,
} from '../../ui/index.ts';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import classes from './notifications.module.css';

/** `/notifications`: the in-portal inbox, newest first, with mark read and mark all read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  useDocumentTitle(t('notifications.title'), brand.name);
  const pages = useCursorPages();
  const { cursor } = pages;
  const page = useNotificationsPage(cursor);
  const markOne = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unread = page.data?.unreadCount ?? 0;
  // Communication preferences are a customer's (payments, statements, paperless).
  const isCustomer = useMe().data?.user.role === 'customer';

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('notifications.title')}
        description={
          page.data ? t('notifications.unreadSummary', { count: unread }) : t('notifications.intro')
        }
        actions={
          unread > 0 || isCustomer ? (
            <Group gap="md">
              {isCustomer && (
                <Anchor component={Link} to="/notifications/preferences">
                  {t('communication.linkFromInbox')}
                </Anchor>
              )}
              {unread > 0 && (
                <Button variant="default" loading={markAll.isPending} onClick={() => markAll.mutate()}>
                  {t('notifications.markAll')}
                </Button>
              )}
            </Group>
          ) : undefined
        }
      />
      {(markOne.isError || markAll.isError) && (
        <Alert color="red" icon={<IconAlertCircle />}>
          {t('notifications.markFailed')}
        </Alert>
      )}
      {page.isPending ? (
        <LoadingState cards={2} />
      ) : page.isError ? (
        <ErrorState
          title={t('notifications.error')}
          error={page.error}
          onRetry={() => void page.refetch()}
          retrying={page.isFetching}
        />
      ) : page.data.data.length === 0 ? (
        <EmptyState
          icon={<IconBell size={24} />}
          title={t('notifications.emptyTitle')}
          description={t('notifications.emptyBody')}
        />
      ) : (
        <Card>
          <ul className={classes.list}>
            {page.data.data.map((n) => {
              const isUnread = n.readAt === null;
              return (
                <li key={n.id} className={classes.item} data-unread={isUnread || undefined}>
                  <div className={classes.main}>
                    <Group gap="xs" mb={4}>
                      {isUnread && <ToneBadge tone="info">{t('notifications.new')}</ToneBadge>}
                      <Text component="h2" size="md" fw={isUnread ? 700 : 600} m={0}>
                        {n.title}
                      </Text>
                    </Group>
                    <Text size="sm">{n.body}</Text>
                    {n.link && (
                      <Anchor component={Link} to={n.link} size="sm">
                        {t('notifications.open', { title: n.title })}
                      </Anchor>
                    )}
                    <Text size="xs" c="dimmed" mt={6}>
                      <DateTimeText value={n.createdAt} span inherit />
                    </Text>
                  </div>
                  {isUnread && (
                    <Button
                      size="xs"
                      variant="subtle"
                      loading={markOne.isPending && markOne.variables === n.id}
                      onClick={() => markOne.mutate(n.id)}
                      aria-label={t('notifications.markReadNamed', { title: n.title })}
                    >
                      {t('notifications.markRead')}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        </Card>
      )}
      <CursorPager pages={pages} nextCursor={page.data?.nextCursor} />
    </Stack>
  );
}
