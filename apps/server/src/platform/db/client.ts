import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** A database handle or an open transaction: use cases accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string | null }; // null: in memory (tests)

export interface Database {
  kind: DatabaseTarget['kind'];
  db: Db;
  /** Run raw, parameterised SQL (tests, migrations, set-based batch work). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Run several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /**
   * Hold a PostgreSQL session-level advisory lock while `work` runs, so that several processes
   * (servers, workers, CLI) do one thing at a time (migrations, close of business).
   * PGlite is single-process, so there the lock is the DATA_DIR lock file (see lock.ts).
   */
  withAdvisoryLock<T>(key: number, work: () => Promise<T>): Promise<T>;
  /**
   * The same lock without waiting: runs `work` when the lock was free, else returns
   * `{ locked: false }` at once (a second process then joins the close of business instead).
   */
  tryWithAdvisoryLock<T>(
    key: number,
    work: () => Promise<T>,
  ): Promise<{ locked: true; value: T } | { locked: false }>;
  close(): Promise<void>;
}

// int8 (bigint) values are cents and counts: keep them exact as JS numbers (safe below 2^53),
// and leave dates as ISO strings instead of JS Dates.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (v: string) => Number(v);
    if (oid === 1082) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10, types: pgTypes });
    // An idle client erroring (server restart) must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      async query<T>(text: string, params?: unknown[]) {
        return (await pool.query(text, params)).rows as T[];
      },
      async exec(text: string) {
        await pool.query(text);
      },
      async withAdvisoryLock(key, work) {
        const lockClient = await pool.connect();
        try {
          await lockClient.query('select pg_advisory_lock($1)', [key]);
          try {
            return await work();
          } finally {
            await lockClient.query('select pg_advisory_unlock($1)', [key]);
          }
        } finally {
          lockClient.release();
        }
      },
      async tryWithAdvisoryLock(key, work) {
        const lockClient = await pool.connect();
        try {
          const [got] = (
            await lockClient.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [key])
          ).rows;
          if (!got?.locked) return { locked: false };
          try {
            return { locked: true, value: await work() };
          } finally {
            await lockClient.query('select pg_advisory_unlock($1)', [key]);
          }
        } finally {
          lockClient.release();
        }
      },
      close: () => pool.end(),
    };
  }
  if (target.dataDir) fs.mkdirSync(path.dirname(target.dataDir), { recursive: true });
  const client = await PGlite.create({
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    parsers: { 20: (v: string) => Number(v), 1082: (v: string) => v },
  });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async query<T>(text: string, params?: unknown[]) {
      return (await client.query<T>(text, params)).rows;
    },
    async exec(text: string) {
      await client.exec(text);
    },
    withAdvisoryLock: (_key, work) => work(),
    tryWithAdvisoryLock: async (_key, work) => ({ locked: true, value: await work() }),
    close: () => client.close(),
  };
}

export function databaseTargetFromConfig(config: {
  databaseUrl: string | undefined;
  dataDir: string;
  databasePoolSize: number;
}): DatabaseTarget {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize }
    : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') };
}
