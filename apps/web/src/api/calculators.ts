/** The public calculators: pure estimates from the server (the UI never computes money). */
import {
  type AffordabilityCalculatorRequest,
  AffordabilityCalculatorResult,
  type BuyVsLeaseCalculatorRequest,
  BuyVsLeaseCalculatorResult,
  type LeaseCalculatorRequest,
  LeaseCalculatorResult,
  type LoanCalculatorRequest,
  LoanCalculatorResult,
} from '@marque/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, type Schema } from './client.ts';

export type CalculatorKind = 'loan' | 'lease' | 'buy-vs-lease' | 'affordability';

interface CalculatorTypes {
  loan: { request: LoanCalculatorRequest; result: LoanCalculatorResult };
  lease: { request: LeaseCalculatorRequest; result: LeaseCalculatorResult };
  'buy-vs-lease': { request: BuyVsLeaseCalculatorRequest; result: BuyVsLeaseCalculatorResult };
  affordability: { request: AffordabilityCalculatorRequest; result: AffordabilityCalculatorResult };
}
export type CalculatorRequest<K extends CalculatorKind> = CalculatorTypes[K]['request'];
export type CalculatorResult<K extends CalculatorKind> = CalculatorTypes[K]['result'];

const SCHEMAS: { [K in CalculatorKind]: Schema<CalculatorResult<K>> } = {
  loan: LoanCalculatorResult,
  lease: LeaseCalculatorResult,
  'buy-vs-lease': BuyVsLeaseCalculatorResult,
  affordability: AffordabilityCalculatorResult,
};

/**
 * One calculation; `request` null while the inputs are incomplete. The same inputs always give
 * the same figures, so answers never go stale, and the previous result stays on screen while
 * the next one loads.
 */
export function useCalculation<K extends CalculatorKind>(kind: K, request: CalculatorRequest<K> | null) {
  return useQuery({
    queryKey: ['calculators', kind, request] as const,
    queryFn: ({ signal }) =>
      apiFetch(`/calculators/${kind}`, { method: 'POST', body: request, schema: SCHEMAS[kind], signal }),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: false,
  });
}
