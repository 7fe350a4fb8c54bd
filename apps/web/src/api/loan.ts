/** Loan details (schedule, what-if, title) and account requests; the ops queue of requests. */
import {
  AccountRequest,
  type AccountRequestDecision,
  type AccountRequestKind,
  AccountRequestList,
  AccountRequestQuote,
  LoanSchedule,
  type NewAccountRequest,
  OpsAccountRequest,
  OpsAccountRequestList,
  TitleStatus,
  WhatIf,
} from '@marque/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client.ts';

const account = (accountId: string) => `/accounts/${encodeURIComponent(accountId)}`;

export const loanKeys = {
  schedule: (accountId: string) => ['accounts', accountId, 'schedule'] as const,
  whatIf: (accountId: string, extraMonthly: number, oneTime: number) =>
    ['accounts', accountId, 'what-if', extraMonthly, oneTime] as const,
  title: (accountId: string) => ['accounts', accountId, 'title'] as const,
  requests: (accountId: string) => ['accounts', accountId, 'requests'] as const,
  quote: (accountId: string, kind: AccountRequestKind, value: number) =>
    ['accounts', accountId, 'requests', 'quote', kind, value] as const,
  ops: (status: string) => ['ops', 'account-requests', status] as const,
};

export function useLoanSchedule(accountId: string) {
  return useQuery({
    queryKey: loanKeys.schedule(accountId),
    queryFn: ({ signal }) => apiFetch(`${account(accountId)}/schedule`, { schema: LoanSchedule, signal }),
  });
}

/** Runs when amounts are given (cents); the server computes everything. */
export function useWhatIf(accountId: string, amounts: { extraMonthly: number; oneTime: number } | null) {
  return useQuery({
    enabled: amounts !== null,
    queryKey: loanKeys.whatIf(accountId, amounts?.extraMonthly ?? 0, amounts?.oneTime ?? 0),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      if (amounts?.extraMonthly) params.set('extraMonthly', String(amounts.extraMonthly));
      if (amounts?.oneTime) params.set('oneTime', String(amounts.oneTime));
      return apiFetch(`${account(accountId)}/what-if?${params}`, { schema: WhatIf, signal });
    },
    retry: false,
    placeholderData: keepPreviousData,
  });
}

export function useTitleStatus(accountId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: loanKeys.title(accountId),
    queryFn: ({ signal }) => apiFetch(`${account(accountId)}/title`, { schema: TitleStatus, signal }),
  });
}

export function useAccountRequests(accountId: string) {
  return useQuery({
    queryKey: loanKeys.requests(accountId),
    queryFn: ({ signal }) =>
      apiFetch(`${account(accountId)}/requests`, { schema: AccountRequestList, signal }),
  });
}

/** The cost of a request before it is made; `value` is the due day or the number of payments. */
export function useRequestQuote(accountId: string, kind: AccountRequestKind, value: number | null) {
  return useQuery({
    enabled: value !== null,
    queryKey: loanKeys.quote(accountId, kind, value ?? 0),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ kind });
      params.set(kind === 'due_date_change' ? 'dueDay' : 'payments', String(value));
      return apiFetch(`${account(accountId)}/requests/quote?${params}`, {
        schema: AccountRequestQuote,
        signal,
      });
    },
    retry: false,
  });
}

export function useSubmitRequest(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAccountRequest) =>
      apiFetch(`${account(accountId)}/requests`, { body, schema: AccountRequest }),
    onSettled: () => client.invalidateQueries({ queryKey: loanKeys.requests(accountId) }),
  });
}

export function useOpsAccountRequests(status: string) {
  return useQuery({
    queryKey: loanKeys.ops(status),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      if (status !== 'all') params.set('status', status);
      return apiFetch(`/ops/account-requests?${params}`, { schema: OpsAccountRequestList, signal });
    },
  });
}

export function useDecideRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, body }: { requestId: string; body: AccountRequestDecision }) =>
      apiFetch(`/ops/account-requests/${encodeURIComponent(requestId)}/decision`, {
        body,
        schema: OpsAccountRequest,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: ['ops', 'account-requests'] }),
  });
}
