import {
  type ChannelSettings,
  type EventPreference,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_DEFAULTS,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
} from '@marque/contracts';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import { BusinessRuleError } from '../../platform/errors.ts';
import type { Principal, RequestContext } from '../../platform/http/access.ts';
import type { AuditLog } from '../../platform/ports.ts';
import { findCustomerContact } from '../customers/index.ts';
import {
  getAlertPreferences,
  isCriticalAlert,
  listChannelPreferences,
  updateAlertPreferences,
  upsertChannelPreference,
} from '../identity/index.ts';
import { e164Of, maskPhone } from './sms.ts';

type Row = { kind: string; channel: string; enabled: boolean };

function settingsOf(rows: readonly Row[], event: NotificationEvent): ChannelSettings {
  const defaults = NOTIFICATION_DEFAULTS[event];
  const stored = (channel: keyof ChannelSettings) =>
    rows.find((r) => r.kind === event && r.channel === channel)?.enabled;
  return {
    email: stored('email') ?? defaults.email,
    inbox: stored('inbox') ?? defaults.inbox,
    sms: stored('sms') ?? defaults.sms,
  };
}

/**
 * Where one event goes for this user: the stored choice per channel, else the default. The
 * choices share the security alerts' store (identity's alert_preferences), keyed by event name.
 */
export async function eventChannels(
  db: Db,
  userId: number,
  event: NotificationEvent,
): Promise<ChannelSettings> {
  return settingsOf(await listChannelPreferences(db, userId, event), event);
}

/** Every event with the user's choices, plus the security alerts, in a fixed order. */
export async function getNotificationPreferences(
  deps: { db: Db },
  principal: Principal,
): Promise<NotificationPreferences> {
  const rows = await listChannelPreferences(deps.db, principal.userId);
  const contact = principal.customerId ? await findCustomerContact(deps.db, principal.customerId) : undefined;
  const { data: security } = await getAlertPreferences(deps, principal);
  return {
    events: NOTIFICATION_EVENTS.map((event) => ({ event, ...settingsOf(rows, event) })),
    security,
    smsPhone: e164Of(contact?.phone) ? maskPhone(contact?.phone ?? '') : null,
  };
}

function fieldError(field: string, code: string, message: string, detail: string): BusinessRuleError {
  return new BusinessRuleError(code, detail, [{ field, code, message }]);
}

/**
 * Saves the choices given (events and alerts not named keep theirs), all or nothing. Refused:
 * turning off a security-critical alert e-mail, and texts when no phone is on file.
 */
export async function updateNotificationPreferences(
  deps: { db: Db; audit: AuditLog; now: () => Date },
  ctx: RequestContext,
  principal: Principal,
  input: NotificationPreferencesUpdate,
): Promise<NotificationPreferences> {
  const events: EventPreference[] = input.events ?? [];
  const security = input.security ?? [];
  const critical = security.findIndex((p) => isCriticalAlert(p.kind) && !p.email);
  if (critical >= 0) {
    throw fieldError(
      `security.${critical}.email`,
      'alert_required',
      'This alert is always sent by e-mail.',
      'Security alerts about changes to your sign-in or contact details are always e-mailed.',
    );
  }
  const texting = events.findIndex((p) => p.sms);
  if (texting >= 0) {
    const contact = principal.customerId
      ? await findCustomerContact(deps.db, principal.customerId)
      : undefined;
    if (!e164Of(contact?.phone)) {
      throw fieldError(
        `events.${texting}.sms`,
        'phone_required',
        'Add a mobile phone number to get text messages.',
        'Text messages need a phone number on file.',
      );
    }
  }
  const now = deps.now();
  await inTransaction(deps.db, async (tx) => {
    for (const p of events) {
      for (const channel of NOTIFICATION_CHANNELS) {
        await upsertChannelPreference(tx, {
          userId: principal.userId,
          kind: p.event,
          channel,
          enabled: p[channel],
          now,
        });
      }
    }
    if (security.length > 0) {
      await updateAlertPreferences({ ...deps, db: tx }, ctx, principal, { preferences: security });
    }
    const changed = events.flatMap((p) =>
      NOTIFICATION_CHANNELS.map((c) => `${p.event}:${c}:${p[c] ? 'on' : 'off'}`),
    );
    await deps.audit.record(tx, {
      action: 'notification_preferences.update',
      outcome: 'success',
      actorUserId: principal.userId,
      subjectCustomerId: principal.customerId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      requestId: ctx.requestId,
      details: { events: changed.join(',').slice(0, 900) || null },
    });
  });
  return getNotificationPreferences(deps, principal);
}
