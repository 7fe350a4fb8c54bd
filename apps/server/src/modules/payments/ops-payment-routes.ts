import {
  OpsPaymentDetail,
  OpsPaymentList,
  OpsPaymentParams,
  OpsPaymentQuery,
  Problem,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import type { AuditLog } from '../../platform/ports.ts';
import { findPaymentsForOps, getPaymentForOps } from './find-payments-ops.ts';

/** Staff who answer customers' payment questions. */
export const PAYMENT_READERS = { roles: ['admin', 'supervisor', 'agent', 'analyst'] } as const;

const errors = { 400: Problem, 401: Problem, 403: Problem };

/** Ops: find any payment and see the journal entries it caused. */
export const opsPaymentRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock; audit: AuditLog }> = async (
  app,
  deps,
) => {
  app.get(
    '/api/v1/ops/payments',
    {
      config: { access: PAYMENT_READERS },
      schema: {
        tags: ['ops'],
        summary: 'Find payments by confirmation number, payment ID or account number',
        querystring: OpsPaymentQuery,
        response: { 200: OpsPaymentList, ...errors },
      },
    },
    async (request) => ({
      data: await findPaymentsForOps(deps.db, request.query.q, await deps.clock.businessDate()),
    }),
  );

  app.get(
    '/api/v1/ops/payments/:paymentId',
    {
      config: { access: PAYMENT_READERS },
      schema: {
        tags: ['ops'],
        summary: 'One payment with its journal entries (the view is audited)',
        params: OpsPaymentParams,
        response: { 200: OpsPaymentDetail, ...errors, 404: Problem },
      },
    },
    async (request) =>
      getPaymentForOps(
        deps,
        requestContext(request),
        request.params.paymentId,
        await deps.clock.businessDate(),
      ),
  );
};
