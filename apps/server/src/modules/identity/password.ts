import { hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's recommended floor: m = 19 MiB, t = 2, p = 1 (ASVS 11.4.2). */
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the e-mail is unknown, so an unknown account costs the same time as a
// wrong password and the answer's timing does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('marque-timing-equaliser-not-a-password');
  return dummyHash;
}
