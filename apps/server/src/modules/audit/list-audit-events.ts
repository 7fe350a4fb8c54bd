import type { AuditLogEntry, AuditLogPage, AuditLogQuery } from '@marque/contracts';
import type { Db } from '../../platform/db/client.ts';
import { ValidationError } from '../../platform/errors.ts';
import { findAuditEventIdByHash, findAuditEvents, findUserIdByPublicId } from './repo.ts';

const badCursor = () =>
  ValidationError.field('cursor', 'invalid_cursor', 'Not a cursor from a previous page of this list.');

/**
 * The audit trail for staff, newest first, filtered by action, actor and time. Event and
 * cursor IDs are the events' hashes and people appear by public ID: no sequential number
 * leaves the server.
 */
export async function listAuditEvents(deps: { db: Db }, query: AuditLogQuery): Promise<AuditLogPage> {
  let actorUserId: number | undefined;
  if (query.actorUserId) {
    actorUserId = await findUserIdByPublicId(deps.db, query.actorUserId);
    if (actorUserId === undefined) return { data: [], nextCursor: null };
  }
  let beforeId: number | undefined;
  if (query.cursor) {
    beforeId = await findAuditEventIdByHash(deps.db, query.cursor);
    if (beforeId === undefined) throw badCursor();
  }
  const rows = await findAuditEvents(
    deps.db,
    {
      action: query.action,
      actorUserId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      beforeId,
    },
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const data: AuditLogEntry[] = page.map((r) => ({
    id: r.event.hash,
    occurredAt: r.event.occurredAt.toISOString(),
    action: r.event.action,
    outcome: r.event.outcome,
    actor: r.actorPublicId && r.actorEmail ? { id: r.actorPublicId, email: r.actorEmail } : null,
    subjectUserId: r.subjectUserPublicId,
    subjectCustomerId: r.subjectCustomerPublicId,
    ip: r.event.ip,
    userAgent: r.event.userAgent,
    requestId: r.event.requestId,
    details: r.event.details,
  }));
  const last = page[page.length - 1];
  return { data, nextCursor: rows.length > query.limit && last ? last.event.hash : null };
}
