import {
  CobOverview,
  CobRunRequest,
  CobRunResult,
  DelinquencyPage,
  DelinquencyQuery,
  Problem,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import type { AuditLog } from '../../platform/ports.ts';
import type { CobDeps } from './deps.ts';
import { getCobOverview } from './get-cob-overview.ts';
import { listDelinquency } from './list-delinquency.ts';
import { type CobRunner, requestCobRun } from './request-cob-run.ts';

/** Who sees the close of business and the delinquency list. */
export const COB_READERS = { roles: ['admin', 'supervisor', 'agent', 'analyst'] } as const;
/** Who may rerun it: admins and supervisors (the operations leads). */
export const COB_OPERATORS = { roles: ['admin', 'supervisor'] } as const;

const errors = { 400: Problem, 401: Problem, 403: Problem };

export const cobRoutes: FastifyPluginAsyncZod<{
  db: Db;
  clock: Clock;
  audit: AuditLog;
  cob: CobDeps;
}> = async (app, deps) => {
  const runner: CobRunner = { current: null };

  app.get(
    '/api/v1/ops/cob',
    {
      config: { access: COB_READERS },
      schema: {
        tags: ['ops'],
        summary: 'Close of business: the business date, the last runs with step timings, failures',
        response: { 200: CobOverview, ...errors },
      },
    },
    async () =>
      getCobOverview(deps.db, { businessDate: await deps.clock.businessDate(), now: deps.clock.now() }),
  );

  app.post(
    '/api/v1/ops/cob/runs',
    {
      config: { access: COB_OPERATORS },
      schema: {
        tags: ['ops'],
        summary: 'Rerun or catch up the close of business (audited)',
        body: CobRunRequest,
        response: { 200: CobRunResult, 202: CobRunResult, ...errors, 409: Problem },
      },
    },
    async (request, reply) => {
      const result = await requestCobRun({ ...deps, runner }, requestContext(request), request.body);
      return reply.status(result.status).send(result.body);
    },
  );

  app.get(
    '/api/v1/ops/delinquency',
    {
      config: { access: COB_READERS },
      schema: {
        tags: ['ops'],
        summary: 'Delinquent accounts by bucket, most days past due first',
        querystring: DelinquencyQuery,
        response: { 200: DelinquencyPage, ...errors },
      },
    },
    async (request) => listDelinquency(deps.db, request.query, await deps.clock.businessDate()),
  );
};
