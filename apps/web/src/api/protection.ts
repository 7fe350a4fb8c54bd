/** Service and protection of an account: products, coverage, cancellation, work orders, maintenance. */
import {
  Cancellation,
  CancellationQuote,
  type CancellationRequest,
  CoverageAnswer,
  type CoverageComponent,
  MaintenanceSchedule,
  ProtectionProductList,
  WorkOrderList,
} from '@marque/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client.ts';
import { queryKeys } from './queries.ts';

const account = (accountId: string) => `/accounts/${encodeURIComponent(accountId)}`;

export const protectionKeys = {
  products: (accountId: string) => ['accounts', accountId, 'protection'] as const,
  coverage: (accountId: string, component: string) => ['accounts', accountId, 'coverage', component] as const,
  quote: (accountId: string, productId: string) =>
    ['accounts', accountId, 'protection', productId, 'quote'] as const,
  workOrders: (accountId: string) => ['accounts', accountId, 'work-orders'] as const,
  maintenance: (accountId: string) => ['accounts', accountId, 'maintenance'] as const,
};

export function useProtectionProducts(accountId: string) {
  return useQuery({
    queryKey: protectionKeys.products(accountId),
    queryFn: ({ signal }) =>
      apiFetch(`${account(accountId)}/protection`, { schema: ProtectionProductList, signal }),
  });
}

export function useCoverage(accountId: string, component: CoverageComponent | null) {
  return useQuery({
    enabled: component !== null,
    queryKey: protectionKeys.coverage(accountId, component ?? ''),
    queryFn: ({ signal }) =>
      apiFetch(`${account(accountId)}/protection/coverage?component=${encodeURIComponent(component ?? '')}`, {
        schema: CoverageAnswer,
        signal,
      }),
  });
}

/** The refund quote is always fetched fresh: it changes with the business date and the odometer. */
export function useCancellationQuote(accountId: string, productId: string | null) {
  return useQuery({
    enabled: productId !== null,
    queryKey: protectionKeys.quote(accountId, productId ?? ''),
    queryFn: ({ signal }) =>
      apiFetch(`${account(accountId)}/protection/${encodeURIComponent(productId ?? '')}/cancellation-quote`, {
        schema: CancellationQuote,
        signal,
      }),
    staleTime: 0,
    gcTime: 0,
  });
}

export function useCancelProduct(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ productId, body, key }: { productId: string; body: CancellationRequest; key: string }) =>
      apiFetch(`${account(accountId)}/protection/${encodeURIComponent(productId)}/cancellation`, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': key },
        schema: Cancellation,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.account(accountId) }),
  });
}

export function useWorkOrders(accountId: string) {
  return useQuery({
    queryKey: protectionKeys.workOrders(accountId),
    queryFn: ({ signal }) => apiFetch(`${account(accountId)}/work-orders`, { schema: WorkOrderList, signal }),
  });
}

export function useMaintenance(accountId: string) {
  return useQuery({
    queryKey: protectionKeys.maintenance(accountId),
    queryFn: ({ signal }) =>
      apiFetch(`${account(accountId)}/maintenance`, { schema: MaintenanceSchedule, signal }),
  });
}
