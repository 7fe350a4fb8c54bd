import type { UserNotification } from '@marque/contracts';
import type { NotificationRow } from './repo.ts';

export function toNotification(row: NotificationRow): UserNotification {
  return {
    id: row.publicId,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
