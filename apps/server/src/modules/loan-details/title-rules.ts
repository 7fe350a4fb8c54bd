import { addBusinessDays, addDays, federalReserveCalendar, type IsoDate } from '@marque/finance';

/**
 * How a state releases a lien once a loan is paid off, and the lender's promise for each step.
 * Electronic (ELT) states: the lender releases the lien with the state, which then mails the
 * title to the owner. Paper states: the lender signs the release on the paper title and mails it.
 * The days are the lender's service targets, inside the state deadlines they follow.
 */
export interface TitleRule {
  method: 'electronic' | 'paper';
  /** Calendar days from the release request to the lien being released (or the title mailed). */
  releaseDays: number;
  /** Electronic states: calendar days from the release to the state mailing the title. */
  mailDays: number;
}

export const TITLE_RULES: Record<string, TitleRule> = {
  CA: { method: 'electronic', releaseDays: 10, mailDays: 14 },
  AZ: { method: 'electronic', releaseDays: 10, mailDays: 10 },
  FL: { method: 'electronic', releaseDays: 10, mailDays: 10 },
  TX: { method: 'electronic', releaseDays: 10, mailDays: 14 },
  NV: { method: 'paper', releaseDays: 30, mailDays: 0 },
  OR: { method: 'paper', releaseDays: 15, mailDays: 0 },
};

/** States not in the table: a paper release within 30 days. */
export const DEFAULT_TITLE_RULE: TitleRule = { method: 'paper', releaseDays: 30, mailDays: 0 };

/** The lien release is requested within this many business days of the payoff. */
export const REQUEST_BUSINESS_DAYS = 2;

export function titleRuleOf(state: string): TitleRule {
  return TITLE_RULES[state] ?? DEFAULT_TITLE_RULE;
}

/** The expected date of each step, each from the actual date of the step before it when known. */
export function expectedTitleDates(
  rule: TitleRule,
  actual: { payoffReceivedOn: IsoDate; releaseRequestedOn: IsoDate | null; lienReleasedOn: IsoDate | null },
) {
  const year = Number(actual.payoffReceivedOn.slice(0, 4));
  const requested = addBusinessDays(
    actual.payoffReceivedOn,
    REQUEST_BUSINESS_DAYS,
    federalReserveCalendar(year, year + 1),
  );
  const released = addDays(actual.releaseRequestedOn ?? requested, rule.releaseDays);
  const mailed =
    rule.method === 'electronic' ? addDays(actual.lienReleasedOn ?? released, rule.mailDays) : released;
  return { requested, released, mailed };
}
