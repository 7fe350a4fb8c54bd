import type { Db } from '../../platform/db/client.ts';
import { revokeSession } from './repo.ts';
import { hashSessionToken } from './session-token.ts';

/** Ends the session on the server, so replaying the old cookie gets 401. */
export async function logOut(deps: { db: Db; now: () => Date }, token: string): Promise<void> {
  await revokeSession(deps.db, hashSessionToken(token), deps.now());
}
