import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import type { Principal } from '../../platform/http/access.ts';
import type { AuditLog } from '../../platform/ports.ts';

/**
 * The access guard's `onDenied`: every 403 for a role a route does not admit is an
 * `access.denied` event (ASVS 16.3.2). The caller is refused either way; if the audit write
 * itself fails, that is logged as an error rather than turning the 403 into a 500.
 */
export function accessDeniedRecorder(deps: { db: Db; audit: AuditLog }) {
  return async (request: FastifyRequest, principal: Principal): Promise<void> => {
    try {
      await deps.audit.record(deps.db, {
        action: 'access.denied',
        outcome: 'denied',
        actorUserId: principal.userId,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
        details: {
          method: request.method,
          route: request.routeOptions.url ?? request.url.split('?')[0] ?? '',
          role: principal.role,
        },
      });
    } catch (error) {
      request.log.error({ err: error }, 'could not write the access.denied audit event');
    }
  };
}
