import {
  AccountIdParams,
  AccountRequest,
  AccountRequestDecision,
  AccountRequestIdParams,
  AccountRequestList,
  AccountRequestQuote,
  AccountRequestQuoteQuery,
  NewAccountRequest,
  OpsAccountRequest,
  OpsAccountRequestList,
  OpsAccountRequestQuery,
  Problem,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { CUSTOMER_ONLY, principalOf } from '../../platform/http/access.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import type { AuditLog, NotificationInbox } from '../../platform/ports.ts';
import { requireOwnedContract } from '../contracts/index.ts';
import { listRequests } from './list-requests.ts';
import { decideRequest, listOpsRequests } from './ops-requests.ts';
import { quoteRequest } from './quote-request.ts';
import { submitRequest } from './submit-request.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

/** Staff who work the servicing queue. */
export const REQUEST_DECIDERS = { roles: ['admin', 'supervisor', 'agent'] } as const;

export interface AccountRequestDeps {
  db: Db;
  now: () => Date;
  audit: AuditLog;
  inbox: NotificationInbox;
}

/** Customers quote, file and follow due-date change and extension requests; staff decide them. */
export const accountRequestRoutes: FastifyPluginAsyncZod<AccountRequestDeps> = async (app, deps) => {
  const owned = async (customerId: number | null, accountId: string) =>
    (await requireOwnedContract(deps.db, customerId, accountId)).contract;

  app.get(
    '/api/v1/accounts/:accountId/requests/quote',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['accounts'],
        summary: 'What a due-date change or payment extension would cost, before asking',
        params: AccountIdParams,
        querystring: AccountRequestQuoteQuery,
        response: { 200: AccountRequestQuote, ...errors, 422: Problem },
      },
    },
    async (request) =>
      quoteRequest(await owned(principalOf(request).customerId, request.params.accountId), request.query),
  );

  app.get(
    '/api/v1/accounts/:accountId/requests',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['accounts'],
        summary: "The account's requests with their status",
        params: AccountIdParams,
        response: { 200: AccountRequestList, ...errors },
      },
    },
    async (request) =>
      listRequests(deps.db, await owned(principalOf(request).customerId, request.params.accountId)),
  );

  app.post(
    '/api/v1/accounts/:accountId/requests',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['accounts'],
        summary: 'Ask for a due-date change or a payment extension (moves no money)',
        params: AccountIdParams,
        body: NewAccountRequest,
        response: { 201: AccountRequest, ...errors, 409: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const contract = await owned(principal.customerId, request.params.accountId);
      if (principal.customerId === null) throw new NotFoundError('account');
      const created = await submitRequest(
        deps,
        { userId: principal.userId, customerId: principal.customerId },
        contract,
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/ops/account-requests',
    {
      config: { access: REQUEST_DECIDERS },
      schema: {
        tags: ['ops'],
        summary: 'The queue of customer account requests',
        querystring: OpsAccountRequestQuery,
        response: { 200: OpsAccountRequestList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => listOpsRequests(deps.db, request.query.status),
  );

  app.post(
    '/api/v1/ops/account-requests/:requestId/decision',
    {
      config: { access: REQUEST_DECIDERS },
      schema: {
        tags: ['ops'],
        summary: 'Approve or deny a request (audited; the customer is notified)',
        params: AccountRequestIdParams,
        body: AccountRequestDecision,
        response: { 200: OpsAccountRequest, ...errors, 409: Problem },
      },
    },
    async (request) => decideRequest(deps, requestContext(request), request.params.requestId, request.body),
  );
};
