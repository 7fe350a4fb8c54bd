import type { IdentityDeps } from './deps.ts';

export type AlertKind =
  | 'new_device_sign_in'
  | 'password_changed'
  | 'mfa_changed'
  | 'recovery_code_used'
  | 'email_changed'
  | 'too_many_failures';

/**
 * A security alert by e-mail (to every address given: the old and the new one for an e-mail
 * change) and in the portal's notification inbox. Alerts never carry codes or secrets.
 */
export async function sendSecurityAlert(
  deps: Pick<IdentityDeps, 'db' | 'mailer' | 'inbox' | 'brandName'>,
  user: { id: number; email: string },
  alert: { kind: AlertKind; title: string; body: string },
  extraRecipients: readonly string[] = [],
): Promise<void> {
  const footer = `\n\nIf this was not you, change your password and contact ${deps.brandName} right away.`;
  for (const to of new Set([user.email, ...extraRecipients])) {
    await deps.mailer.send({
      to,
      subject: `${deps.brandName}: ${alert.title}`,
      text: `${alert.body}${footer}`,
      category: 'security_alert',
    });
  }
  await deps.inbox.add(deps.db, { userId: user.id, kind: alert.kind, title: alert.title, body: alert.body });
}

export function describeAgent(userAgent: string | null): string {
  return userAgent ? userAgent.slice(0, 120) : 'an unknown browser';
}
