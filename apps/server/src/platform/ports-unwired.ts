import type { AuditLog, Mailer, NotificationInbox } from './ports.ts';

/**
 * Placeholders for `marque start` until the audit, mail and notifications modules provide the
 * real ports (they are wired in cli/start.ts when those land). They drop what they receive and
 * say so once, without content: e-mails carry codes and links that must not reach a log.
 */
export function unwiredPorts(warn: (message: string) => void): {
  mailer: Mailer;
  audit: AuditLog;
  inbox: NotificationInbox;
} {
  const said = new Set<string>();
  const once = (what: string) => {
    if (!said.has(what)) warn(`${what} is not wired yet: nothing is stored or sent`);
    said.add(what);
  };
  return {
    mailer: { send: async () => once('mail delivery') },
    audit: { record: async () => once('the audit log') },
    inbox: { add: async () => once('the notification inbox') },
  };
}
