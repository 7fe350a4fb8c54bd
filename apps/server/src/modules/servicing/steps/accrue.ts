import { accrueRange } from '../../ledger/index.ts';
import type { RangeStep } from './step.ts';

/** Accrues every active loan of the range through the business date (the ledger writes). */
export const accrueStep: RangeStep = {
  name: 'accrue_interest',
  run: (tx, ctx) =>
    accrueRange(tx, {
      lo: ctx.lo,
      hi: ctx.hi,
      date: ctx.businessDate,
      bookingDate: ctx.businessDate,
      source: `cob:${ctx.businessDate}`,
    }),
};
