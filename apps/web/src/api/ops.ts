/** Operations console: the mail outbox and the security audit trail. */
import {
  AuditLogPage,
  MailRequeueResult,
  OpsPaymentDetail,
  OpsPaymentList,
  OutboxList,
  OutboxMessage,
} from '@marque/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client.ts';

export interface AuditFilters {
  action?: string;
  actorUserId?: string;
  /** ISO 8601 instants. */
  from?: string;
  to?: string;
}

export const opsKeys = {
  outbox: (cursor: string | null) => ['ops', 'outbox', cursor] as const,
  outboxMessage: (id: string) => ['ops', 'outbox', 'message', id] as const,
  audit: (filters: AuditFilters, cursor: string | null) => ['ops', 'audit', filters, cursor] as const,
};

export const outboxQuery = (cursor: string | null) =>
  queryOptions({
    queryKey: opsKeys.outbox(cursor),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ limit: '50' });
      if (cursor) params.set('cursor', cursor);
      return apiFetch(`/ops/outbox?${params}`, { schema: OutboxList, signal });
    },
  });

export function useOutbox(cursor: string | null) {
  return useQuery({ ...outboxQuery(cursor), placeholderData: keepPreviousData });
}

/** Queues again the mail the relay gave up on (supervisors and admins); the counts refresh. */
export function useRequeueMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch('/ops/outbox/requeue', { method: 'POST', schema: MailRequeueResult }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['ops', 'outbox'] }),
  });
}

export function useOutboxMessage(messageId: string) {
  return useQuery({
    queryKey: opsKeys.outboxMessage(messageId),
    queryFn: ({ signal }) =>
      apiFetch(`/ops/outbox/${encodeURIComponent(messageId)}`, { schema: OutboxMessage, signal }),
  });
}

export const AUDIT_PAGE_SIZE = 50;

export function useAuditLog(filters: AuditFilters, cursor: string | null) {
  return useQuery({
    queryKey: opsKeys.audit(filters, cursor),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
      for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
      if (cursor) params.set('cursor', cursor);
      return apiFetch(`/ops/audit?${params}`, { schema: AuditLogPage, signal });
    },
    placeholderData: keepPreviousData,
  });
}

/** Payments, for the agents who answer customers' questions about them. */
export function useOpsPaymentSearch(q: string) {
  return useQuery({
    queryKey: ['ops', 'payments', q] as const,
    enabled: q.length >= 3,
    queryFn: ({ signal }) =>
      apiFetch(`/ops/payments?${new URLSearchParams({ q })}`, { schema: OpsPaymentList, signal }),
  });
}

export function useOpsPayment(paymentId: string) {
  return useQuery({
    queryKey: ['ops', 'payments', 'one', paymentId] as const,
    queryFn: ({ signal }) =>
      apiFetch(`/ops/payments/${encodeURIComponent(paymentId)}`, { schema: OpsPaymentDetail, signal }),
  });
}
