import { type Config, ConfigError, loadConfig } from '../platform/config.ts';
import { DataDirLockedError } from '../platform/db/lock.ts';
import { serializeError } from '../platform/logger.ts';
import { openRuntime, type Runtime } from '../platform/runtime.ts';

/** Known failures end with one clear line and exit code 1; anything else keeps its stack for debugging. */
export function fail(error: unknown): never {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`marque: ${error.message}\n`);
  } else {
    // Database errors carry statement parameters (possibly personal data): print them redacted.
    const e = serializeError(error);
    process.stderr.write(
      `marque: ${String(e.stack || e.message)}${e.cause ? `\n  caused by: ${JSON.stringify(e.cause)}` : ''}\n`,
    );
  }
  process.exit(1);
}

export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    return fail(error);
  }
}

/** Open the database (taking the DATA_DIR lock on PGlite), run `work`, close. */
export async function withRuntime<T>(work: (runtime: Runtime, config: Config) => Promise<T>): Promise<T> {
  const config = configOrExit();
  let runtime: Runtime;
  try {
    runtime = await openRuntime(config);
  } catch (error) {
    return fail(error);
  }
  try {
    return await work(runtime, config);
  } finally {
    await runtime.close();
  }
}
