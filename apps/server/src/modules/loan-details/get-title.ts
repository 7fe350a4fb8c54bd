import type { TitleStatus } from '@marque/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { ContractRow } from '../contracts/index.ts';
import { lienReleases } from './tables.ts';
import { expectedTitleDates, titleRuleOf } from './title-rules.ts';

/**
 * Where the title is: the lender holds the lien while a loan is open; after payoff, each step of
 * the release with the date it happened or the date it is expected by the state's rule.
 */
export async function getTitleStatus(db: Db, contract: ContractRow): Promise<TitleStatus> {
  const base = { accountId: contract.publicId };
  if (contract.type !== 'loan')
    return { ...base, status: 'not_applicable', state: null, method: null, releaseDays: null, steps: [] };
  const [row] = await db.select().from(lienReleases).where(eq(lienReleases.contractId, contract.id)).limit(1);
  if (!row) return { ...base, status: 'lien_held', state: null, method: null, releaseDays: null, steps: [] };
  const rule = titleRuleOf(row.titleState);
  const expected = expectedTitleDates(rule, row);
  const steps: TitleStatus['steps'] = [
    { step: 'payoff_received', date: row.payoffReceivedOn, expectedDate: null },
    { step: 'release_requested', date: row.releaseRequestedOn, expectedDate: expected.requested },
  ];
  if (rule.method === 'electronic')
    steps.push({ step: 'lien_released', date: row.lienReleasedOn, expectedDate: expected.released });
  steps.push({ step: 'title_mailed', date: row.titleMailedOn, expectedDate: expected.mailed });
  const done = steps.every((s) => s.date !== null);
  return {
    ...base,
    status: done ? 'released' : 'release_in_progress',
    state: row.titleState,
    method: rule.method,
    releaseDays: rule.releaseDays,
    steps,
  };
}
