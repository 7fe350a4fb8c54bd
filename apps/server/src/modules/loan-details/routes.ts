import { AccountIdParams, LoanSchedule, Problem, TitleStatus, WhatIf, WhatIfQuery } from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { CUSTOMER_ONLY, principalOf } from '../../platform/http/access.ts';
import { requireOwnedContract } from '../contracts/index.ts';
import { getLoanSchedule } from './get-loan-schedule.ts';
import { getTitleStatus } from './get-title.ts';
import { runWhatIf } from './run-what-if.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

/** Loan details for the owner: schedule and disclosure, what-if, title status. */
export const loanDetailRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock }> = async (
  app,
  { db, clock },
) => {
  const owned = async (customerId: number | null, accountId: string) =>
    (await requireOwnedContract(db, customerId, accountId)).contract;

  app.get(
    '/api/v1/accounts/:accountId/schedule',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['accounts'],
        summary: 'Loan disclosure, paid to date, per diem, and scheduled vs actual balance',
        params: AccountIdParams,
        response: { 200: LoanSchedule, ...errors, 422: Problem },
      },
    },
    async (request) => {
      const contract = await owned(principalOf(request).customerId, request.params.accountId);
      return getLoanSchedule(db, contract, await clock.businessDate());
    },
  );

  app.get(
    '/api/v1/accounts/:accountId/what-if',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['accounts'],
        summary: 'New payoff date and interest saved by paying more a month and/or once now',
        params: AccountIdParams,
        querystring: WhatIfQuery,
        response: { 200: WhatIf, ...errors, 422: Problem },
      },
    },
    async (request) => {
      const contract = await owned(principalOf(request).customerId, request.params.accountId);
      return runWhatIf(contract, await clock.businessDate(), request.query);
    },
  );

  app.get(
    '/api/v1/accounts/:accountId/title',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['accounts'],
        summary: 'Lien and title release status, with expected dates after payoff',
        params: AccountIdParams,
        response: { 200: TitleStatus, ...errors },
      },
    },
    async (request) =>
      getTitleStatus(db, await owned(principalOf(request).customerId, request.params.accountId)),
  );
};
