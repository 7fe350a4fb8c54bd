import { readBusinessDate, setBusinessDate, utcToday } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/crypto/field-encryption.ts';
import type { Database } from '../platform/db/client.ts';
import { migrateDatabase } from '../platform/db/migrate.ts';
import { type SeedDemoResult, seedDemo } from './seed-demo.ts';

/** A new database starts its business date at today's UTC date; after that only close of business moves it. */
export async function ensureBusinessDate(database: Database, now: Date): Promise<string> {
  const current = await readBusinessDate(database.db);
  if (current) return current;
  const date = utcToday(now);
  await setBusinessDate(database.db, date);
  return date;
}

/** What `marque start` does before listening: migrate, start the business date, seed the demo once. */
export async function prepareDatabase(
  deps: { database: Database; cipher: FieldCipher; now: Date },
  options: { seedDemo: boolean },
): Promise<{ migrationsApplied: number; businessDate: string; demo: SeedDemoResult | null }> {
  const { applied } = await migrateDatabase(deps.database);
  const businessDate = await ensureBusinessDate(deps.database, deps.now);
  const demo = options.seedDemo
    ? await seedDemo({ db: deps.database.db, cipher: deps.cipher }, businessDate)
    : null;
  return { migrationsApplied: applied, businessDate, demo };
}
