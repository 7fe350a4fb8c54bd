import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { luhnCheckDigit } from '../../platform/ids.ts';

/**
 * What a customer reads to an agent: "P" and 10 digits with a check digit, random (no
 * volume is revealed) and unique by index in the database.
 */
export function newConfirmationNumber(): string {
  const digits = String(crypto.randomInt(100_000_000, 1_000_000_000));
  return `P${digits}${luhnCheckDigit(digits)}`;
}

/**
 * `count` confirmation numbers for a batch (the close of business drafts thousands at once):
 * random as above, distinct, and not already used, checked in one query. Among tens of
 * thousands of numbers a day, drawing blind from 9 × 10^8 would collide (the birthday bound:
 * 38,000 drafts collide with each other or the table about half the time).
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
