import type { Db } from '../../platform/db/client.ts';
import type { NotificationInbox, NotificationInput } from '../../platform/ports.ts';
import { insertNotification } from './repo.ts';

const KIND = /^[a-z][a-z0-9_.]{0,63}$/;
// A path inside the portal: one leading slash (not "//host"), no scheme, no spaces.
const PORTAL_PATH = /^\/(?![/\\])[A-Za-z0-9_\-./?=&%]{0,300}$/;

function portalLink(link: string | null | undefined): string | null {
  if (link === undefined || link === null) return null;
  if (!PORTAL_PATH.test(link)) throw new Error('notifications: a link must be a path inside the portal');
  return link;
}

/** The NotificationInbox port: adds a notification inside the caller's transaction. */
export function createNotificationInbox(deps: { now?: () => Date } = {}): NotificationInbox {
  const now = deps.now ?? (() => new Date());
  return {
    async add(db: Db, n: NotificationInput): Promise<void> {
      if (!KIND.test(n.kind)) throw new Error(`notifications: kind "${n.kind.slice(0, 64)}" is not a name`);
      const title = n.title.trim();
      if (!title) throw new Error('notifications: a notification needs a title');
      await insertNotification(db, {
        userId: n.userId,
        kind: n.kind,
        title: title.slice(0, 200),
        body: n.body.slice(0, 4000),
        link: portalLink(n.link),
        createdAt: now(),
      });
    },
  };
}
