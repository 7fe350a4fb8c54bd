import { AcceptInvitationRequest, InvitationAccepted, Problem } from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type AuthCookies, contextOf } from '../../platform/http/access.ts';
import type { IdentityMatcher } from '../customers/index.ts';
import { acceptInvitation } from './accept-invitation.ts';
import { authRoutes } from './auth-routes.ts';
import { setPreAuthCookie } from './cookies.ts';
import type { IdentityDeps } from './deps.ts';
import { meRoutes } from './me-routes.ts';
import { opsUserRoutes } from './ops-routes.ts';
import { passkeyRoutes } from './passkey-routes.ts';
import { recoveryRoutes } from './recovery-routes.ts';
import { registrationRoutes } from './registration-routes.ts';
import { selfServiceRoutes } from './self-service-routes.ts';

export interface IdentityRouteDeps extends IdentityDeps {
  cookies: AuthCookies;
  matchIdentity: IdentityMatcher;
}

/** Everything identity serves: sign-in and MFA (passkeys too), registration, the security centre, user admin. */
export const identityRoutes: FastifyPluginAsyncZod<IdentityRouteDeps> = async (app, deps) => {
  await app.register(authRoutes, deps);
  await app.register(registrationRoutes, deps);
  await app.register(meRoutes, deps);
  await app.register(passkeyRoutes, deps);
  await app.register(opsUserRoutes, deps);
  await app.register(recoveryRoutes, deps);
  await app.register(selfServiceRoutes, deps);

  app.post(
    '/api/v1/invitations/accept',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary:
          'Accept an invitation: choose a password, then enrol an authenticator (/auth/mfa/enrol/totp)',
        body: AcceptInvitationRequest,
        response: {
          200: InvitationAccepted,
          400: Problem,
          401: Problem,
          429: Problem,
        },
      },
    },
    async (request, reply) => {
      const { challengeToken } = await acceptInvitation(deps, contextOf(request), request.body);
      setPreAuthCookie(reply, deps.cookies, challengeToken);
      return { status: 'mfa_enrolment_required' as const };
    },
  );
};
