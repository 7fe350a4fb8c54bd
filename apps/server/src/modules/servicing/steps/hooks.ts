import type { CobDeps, RangeHook } from '../deps.ts';
import type { RangeStep } from './step.ts';

function hookStep(name: string, hook: RangeHook | undefined): RangeStep {
  return {
    name,
    async run(tx, ctx) {
      if (!hook) return 0;
      const r = await hook(tx, {
        businessDate: ctx.businessDate,
        fromContractId: ctx.lo,
        toContractId: ctx.hi,
      });
      return r.generated;
    },
  };
}

/** Monthly statements (modules/documents writes them; until wired, nothing). */
export const statementsStep = (deps: CobDeps) => hookStep('statements', deps.generateStatements);
/** Service-plan and warranty expiry notices (W1-6; until then, nothing). */
export const serviceNoticesStep = (deps: CobDeps) => hookStep('service_notices', deps.serviceNotices);
