import crypto from 'node:crypto';
import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { createBackgroundPass } from '../../platform/background-pass.ts';
import type { BrandConfig } from '../../platform/brand.ts';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import type { StatementCut } from './statements/cut-statements.ts';
import { renderStatement } from './statements/render-statement.ts';
import { documents } from './tables.ts';

export interface DrawScope {
  /** Only this customer's documents (the document centre, before it lists or serves them). */
  customerId?: number;
  /** Only this document. */
  documentId?: number;
  /** At most this many (default 50): one transaction's worth. */
  limit?: number;
  /**
   * Wait for documents another process is drawing (a request that must serve them) instead of
   * skipping them (the background drawer, which has other work).
   */
  wait?: boolean;
}

/**
 * Draws documents that were stored with their figures but no PDF yet (statements cut in the
 * close of business, ADR 0012): renders each from `render_input` and fills its bytes, size and
 * SHA-256, once. The PDF's creation date is the cut's, so any process draws the same bytes.
 * Returns how many it drew.
 */
export async function drawDocuments(db: Db, brand: BrandConfig, scope: DrawScope = {}): Promise<number> {
  // Statements are the only documents cut now and drawn later.
  const where: SQL[] = [isNull(documents.content), eq(documents.kind, 'statement')];
  if (scope.customerId !== undefined) where.push(eq(documents.customerId, scope.customerId));
  if (scope.documentId !== undefined) where.push(eq(documents.id, scope.documentId));
  // Nothing to draw is the usual answer: find that out without opening a transaction.
  const [any] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(...where))
    .limit(1);
  if (!any) return 0;
  return inTransaction(db, async (tx) => {
    const query = tx
      .select({ id: documents.id, renderInput: documents.renderInput })
      .from(documents)
      .where(and(...where))
      .orderBy(asc(documents.id))
      .limit(scope.limit ?? 50);
    const pending = await (scope.wait ? query.for('update') : query.for('update', { skipLocked: true }));
    let drawn = 0;
    for (const doc of pending) {
      if (!doc.renderInput) continue;
      const cut = doc.renderInput as unknown as StatementCut;
      const content = Buffer.from(await renderStatement({ ...cut, brand }));
      const updated = await tx
        .update(documents)
        .set({
          content,
          sizeBytes: content.byteLength,
          sha256: crypto.createHash('sha256').update(content).digest('hex'),
        })
        .where(and(eq(documents.id, doc.id), isNull(documents.content)))
        .returning({ id: documents.id });
      drawn += updated.length;
    }
    return drawn;
  });
}

/** How many statements are cut and not drawn yet (the ops close-of-business page). */
export async function countDocumentsToDraw(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(documents)
    .where(isNull(documents.content));
  return Number(row?.n ?? 0);
}

/** Draws every document still to be drawn, a transaction of `batch` at a time. */
export async function drawAllDocuments(
  db: Db,
  brand: BrandConfig,
  options: { batch?: number; onProgress?: (drawn: number) => void } = {},
): Promise<number> {
  let total = 0;
  for (;;) {
    const drawn = await drawDocuments(db, brand, { limit: options.batch ?? 50 });
    if (drawn === 0) return total;
    total += drawn;
    options.onProgress?.(total);
  }
}

/**
 * The statement drawer of `marque start` (like the mail relay): after a close of business cuts
 * the day's statements it draws them in the background, so the first customer to open one
 * rarely waits for it. `drawNow` is the nudge; the interval is the safety net.
 */
export function createDocumentDrawer(
  db: Db,
  brand: BrandConfig,
  log: { error: (obj: object, msg: string) => void },
) {
  const pass = createBackgroundPass(
    () => drawAllDocuments(db, brand),
    (error) => log.error({ err: error }, 'statement drawing failed'),
  );
  return { drawNow: pass.runNow, start: pass.start, stop: pass.stop };
}
