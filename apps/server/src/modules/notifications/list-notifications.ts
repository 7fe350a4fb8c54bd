import type { NotificationList } from '@marque/contracts';
import type { Db } from '../../platform/db/client.ts';
import { ValidationError } from '../../platform/errors.ts';
import { countUnread, findNotificationOfUser, findNotificationsOfUser } from './repo.ts';
import { toNotification } from './to-notification.ts';

/** The signed-in user's notifications, newest first, with the total unread count. */
export async function listNotifications(
  deps: { db: Db },
  userId: number,
  query: { limit: number; cursor?: string | undefined },
): Promise<NotificationList> {
  let beforeId: number | undefined;
  if (query.cursor) {
    const after = await findNotificationOfUser(deps.db, userId, query.cursor);
    if (!after)
      throw ValidationError.field(
        'cursor',
        'invalid_cursor',
        'Not a cursor from a previous page of this list.',
      );
    beforeId = after.id;
  }
  const rows = await findNotificationsOfUser(deps.db, userId, query.limit + 1, beforeId);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    data: page.map(toNotification),
    nextCursor: rows.length > query.limit && last ? last.publicId : null,
    unreadCount: await countUnread(deps.db, userId),
  };
}
