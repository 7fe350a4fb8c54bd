import fs from 'node:fs';
import lockfile from 'proper-lockfile';

/**
 * PGlite is one process's database. A second process opening the same DATA_DIR (a CLI command
 * while `marque start` runs) would corrupt it, so every process that opens the embedded
 * database first takes this lock and refuses to go on without it. On PostgreSQL no lock is taken.
 */
export class DataDirLockedError extends Error {
  constructor(dataDir: string) {
    super(
      `The embedded database in ${dataDir} is in use by another Marque process (probably \`marque start\`). ` +
        'Stop that process first, or run both against PostgreSQL by setting DATABASE_URL.',
    );
    this.name = 'DataDirLockedError';
  }
}

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    // The lock is refreshed every few seconds while we live; a crashed holder's lock goes stale.
    return await lockfile.lock(dataDir, {
      lockfilePath: `${dataDir}/.marque.lock`,
      stale: 15_000,
      update: 5_000,
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw error;
  }
}
