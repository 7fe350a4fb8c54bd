/**
 * A rough, local guide to how guessable a new password is (NIST SP 800-63B: length matters, no
 * composition rules). The server has the last word: it also checks breached-password lists.
 */
export type StrengthLevel = 0 | 1 | 2 | 3 | 4;
export type StrengthHint = 'tooShort' | 'tooLong' | 'common' | 'context' | 'repetitive' | 'longer' | null;

const COMMON = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  '12345678',
  '123456789',
  '1234567890',
  'qwertyuiop',
  'qwerty123',
  'iloveyou',
  'letmein1',
  'welcome1',
  'welcome123',
  'sunshine',
  'football',
  'baseball',
  'princess',
  'trustno1',
  'abc12345',
  'abcd1234',
  'changeme',
  '11111111',
  '00000000',
  'superman',
  'starwars',
  'dragon123',
  'monkey123',
  'contraseña',
  'contrasena',
]);

const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'];

function isRepetitive(password: string): boolean {
  const lower = password.toLowerCase();
  if (new Set(lower).size <= 2) return true;
  return SEQUENCES.some((seq) => seq.includes(lower) || [...seq].reverse().join('').includes(lower));
}

export interface Strength {
  level: StrengthLevel;
  hint: StrengthHint;
}

/** `context`: words the password must not be built on (the person's name, e-mail, the brand). */
export function estimateStrength(password: string, context: readonly string[] = []): Strength {
  if (password.length === 0) return { level: 0, hint: null };
  if (password.length < 8) return { level: 0, hint: 'tooShort' };
  if ([...password].length > 128) return { level: 0, hint: 'tooLong' };
  const lower = password.toLowerCase();
  const stripped = lower.replace(/[\d\W_]+$/u, '');
  if (COMMON.has(lower) || COMMON.has(stripped)) return { level: 1, hint: 'common' };
  const words = context.map((w) => w.toLowerCase().trim()).filter((w) => w.length >= 3);
  if (words.some((w) => lower.includes(w))) return { level: 1, hint: 'context' };
  if (isRepetitive(password)) return { level: 1, hint: 'repetitive' };

  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/\d/.test(password)) pool += 10;
  if (/[^a-zA-Z\d]/.test(password)) pool += 33;
  const uniqueRatio = new Set(lower).size / lower.length;
  const bits = password.length * Math.log2(Math.max(pool, 10)) * Math.min(1, 0.5 + uniqueRatio);
  if (bits < 40) return { level: 1, hint: 'longer' };
  if (bits < 55) return { level: 2, hint: 'longer' };
  if (bits < 75) return { level: 3, hint: null };
  return { level: 4, hint: null };
}
