/**
 * The customer's payment methods: bank accounts and debit cards (by the card processor's token;
 * the card number itself only ever goes to the processor's own form, never through here).
 */
import {
  type AddBankAccountRequest,
  CardFormInfo,
  PaymentMethod,
  PaymentMethodList,
} from '@marque/contracts';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client.ts';

export const paymentMethodKeys = {
  all: ['payment-methods'] as const,
  list: ['payment-methods', 'list'] as const,
  cardForm: ['payment-methods', 'card-form'] as const,
};

export const paymentMethodsQuery = queryOptions({
  queryKey: paymentMethodKeys.list,
  queryFn: ({ signal }) => apiFetch('/payment-methods', { schema: PaymentMethodList, signal }),
});

export const cardFormQuery = queryOptions({
  queryKey: paymentMethodKeys.cardForm,
  queryFn: ({ signal }) => apiFetch('/payment-methods/card-form', { schema: CardFormInfo, signal }),
  staleTime: Number.POSITIVE_INFINITY,
});

export function usePaymentMethods() {
  return useQuery(paymentMethodsQuery);
}

export function useCardForm(enabled: boolean) {
  return useQuery({ ...cardFormQuery, enabled });
}

export const paymentMethods = {
  addBankAccount: (body: Omit<AddBankAccountRequest, 'type'>) =>
    apiFetch('/payment-methods', {
      method: 'POST',
      body: { type: 'bank_account', ...body },
      schema: PaymentMethod,
    }),
  addCard: (token: string, nickname?: string) =>
    apiFetch('/payment-methods', {
      method: 'POST',
      body: { type: 'card', token, ...(nickname ? { nickname } : {}) },
      schema: PaymentMethod,
    }),
  remove: (id: string) =>
    apiFetch(`/payment-methods/${encodeURIComponent(id)}`, { method: 'DELETE', body: {} }),
};

/** Refresh the list after a change. */
export function useInvalidatePaymentMethods() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: paymentMethodKeys.list });
}
