import type { AlertKind } from '@marque/contracts';
import { alertChannels } from './alert-preferences.ts';
import type { IdentityDeps } from './deps.ts';

export type { AlertKind };

/**
 * A security alert by e-mail (to every address given: the old and the new one for an e-mail
 * change) and in the portal's notification inbox, each as the user's alert preferences allow
 * (critical alerts are always e-mailed). Alerts never carry codes or secrets.
 */
export async function sendSecurityAlert(
  deps: Pick<IdentityDeps, 'db' | 'mailer' | 'inbox' | 'brandName'>,
  user: { id: number; email: string },
  alert: { kind: AlertKind; title: string; body: string },
  extraRecipients: readonly string[] = [],
): Promise<void> {
  const channels = await alertChannels(deps.db, user.id, alert.kind);
  const footer = `\n\nIf this was not you, change your password and contact ${deps.brandName} right away.`;
  if (channels.email) {
    for (const to of new Set([user.email, ...extraRecipients])) {
      await deps.mailer.send({
        to,
        subject: `${deps.brandName}: ${alert.title}`,
        text: `${alert.body}${footer}`,
        category: 'security_alert',
      });
    }
  }
  if (channels.inbox) {
    await deps.inbox.add(deps.db, {
      userId: user.id,
      kind: alert.kind,
      title: alert.title,
      body: alert.body,
    });
  }
}

export function describeAgent(userAgent: string | null): string {
  return userAgent ? userAgent.slice(0, 120) : 'an unknown browser';
}
