import type { Db } from './client.ts';

/**
 * Run `work` in one transaction: everything it writes commits together or not at all.
 * Nested calls reuse the outer transaction (Drizzle opens a savepoint).
 */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}
