import {
  AccountIdParams,
  Cancellation,
  CancellationQuote,
  CancellationRequest,
  CoverageAnswer,
  CoverageQuery,
  MaintenanceRecordRequest,
  MaintenanceSchedule,
  Problem,
  ProtectionProductList,
  ProtectionProductParams,
  WorkOrderList,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import { CUSTOMER_ONLY, principalOf } from '../../platform/http/access.ts';
import { idempotencyKeyOf, withIdempotency } from '../../platform/http/idempotency.ts';
import type { NotificationInbox } from '../../platform/ports.ts';
import { cancelProduct } from './cancel-product.ts';
import { checkCoverage } from './check-coverage.ts';
import { getMaintenance, recordMaintenance } from './get-maintenance.ts';
import { listProducts } from './list-products.ts';
import { listWorkOrders } from './list-work-orders.ts';
import { quoteCancellation } from './quote-cancellation.ts';

export interface ProtectionRouteDeps {
  db: Db;
  clock: Clock;
  inbox: NotificationInbox;
}

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

/** Service and protection on an account: products, coverage, cancellation, work orders, maintenance. */
export const protectionRoutes: FastifyPluginAsyncZod<ProtectionRouteDeps> = async (app, deps) => {
  const access = CUSTOMER_ONLY;
  const tags = ['protection'];

  app.get(
    '/api/v1/accounts/:accountId/protection',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Protection products of the account, with coverage and what is used of it',
        params: AccountIdParams,
        response: { 200: ProtectionProductList, ...errors },
      },
    },
    async (request) =>
      listProducts(deps.db, {
        customerId: principalOf(request).customerId,
        accountId: request.params.accountId,
        businessDate: await deps.clock.businessDate(),
      }),
  );

  app.get(
    '/api/v1/accounts/:accountId/protection/coverage',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Is this component covered, by which product, until when; or why not',
        params: AccountIdParams,
        querystring: CoverageQuery,
        response: { 200: CoverageAnswer, ...errors },
      },
    },
    async (request) =>
      checkCoverage(deps.db, {
        customerId: principalOf(request).customerId,
        accountId: request.params.accountId,
        component: request.query.component,
        businessDate: await deps.clock.businessDate(),
      }),
  );

  app.get(
    '/api/v1/accounts/:accountId/protection/:productId/cancellation-quote',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The pro-rata refund if the product were cancelled today, before confirming',
        params: ProtectionProductParams,
        response: { 200: CancellationQuote, ...errors, 409: Problem, 422: Problem },
      },
    },
    async (request) =>
      quoteCancellation(deps.db, {
        customerId: principalOf(request).customerId,
        accountId: request.params.accountId,
        productId: request.params.productId,
        businessDate: await deps.clock.businessDate(),
      }),
  );

  app.post(
    '/api/v1/accounts/:accountId/protection/:productId/cancellation',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Cancel the product at the quoted refund (requires Idempotency-Key)',
        params: ProtectionProductParams,
        body: CancellationRequest,
        response: { 201: Cancellation, ...errors, 409: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const key = idempotencyKeyOf(request);
      const businessDate = await deps.clock.businessDate();
      const { accountId, productId } = request.params;
      const outcome = await withIdempotency(
        deps.db,
        {
          scope: `user:${principal.userId}`,
          key,
          method: 'POST',
          route: `/api/v1/accounts/${accountId}/protection/${productId}/cancellation`,
          body: request.body,
          now: deps.clock.now(),
        },
        async (tx) => ({
          status: 201,
          body: await cancelProduct(tx, deps, {
            actor: { userId: principal.userId, customerId: principal.customerId },
            accountId,
            productId,
            request: request.body,
            businessDate,
          }),
        }),
      );
      if (outcome.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(outcome.status).send(outcome.body);
    },
  );

  app.get(
    '/api/v1/accounts/:accountId/work-orders',
    {
      config: { access },
      schema: {
        tags,
        summary: "Work orders dealers' service departments opened for the vehicle, newest first",
        params: AccountIdParams,
        response: { 200: WorkOrderList, ...errors },
      },
    },
    async (request) =>
      listWorkOrders(deps.db, {
        customerId: principalOf(request).customerId,
        accountId: request.params.accountId,
      }),
  );

  app.get(
    '/api/v1/accounts/:accountId/maintenance',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Scheduled maintenance: what was recorded, missed, and what is due',
        params: AccountIdParams,
        response: { 200: MaintenanceSchedule, ...errors },
      },
    },
    async (request) =>
      getMaintenance(deps.db, {
        customerId: principalOf(request).customerId,
        accountId: request.params.accountId,
        businessDate: await deps.clock.businessDate(),
      }),
  );

  app.post(
    '/api/v1/accounts/:accountId/maintenance',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Record a scheduled service done elsewhere',
        params: AccountIdParams,
        body: MaintenanceRecordRequest,
        response: { 201: MaintenanceSchedule, ...errors, 422: Problem },
      },
    },
    async (request, reply) => {
      const businessDate = await deps.clock.businessDate();
      const schedule = await inTransaction(deps.db, (tx) =>
        recordMaintenance(tx, {
          customerId: principalOf(request).customerId,
          accountId: request.params.accountId,
          request: request.body,
          businessDate,
        }),
      );
      return reply.code(201).send(schedule);
    },
  );
};
