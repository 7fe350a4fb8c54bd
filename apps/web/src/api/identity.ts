/**
 * Identity and account security: sign-in with MFA, registration, sessions, the security centre and
 * step-up. Every path and schema of that API is in this one file, so adapting to the server is easy.
 */
import {
  AuthenticatedResponse,
  type CodeMethod,
  CodeSentResponse,
  EnrolmentCompleted,
  type IdentityVerificationRequest,
  type LoginRequest,
  LoginResponse,
  type MfaMethod,
  PasswordChanged,
  RecoveryCodes,
  RegistrationProgress,
  RevokedCount,
  SecurityOverview,
  SessionList,
  TotpEnrolment,
} from '@marque/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch, isApiError, isUnauthenticated } from './client.ts';
import { clearPersonalData, meQuery } from './queries.ts';

export type { CodeMethod, MfaMethod };

export const identityKeys = {
  sessions: ['security', 'sessions'] as const,
  security: ['security', 'overview'] as const,
};

// ---- Sign-in --------------------------------------------------------------------------------

export function login(credentials: LoginRequest) {
  return apiFetch('/auth/login', { method: 'POST', body: credentials, schema: LoginResponse });
}

const MFA_PATHS: Record<CodeMethod, string> = {
  totp: '/auth/mfa/totp',
  recovery_code: '/auth/mfa/recovery',
  email: '/auth/mfa/email',
};

export function verifyMfa(method: CodeMethod, code: string, rememberDevice?: boolean) {
  const body = method === 'totp' ? { code, rememberDevice: rememberDevice ?? false } : { code };
  return apiFetch(MFA_PATHS[method], { method: 'POST', body, schema: AuthenticatedResponse });
}

export function sendEmailCode() {
  return apiFetch('/auth/mfa/email/send', { method: 'POST', body: {}, schema: CodeSentResponse });
}

/** Staff whose account has no authenticator yet enrol right after the password (pre-auth cookie). */
export function startSignInTotpEnrolment() {
  return apiFetch('/auth/mfa/enrol/totp', { method: 'POST', body: {}, schema: TotpEnrolment });
}

export function confirmSignInTotpEnrolment(code: string) {
  return apiFetch('/auth/mfa/enrol/totp/confirm', {
    method: 'POST',
    body: { code },
    schema: EnrolmentCompleted,
  });
}

export function stepUp(method: CodeMethod, code: string) {
  return apiFetch('/auth/step-up', { method: 'POST', body: { method, code }, schema: AuthenticatedResponse });
}

/** The server asks for a fresh second factor before a sensitive change. */
export function isStepUpRequired(error: unknown): boolean {
  return (
    isApiError(error) &&
    (error.status === 401 || error.status === 403) &&
    (error.code === 'step_up_required' || error.code === 'mfa_step_up_required')
  );
}

/** The pre-auth cookie of the MFA step has expired (or was never set): start again with the password. */
export function isPreAuthExpired(error: unknown): boolean {
  return (
    isApiError(error) &&
    error.status === 401 &&
    error.code !== 'invalid_code' &&
    error.code !== 'invalid_mfa_code' &&
    error.code !== 'mfa_invalid_code'
  );
}

/** After the session cookie is set: drop anything cached, then load `/me` so the next page renders at once. */
export async function establishSession(client: ReturnType<typeof useQueryClient>) {
  await clearPersonalData(client);
  try {
    return await client.fetchQuery(meQuery);
  } catch (error) {
    if (isUnauthenticated(error)) throw new ApiError({ status: 401, code: 'session_not_established' });
    throw error;
  }
}

/**
 * The password step. Resolves with what comes next: `authenticated` (a remembered device; `/me` is
 * loaded already), `mfa_required` with the methods offered, or `mfa_enrolment_required`.
 */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: LoginRequest) => {
      const answer = await login(credentials);
      if (answer.status === 'authenticated') await establishSession(client);
      return answer;
    },
  });
}

export function useVerifyMfa() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { method: CodeMethod; code: string; rememberDevice?: boolean }) => {
      await verifyMfa(input.method, input.code, input.rememberDevice);
      return establishSession(client);
    },
  });
}

export function useSendEmailCode() {
  return useMutation({ mutationFn: sendEmailCode });
}

/** Finishes a sign-in enrolment: the session exists once the first code is confirmed. */
export function useSignInEnrolment() {
  const client = useQueryClient();
  return {
    start: startSignInTotpEnrolment,
    confirm: async (code: string) => {
      const done = await confirmSignInTotpEnrolment(code);
      return { recoveryCodes: done.recoveryCodes, finish: () => establishSession(client) };
    },
  };
}

// ---- Registration ---------------------------------------------------------------------------

export type IdentityVerificationInput = IdentityVerificationRequest;

export const registration = {
  verifyIdentity: (body: IdentityVerificationInput) =>
    apiFetch('/registration/verify-identity', { method: 'POST', body, schema: RegistrationProgress }),
  credentials: (body: { email: string; password: string }) =>
    apiFetch('/registration/credentials', { method: 'POST', body, schema: RegistrationProgress }),
  verifyEmail: (code: string) =>
    apiFetch('/registration/verify-email', { method: 'POST', body: { code }, schema: RegistrationProgress }),
  resendEmailCode: () =>
    apiFetch('/registration/verify-email/resend', { method: 'POST', body: {}, schema: RegistrationProgress }),
  startTotp: () => apiFetch('/registration/totp', { method: 'POST', body: {}, schema: TotpEnrolment }),
  confirmTotp: (code: string) =>
    apiFetch('/registration/totp/confirm', { method: 'POST', body: { code }, schema: RecoveryCodes }),
  consents: () =>
    apiFetch('/registration/consents', {
      method: 'POST',
      body: { esign: true, privacyNotice: true },
      schema: AuthenticatedResponse,
    }),
};

// ---- Security centre ------------------------------------------------------------------------

export const sessionsQuery = queryOptions({
  queryKey: identityKeys.sessions,
  queryFn: ({ signal }) => apiFetch('/me/sessions', { schema: SessionList, signal }),
});

export const securityQuery = queryOptions({
  queryKey: identityKeys.security,
  queryFn: ({ signal }) => apiFetch('/me/security', { schema: SecurityOverview, signal }),
});

export function useSessions() {
  return useQuery(sessionsQuery);
}

export function useSecurityOverview() {
  return useQuery(securityQuery);
}

export const security = {
  revokeSession: (sessionId: string) =>
    apiFetch(`/me/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE', body: {} }),
  revokeOtherSessions: () =>
    apiFetch('/me/sessions/revoke-others', { method: 'POST', body: {}, schema: RevokedCount }),
  changePassword: (body: { currentPassword?: string; newPassword: string }) =>
    apiFetch('/me/security/password', { method: 'POST', body, schema: PasswordChanged }),
  startTotpReenrolment: () =>
    apiFetch('/me/security/totp', { method: 'POST', body: {}, schema: TotpEnrolment }),
  confirmTotpReenrolment: (code: string) =>
    apiFetch('/me/security/totp/confirm', { method: 'POST', body: { code }, schema: RecoveryCodes }),
  regenerateRecoveryCodes: () =>
    apiFetch('/me/security/recovery-codes', { method: 'POST', body: {}, schema: RecoveryCodes }),
};

/** Refresh the security centre after a change. */
export function useInvalidateSecurity() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['security'] });
}
