import {
  ChangePasswordRequest,
  Me,
  PasswordChanged,
  Problem,
  RecoveryCodes,
  RevokedCount,
  SecurityOverview,
  SessionIdParams,
  SessionList,
  TotpConfirmRequest,
  TotpEnrolment,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANY_SIGNED_IN, contextOf, principalOf } from '../../platform/http/access.ts';
import { changePassword } from './change-password.ts';
import { getMe } from './get-me.ts';
import { getSecurity } from './get-security.ts';
import { listSessions } from './list-sessions.ts';
import { confirmTotpChange, regenerateRecoveryCodes, startTotpChange } from './manage-mfa.ts';
import { revokeOtherSessions, revokeOwnSession } from './revoke-sessions.ts';
import type { IdentityRouteDeps } from './routes.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 422: Problem, 429: Problem };
const Empty = z.object({}).optional();

/** The signed-in user's own account and its security centre. Every role has one. */
export const meRoutes: FastifyPluginAsyncZod<IdentityRouteDeps> = async (app, deps) => {
  const access = ANY_SIGNED_IN;

  app.get(
    '/api/v1/me',
    {
      config: { access },
      schema: { tags: ['me'], summary: 'The signed-in user', response: { 200: Me, 401: Problem } },
    },
    async (request) => getMe(deps, principalOf(request)),
  );

  app.get(
    '/api/v1/me/sessions',
    {
      config: { access },
      schema: { tags: ['me'], summary: 'Signed-in devices', response: { 200: SessionList, ...errors } },
    },
    async (request) => listSessions(deps, principalOf(request)),
  );

  app.delete(
    '/api/v1/me/sessions/:sessionId',
    {
      config: { access },
      schema: {
        tags: ['me'],
        summary: 'Sign one device out',
        params: SessionIdParams,
        response: { 204: z.null(), ...errors, 404: Problem },
      },
    },
    async (request, reply) => {
      await revokeOwnSession(deps, contextOf(request), principalOf(request), request.params.sessionId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/me/sessions/revoke-others',
    {
      config: { access },
      schema: {
        tags: ['me'],
        summary: 'Sign out everywhere else',
        body: Empty,
        response: { 200: RevokedCount, ...errors },
      },
    },
    async (request) => revokeOtherSessions(deps, contextOf(request), principalOf(request)),
  );

  app.get(
    '/api/v1/me/security',
    {
      config: { access },
      schema: {
        tags: ['me'],
        summary: 'Security centre: second factors, remembered devices, recent sign-ins',
        response: { 200: SecurityOverview, ...errors },
      },
    },
    async (request) => getSecurity(deps, principalOf(request)),
  );

  app.post(
    '/api/v1/me/security/password',
    {
      config: { access },
      schema: {
        tags: ['me'],
        summary: 'Change the password (current password, or a step-up in the last 5 minutes)',
        body: ChangePasswordRequest,
        response: { 200: PasswordChanged, ...errors },
      },
    },
    async (request) => changePassword(deps, contextOf(request), principalOf(request), request.body),
  );

  app.post(
    '/api/v1/me/security/totp',
    {
      config: { access },
      schema: {
        tags: ['me'],
        summary: 'Set up a new authenticator app (needs a step-up in the last 5 minutes)',
        body: Empty,
        response: { 200: TotpEnrolment, ...errors },
      },
    },
    async (request) => startTotpChange(deps, principalOf(request)),
  );

  app.post(
    '/api/v1/me/security/totp/confirm',
    {
      config: { access },
      schema: {
        tags: ['me'],
        summary: 'Confirm the new authenticator; returns new recovery codes once',
        body: TotpConfirmRequest,
        response: { 200: RecoveryCodes, ...errors },
      },
    },
    async (request) => confirmTotpChange(deps, contextOf(request), principalOf(request), request.body.code),
  );

  app.post(
    '/api/v1/me/security/recovery-codes',
    {
      config: { access },
      schema: {
        tags: ['me'],
        summary: 'Replace the recovery codes (needs a step-up in the last 5 minutes); shown once',
        body: Empty,
        response: { 200: RecoveryCodes, ...errors },
      },
    },
    async (request) => regenerateRecoveryCodes(deps, contextOf(request), principalOf(request)),
  );
};
