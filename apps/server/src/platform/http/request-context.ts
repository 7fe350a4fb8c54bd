import type { FastifyRequest } from 'fastify';
import type { AuditEvent } from '../ports.ts';

/** Who, from where, in which request: the audit fields every request can fill in. */
export function requestContext(
  request: FastifyRequest,
): Pick<AuditEvent, 'actorUserId' | 'ip' | 'userAgent' | 'requestId'> {
  return {
    actorUserId: request.principal?.userId ?? null,
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    requestId: request.id,
  };
}
