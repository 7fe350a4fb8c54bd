import type { RequestContext } from '../../platform/http/access.ts';
import { audit, type IdentityDeps } from './deps.ts';
import { type ChallengeRow, setChallengeEmailCode } from './mfa-repo.ts';
import { EMAIL_CODE_TTL_MS, emailCodeDigest, newEmailCode } from './one-time-code.ts';
import type { UserRow } from './repo.ts';

/**
 * E-mails a fresh 6-digit code bound to one challenge (a new code replaces the previous one).
 * Sending is rate-limited per account, per IP and globally (ASVS 6.6.3, 2.4.1).
 */
export async function sendChallengeEmailCode(
  deps: IdentityDeps,
  ctx: RequestContext,
  user: UserRow,
  challenge: ChallengeRow,
): Promise<{ expiresInSeconds: number }> {
  await deps.throttle.consume('code_send', { account: `user:${user.id}`, ip: ctx.ip });
  const code = newEmailCode();
  const expiresAt = new Date(deps.now().getTime() + EMAIL_CODE_TTL_MS);
  await setChallengeEmailCode(
    deps.db,
    challenge.id,
    emailCodeDigest(deps.cipher, code, String(challenge.id)),
    expiresAt,
  );
  await deps.mailer.send({
    to: user.email,
    subject: `${deps.brandName} verification code`,
    text: `Your ${deps.brandName} verification code is ${code}. It expires in 10 minutes. We will never ask you for it by phone.`,
    category: 'mfa_code',
  });
  await audit(deps, ctx, {
    action: 'auth.mfa.email_sent',
    outcome: 'success',
    actorUserId: user.id,
    details: { purpose: challenge.purpose },
  });
  return { expiresInSeconds: EMAIL_CODE_TTL_MS / 1000 };
}
