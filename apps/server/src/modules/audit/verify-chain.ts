import type { Db } from '../../platform/db/client.ts';
import { type ChainedFields, chainHash, GENESIS_HASH } from './chain.ts';
import { type AuditRow, chainBatch } from './repo.ts';

export type ChainVerdict =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAtId: number; reason: string };

function fieldsOf(row: AuditRow): ChainedFields {
  return {
    occurredAt: row.occurredAt,
    action: row.action,
    outcome: row.outcome,
    actorUserId: row.actorUserId,
    subjectUserId: row.subjectUserId,
    subjectCustomerId: row.subjectCustomerId,
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
    details: row.details,
  };
}

/**
 * Walk the chain in id order and recompute every hash. The first event whose `prev_hash` is
 * not its predecessor's hash (an event removed, inserted or reordered before it) or whose
 * stored hash does not match its contents (the event edited) is reported. Removing the newest
 * events leaves a shorter valid chain: compare the count and last hash with an earlier run to
 * catch that.
 */
export async function verifyAuditChain(
  deps: { db: Db },
  options: { batchSize?: number; onProgress?: (checked: number) => void } = {},
): Promise<ChainVerdict & { lastHash: string }> {
  const size = options.batchSize ?? 1000;
  let prevHash = GENESIS_HASH;
  let prevId: number | null = null;
  let afterId = 0;
  let events = 0;
  for (;;) {
    const rows = await chainBatch(deps.db, afterId, size);
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        const after = prevId === null ? 'the start of the chain' : `event id ${prevId}`;
        return {
          ok: false,
          events,
          brokenAtId: row.id,
          lastHash: prevHash,
          reason: `prev_hash does not match the hash of ${after} (an event before it was removed, inserted or edited)`,
        };
      }
      const expected = chainHash(fieldsOf(row), row.prevHash);
      if (expected !== row.hash) {
        return {
          ok: false,
          events,
          brokenAtId: row.id,
          lastHash: prevHash,
          reason: 'its contents do not match its hash (the event was edited)',
        };
      }
      prevHash = row.hash;
      prevId = row.id;
      events++;
    }
    options.onProgress?.(events);
    if (rows.length < size) break;
    afterId = rows[rows.length - 1]?.id ?? afterId;
  }
  return { ok: true, events, lastHash: prevHash };
}
