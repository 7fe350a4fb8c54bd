import {
  ALERT_KINDS,
  type AlertKind,
  type AlertPreference,
  type AlertPreferencesUpdate,
  CRITICAL_ALERT_KINDS,
} from '@marque/contracts';
import type { Db } from '../../platform/db/client.ts';
import { BusinessRuleError } from '../../platform/errors.ts';
import type { Principal, RequestContext } from '../../platform/http/access.ts';
import { audit, type IdentityDeps } from './deps.ts';
import { listAlertPreferences, upsertAlertPreference } from './self-service-repo.ts';

export function isCriticalAlert(kind: AlertKind): boolean {
  return CRITICAL_ALERT_KINDS.includes(kind);
}

/**
 * Where one alert goes for this user. Everything is on unless the user turned it off; the
 * e-mail of a security-critical alert (a change to how they sign in or are reached) is sent
 * whatever the stored choice, so an intruder cannot silence the owner's warning.
 */
export async function alertChannels(db: Db, userId: number, kind: AlertKind) {
  const rows = await listAlertPreferences(db, userId, kind);
  const off = (channel: 'email' | 'inbox') => rows.some((r) => r.channel === channel && !r.enabled);
  return { email: isCriticalAlert(kind) || !off('email'), inbox: !off('inbox') };
}

/** Every alert kind with the user's choices, in a fixed order. */
export async function getAlertPreferences(
  deps: Pick<IdentityDeps, 'db'>,
  principal: Principal,
): Promise<{ data: AlertPreference[] }> {
  const rows = await listAlertPreferences(deps.db, principal.userId);
  const on = (kind: string, channel: string) =>
    !rows.some((r) => r.kind === kind && r.channel === channel && !r.enabled);
  return {
    data: ALERT_KINDS.map((kind) => ({
      kind,
      email: isCriticalAlert(kind) || on(kind, 'email'),
      inbox: on(kind, 'inbox'),
      emailRequired: isCriticalAlert(kind),
    })),
  };
}

/** Saves the choices given (other kinds keep theirs); turning off a critical e-mail is refused. */
export async function updateAlertPreferences(
  deps: Pick<IdentityDeps, 'db' | 'audit' | 'now'>,
  ctx: RequestContext,
  principal: Principal,
  input: AlertPreferencesUpdate,
): Promise<{ data: AlertPreference[] }> {
  const refused = input.preferences.findIndex((p) => isCriticalAlert(p.kind) && !p.email);
  if (refused >= 0) {
    throw new BusinessRuleError(
      'alert_required',
      'Security alerts about changes to your sign-in or contact details are always e-mailed.',
      [
        {
          field: `preferences.${refused}.email`,
          code: 'alert_required',
          message: 'This alert is always sent by e-mail.',
        },
      ],
    );
  }
  const now = deps.now();
  for (const p of input.preferences) {
    for (const channel of ['email', 'inbox'] as const) {
      await upsertAlertPreference(deps.db, {
        userId: principal.userId,
        kind: p.kind,
        channel,
        enabled: p[channel],
        now,
      });
    }
  }
  const off = input.preferences.flatMap((p) => [
    ...(p.email ? [] : [`${p.kind}:email`]),
    ...(p.inbox ? [] : [`${p.kind}:inbox`]),
  ]);
  await audit(deps, ctx, {
    action: 'alert_preferences.update',
    outcome: 'success',
    actorUserId: principal.userId,
    details: { turnedOff: off.join(',') || null },
  });
  return getAlertPreferences(deps, principal);
}
