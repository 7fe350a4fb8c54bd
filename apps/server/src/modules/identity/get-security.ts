import type { SecurityOverview } from '@marque/contracts';
import type { Principal } from '../../platform/http/access.ts';
import type { IdentityDeps } from './deps.ts';
import { findActiveTotp, listTrustedDevices, unusedRecoveryCodes } from './mfa-repo.ts';
import { findUserById, recentSessions } from './repo.ts';

/** The security centre: second-factor methods, remembered devices and recent sign-ins. */
export async function getSecurity(
  deps: Pick<IdentityDeps, 'db' | 'now'>,
  principal: Principal,
): Promise<SecurityOverview> {
  const [user, totp, codes, devices, history] = await Promise.all([
    findUserById(deps.db, principal.userId),
    findActiveTotp(deps.db, principal.userId),
    unusedRecoveryCodes(deps.db, principal.userId),
    listTrustedDevices(deps.db, principal.userId, deps.now()),
    recentSessions(deps.db, principal.userId, 20),
  ]);
  const methods: SecurityOverview['methods'] = [];
  if (totp) {
    methods.push({ type: 'totp', enrolledAt: totp.confirmedAt?.toISOString() ?? null });
    methods.push({
      type: 'recovery_code',
      enrolledAt: codes[0]?.createdAt.toISOString() ?? null,
      remaining: codes.length,
    });
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
