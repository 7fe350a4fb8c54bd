import {
  AccountIdParams,
  Payment,
  PaymentIdParams,
  PaymentList,
  PaymentOptions,
  PaymentRequest,
  Problem,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { CUSTOMER_ONLY, principalOf } from '../../platform/http/access.ts';
import { idempotencyKeyOf, withIdempotency } from '../../platform/http/idempotency.ts';
import type { NotificationInbox } from '../../platform/ports.ts';
import type { Throttle } from '../../platform/throttle/throttle.ts';
import { requireOwnedContract } from '../contracts/index.ts';
import type { SmsSender } from '../notifications/index.ts';
import { cancelPayment } from './cancel-payment.ts';
import { chargeCard } from './charge-card.ts';
import { listPayments } from './list-payments.ts';
import { checkPayment, recordPayment } from './make-payment.ts';
import { paymentLimits } from './payment-limits.ts';
import type { FindPaymentMethod } from './payment-method-port.ts';
import type { CardProcessor } from './processor/card-processor.ts';

export interface AccountPaymentRouteDeps {
  db: Db;
  clock: Clock;
  inbox: NotificationInbox;
  sms: SmsSender;
  brandName: string;
  findPaymentMethod: FindPaymentMethod;
  processor: CardProcessor;
  throttle: Throttle;
}

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const usd = (amount: number) => ({ amount, currency: 'USD' as const });

/** One-time payments on an account: make, list, cancel, and what the pay screen offers. */
export const accountPaymentRoutes: FastifyPluginAsyncZod<AccountPaymentRouteDeps> = async (app, deps) => {
  const access = CUSTOMER_ONLY;

  app.get(
    '/api/v1/accounts/:accountId/payment-options',
    {
      config: { access },
      schema: {
        tags: ['payments'],
        summary: 'Amount presets, limits and the dates a payment may take',
        params: AccountIdParams,
        response: { 200: PaymentOptions, ...errors },
      },
    },
    async (request) => {
      const owned = await requireOwnedContract(
        deps.db,
        principalOf(request).customerId,
        request.params.accountId,
      );
      const limits = paymentLimits(owned.contract, await deps.clock.businessDate());
      return {
        amountDue: usd(limits.amountDue),
        pastDue: usd(limits.pastDue),
        payoff: usd(limits.payoff),
        nextDueDate: limits.nextDueDate,
        earliestDate: limits.earliestDate,
        latestDate: limits.latestDate,
        principalOnlyAllowed: limits.principalOnlyAllowed,
        minimum: usd(1),
        maximum: usd(limits.payoff),
      };
    },
  );

  app.post(
    '/api/v1/accounts/:accountId/payments',
    {
      config: { access },
      schema: {
        tags: ['payments'],
        summary: 'Make or schedule a one-time payment (requires Idempotency-Key)',
        params: AccountIdParams,
        body: PaymentRequest,
        response: { 201: Payment, ...errors, 409: Problem, 422: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const key = idempotencyKeyOf(request);
      await deps.throttle.consume('payment', { account: principal.userPublicId, ip: request.ip });
      const { customerId } = principal;
      if (customerId === null) throw new NotFoundError('account');
      const businessDate = await deps.clock.businessDate();
      const now = deps.clock.now();
      const input = {
        actor: { userId: principal.userId, customerId },
        accountId: request.params.accountId,
        request: request.body,
        businessDate,
        now,
      };
      const outcome = await withIdempotency(
        deps.db,
        {
          scope: `user:${principal.userId}`,
          key,
          method: 'POST',
          route: `/api/v1/accounts/${request.params.accountId}/payments`,
          body: request.body,
          now,
        },
        async (tx, charged) => ({
          status: 201,
          body: await recordPayment(tx, deps, {
            ...input,
            checked: charged.checked,
            processorReference: charged.reference,
          }),
        }),
        // Rules first, then the card charge, outside the transaction: the processor is another service.
        async () => {
          const checked = await checkPayment(deps.db, deps, input);
          const token = checked.method.processorToken;
          const reference =
            checked.postsNow && checked.method.type === 'card' && token
              ? await chargeCard(deps.processor, {
                  token,
                  amountCents: request.body.amount,
                  idempotencyKey: `payment:${principal.userPublicId}:${key}`,
                  description: `${deps.brandName} payment, account ending ${checked.contract.accountNumber.slice(-4)}`,
                })
              : null;
          return { checked, reference };
        },
      );
      // The confirmation e-mail was queued in the payment's transaction; the mail relay sends it
      // after the commit (app.ts nudges it once the response is ready), so a mail failure never
      // turns a made payment into an error and a crash never loses the e-mail.
      if (outcome.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(outcome.status).send(outcome.body);
    },
  );

  app.get(
    '/api/v1/accounts/:accountId/payments',
    {
      config: { access },
      schema: {
        tags: ['payments'],
        summary: "The account's payments, newest first",
        params: AccountIdParams,
        querystring: z.object({
          cursor: z.string().max(64).optional(),
          limit: z.coerce.number().int().min(1).max(100).optional(),
        }),
        response: { 200: PaymentList, ...errors },
      },
    },
    async (request) => {
      const { customerId } = principalOf(request);
      if (customerId === null) throw new NotFoundError('account');
      return listPayments(deps.db, {
        customerId,
        accountId: request.params.accountId,
        businessDate: await deps.clock.businessDate(),
        ...(request.query.cursor === undefined ? {} : { cursor: request.query.cursor }),
        ...(request.query.limit === undefined ? {} : { limit: request.query.limit }),
      });
    },
  );

  app.delete(
    '/api/v1/accounts/:accountId/payments/:paymentId',
    {
      config: { access },
      schema: {
        tags: ['payments'],
        summary: 'Cancel a scheduled payment before its date',
        params: PaymentIdParams,
        response: { 204: z.null(), ...errors, 409: Problem },
      },
    },
    async (request, reply) => {
      const { customerId } = principalOf(request);
      if (customerId === null) throw new NotFoundError('payment');
      await cancelPayment(deps.db, {
        customerId,
        accountId: request.params.accountId,
        paymentId: request.params.paymentId,
        businessDate: await deps.clock.businessDate(),
        now: deps.clock.now(),
      });
      return reply.code(204).send(null);
    },
  );
};
