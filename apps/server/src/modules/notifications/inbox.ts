import type { Db } from '../../platform/db/client.ts';
import type { NotificationInbox, NotificationInput } from '../../platform/ports.ts';
import { insertNotifications } from './repo.ts';

const KIND = /^[a-z][a-z0-9_.]{0,63}$/;
// A path inside the portal: one leading slash (not "//host"), no scheme, no spaces.
const PORTAL_PATH = /^\/(?![/\\])[A-Za-z0-9_\-./?=&%]{0,300}$/;

function portalLink(link: string | null | undefined): string | null {
  if (link === undefined || link === null) return null;
  if (!PORTAL_PATH.test(link)) throw new Error('notifications: a link must be a path inside the portal');
  return link;
}

function checked(n: NotificationInput, createdAt: Date) {
  if (!KIND.test(n.kind)) throw new Error(`notifications: kind "${n.kind.slice(0, 64)}" is not a name`);
  const title = n.title.trim();
  if (!title) throw new Error('notifications: a notification needs a title');
  return {
    userId: n.userId,
    kind: n.kind,
    title: title.slice(0, 200),
    body: n.body.slice(0, 4000),
    link: portalLink(n.link),
    createdAt,
  };
}

/** The NotificationInbox port: adds notifications inside the caller's transaction. */
export function createNotificationInbox(deps: { now?: () => Date } = {}): NotificationInbox {
  const now = deps.now ?? (() => new Date());
  return {
    async add(db: Db, n: NotificationInput): Promise<void> {
      await insertNotifications(db, [checked(n, now())]);
    },
    async addMany(db: Db, list: readonly NotificationInput[]): Promise<void> {
      const at = now();
      await insertNotifications(
        db,
        list.map((n) => checked(n, at)),
      );
    },
  };
}
