import type { Config } from './config.ts';
import { createFieldCipher, type FieldCipher } from './crypto/field-encryption.ts';
import { loadFieldKeys } from './crypto/keys.ts';
import { type Database, databaseTargetFromConfig, openDatabase } from './db/client.ts';
import { lockDataDir } from './db/lock.ts';

export interface Runtime {
  database: Database;
  cipher: FieldCipher;
  /** Close the database, then release the DATA_DIR lock. */
  close(): Promise<void>;
}

/**
 * Open what every entry point (server, worker, CLI) needs. On the embedded database the
 * DATA_DIR lock is taken first, so a second process fails with a clear message instead of
 * corrupting the files.
 */
export async function openRuntime(config: Config): Promise<Runtime> {
  const target = databaseTargetFromConfig(config);
  const release = target.kind === 'pglite' ? await lockDataDir(config.dataDir) : async () => {};
  try {
    const cipher = createFieldCipher(loadFieldKeys(config));
    const database = await openDatabase(target);
    return {
      database,
      cipher,
      async close() {
        try {
          await database.close();
        } finally {
          await release();
        }
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}
