import {
  Problem,
  WorkOrder,
  WorkOrderCreateRequest,
  WorkOrderParams,
  WorkOrderStatusRequest,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { principalOf } from '../../platform/http/access.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import type { AuditLog } from '../../platform/ports.ts';
import { postWorkOrder } from './post-work-order.ts';
import { updateWorkOrderStatus } from './update-work-order-status.ts';

/** Dealership staff: service advisors post and move work orders. */
export const DEALER_STAFF = { roles: ['dealer_user', 'dealer_admin'] } as const;

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };

function dealerOf(request: Parameters<typeof principalOf>[0]): { dealerId: number; userId: number } {
  const principal = principalOf(request);
  if (principal.dealerId === null) throw new ForbiddenError();
  return { dealerId: principal.dealerId, userId: principal.userId };
}

/** The dealer API for work orders (audited: dealer.work_order.create / .status). */
export const dealerWorkOrderRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock; audit: AuditLog }> = async (
  app,
  deps,
) => {
  app.post(
    '/api/v1/dealer/work-orders',
    {
      config: { access: DEALER_STAFF },
      schema: {
        tags: ['dealer'],
        summary: 'Open a work order for a financed vehicle, by VIN',
        body: WorkOrderCreateRequest,
        response: { 201: WorkOrder, ...errors },
      },
    },
    async (request, reply) => {
      const dealer = dealerOf(request);
      const businessDate = await deps.clock.businessDate();
      const order = await inTransaction(deps.db, (tx) =>
        postWorkOrder(tx, deps, {
          ...dealer,
          request: request.body,
          businessDate,
          context: requestContext(request),
        }),
      );
      return reply.code(201).send(order);
    },
  );

  app.patch(
    '/api/v1/dealer/work-orders/:workOrderId',
    {
      config: { access: DEALER_STAFF },
      schema: {
        tags: ['dealer'],
        summary: 'Move a work order: open → in_progress → completed, or cancelled',
        params: WorkOrderParams,
        body: WorkOrderStatusRequest,
        response: { 200: WorkOrder, ...errors },
      },
    },
    async (request) => {
      const { dealerId } = dealerOf(request);
      const businessDate = await deps.clock.businessDate();
      return inTransaction(deps.db, (tx) =>
        updateWorkOrderStatus(tx, deps, {
          dealerId,
          workOrderId: request.params.workOrderId,
          status: request.body.status,
          businessDate,
          context: requestContext(request),
        }),
      );
    },
  );
};
