import crypto from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { idempotencyKeys } from '../db/platform-tables.ts';
import { inTransaction } from '../db/tx.ts';
import { BusinessRuleError, ConflictError, ValidationError } from '../errors.ts';

const KEY = /^[A-Za-z0-9_:.-]{8,255}$/;
/** A claim older than this belongs to a process that died mid-request and may be taken over. */
const STALE_CLAIM_MS = 60_000;
/** Keys are remembered at least this long (SECURITY.md: ≥ 24 h). */
export const IDEMPOTENCY_RETENTION_MS = 48 * 60 * 60 * 1000;

export interface IdempotentResult<T> {
  status: number;
  body: T;
}

export interface IdempotentOutcome<T> extends IdempotentResult<T> {
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/** The `Idempotency-Key` header, required on every money-moving POST. */
export function idempotencyKeyOf(request: FastifyRequest): string {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key.length === 0) {
    throw ValidationError.field(
      'Idempotency-Key',
      'idempotency_key_required',
      'Send an Idempotency-Key header (a UUID is ideal) so a retried request is not applied twice.',
    );
  }
  if (!KEY.test(key)) {
    throw ValidationError.field(
      'Idempotency-Key',
      'idempotency_key_invalid',
      'Use 8 to 255 letters, digits, -, _, : or .',
    );
  }
  return key;
}

function hashRequest(method: string, route: string, body: unknown): string {
  return crypto
    .createHash('sha256')
    .update(`${method} ${route}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');
}

/**
 * Runs `work` once per (scope, key), Stripe's semantics:
 * - first time: claim the key, run `work` in a transaction that also stores its response;
 * - same key and same request again: the stored response, without running anything;
 * - same key, different request: 422 `idempotency_key_reused`;
 * - same key while the first is still running: 409 `idempotency_in_progress` (retry later).
 * If `prepare` or `work` fails, the claim is released, so the client may retry with the same key.
 */
export async function withIdempotency<T, P = undefined>(
  db: Db,
  request: { scope: string; key: string; method: string; route: string; body: unknown; now: Date },
  work: (tx: Db, prepared: P) => Promise<IdempotentResult<T>>,
  /**
   * Runs once the key is claimed, before the transaction: calls to other services (a card
   * charge) that must not hold database locks. Its result is handed to `work`.
   */
  prepare?: () => Promise<P>,
): Promise<IdempotentOutcome<T>> {
  const requestHash = hashRequest(request.method, request.route, request.body);
  const id = and(eq(idempotencyKeys.scope, request.scope), eq(idempotencyKeys.key, request.key));
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ scope: request.scope, key: request.key, requestHash, createdAt: request.now })
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.key],
      // Take over only an abandoned claim of the same request.
      set: { createdAt: request.now },
      setWhere: sql`${idempotencyKeys.completedAt} is null and ${idempotencyKeys.requestHash} = ${requestHash}
        and ${idempotencyKeys.createdAt} < ${new Date(request.now.getTime() - STALE_CLAIM_MS)}`,
    })
    .returning({ scope: idempotencyKeys.scope });
  if (claimed.length === 0) {
    const [existing] = await db.select().from(idempotencyKeys).where(id);
    if (!existing)
      throw new ConflictError(
        'idempotency_in_progress',
        'The same request is being processed. Retry shortly.',
      );
    if (existing.requestHash !== requestHash) {
      throw new BusinessRuleError(
        'idempotency_key_reused',
        'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
      );
    }
    if (existing.statusCode === null) {
      throw new ConflictError(
        'idempotency_in_progress',
        'The same request is being processed. Retry shortly.',
      );
    }
    return { status: existing.statusCode, body: existing.response as T, replayed: true };
  }
  try {
    const prepared = (prepare ? await prepare() : undefined) as P;
    return await inTransaction(db, async (tx) => {
      const result = await work(tx, prepared);
      await tx
        .update(idempotencyKeys)
        .set({ statusCode: result.status, response: result.body as object, completedAt: request.now })
        .where(id);
      return { ...result, replayed: false };
    });
  } catch (error) {
    await db.delete(idempotencyKeys).where(and(id, sql`${idempotencyKeys.completedAt} is null`));
    throw error;
  }
}

/** Forgets keys past retention (run by close of business / the worker). */
export async function purgeIdempotencyKeys(db: Db, now: Date): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS)));
}
