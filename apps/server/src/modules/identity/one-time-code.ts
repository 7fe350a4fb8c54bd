import crypto from 'node:crypto';
import type { FieldCipher } from '../../platform/crypto/field-encryption.ts';

/** E-mailed codes live 10 minutes (ASVS 6.6.2) and allow 5 wrong tries before they die. */
export const EMAIL_CODE_TTL_MS = 10 * 60 * 1000;
export const EMAIL_CODE_MAX_ATTEMPTS = 5;

export function newEmailCode(): string {
  return String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * A keyed HMAC of the code bound to its challenge (`binding`), so a code is only good for the
 * challenge it was sent for (ASVS 6.6.3) and the database never holds it.
 */
export function emailCodeDigest(cipher: FieldCipher, code: string, binding: string): string {
  return cipher.blindIndex(code.replace(/\s/g, ''), `email_code:${binding}`);
}

export function sameDigest(a: string | null, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
