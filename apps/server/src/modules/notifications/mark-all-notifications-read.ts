import type { NotificationsMarkedRead } from '@marque/contracts';
import type { Db } from '../../platform/db/client.ts';
import { markAllRead } from './repo.ts';

export async function markAllNotificationsRead(
  deps: { db: Db; now: () => Date },
  userId: number,
): Promise<NotificationsMarkedRead> {
  return { marked: await markAllRead(deps.db, userId, deps.now()), unreadCount: 0 };
}
