import type { Db } from '../../../platform/db/client.ts';
import { draftAutopayRange } from '../../payments/index.ts';
import type { CobDeps } from '../deps.ts';
import type { RangeStep } from './step.ts';

/**
 * The autopay drafts due on the business date (payments/draft-autopay-range.ts), before the
 * accrual: a draft accrues its contract to the date itself, so the accrual step then has
 * nothing left to book for it. Counts drafted and skipped cycles.
 */
export function autopayStep(deps: CobDeps): RangeStep {
  const now = deps.now ?? (() => new Date());
  return {
    name: 'autopay_drafts',
    async run(tx, ctx) {
      const input = { lo: ctx.lo, hi: ctx.hi, businessDate: ctx.businessDate, now: now() };
      // Numbers are checked against the table, but two workers drafting at the same moment
      // cannot see each other's: on that rare clash, draw again (a savepoint, not the step).
      for (let attempt = 1; ; attempt++) {
        try {
          const run = await tx.transaction((savepoint) => draftAutopayRange(savepoint as Db, input));
          return run.drafted + run.skipped;
        } catch (error) {
          if (attempt >= 3 || !isConfirmationClash(error)) throw error;
        }
      }
    },
  };
}

/** A unique violation on payments.confirmation_number (the driver's error, or drizzle's wrapping it). */
function isConfirmationClash(error: unknown): boolean {
  for (
    let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (e.code === '23505' && e.constraint?.includes('confirmation_number')) return true;
  }
  return false;
}
