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
      const run = await draftAutopayRange(tx, {
        lo: ctx.lo,
        hi: ctx.hi,
        businessDate: ctx.businessDate,
        now: now(),
      });
      return run.drafted + run.skipped;
    },
  };
}
