/**
 * Account recovery, contact details (e-mail, phone), security alert preferences and the admin's
 * account-wide security actions: every path and schema of that part of the API.
 */
import {
  AlertPreferences,
  type AlertPreferencesUpdate,
  CodeSentResponse,
  ContactDetails,
  EmailChanged,
  PhoneChanged,
  RecoveryCodeVerified,
  RecoveryCompleted,
  RecoveryStarted,
  type RecoveryStartRequest,
  RevokedCount,
  UserSummary,
} from '@marque/contracts';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client.ts';

export const accountRecovery = {
  start: (body: RecoveryStartRequest) =>
    apiFetch('/auth/recovery', { method: 'POST', body, schema: RecoveryStarted }),
  verify: (attemptToken: string, code: string) =>
    apiFetch('/auth/recovery/verify', {
      method: 'POST',
      body: { attemptToken, code },
      schema: RecoveryCodeVerified,
    }),
  complete: (attemptToken: string, newPassword: string) =>
    apiFetch('/auth/recovery/complete', {
      method: 'POST',
      body: { attemptToken, newPassword },
      schema: RecoveryCompleted,
    }),
};

export const contactKeys = {
  contact: ['security', 'contact'] as const,
  alertPreferences: ['security', 'alert-preferences'] as const,
};

const contactQuery = queryOptions({
  queryKey: contactKeys.contact,
  queryFn: ({ signal }) => apiFetch('/me/contact', { schema: ContactDetails, signal }),
});

const alertPreferencesQuery = queryOptions({
  queryKey: contactKeys.alertPreferences,
  queryFn: ({ signal }) => apiFetch('/me/alert-preferences', { schema: AlertPreferences, signal }),
});

export function useContact() {
  return useQuery(contactQuery);
}

export function useAlertPreferences() {
  return useQuery(alertPreferencesQuery);
}

export const contact = {
  startEmailChange: (newEmail: string) =>
    apiFetch('/me/email', { method: 'POST', body: { newEmail }, schema: CodeSentResponse }),
  verifyEmailChange: (code: string) =>
    apiFetch('/me/email/verify', { method: 'POST', body: { code }, schema: EmailChanged }),
  changePhone: (phone: string) =>
    apiFetch('/me/phone', { method: 'PUT', body: { phone }, schema: PhoneChanged }),
  saveAlertPreferences: (body: AlertPreferencesUpdate) =>
    apiFetch('/me/alert-preferences', { method: 'PUT', body, schema: AlertPreferences }),
};

export const adminSecurity = {
  revokeAllSessions: () =>
    apiFetch('/ops/sessions/revoke-all', { method: 'POST', body: {}, schema: RevokedCount }),
  resetUserAccess: (userId: string) =>
    apiFetch(`/ops/users/${encodeURIComponent(userId)}/reset-access`, {
      method: 'POST',
      body: {},
      schema: UserSummary,
    }),
};

/** After an e-mail change the signed-in user's own details change too. */
export function useInvalidateContact() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: ['security'] });
    await client.invalidateQueries({ queryKey: ['me'] });
  };
}
