import type { Db } from '../../platform/db/client.ts';
import type { AuditEvent, AuditLog } from '../../platform/ports.ts';
import { normaliseEvent } from './chain.ts';
import { appendAuditEvent } from './repo.ts';

/**
 * The AuditLog port: validates and normalises the event (dropping secret-named detail keys),
 * then appends it to the hash chain inside the caller's transaction. Record failures with a
 * handle whose transaction will commit: an event written in a transaction that rolls back is
 * gone with it.
 */
export function createAuditLog(deps: { now?: () => Date } = {}): AuditLog {
  const now = deps.now ?? (() => new Date());
  return {
    async record(db: Db, event: AuditEvent): Promise<void> {
      await appendAuditEvent(db, normaliseEvent(event, now()));
    },
  };
}
