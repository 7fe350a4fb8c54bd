/** The lease centre of a lease account: numbers, mileage, end-of-term options, inspection, purchase quote. */
import {
  EndOfTermOptions,
  InspectionList,
  InspectionRequest,
  type InspectionRequestInput,
  LeaseMileage,
  LeaseNumbers,
  type MileageEntry,
  type WearCounts,
} from '@marque/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, apiFetch } from './client.ts';

const lease = (accountId: string) => `/accounts/${encodeURIComponent(accountId)}/lease`;

export const leaseKeys = {
  all: (accountId: string) => ['accounts', accountId, 'lease'] as const,
  numbers: (accountId: string) => ['accounts', accountId, 'lease', 'numbers'] as const,
  mileage: (accountId: string) => ['accounts', accountId, 'lease', 'mileage'] as const,
  endOfTerm: (accountId: string, wear: string) =>
    ['accounts', accountId, 'lease', 'end-of-term', wear] as const,
  inspections: (accountId: string) => ['accounts', accountId, 'lease', 'inspections'] as const,
};

/** Self-check counts as the `?wear=` query (`tire:2,dent:1`), items with a count only. */
export function wearQuery(wear: WearCounts): string {
  return Object.entries(wear)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([item, n]) => `${item}:${n}`)
    .join(',');
}

export function useLeaseNumbers(accountId: string) {
  return useQuery({
    queryKey: leaseKeys.numbers(accountId),
    queryFn: ({ signal }) => apiFetch(lease(accountId), { schema: LeaseNumbers, signal }),
  });
}

export function useLeaseMileage(accountId: string) {
  return useQuery({
    queryKey: leaseKeys.mileage(accountId),
    queryFn: ({ signal }) => apiFetch(`${lease(accountId)}/mileage`, { schema: LeaseMileage, signal }),
  });
}

/** Records an odometer reading; the mileage and the end-of-term figures follow it. */
export function useRecordMileage(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entry: MileageEntry) =>
      apiFetch(`${lease(accountId)}/mileage`, { method: 'POST', body: entry, schema: LeaseMileage }),
    onSuccess: (mileage) => {
      client.setQueryData(leaseKeys.mileage(accountId), mileage);
      void client.invalidateQueries({ queryKey: ['accounts', accountId, 'lease', 'end-of-term'] });
      void client.invalidateQueries({ queryKey: ['accounts', accountId], exact: true });
    },
  });
}

export function useEndOfTerm(accountId: string, wear: WearCounts) {
  const query = wearQuery(wear);
  return useQuery({
    queryKey: leaseKeys.endOfTerm(accountId, query),
    queryFn: ({ signal }) =>
      apiFetch(`${lease(accountId)}/end-of-term${query ? `?${new URLSearchParams({ wear: query })}` : ''}`, {
        schema: EndOfTermOptions,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useInspections(accountId: string) {
  return useQuery({
    queryKey: leaseKeys.inspections(accountId),
    queryFn: ({ signal }) => apiFetch(`${lease(accountId)}/inspection`, { schema: InspectionList, signal }),
  });
}

export function useRequestInspection(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InspectionRequestInput) =>
      apiFetch(`${lease(accountId)}/inspection`, { method: 'POST', body: input, schema: InspectionRequest }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: leaseKeys.inspections(accountId) });
      void client.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

/** The purchase quote letter (PDF): a plain link, so the browser downloads it with the session cookie. */
export function purchaseQuoteHref(accountId: string, goodThrough: string, language: 'en' | 'es'): string {
  const params = new URLSearchParams({ date: goodThrough, format: 'pdf', language });
  return `${API_BASE}${lease(accountId)}/purchase-quote?${params}`;
}
