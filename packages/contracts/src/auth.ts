import { z } from 'zod';

/** Every role, in one place: the database enum, the zod schema and the access guard all use it. */
export const ROLES = [
  'customer',
  'dealer_user',
  'dealer_admin',
  'underwriter',
  'agent',
  'supervisor',
  'analyst',
  'admin',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LoginRequest = z
  .object({
    email: z
      .string()
      .trim()
      .min(1, 'Enter your e-mail address')
      .max(254)
      .email('Enter a valid e-mail address'),
    password: z.string().min(1, 'Enter your password').max(128, 'Passwords are at most 128 characters'),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequest>;

/** Second factors proved by typing a code. */
export const CodeMethod = z.enum(['totp', 'recovery_code', 'email']);
export type CodeMethod = z.infer<typeof CodeMethod>;

/** Ways to prove the second factor: a typed code, or a passkey (WebAuthn, user-verified). */
export const MfaMethod = z.enum([...CodeMethod.options, 'passkey']);
export type MfaMethod = z.infer<typeof MfaMethod>;

/**
 * The password step's answer. `authenticated` only when this browser was remembered for MFA;
 * otherwise a short-lived pre-auth cookie is set and only the MFA endpoints accept it.
 */
export const LoginResponse = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('authenticated') }),
    z.object({ status: z.literal('mfa_required'), methods: z.array(MfaMethod) }),
    z.object({ status: z.literal('mfa_enrolment_required') }),
  ])
  .meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const Me = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      role: Role,
      displayName: z.string(),
    }),
    customer: z
      .object({
        id: z.string(),
        firstName: z.string(),
        lastName: z.string(),
        preferredLanguage: z
          .enum(['en', 'es'])
          .describe('Language of letters, statements and e-mails; the portal adopts it on sign-in'),
      })
      .nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;
