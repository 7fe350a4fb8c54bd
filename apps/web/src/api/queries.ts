import { AccountDetail, AccountList, Brand, Me } from '@marque/contracts';
import { QueryCache, QueryClient, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { apiFetch, isApiError, isUnauthenticated } from './client.ts';

export const queryKeys = {
  brand: ['brand'] as const,
  me: ['me'] as const,
  accounts: ['accounts'] as const,
  account: (accountId: string) => ['accounts', accountId] as const,
};

export const brandQuery = queryOptions({
  queryKey: queryKeys.brand,
  queryFn: ({ signal }) => apiFetch('/brand', { schema: Brand, signal }),
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: Number.POSITIVE_INFINITY,
});

export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: ({ signal }) => apiFetch('/me', { schema: Me, signal }),
  staleTime: 5 * 60_000,
});

export const accountsQuery = queryOptions({
  queryKey: queryKeys.accounts,
  queryFn: ({ signal }) => apiFetch('/accounts', { schema: AccountList, signal }),
});

export const accountQuery = (accountId: string) =>
  queryOptions({
    queryKey: queryKeys.account(accountId),
    queryFn: ({ signal }) =>
      apiFetch(`/accounts/${encodeURIComponent(accountId)}`, { schema: AccountDetail, signal }),
  });

/** Client errors (4xx) are answers, not glitches: retrying them only delays the message. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // A session that expired mid-visit: re-check who we are; the guard then sends the user to sign in.
        if (isUnauthenticated(error) && query.queryKey[0] !== queryKeys.me[0]) {
          void client.invalidateQueries({ queryKey: queryKeys.me });
        }
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
  return client;
}

/**
 * Forget everything personal held in memory (only the public brand stays). Queries still on screen are
 * reset, which notifies them and makes them ask the server again (and learn the session is gone).
 */
export async function clearPersonalData(client: QueryClient): Promise<void> {
  const personal = {
    predicate: (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== queryKeys.brand[0],
  };
  await client.cancelQueries(personal);
  await client.resetQueries(personal);
}

export function useBrand() {
  return useQuery(brandQuery);
}

export function useMe() {
  return useQuery(meQuery);
}

export function useAccounts() {
  return useQuery(accountsQuery);
}

export function useAccount(accountId: string) {
  return useQuery(accountQuery(accountId));
}

export type LogoutOutcome = 'signed_out' | 'uncertain';

/**
 * Signs out on the server, reporting whether the server confirmed it. Never rejects: the caller leaves
 * the signed-in pages and then calls `clearPersonalData` either way.
 */
export function useLogout() {
  return useMutation({
    mutationFn: async (): Promise<LogoutOutcome> => {
      try {
        await apiFetch('/auth/logout', { method: 'POST', body: {} });
        return 'signed_out';
      } catch (error) {
        // Already signed out (401) counts as success.
        return isUnauthenticated(error) ? 'signed_out' : 'uncertain';
      }
    },
  });
}
