import crypto from 'node:crypto';
import { hashPassword, verifyPassword } from './password.ts';

export const RECOVERY_CODE_COUNT = 10;
// Crockford-style alphabet without look-alikes (0/O, 1/I/L): easy to read off paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

/** xxxxx-xxxxx: 10 characters from 30 symbols, about 49 bits each. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

export function normaliseRecoveryCode(code: string): string {
  const bare = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return `${bare.slice(0, 5)}-${bare.slice(5)}`;
}

/** Ten new codes with their argon2id hashes (salted; ASVS 6.5.2). */
export async function newRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashes = await Promise.all(codes.map((c) => hashPassword(c)));
  return { codes, hashes };
}

/** The id of the unused code that matches, checking every one so timing does not tell which. */
export async function findRecoveryCode(
  candidates: readonly { id: number; codeHash: string }[],
  code: string,
): Promise<number | null> {
  const normalised = normaliseRecoveryCode(code);
  if (normalised.length !== 11) return null;
  let found: number | null = null;
  for (const candidate of candidates) {
    if ((await verifyPassword(candidate.codeHash, normalised)) && found === null) found = candidate.id;
  }
  return found;
}
