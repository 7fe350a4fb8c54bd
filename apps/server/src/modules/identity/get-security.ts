import type { SecurityOverview } from '@marque/contracts';
import type { Principal } from '../../platform/http/access.ts';
import type { IdentityDeps } from './deps.ts';
import { findActiveTotp, listTrustedDevices, unusedRecoveryCodes } from './mfa-repo.ts';
import { listPasskeys } from './passkey-repo.ts';
import { findUserById, recentSessions } from './repo.ts';

/** The security centre: second-factor methods, remembered devices and recent sign-ins. */
export async function getSecurity(
  deps: Pick<IdentityDeps, 'db' | 'now'>,
  principal: Principal,
): Promise<SecurityOverview> {
  const [user, totp, codes, devices, history, keys] = await Promise.all([
    findUserById(deps.db, principal.userId),
    findActiveTotp(deps.db, principal.userId),
    unusedRecoveryCodes(deps.db, principal.userId),
    listTrustedDevices(deps.db, principal.userId, deps.now()),
    recentSessions(deps.db, principal.userId, 20),
    listPasskeys(deps.db, principal.userId),
  ]);
  const methods: SecurityOverview['methods'] = [];
  // Each passkey is listed by GET /me/passkeys; here only whether there is one, and since when.
  if (keys[0]) methods.push({ type: 'passkey', enrolledAt: keys[0].createdAt.toISOString() });
  if (totp) {
    methods.push({ type: 'totp', enrolledAt: totp.confirmedAt?.toISOString() ?? null });
    methods.push({
      type: 'recovery_code',
      enrolledAt: codes[0]?.createdAt.toISOString() ?? null,
      remaining: codes.length,
    });
  }
  if (totp || keys[0]) {
    methods.push({ type: 'email', enrolledAt: user?.emailVerifiedAt?.toISOString() ?? null });
  }
  return {
    methods,
    passwordChangedAt: user?.passwordChangedAt?.toISOString() ?? null,
    trustedDevices: devices.map((d) => ({
      id: d.publicId,
      createdAt: d.createdAt.toISOString(),
      expiresAt: d.expiresAt.toISOString(),
      userAgent: d.userAgent,
    })),
    loginHistory: history.map((s) => ({
      at: s.createdAt.toISOString(),
      ip: s.ip,
      userAgent: s.userAgent,
      method: s.authMethod,
    })),
  };
}
