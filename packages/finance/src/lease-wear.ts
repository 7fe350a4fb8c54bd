import { FinanceInputError } from './errors.ts';
import { type Cents, cents } from './money.ts';
import { requireInt } from './validate.ts';

/** What the wear-and-use self-check asks about; each counts in units (tires, panels, keys…). */
export type WearItem = 'tire' | 'wheel' | 'windshield' | 'dent' | 'scratch' | 'interior' | 'light' | 'key';

/**
 * Standard charges per unit of excess wear, cents, and the most units one vehicle can have.
 * The program's schedule, not market repair prices: the inspection report governs.
 */
export const WEAR_CHARGES: Readonly<Record<WearItem, { readonly unit: Cents; readonly max: number }>> = {
  tire: { unit: cents(22_500), max: 5 }, // tread under 4/32", per tire incl. the spare
  wheel: { unit: cents(17_500), max: 4 }, // curb damage deeper than a scuff, per wheel
  windshield: { unit: cents(45_000), max: 1 }, // cracked, or chips larger than a coin
  dent: { unit: cents(15_000), max: 20 }, // larger than a credit card, per dent
  scratch: { unit: cents(12_500), max: 20 }, // through the paint, longer than 2", per panel
  interior: { unit: cents(20_000), max: 10 }, // tears, burns or stains, per area
  light: { unit: cents(15_000), max: 8 }, // cracked or broken lamp or lens, per lamp
  key: { unit: cents(35_000), max: 2 }, // each key or remote not returned
};

export const WEAR_ITEMS = Object.keys(WEAR_CHARGES) as WearItem[];

export interface WearLine {
  readonly item: WearItem;
  readonly quantity: number;
  readonly unit: Cents;
  readonly amount: Cents;
}

export interface WearEstimate {
  readonly lines: readonly WearLine[];
  readonly total: Cents;
}

/** The self-check estimate: each item's count × its standard charge; items of count 0 are left out. */
export function wearEstimate(counts: Partial<Record<string, number>>): WearEstimate {
  const lines: WearLine[] = [];
  for (const [item, quantity] of Object.entries(counts)) {
    if (!(item in WEAR_CHARGES)) {
      throw new FinanceInputError('invalid_input', `unknown wear item ${item}`, `wear.${item}`);
    }
    const rule = WEAR_CHARGES[item as WearItem];
    const n = requireInt(quantity ?? 0, `wear.${item}`, 0, rule.max);
    if (n > 0)
      lines.push({ item: item as WearItem, quantity: n, unit: rule.unit, amount: cents(n * rule.unit) });
  }
  lines.sort((a, b) => WEAR_ITEMS.indexOf(a.item) - WEAR_ITEMS.indexOf(b.item));
  return { lines, total: cents(lines.reduce((s, l) => s + l.amount, 0)) };
}
