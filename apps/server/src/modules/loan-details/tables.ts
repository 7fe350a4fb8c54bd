import { bigint, date, pgTable, text } from 'drizzle-orm/pg-core';
import { contracts } from '../contracts/tables.ts';

/**
 * The lien release after a loan is paid off: when each step happened. Expected dates are not
 * stored; they follow the state's rule (see title-rules.ts).
 */
export const lienReleases = pgTable('lien_releases', {
  contractId: bigint('contract_id', { mode: 'number' })
    .primaryKey()
    .references(() => contracts.id),
  titleState: text('title_state').notNull(),
  payoffReceivedOn: date('payoff_received_on', { mode: 'string' }).notNull(),
  releaseRequestedOn: date('release_requested_on', { mode: 'string' }),
  lienReleasedOn: date('lien_released_on', { mode: 'string' }),
  titleMailedOn: date('title_mailed_on', { mode: 'string' }),
});
