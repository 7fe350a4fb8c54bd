import {
  AddPaymentMethodRequest,
  CardFormInfo,
  PaymentMethod,
  PaymentMethodIdParams,
  PaymentMethodList,
  Problem,
} from '@marque/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../../platform/errors.ts';
import { CUSTOMER_ONLY, contextOf, type Principal, principalOf } from '../../platform/http/access.ts';
import { addBankAccount } from './add-bank-account.ts';
import { addCard } from './add-card.ts';
import { listPaymentMethods } from './list-payment-methods.ts';
import type { PaymentMethodDeps } from './methods-deps.ts';
import { toPaymentMethod } from './methods-view.ts';
import { removePaymentMethod } from './remove-payment-method.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };

/** The signed-in customer; a customer login without a customer record has no methods (404). */
function customerOf(request: FastifyRequest): Principal & { customerId: number } {
  const principal = principalOf(request);
  if (principal.customerId === null) throw new NotFoundError('customer');
  return principal as Principal & { customerId: number };
}

/** The customer's own payment methods: bank accounts and debit cards (by processor token). */
export const paymentMethodRoutes: FastifyPluginAsyncZod<PaymentMethodDeps> = async (app, deps) => {
  app.get(
    '/api/v1/payment-methods',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['payment-methods'],
        summary: "The signed-in customer's payment methods, masked",
        response: { 200: PaymentMethodList, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const { customerId } = principalOf(request);
      if (customerId === null) return { data: [], nextCursor: null };
      return listPaymentMethods(deps, customerId);
    },
  );

  app.get(
    '/api/v1/payment-methods/card-form',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['payment-methods'],
        summary: "Where the card processor's hosted card form is (load it in an iframe)",
        response: { 200: CardFormInfo, 401: Problem, 403: Problem },
      },
    },
    async () => ({ processor: deps.processor.name, url: deps.processor.cardFormUrl }),
  );

  app.post(
    '/api/v1/payment-methods',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['payment-methods'],
        summary:
          "Add a bank account, or a debit card by the token from the processor's card form (needs a recent step-up)",
        body: AddPaymentMethodRequest,
        response: { 201: PaymentMethod, ...errors },
      },
    },
    async (request, reply) => {
      const principal = customerOf(request);
      const ctx = contextOf(request);
      const body = request.body;
      const row =
        body.type === 'bank_account'
          ? await addBankAccount(deps, ctx, principal, body)
          : await addCard(deps, ctx, principal, body);
      return reply.status(201).send(toPaymentMethod(row, deps.now()));
    },
  );

  app.delete(
    '/api/v1/payment-methods/:paymentMethodId',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['payment-methods'],
        summary: 'Remove a payment method',
        params: PaymentMethodIdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removePaymentMethod(
        deps,
        contextOf(request),
        customerOf(request),
        request.params.paymentMethodId,
      );
      return reply.status(204).send(null);
    },
  );
};
