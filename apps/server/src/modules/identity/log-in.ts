import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import { UnauthenticatedError } from '../../platform/errors.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { findUserByEmail, insertSession, recordLogin } from './repo.ts';
import { hashSessionToken, newSessionToken, SESSION_ABSOLUTE_MS } from './session-token.ts';

export interface LogInDeps {
  db: Db;
  now: () => Date;
}

export interface LogInInput {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

const INVALID = () =>
  new UnauthenticatedError('invalid_credentials', 'The e-mail address or password is not right.');

/**
 * Password sign-in. Unknown e-mail, wrong password and disabled user all get the same answer
 * after the same amount of work. (MFA joins this flow in W1-3.)
 */
export async function logIn(deps: LogInDeps, input: LogInInput): Promise<{ token: string; userId: number }> {
  const user = await findUserByEmail(deps.db, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok || user.status !== 'active') throw INVALID();

  const token = newSessionToken();
  const now = deps.now();
  await inTransaction(deps.db, async (tx) => {
    await insertSession(tx, {
      userId: user.id,
      tokenHash: hashSessionToken(token),
      now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await recordLogin(tx, user.id, now);
  });
  return { token, userId: user.id };
}
