import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLog } from '../src/modules/audit/index.ts';
import { type Database, openDatabase } from '../src/platform/db/client.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

/**
 * SECURITY.md: "The audit log is append-only and hash-chained; `marque audit verify` detects an
 * edited row". The real command, against an embedded database on disk (PGlite), or the test's
 * PostgreSQL database when TEST_DATABASE_URL is set.
 */
const BIN = fileURLToPath(new URL('../bin/marque.js', import.meta.url));
const audit = createAuditLog();

let dataDir: string;
let pg: TestDatabase | null = null;

/** Open the database the CLI will use, run `work`, close it again (PGlite is one process's). */
async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  if (pg) return work(pg.database);
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

function verify() {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [BIN, 'audit', 'verify'], {
    env: {
      ...inherited,
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      ...(pg?.url ? { DATABASE_URL: pg.url } : {}),
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marque-audit-cli-'));
  if (process.env.TEST_DATABASE_URL) pg = await freshDatabase();
});
afterAll(async () => {
  await pg?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('marque audit verify', () => {
  it('asks for migrations on a database that has none', () => {
    const { code, stderr } = verify();
    expect(code).toBe(1);
    expect(stderr).toContain('marque migrate');
  });

  it('reports an intact chain with its length', async () => {
    await withDatabase(async (database) => {
      await migrateDatabase(database);
      for (let n = 1; n <= 5; n++)
        await audit.record(database.db, {
          action: 'auth.login',
          outcome: 'success',
          actorUserId: n,
          details: { n },
        });
    });
    const { code, stdout, stderr } = verify();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('OK: 5 events, chain intact');
  });

  it('finds exactly the edited row and exits 1', async () => {
    const editedId = await withDatabase(async (database) => {
      const [row] = await database.query<{ id: number }>(
        'select id from audit_events order by id offset 3 limit 1',
      );
      // Only the table owner can do this, by switching the append-only guard off first.
      await database.exec('alter table audit_events disable trigger audit_events_no_update_delete');
      await database.query(`update audit_events set ip = '198.51.100.9' where id = $1`, [row?.id]);
      await database.exec('alter table audit_events enable trigger audit_events_no_update_delete');
      return row?.id;
    });
    const { code, stdout } = verify();
    expect(code).toBe(1);
    expect(stdout.split('\n')[0]).toMatch(new RegExp(`^Broken at event id ${editedId}: .*edited`));
    expect(stdout).toContain('3 events before it are intact');
  });
});
