/**
 * Communication preferences: per event and channel, paperless (E-SIGN), the language we write in,
 * and the ops SMS outbox.
 */
import {
  CustomerPreferences,
  NotificationPreferences,
  type NotificationPreferencesUpdate,
  Paperless,
  type PaperlessUpdate,
  SmsOutboxList,
} from '@marque/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from './client.ts';

export const communicationKeys = {
  preferences: ['communication', 'preferences'] as const,
  paperless: ['communication', 'paperless'] as const,
  customer: ['communication', 'customer'] as const,
  smsOutbox: (cursor: string | null) => ['ops', 'sms-outbox', cursor] as const,
};

export function useNotificationPreferences() {
  return useQuery({
    queryKey: communicationKeys.preferences,
    queryFn: ({ signal }) =>
      apiFetch('/me/notification-preferences', { schema: NotificationPreferences, signal }),
  });
}

export function usePaperless() {
  return useQuery({
    queryKey: communicationKeys.paperless,
    queryFn: ({ signal }) => apiFetch('/me/paperless', { schema: Paperless, signal }),
  });
}

/** The customer's own preferences kept on the customer record: the language we write in. */
export function useCustomerPreferences() {
  return useQuery({
    queryKey: communicationKeys.customer,
    queryFn: ({ signal }) => apiFetch('/me/preferences', { schema: CustomerPreferences, signal }),
  });
}

export const communication = {
  saveLanguage: (language: 'en' | 'es') =>
    apiFetch('/me/preferences', { method: 'PUT', body: { language }, schema: CustomerPreferences }),
  savePreferences: (body: NotificationPreferencesUpdate) =>
    apiFetch('/me/notification-preferences', { method: 'PUT', body, schema: NotificationPreferences }),
  savePaperless: (body: PaperlessUpdate) =>
    apiFetch('/me/paperless', { method: 'PUT', body, schema: Paperless }),
};

export function useSmsOutbox(cursor: string | null) {
  return useQuery({
    queryKey: communicationKeys.smsOutbox(cursor),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ limit: '50' });
      if (cursor) params.set('cursor', cursor);
      return apiFetch(`/ops/outbox/sms?${params}`, { schema: SmsOutboxList, signal });
    },
    placeholderData: keepPreviousData,
  });
}
