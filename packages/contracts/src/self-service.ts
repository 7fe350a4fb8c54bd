import { z } from 'zod';
import { Email, EmailCodeRequest, IdentityVerificationRequest, NewPassword } from './identity.ts';

// ---- Account recovery (forgot password / lost authenticator) -------------------------------

/** The opaque handle of one recovery attempt: returned by the start step whether or not anything matched. */
const AttemptToken = z.string().min(20).max(100);

/**
 * A customer who lost their password (and perhaps their authenticator) proves who they are again:
 * their sign-in e-mail address plus the same identity facts as at registration. Never SSN alone.
 */
export const RecoveryStartRequest = z
  .object({
    email: Email,
    identity: IdentityVerificationRequest,
    /** They also lost their authenticator app: it is removed and set up again at the next sign-in. */
    lostAuthenticator: z.boolean().default(false),
  })
  .meta({ id: 'RecoveryStartRequest' });
export type RecoveryStartRequest = z.input<typeof RecoveryStartRequest>;

/** Always the same answer, matched or not (ASVS 6.3.8): a code is e-mailed only when everything matched. */
export const RecoveryStarted = z
  .object({
    status: z.literal('recovery_requested'),
    attemptToken: AttemptToken.describe('Send it back with the e-mailed code; it is not a secret on its own'),
    expiresInSeconds: z.number().int(),
  })
  .meta({ id: 'RecoveryStarted' });
export type RecoveryStarted = z.infer<typeof RecoveryStarted>;

export const RecoveryCodeRequest = EmailCodeRequest.extend({ attemptToken: AttemptToken }).meta({
  id: 'RecoveryCodeRequest',
});

export const RecoveryCodeVerified = z
  .object({ status: z.literal('code_verified') })
  .meta({ id: 'RecoveryCodeVerified' });

export const RecoveryCompleteRequest = z
  .object({ attemptToken: AttemptToken, newPassword: NewPassword })
  .meta({ id: 'RecoveryCompleteRequest' });

export const RecoveryCompleted = z
  .object({
    status: z.literal('recovered'),
    mfaEnrolmentRequired: z
      .boolean()
      .describe('The authenticator was removed: the next sign-in sets a new one up before any session'),
  })
  .meta({ id: 'RecoveryCompleted' });
export type RecoveryCompleted = z.infer<typeof RecoveryCompleted>;

// ---- Contact details: e-mail and phone -----------------------------------------------------

export const EmailChangeRequest = z.object({ newEmail: Email }).meta({ id: 'EmailChangeRequest' });

/** E.164: a plus, the country code and the number, at most 15 digits; spaces, dashes, dots and brackets are dropped. */
export const PhoneNumber = z
  .string()
  .trim()
  .max(40)
  .transform((v) => v.replace(/[\s().-]/g, ''))
  .pipe(
    z.string().regex(/^\+[1-9]\d{6,14}$/, 'Enter the number with its country code, like +1 951 555 0134'),
  );

export const PhoneChangeRequest = z.object({ phone: PhoneNumber }).meta({ id: 'PhoneChangeRequest' });

export const EmailChanged = z.object({ email: z.string() }).meta({ id: 'EmailChanged' });
export const PhoneChanged = z.object({ phone: z.string() }).meta({ id: 'PhoneChanged' });

export const ContactDetails = z
  .object({
    email: z.string(),
    emailVerifiedAt: z.string().nullable(),
    phone: z.string().nullable(),
    /** Phone numbers belong to the customer record; staff and dealer users have none here. */
    phoneEditable: z.boolean(),
  })
  .meta({ id: 'ContactDetails' });
export type ContactDetails = z.infer<typeof ContactDetails>;

// ---- Security alert preferences ------------------------------------------------------------

export const ALERT_KINDS = [
  'new_device_sign_in',
  'too_many_failures',
  'password_changed',
  'mfa_changed',
  'recovery_code_used',
  'email_changed',
  'phone_changed',
  'account_recovered',
] as const;
export const AlertKind = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof AlertKind>;

/** Changes to how someone signs in or is reached: always e-mailed, whatever the preferences say. */
export const CRITICAL_ALERT_KINDS: readonly AlertKind[] = [
  'password_changed',
  'mfa_changed',
  'recovery_code_used',
  'email_changed',
  'phone_changed',
  'account_recovered',
];

export const AlertPreference = z
  .object({
    kind: AlertKind,
    email: z.boolean(),
    inbox: z.boolean().describe('In the portal notification inbox'),
    emailRequired: z.boolean().describe('Security-critical: the e-mail cannot be turned off'),
  })
  .meta({ id: 'AlertPreference' });
export type AlertPreference = z.infer<typeof AlertPreference>;

export const AlertPreferences = z.object({ data: z.array(AlertPreference) }).meta({ id: 'AlertPreferences' });
export type AlertPreferences = z.infer<typeof AlertPreferences>;

export const AlertPreferencesUpdate = z
  .object({
    preferences: z
      .array(z.object({ kind: AlertKind, email: z.boolean(), inbox: z.boolean() }))
      .min(1)
      .max(ALERT_KINDS.length),
  })
  .meta({ id: 'AlertPreferencesUpdate' });
export type AlertPreferencesUpdate = z.infer<typeof AlertPreferencesUpdate>;
