import { z } from 'zod';

/** An in-portal notification for the signed-in user (security alerts, notices, messages). */
export const UserNotification = z
  .object({
    id: z.string().describe('Opaque notification ID, ntf_...'),
    kind: z.string().describe('What it is about, e.g. security_alert'),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().describe('A portal path to act on it, e.g. /accounts/.../pay'),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type UserNotification = z.infer<typeof UserNotification>;

export const NotificationList = z
  .object({
    data: z.array(UserNotification),
    nextCursor: z.string().nullable(),
    unreadCount: z.number().int().describe('Unread notifications in total, not only on this page'),
  })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof NotificationList>;

const NotificationId = z.string().regex(/^ntf_[0-9A-Za-z]{16,32}$/, 'Unknown notification');

export const NotificationIdParams = z.object({ notificationId: NotificationId });

export const NotificationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: NotificationId.optional().describe('nextCursor of the previous page'),
});

export const NotificationsMarkedRead = z
  .object({ marked: z.number().int().describe('How many were unread'), unreadCount: z.number().int() })
  .meta({ id: 'NotificationsMarkedRead' });
export type NotificationsMarkedRead = z.infer<typeof NotificationsMarkedRead>;
