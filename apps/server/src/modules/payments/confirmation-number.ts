import crypto from 'node:crypto';
import { luhnCheckDigit } from '../../platform/ids.ts';

/**
 * What a customer reads to an agent: "P" and 10 digits with a check digit, random (no
 * volume is revealed) and unique by index in the database.
 */
export function newConfirmationNumber(): string {
  const digits = String(crypto.randomInt(100_000_000, 1_000_000_000));
  return `P${digits}${luhnCheckDigit(digits)}`;
}
