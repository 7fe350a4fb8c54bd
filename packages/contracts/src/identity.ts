import { z } from 'zod';
import { CodeMethod, MfaMethod, Role } from './auth.ts';
import { IsoDate, page } from './common.ts';

/** A code typed by a person: digits or a recovery code; spaces and dashes are tolerated. */
const TypedCode = z.string().trim().min(1, 'Enter the code').max(64);

export const AuthenticatedResponse = z
  .object({ status: z.literal('authenticated') })
  .meta({ id: 'AuthenticatedResponse' });
export type AuthenticatedResponse = z.infer<typeof AuthenticatedResponse>;

export const MfaCodeRequest = z
  .object({
    code: TypedCode,
    /** Skip MFA on this browser for up to 30 days. */
    rememberDevice: z.boolean().optional(),
  })
  .meta({ id: 'MfaCodeRequest' });
export type MfaCodeRequest = z.infer<typeof MfaCodeRequest>;

export const CodeSentResponse = z
  .object({ status: z.literal('code_sent'), expiresInSeconds: z.number().int() })
  .meta({ id: 'CodeSentResponse' });

export const StepUpRequest = z.object({ method: CodeMethod, code: TypedCode }).meta({ id: 'StepUpRequest' });
export type StepUpRequest = z.infer<typeof StepUpRequest>;

export const TotpEnrolment = z
  .object({
    secret: z.string().describe('Base32 secret, for typing into an authenticator app'),
    otpauthUri: z.string().describe('otpauth:// URI, for a QR code'),
  })
  .meta({ id: 'TotpEnrolment' });
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const TotpConfirmRequest = z.object({ code: TypedCode }).meta({ id: 'TotpConfirmRequest' });

export const RecoveryCodes = z
  .object({ recoveryCodes: z.array(z.string()).describe('Shown once; stored only as hashes') })
  .meta({ id: 'RecoveryCodes' });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

export const EnrolmentCompleted = z
  .object({ status: z.literal('authenticated'), recoveryCodes: z.array(z.string()) })
  .meta({ id: 'EnrolmentCompleted' });

// ---- Registration --------------------------------------------------------------------------

const digits = (n: number, message: string) =>
  z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(new RegExp(`^\\d{${n}}$`), message));

/**
 * Who the person says they are. SSN in full, or its last 4 digits plus the account number or
 * the VIN of their contract. Unknown fields (role, customerId, ...) are dropped.
 */
export const IdentityVerificationRequest = z
  .object({
    firstName: z.string().trim().min(1, 'Enter your first name').max(100),
    lastName: z.string().trim().min(1, 'Enter your last name').max(100),
    dateOfBirth: IsoDate,
    zip: z
      .string()
      .trim()
      .regex(/^\d{5}(-?\d{4})?$/, 'Enter a 5-digit ZIP code'),
    ssn: digits(9, 'Enter the 9 digits of your SSN').optional(),
    ssnLast4: digits(4, 'Enter the last 4 digits of your SSN').optional(),
    accountNumber: digits(11, 'Enter your 11-digit account number').optional(),
    vin: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-HJ-NPR-Z0-9]{17}$/, 'Enter the 17-character VIN')
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.ssn) return;
    if (!v.ssnLast4) {
      ctx.addIssue({ code: 'custom', path: ['ssn'], message: 'Enter your SSN, or its last 4 digits' });
    } else if (!v.accountNumber && !v.vin) {
      ctx.addIssue({
        code: 'custom',
        path: ['accountNumber'],
        message: 'With the last 4 digits of your SSN, enter your account number or VIN',
      });
    }
  })
  .meta({ id: 'IdentityVerificationRequest' });
export type IdentityVerificationRequest = z.infer<typeof IdentityVerificationRequest>;

export const RegistrationStep = z.enum(['credentials', 'verify_email', 'totp', 'consents', 'done']);

export const RegistrationProgress = z
  .object({ status: z.literal('ok'), next: RegistrationStep })
  .meta({ id: 'RegistrationProgress' });
export type RegistrationProgress = z.infer<typeof RegistrationProgress>;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Enter your e-mail address')
  .max(254)
  .email('Enter a valid e-mail address');

/** Length limits are checked by the password policy, which names the rule that failed. */
export const NewPassword = z.string().max(1024, 'Passwords are at most 128 characters');

export const RegistrationCredentialsRequest = z
  .object({ email: Email, password: NewPassword })
  .meta({ id: 'RegistrationCredentialsRequest' });

export const EmailCodeRequest = z.object({ code: TypedCode }).meta({ id: 'EmailCodeRequest' });

export const ConsentsRequest = z
  .object({
    esign: z.literal(true, 'Agree to receive documents electronically (E-SIGN) to continue'),
    privacyNotice: z.literal(true, 'Confirm that you received the privacy notice to continue'),
  })
  .meta({ id: 'ConsentsRequest' });

// ---- Security centre -----------------------------------------------------------------------

export const SessionIdParams = z.object({
  sessionId: z.string().regex(/^ses_[0-9A-Za-z]{22}$/, 'Not a session ID'),
});

export const SessionInfo = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: 'SessionInfo' });
export const SessionList = page(SessionInfo).meta({ id: 'SessionList' });
export type SessionList = z.infer<typeof SessionList>;

export const RevokedCount = z.object({ revoked: z.number().int() }).meta({ id: 'RevokedCount' });

export const SecurityOverview = z
  .object({
    methods: z.array(
      z.object({
        type: MfaMethod,
        enrolledAt: z.string().nullable(),
        remaining: z.number().int().optional().describe('Unused recovery codes'),
      }),
    ),
    passwordChangedAt: z.string().nullable(),
    trustedDevices: z.array(
      z.object({
        id: z.string(),
        createdAt: z.string(),
        expiresAt: z.string(),
        userAgent: z.string().nullable(),
      }),
    ),
    loginHistory: z.array(
      z.object({
        at: z.string(),
        ip: z.string().nullable(),
        userAgent: z.string().nullable(),
        method: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'SecurityOverview' });
export type SecurityOverview = z.infer<typeof SecurityOverview>;

export const ChangePasswordRequest = z
  .object({
    currentPassword: z.string().max(1024).optional(),
    newPassword: NewPassword,
  })
  .meta({ id: 'ChangePasswordRequest' });

export const PasswordChanged = z
  .object({
    status: z.literal('password_changed'),
    otherSessions: z.number().int().describe('Sessions still signed in elsewhere; offer to sign them out'),
  })
  .meta({ id: 'PasswordChanged' });

// ---- Staff and dealer accounts (admin) -----------------------------------------------------

export const StaffRole = Role.exclude(['customer']);

export const InviteUserRequest = z
  .object({
    email: Email,
    displayName: z.string().trim().min(1).max(120),
    role: StaffRole,
    dealerId: z
      .string()
      .regex(/^dlr_[0-9A-Za-z]{22}$/, 'Not a dealer ID')
      .optional(),
  })
  .meta({ id: 'InviteUserRequest' });
export type InviteUserRequest = z.infer<typeof InviteUserRequest>;

export const UserStatus = z.enum(['pending', 'invited', 'active', 'disabled']);
export type UserStatus = z.infer<typeof UserStatus>;

export const UserSummary = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: Role,
    status: UserStatus,
    createdAt: z.string(),
    lastLoginAt: z.string().nullable(),
  })
  .meta({ id: 'UserSummary' });
export type UserSummary = z.infer<typeof UserSummary>;
export const UserList = page(UserSummary).meta({ id: 'UserList' });

/**
 * `GET /ops/users` filters. `role` may repeat (`?role=agent&role=admin`), so "staff and dealer
 * users" is one request; without it every role is listed, customers included.
 */
export const UserListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(40).optional(),
  role: z.union([Role, z.array(Role).max(Role.options.length)]).optional(),
  status: UserStatus.optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

/** A dealership, as an admin picks it when inviting a dealer user. */
export const DealerOption = z
  .object({ id: z.string(), code: z.string(), name: z.string(), city: z.string(), state: z.string() })
  .meta({ id: 'DealerOption' });
export type DealerOption = z.infer<typeof DealerOption>;
export const DealerList = z.object({ data: z.array(DealerOption) }).meta({ id: 'DealerList' });

export const UserIdParams = z.object({
  userId: z.string().regex(/^usr_[0-9A-Za-z]{22}$/, 'Not a user ID'),
});

export const AcceptInvitationRequest = z
  .object({ token: z.string().min(1).max(100), password: NewPassword })
  .meta({ id: 'AcceptInvitationRequest' });

/** The password is set; a pre-auth cookie now allows only authenticator enrolment (`/auth/mfa/enrol/totp`). */
export const InvitationAccepted = z
  .object({ status: z.literal('mfa_enrolment_required') })
  .meta({ id: 'InvitationAccepted' });
