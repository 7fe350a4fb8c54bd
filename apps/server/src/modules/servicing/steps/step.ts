import type { IsoDate } from '@marque/finance';
import type { Db } from '../../../platform/db/client.ts';

/** What a partition step sees: its contract id range and the date being closed. */
export interface RangeContext {
  runId: number;
  lo: number;
  hi: number;
  /** The business date being closed. */
  businessDate: IsoDate;
  /** The business date after the close (due status and aging are as of this day). */
  nextDate: IsoDate;
}

/**
 * One close-of-business step over a partition: set-based SQL in the caller's transaction,
 * idempotent per (contract, business date). Returns the rows it touched (for the timings).
 */
export interface RangeStep {
  name: string;
  run(tx: Db, ctx: RangeContext): Promise<number>;
}

export function rowCount(result: unknown): number {
  const r = result as { rows?: { n?: number }[]; rowCount?: number | null; affectedRows?: number };
  if (r.rows?.[0]?.n !== undefined) return Number(r.rows[0].n);
  return Number(r.rowCount ?? r.affectedRows ?? 0);
}
