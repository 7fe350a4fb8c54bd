import { AccountDetail, AccountIdParams, AccountList, Problem } from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { CUSTOMER_ONLY, principalOf } from '../../platform/http/access.ts';
import { getAccount } from './get-account.ts';
import { listAccounts } from './list-accounts.ts';

export const accountRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/accounts',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['accounts'],
        summary: "The signed-in customer's accounts (loan and lease contracts)",
        response: { 200: AccountList, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const { customerId } = principalOf(request);
      if (customerId === null) return { data: [], nextCursor: null };
      return listAccounts({ db }, customerId);
    },
  );

  app.get(
    '/api/v1/accounts/:accountId',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['accounts'],
        summary: 'One account with its contract terms',
        params: AccountIdParams,
        response: { 200: AccountDetail, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { customerId } = principalOf(request);
      if (customerId === null) throw new NotFoundError('account');
      return getAccount({ db }, customerId, request.params.accountId);
    },
  );
};
