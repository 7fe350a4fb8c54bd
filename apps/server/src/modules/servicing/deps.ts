import type { IsoDate } from '@marque/finance';
import type { Database, Db } from '../../platform/db/client.ts';
import type { NotificationInbox } from '../../platform/ports.ts';
import type { CardProcessor, FindPaymentMethod } from '../payments/index.ts';
import type { CrashPoint } from './run-step.ts';

/** A hook over one partition (statements, service-plan notices), in the step's transaction. */
export type RangeHook = (
  db: Db,
  input: { businessDate: IsoDate; fromContractId: number; toContractId: number },
) => Promise<{ generated: number }>;

export interface CobDeps {
  database: Database;
  inbox: NotificationInbox;
  now?: () => Date;
  /** Card and method lookups for scheduled payments; without them only autopay and ACH settle run. */
  payments?: { findPaymentMethod: FindPaymentMethod; processor: CardProcessor };
  /** Monthly statements (modules/documents); default none. */
  generateStatements?: RangeHook;
  /** Service-plan and warranty expiry notices (W1-6); default none. */
  serviceNotices?: RangeHook;
  /** Concurrent partition workers (PostgreSQL; PGlite has one connection, so 1). */
  workers?: number;
  /** Contract ids per partition. Keep it stable: step markers are per id block. */
  partitionSize?: number;
  /**
   * A running partition whose heartbeat (bumped after each step) is older than this is taken
   * over by another worker: its process died. Default 60 s; steps take well under a second.
   */
  staleAfterMs?: number;
  /** How often the coordinator polls for partitions other processes still hold. Default 250 ms. */
  pollMs?: number;
  /** This process's name in `cob_partitions.worker` (default `hostname:pid`; workers add `:n`). */
  processName?: string;
  /** Progress over every process's work (read from the step markers). */
  onProgress?: (event: { date: IsoDate; done: number; total: number }) => void;
  /** Tests: called at every step boundary; throwing there simulates a crash. */
  crash?: CrashPoint;
}

export const DEFAULT_PARTITION_SIZE = 20_000;
export const DEFAULT_STALE_AFTER_MS = 60_000;
export const DEFAULT_POLL_MS = 250;
/** pg advisory lock key: one close of business at a time across processes. */
export const COB_LOCK_KEY = 0x0c0b;
