/** Payments, autopay, transactions and payoff quotes of an account, and the customer's payment methods. */
import {
  Autopay,
  type AutopayRequest,
  Payment,
  PaymentList,
  PaymentOptions,
  type PaymentRequest,
  PayoffQuote,
  TransactionList,
  type TransactionType,
} from '@marque/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, apiFetch, isApiError } from './client.ts';
import { queryKeys } from './queries.ts';

const account = (accountId: string) => `/accounts/${encodeURIComponent(accountId)}`;

export const paymentKeys = {
  options: (accountId: string) => ['accounts', accountId, 'payment-options'] as const,
  payments: (accountId: string) => ['accounts', accountId, 'payments'] as const,
  paymentsPage: (accountId: string, cursor: string | null) =>
    ['accounts', accountId, 'payments', cursor] as const,
  transactions: (accountId: string) => ['accounts', accountId, 'transactions'] as const,
  autopay: (accountId: string) => ['accounts', accountId, 'autopay'] as const,
  payoff: (accountId: string, date: string | null) => ['accounts', accountId, 'payoff', date] as const,
};

export interface TransactionFilters {
  type?: TransactionType | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function transactionParams(filters: TransactionFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.type) params.set('type', filters.type);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  return params;
}

/** The CSV of the filtered history: a plain link, so the browser downloads it with the session cookie. */
export function transactionsCsvHref(accountId: string, filters: TransactionFilters): string {
  const params = transactionParams(filters);
  params.set('format', 'csv');
  return `${API_BASE}${account(accountId)}/transactions?${params}`;
}

/** The payoff letter (PDF) of a quote: a plain link, so the browser downloads it. */
export function payoffLetterHref(accountId: string, goodThrough: string, language: 'en' | 'es'): string {
  const params = new URLSearchParams({ date: goodThrough, format: 'pdf', language });
  return `${API_BASE}${account(accountId)}/payoff-quote?${params}`;
}

export const TRANSACTIONS_PAGE_SIZE = 25;

export function usePaymentOptions(accountId: string) {
  return useQuery({
    queryKey: paymentKeys.options(accountId),
    queryFn: ({ signal }) =>
      apiFetch(`${account(accountId)}/payment-options`, { schema: PaymentOptions, signal }),
  });
}

export function useAccountPayments(
  accountId: string,
  cursor: string | null = null,
  limit = 10,
  enabled = true,
) {
  return useQuery({
    enabled,
    queryKey: [...paymentKeys.paymentsPage(accountId, cursor), limit],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ limit: String(limit) });
      if (cursor) params.set('cursor', cursor);
      return apiFetch(`${account(accountId)}/payments?${params}`, { schema: PaymentList, signal });
    },
    placeholderData: keepPreviousData,
  });
}

export const transactionsQuery = (accountId: string, filters: TransactionFilters, cursor: string | null) =>
  queryOptions({
    queryKey: [...paymentKeys.transactions(accountId), filters, cursor] as const,
    queryFn: ({ signal }) => {
      const params = transactionParams(filters);
      params.set('limit', String(TRANSACTIONS_PAGE_SIZE));
      if (cursor) params.set('cursor', cursor);
      return apiFetch(`${account(accountId)}/transactions?${params}`, { schema: TransactionList, signal });
    },
    placeholderData: keepPreviousData,
  });

export function useTransactions(accountId: string, filters: TransactionFilters, cursor: string | null) {
  return useQuery(transactionsQuery(accountId, filters, cursor));
}

export function useAutopay(accountId: string) {
  return useQuery({
    queryKey: paymentKeys.autopay(accountId),
    queryFn: ({ signal }) => apiFetch(`${account(accountId)}/autopay`, { schema: Autopay, signal }),
  });
}

/** A payoff quote good through `date` (null: today, the server's business date). */
export function usePayoffQuote(accountId: string, date: string | null) {
  return useQuery({
    queryKey: paymentKeys.payoff(accountId, date),
    queryFn: ({ signal }) => {
      const query = date ? `?${new URLSearchParams({ date })}` : '';
      return apiFetch(`${account(accountId)}/payoff-quote${query}`, { schema: PayoffQuote, signal });
    },
    placeholderData: keepPreviousData,
  });
}

/**
 * A fresh idempotency key for one payment attempt. `crypto.randomUUID` exists only in secure
 * contexts (https, localhost); over plain http on another host the random bytes are formatted by hand.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes the payment with the attempt's key. While the server is still working on the same key
 * (409 `idempotency_in_progress`, e.g. after a double click), it asks again shortly: the answer
 * is then the stored one, so the customer is never charged twice.
 */
export async function makePayment(accountId: string, body: PaymentRequest, key: string): Promise<Payment> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await apiFetch(`${account(accountId)}/payments`, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': key },
        schema: Payment,
      });
    } catch (error) {
      if (!(isApiError(error) && error.code === 'idempotency_in_progress') || attempt >= 5) throw error;
      await wait(500 * (attempt + 1));
    }
  }
}

/**
 * Everything a payment or an autopay change can alter: balances, the dashboard, payments,
 * transactions, options and quotes all live under the `accounts` key.
 */
function useInvalidateAccounts() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.accounts });
}

export function useMakePayment(accountId: string) {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ body, key }: { body: PaymentRequest; key: string }) => makePayment(accountId, body, key),
    onSuccess: () => invalidate(),
  });
}

export function useCancelPayment(accountId: string) {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (paymentId: string) =>
      apiFetch(`${account(accountId)}/payments/${encodeURIComponent(paymentId)}`, { method: 'DELETE' }),
    onSettled: () => invalidate(),
  });
}

/** Enrol or edit in place; the caller wraps it in the step-up guard (the server may ask for a second factor). */
export function saveAutopay(accountId: string, body: AutopayRequest): Promise<Autopay> {
  return apiFetch(`${account(accountId)}/autopay`, { method: 'PUT', body, schema: Autopay });
}

export function stopAutopay(accountId: string): Promise<Autopay> {
  return apiFetch(`${account(accountId)}/autopay`, { method: 'DELETE', schema: Autopay });
}

/** Puts the server's answer in the cache at once, then refreshes what depends on it. */
export function useAutopayChanged(accountId: string) {
  const client = useQueryClient();
  const invalidate = useInvalidateAccounts();
  return (autopay: Autopay) => {
    client.setQueryData(paymentKeys.autopay(accountId), autopay);
    void invalidate();
  };
}
