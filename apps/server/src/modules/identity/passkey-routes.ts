import {
  AddPasskeyRequest,
  AuthenticatedResponse,
  PasskeyAssertion,
  PasskeyCreationOptions,
  PasskeyIdParams,
  PasskeyList,
  PasskeyRequestOptions,
  PasskeySummary,
  Problem,
  RenamePasskeyRequest,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANY_SIGNED_IN, contextOf, principalOf } from '../../platform/http/access.ts';
import { clearCookie, setPasskeyCookie, setSessionCookies } from './cookies.ts';
import {
  addPasskey,
  listOwnPasskeys,
  removeOwnPasskey,
  renameOwnPasskey,
  startPasskeyRegistration,
} from './manage-passkeys.ts';
import {
  finishPasskeySecondFactor,
  finishPasskeySignIn,
  startPasskeySecondFactor,
  startPasskeySignIn,
} from './passkey-sign-in.ts';
import type { IdentityRouteDeps } from './routes.ts';

const PUBLIC = 'public' as const;
const Empty = z.object({}).optional();
const signInErrors = { 400: Problem, 401: Problem, 422: Problem, 429: Problem };
const meErrors = { 400: Problem, 401: Problem, 403: Problem, 422: Problem, 429: Problem };

/**
 * Passkeys (WebAuthn): signing in with one (on its own, or as the second factor after the
 * password) and managing them in the security centre. Sign-in routes are public at the session
 * layer; each verify answers only a challenge this server issued to that browser or step.
 */
export const passkeyRoutes: FastifyPluginAsyncZod<IdentityRouteDeps> = async (app, deps) => {
  const { cookies } = deps;

  app.post(
    '/api/v1/auth/passkey/options',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a passkey, step 1: a challenge for any of your passkeys (no e-mail needed)',
        body: Empty,
        response: { 200: PasskeyRequestOptions, ...signInErrors },
      },
    },
    async (request, reply) => {
      const { options, token } = await startPasskeySignIn(deps, contextOf(request));
      setPasskeyCookie(reply, cookies, token);
      return options;
    },
  );

  app.post(
    '/api/v1/auth/passkey/verify',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a passkey, step 2: the signed assertion; a user-verified passkey is MFA',
        body: PasskeyAssertion,
        response: { 200: AuthenticatedResponse, ...signInErrors },
      },
    },
    async (request, reply) => {
      const started = await finishPasskeySignIn(deps, contextOf(request), {
        token: request.cookies[cookies.passkey],
        assertion: request.body,
      });
      clearCookie(reply, cookies, cookies.passkey);
      setSessionCookies(reply, cookies, started);
      return { status: 'authenticated' as const };
    },
  );

  app.post(
    '/api/v1/auth/mfa/passkey/options',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['auth'],
        summary: 'Second factor with a passkey, step 1: a challenge for your passkeys (pre-auth cookie)',
        body: Empty,
        response: { 200: PasskeyRequestOptions, ...signInErrors },
      },
    },
    async (request) => startPasskeySecondFactor(deps, request.cookies[cookies.preAuth]),
  );

  app.post(
    '/api/v1/auth/mfa/passkey/verify',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['auth'],
        summary: 'Second factor with a passkey, step 2: the signed assertion; signs in',
        body: PasskeyAssertion,
        response: { 200: AuthenticatedResponse, ...signInErrors },
      },
    },
    async (request, reply) => {
      const started = await finishPasskeySecondFactor(deps, contextOf(request), {
        challengeToken: request.cookies[cookies.preAuth],
        assertion: request.body,
      });
      setSessionCookies(reply, cookies, started);
      return { status: 'authenticated' as const };
    },
  );

  const access = ANY_SIGNED_IN;

  app.get(
    '/api/v1/me/passkeys',
    {
      config: { access },
      schema: { tags: ['me'], summary: 'Your passkeys', response: { 200: PasskeyList, ...meErrors } },
    },
    async (request) => listOwnPasskeys(deps, principalOf(request)),
  );

  app.post(
    '/api/v1/me/passkeys/options',
    {
      config: { access },
      schema: {
        tags: ['me'],
        summary: 'Add a passkey, step 1: creation options (needs a step-up in the last 5 minutes)',
        body: Empty,
        response: { 200: PasskeyCreationOptions, ...meErrors },
      },
    },
    async (request) => startPasskeyRegistration(deps, principalOf(request)),
  );

  app.post(
    '/api/v1/me/passkeys',
    {
      config: { access },
      schema: {
        tags: ['me'],
        summary: 'Add a passkey, step 2: the new credential (needs a step-up in the last 5 minutes)',
        body: AddPasskeyRequest,
        response: { 201: PasskeySummary, ...meErrors, 409: Problem },
      },
    },
    async (request, reply) => {
      const added = await addPasskey(deps, contextOf(request), principalOf(request), request.body);
      return reply.status(201).send(added);
    },
  );

  app.patch(
    '/api/v1/me/passkeys/:passkeyId',
    {
      config: { access },
      schema: {
        tags: ['me'],
        summary: 'Rename a passkey',
        params: PasskeyIdParams,
        body: RenamePasskeyRequest,
        response: { 200: PasskeySummary, ...meErrors, 404: Problem },
      },
    },
    async (request) =>
      renameOwnPasskey(
        deps,
        contextOf(request),
        principalOf(request),
        request.params.passkeyId,
        request.body.name,
      ),
  );

  app.delete(
    '/api/v1/me/passkeys/:passkeyId',
    {
      config: { access },
      schema: {
        tags: ['me'],
        summary: 'Remove a passkey (needs a step-up in the last 5 minutes)',
        params: PasskeyIdParams,
        response: { 204: z.null(), ...meErrors, 404: Problem },
      },
    },
    async (request, reply) => {
      await removeOwnPasskey(deps, contextOf(request), principalOf(request), request.params.passkeyId);
      return reply.status(204).send(null);
    },
  );
};
