/** Operations console: close of business (business date, runs, reruns) and the delinquency list. */
import {
  type CobOverview,
  CobOverview as CobOverviewSchema,
  type CobRunRequest,
  CobRunResult,
  DelinquencyPage,
} from '@marque/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client.ts';

export type DelinquencyBucketFilter = '1-29' | '30-59' | '60-89' | '90-119' | '120+';

export const cobKeys = {
  overview: ['ops', 'cob'] as const,
  delinquency: (bucket: DelinquencyBucketFilter | null, cursor: string | null) =>
    ['ops', 'delinquency', bucket, cursor] as const,
};

export const DELINQUENCY_PAGE_SIZE = 50;

/**
 * The business date and the last runs. While a run is in flight (`polling`), it is read again
 * every second so the page shows the steps as they finish.
 */
export function useCobOverview(polling: boolean) {
  return useQuery({
    queryKey: cobKeys.overview,
    queryFn: ({ signal }) => apiFetch('/ops/cob', { schema: CobOverviewSchema, signal }),
    refetchInterval: polling ? 1_000 : false,
  });
}

/** Starts a close (or catch-up) through a date; the server answers 202 at once and runs it. */
export function useRequestCobRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Pick<CobRunRequest, 'through'>) =>
      apiFetch('/ops/cob/runs', { method: 'POST', body: { through: input.through }, schema: CobRunResult }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['ops', 'delinquency'] }),
  });
}

/** Whether the runs asked for at `requestedAt` through `through` have ended (and the last run). */
export function cobRunOutcome(
  overview: CobOverview,
  request: { through: string; requestedAt: number },
): { done: boolean; failed: boolean } {
  // Runs of this request: started after it was sent (a little slack for clock skew).
  const mine = overview.runs.filter((r) => Date.parse(r.startedAt) >= request.requestedAt - 5_000);
  const failed = mine.some((r) => r.status === 'failed');
  const last = mine.find((r) => r.businessDate === request.through);
  return { done: failed || (last !== undefined && last.status !== 'running'), failed };
}

export function useDelinquency(bucket: DelinquencyBucketFilter | null, cursor: string | null) {
  return useQuery({
    queryKey: cobKeys.delinquency(bucket, cursor),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ limit: String(DELINQUENCY_PAGE_SIZE) });
      if (bucket) params.set('bucket', bucket);
      if (cursor) params.set('cursor', cursor);
      return apiFetch(`/ops/delinquency?${params}`, { schema: DelinquencyPage, signal });
    },
    placeholderData: keepPreviousData,
  });
}
