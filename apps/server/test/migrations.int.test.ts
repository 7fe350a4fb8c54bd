import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, migrationsCurrent } from '../src/platform/db/migrate.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

// Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set (CI does both).
let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(async () => t?.drop());

describe(`migrations (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('apply every migration to an empty database, then report the schema current', async () => {
    expect(await migrationsCurrent(t.database)).toBe(false);
    const { applied } = await migrateDatabase(t.database);
    expect(applied).toBeGreaterThan(0);
    expect(await migrationsCurrent(t.database)).toBe(true);
    const tables = await t.database.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by 1",
    );
    expect(tables.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'account_requests',
        'business_date',
        'contracts',
        'customers',
        'dealers',
        'lien_releases',
        'sessions',
        'users',
        'vehicles',
      ]),
    );
  });

  it('are idempotent: a second run applies nothing', async () => {
    expect((await migrateDatabase(t.database)).applied).toBe(0);
  });

  it('enforce schema rules: one business date row, terms by contract type', async () => {
    await expect(
      t.database.query("insert into business_date (id, date) values (2, '2026-01-01')"),
    ).rejects.toThrow();
    const check = await t.database.query<{ def: string }>(
      "select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'contracts_terms_by_type'",
    );
    expect(check[0]?.def).toContain('money_factor IS NOT NULL');
  });
});
