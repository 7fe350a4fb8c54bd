import type { CobRunRequest, CobRunResult } from '@marque/contracts';
import { compareDates, type IsoDate } from '@marque/finance';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, ValidationError } from '../../platform/errors.ts';
import type { AuditEvent, AuditLog } from '../../platform/ports.ts';
import type { CobDayResult } from './close-business-day.ts';
import type { CobDeps } from './deps.ts';
import { runCob } from './run-cob.ts';

/** Longest catch-up one request may start (a year); more is a data problem, not a rerun. */
const MAX_DAYS = 366;

export interface CobRunner {
  /** The run this process has going, if any. */
  current: Promise<CobDayResult[]> | null;
}

/**
 * Ops: rerun or catch up the close of business (audited). Without `wait` it starts the run in
 * this process and answers at once (202); the ops page polls `GET /ops/cob`. A second request
 * while one runs here is refused (409 `cob_running`); runs in other processes queue on the
 * database lock.
 */
export async function requestCobRun(
  deps: { db: Db; clock: Clock; audit: AuditLog; cob: CobDeps; runner: CobRunner },
  context: Pick<AuditEvent, 'actorUserId' | 'ip' | 'userAgent' | 'requestId'>,
  input: CobRunRequest & { wait?: boolean },
): Promise<{ status: 200 | 202; body: CobRunResult }> {
  const businessDate = await deps.clock.businessDate();
  const today = deps.clock.now().toISOString().slice(0, 10);
  const through: IsoDate = input.through;
  if (compareDates(through, today) > 0) {
    throw new ValidationError([
      { field: 'through', code: 'future_date', message: 'Cannot close a date after today.' },
    ]);
  }
  if (Date.parse(through) - Date.parse(businessDate) > MAX_DAYS * 86_400_000) {
    throw new ValidationError([
      { field: 'through', code: 'too_far', message: `Catch up at most ${MAX_DAYS} days at a time.` },
    ]);
  }
  if (deps.runner.current) throw new AppError(409, 'cob_running', 'A close of business is already running.');
  await deps.audit.record(deps.db, {
    ...context,
    action: 'ops.cob_run',
    outcome: 'success',
    details: { through, businessDate },
  });
  const run = runCob(deps.cob, { through, trigger: 'api', userId: context.actorUserId ?? null });
  deps.runner.current = run;
  const done = run.finally(() => {
    deps.runner.current = null;
  });
  if (!input.wait) {
    // Failures are recorded in cob_failures and shown by GET /ops/cob; nothing to throw to.
    done.catch(() => {});
    return { status: 202, body: { runs: [], businessDate } };
  }
  const results = await done;
  return {
    status: 200,
    body: {
      runs: results.map((r) => ({
        id: r.runId,
        businessDate: r.businessDate,
        status: r.status,
        failures: r.failures,
      })),
      businessDate: await deps.clock.businessDate(),
    },
  };
}
