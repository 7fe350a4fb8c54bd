/** The in-portal notification inbox (security alerts, notices). */
import { NotificationList, NotificationsMarkedRead, UserNotification } from '@marque/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client.ts';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (cursor: string | null) => ['notifications', 'list', cursor] as const,
};

export const notificationsQuery = (cursor: string | null = null, limit = 20) =>
  queryOptions({
    queryKey: notificationKeys.list(cursor),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ limit: String(limit) });
      if (cursor) params.set('cursor', cursor);
      return apiFetch(`/me/notifications?${params}`, { schema: NotificationList, signal });
    },
  });

/** The first page, which also carries the unread count for the bell; refreshed every minute. */
export function useNotifications(enabled = true) {
  return useQuery({ ...notificationsQuery(null), enabled, refetchInterval: 60_000 });
}

export function useNotificationsPage(cursor: string | null) {
  return useQuery(notificationsQuery(cursor));
}

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch(`/me/notifications/${encodeURIComponent(id)}/read`, {
        method: 'POST',
        body: {},
        // The server answers the notification itself (now read), not a count.
        schema: UserNotification,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch('/me/notifications/read-all', { method: 'POST', body: {}, schema: NotificationsMarkedRead }),
    onSettled: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
