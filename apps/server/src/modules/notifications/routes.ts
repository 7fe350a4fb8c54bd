import {
  NotificationIdParams,
  NotificationList,
  NotificationQuery,
  NotificationsMarkedRead,
  Problem,
  UserNotification,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { ANY_SIGNED_IN, principalOf } from '../../platform/http/access.ts';
import { listNotifications } from './list-notifications.ts';
import { markAllNotificationsRead } from './mark-all-notifications-read.ts';
import { markNotificationRead } from './mark-notification-read.ts';

/** The signed-in user's own notifications: every query is scoped to the session's user. */
export const notificationRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date }> = async (
  app,
  { db, now },
) => {
  app.get(
    '/api/v1/me/notifications',
    {
      config: { access: ANY_SIGNED_IN },
      schema: {
        tags: ['notifications'],
        summary: "The signed-in user's notifications, newest first, with the unread count",
        querystring: NotificationQuery,
        response: { 200: NotificationList, 400: Problem, 401: Problem },
      },
    },
    async (request) => listNotifications({ db }, principalOf(request).userId, request.query),
  );

  app.post(
    '/api/v1/me/notifications/:notificationId/read',
    {
      config: { access: ANY_SIGNED_IN },
      schema: {
        tags: ['notifications'],
        summary: 'Mark one notification read',
        params: NotificationIdParams,
        body: z.object({}).nullish().describe('No body needed'),
        response: { 200: UserNotification, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (request) =>
      markNotificationRead({ db, now }, principalOf(request).userId, request.params.notificationId),
  );

  app.post(
    '/api/v1/me/notifications/read-all',
    {
      config: { access: ANY_SIGNED_IN },
      schema: {
        tags: ['notifications'],
        summary: 'Mark every notification read',
        body: z.object({}).nullish().describe('No body needed'),
        response: { 200: NotificationsMarkedRead, 401: Problem },
      },
    },
    async (request) => markAllNotificationsRead({ db, now }, principalOf(request).userId),
  );
};
