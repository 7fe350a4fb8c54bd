import { AuditLogPage, AuditLogQuery, Problem } from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/client.ts';
import { listAuditEvents } from './list-audit-events.ts';

export const AUDIT_READERS = { roles: ['admin', 'supervisor'] } as const;

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/ops/audit',
    {
      config: { access: AUDIT_READERS },
      schema: {
        tags: ['ops'],
        summary: 'The security audit trail, newest first (admins and supervisors)',
        querystring: AuditLogQuery,
        response: { 200: AuditLogPage, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => listAuditEvents({ db }, request.query),
  );
};
