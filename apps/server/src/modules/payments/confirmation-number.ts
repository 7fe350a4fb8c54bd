import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { luhnCheckDigit } from '../../platform/ids.ts';

/**
 * What a customer reads to an agent: "P" and 12 digits (11 random, then a check digit), random
 * (no volume is revealed) and unique by index in the database. Eleven random digits, not nine:
 * with ten million payments on file a nine-digit draw would clash with one already used about
 * once in a hundred payments; from 9 × 10^10 it is about once in ten thousand, and a batch
 * (below) checks its numbers against the table. Not 13 digits or more: with the Luhn check
 * digit that would look like a card number, which every input of ours refuses.
 */
export function newConfirmationNumber(): string {
  const digits = String(crypto.randomInt(10_000_000_000, 100_000_000_000));
  return `P${digits}${luhnCheckDigit(digits)}`;
}

/**
 * `count` confirmation numbers for a batch (the close of business drafts thousands at once):
 * random as above, distinct, and not already used, checked in one query. Among tens of
 * thousands of numbers a day, drawing blind from 9 × 10^8 (the width before) made 38,000 drafts clash
 * with each other or the table about half the time (the birthday bound); checking makes it certain.
 */
export async function freshConfirmationNumbers(
  db: Db,
  count: number,
  draw: () => string = newConfirmationNumber,
): Promise<string[]> {
  if (count === 0) return [];
  const candidates = [...new Set(Array.from({ length: count * 2 + 8 }, draw))];
  const taken = await db.execute(
    sql`select confirmation_number from payments where confirmation_number in ${candidates}`,
  );
  const used = new Set(
    (taken as unknown as { rows: { confirmation_number: string }[] }).rows.map((r) => r.confirmation_number),
  );
  const fresh = candidates.filter((c) => !used.has(c)).slice(0, count);
  if (fresh.length < count) throw new Error('could not draw enough unused confirmation numbers');
  return fresh;
}
