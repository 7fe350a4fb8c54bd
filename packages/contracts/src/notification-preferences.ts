import { z } from 'zod';
import { AlertKind, AlertPreference } from './self-service.ts';

// ---- Notification preferences: per event and channel ---------------------------------------

/** What a customer can be told about, besides security alerts (which keep their own list). */
export const NOTIFICATION_EVENTS = [
  'payment_confirmation',
  'payment_due_reminder',
  'payment_returned',
  'autopay_changes',
  'statement_ready',
  'document_ready',
  'lease_maturity',
  'service_and_warranty',
  'account_requests',
  'marketing',
] as const;
export const NotificationEvent = z.enum(NOTIFICATION_EVENTS);
export type NotificationEvent = z.infer<typeof NotificationEvent>;

export const NOTIFICATION_CHANNELS = ['email', 'inbox', 'sms'] as const;
export const NotificationChannel = z.enum(NOTIFICATION_CHANNELS);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

export type ChannelSettings = Record<NotificationChannel, boolean>;

/**
 * Defaults for someone who never chose: servicing notices by e-mail and in the portal, no SMS
 * (texting needs an explicit opt-in, TCPA), and no marketing anywhere until asked for.
 */
export const NOTIFICATION_DEFAULTS: Record<NotificationEvent, ChannelSettings> = {
  payment_confirmation: { email: true, inbox: true, sms: false },
  payment_due_reminder: { email: true, inbox: true, sms: false },
  payment_returned: { email: true, inbox: true, sms: false },
  autopay_changes: { email: true, inbox: true, sms: false },
  statement_ready: { email: true, inbox: true, sms: false },
  document_ready: { email: true, inbox: true, sms: false },
  lease_maturity: { email: true, inbox: true, sms: false },
  service_and_warranty: { email: true, inbox: true, sms: false },
  account_requests: { email: true, inbox: true, sms: false },
  marketing: { email: false, inbox: false, sms: false },
};

export const EventPreference = z
  .object({
    event: NotificationEvent,
    email: z.boolean(),
    inbox: z.boolean().describe('In the portal notification inbox'),
    sms: z.boolean().describe('Text message to the phone on file'),
  })
  .meta({ id: 'EventPreference' });
export type EventPreference = z.infer<typeof EventPreference>;

export const NotificationPreferences = z
  .object({
    events: z.array(EventPreference),
    security: z.array(AlertPreference).describe('Security alerts (also at /me/alert-preferences)'),
    smsPhone: z
      .string()
      .nullable()
      .describe('The phone texts go to, masked (last four digits); null when none is on file'),
  })
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const NotificationPreferencesUpdate = z
  .object({
    events: z.array(EventPreference).max(NOTIFICATION_EVENTS.length).default([]),
    security: z
      .array(z.object({ kind: AlertKind, email: z.boolean(), inbox: z.boolean() }))
      .max(20)
      .default([]),
  })
  .meta({ id: 'NotificationPreferencesUpdate' });
export type NotificationPreferencesUpdate = z.input<typeof NotificationPreferencesUpdate>;

// ---- Paperless (E-SIGN) ----------------------------------------------------------------------

export const Paperless = z
  .object({
    enabled: z.boolean().describe('Statements and notices electronically only, no paper mail'),
    disclosureVersion: z.string().describe('The current E-SIGN disclosure version to consent to'),
    consent: z
      .object({ version: z.string(), acceptedAt: z.string() })
      .nullable()
      .describe('The E-SIGN consent paperless rests on; null when paperless is off'),
    changedAt: z.string().nullable(),
  })
  .meta({ id: 'Paperless' });
export type Paperless = z.infer<typeof Paperless>;

export const PaperlessUpdate = z
  .object({
    enabled: z.boolean(),
    consent: z
      .object({ version: z.string().min(1).max(40), accepted: z.boolean() })
      .optional()
      .describe('Required to turn paperless on: the E-SIGN disclosure version shown, accepted'),
  })
  .meta({ id: 'PaperlessUpdate' });
export type PaperlessUpdate = z.infer<typeof PaperlessUpdate>;

// ---- Language ----------------------------------------------------------------------------------

/** Languages we write to customers in. */
export const PREFERRED_LANGUAGES = ['en', 'es'] as const;
export const PreferredLanguage = z.enum(PREFERRED_LANGUAGES);
export type PreferredLanguage = z.infer<typeof PreferredLanguage>;

export const CustomerPreferences = z
  .object({
    language: PreferredLanguage.describe('Language of letters, statements, notices and e-mails'),
  })
  .meta({ id: 'CustomerPreferences' });
export type CustomerPreferences = z.infer<typeof CustomerPreferences>;

/**
 * A plain string on the way in: an unsupported language is a 422 naming the field
 * (`unsupported_language`), not a schema 400, so the form can show it next to the choice.
 */
export const CustomerPreferencesChange = z
  .strictObject({
    language: z.string().max(16).describe('en or es'),
  })
  .meta({ id: 'CustomerPreferencesChange' });
export type CustomerPreferencesChange = z.infer<typeof CustomerPreferencesChange>;

// ---- SMS outbox (ops) ------------------------------------------------------------------------

export const SmsOutboxMessage = z
  .object({
    id: z.string(),
    to: z.string().describe('Masked phone number'),
    category: z.string(),
    text: z.string(),
    status: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'SmsOutboxMessage' });
export type SmsOutboxMessage = z.infer<typeof SmsOutboxMessage>;

export const SmsOutboxList = z
  .object({ data: z.array(SmsOutboxMessage), nextCursor: z.string().nullable() })
  .meta({ id: 'SmsOutboxList' });
export type SmsOutboxList = z.infer<typeof SmsOutboxList>;

export const SmsOutboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z
    .string()
    .regex(/^sms_[0-9A-Za-z]{16,32}$/)
    .optional(),
});
