import { and, count, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import { notifications } from './tables.ts';

export type NotificationRow = typeof notifications.$inferSelect;

export interface NewNotification {
  userId: number;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  createdAt: Date;
}

/** Inserts the notifications in statements of at most 1,000 rows; none, no statement. */
export async function insertNotifications(db: Db, list: readonly NewNotification[]): Promise<void> {
  for (let at = 0; at < list.length; at += 1_000) {
    await db
      .insert(notifications)
      .values(list.slice(at, at + 1_000).map((n) => ({ publicId: newId('ntf'), ...n })));
  }
}

/** The user's notification with this public ID; another user's is simply not found. */
export async function findNotificationOfUser(
  db: Db,
  userId: number,
  publicId: string,
): Promise<NotificationRow | undefined> {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.publicId, publicId)))
    .limit(1);
  return rows[0];
}

/** Newest first; `beforeId` continues after the previous page's last row. */
export function findNotificationsOfUser(
  db: Db,
  userId: number,
  limit: number,
  beforeId?: number,
): Promise<NotificationRow[]> {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        beforeId === undefined ? undefined : lt(notifications.id, beforeId),
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(limit);
}

export async function countUnread(db: Db, userId: number): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return rows[0]?.n ?? 0;
}

/** Marks one unread notification read; an already-read one keeps its first read time. */
export async function markRead(db: Db, id: number, now: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.id, id), isNull(notifications.readAt)));
}

export async function markAllRead(db: Db, userId: number, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
