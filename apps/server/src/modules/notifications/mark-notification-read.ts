import type { UserNotification } from '@marque/contracts';
import type { Db } from '../../platform/db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { findNotificationOfUser, markRead } from './repo.ts';
import { toNotification } from './to-notification.ts';

/** Marks one of the user's notifications read (idempotent); another user's answers 404. */
export async function markNotificationRead(
  deps: { db: Db; now: () => Date },
  userId: number,
  publicId: string,
): Promise<UserNotification> {
  const found = await findNotificationOfUser(deps.db, userId, publicId);
  if (!found) throw new NotFoundError('notification');
  if (found.readAt === null) await markRead(deps.db, found.id, deps.now());
  const updated = await findNotificationOfUser(deps.db, userId, publicId);
  return toNotification(updated ?? found);
}
