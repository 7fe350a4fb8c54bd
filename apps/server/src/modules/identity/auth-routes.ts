import {
  AuthenticatedResponse,
  CodeSentResponse,
  EnrolmentCompleted,
  LoginRequest,
  LoginResponse,
  MfaCodeRequest,
  Problem,
  StepUpRequest,
  TotpConfirmRequest,
  TotpEnrolment,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANY_SIGNED_IN, contextOf, principalOf } from '../../platform/http/access.ts';
import { confirmEnrolmentAtLogin, startEnrolmentAtLogin } from './complete-enrolment-login.ts';
import { clearCookie, setPreAuthCookie, setSessionCookies } from './cookies.ts';
import { logIn } from './log-in.ts';
import { logOut } from './log-out.ts';
import type { IdentityRouteDeps } from './routes.ts';
import { sendStepUpEmailCode, stepUp } from './step-up.ts';
import { sendLoginEmailCode, verifyLoginFactor } from './verify-login-factor.ts';

const PUBLIC = 'public' as const;
const errors = { 400: Problem, 401: Problem, 429: Problem };

/**
 * Sign-in: the password step, then the second factor against the pre-auth cookie. The MFA
 * endpoints are public at the session layer (no session exists yet); they accept only the
 * pre-auth cookie, and no other route accepts it (ASVS 6.3.3).
 */
export const authRoutes: FastifyPluginAsyncZod<IdentityRouteDeps> = async (app, deps) => {
  const { cookies } = deps;

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['auth'],
        summary: 'Password step of sign-in; then a second factor unless this device is remembered',
        body: LoginRequest,
        response: { 200: LoginResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await logIn(deps, contextOf(request), {
        email: request.body.email,
        password: request.body.password,
        deviceToken: request.cookies[cookies.device] ?? null,
      });
      if (result.status === 'authenticated') {
        setSessionCookies(reply, cookies, { sessionToken: result.sessionToken });
        return { status: 'authenticated' as const };
      }
      setPreAuthCookie(reply, cookies, result.challengeToken);
      return result.status === 'mfa_required'
        ? { status: 'mfa_required' as const, methods: result.methods }
        : { status: 'mfa_enrolment_required' as const };
    },
  );

  const factor = (method: 'totp' | 'recovery_code' | 'email', path: string, summary: string) =>
    app.post(
      path,
      {
        config: { access: PUBLIC },
        schema: {
          tags: ['auth'],
          summary,
          body: MfaCodeRequest,
          response: { 200: AuthenticatedResponse, ...errors },
        },
      },
      async (request, reply) => {
        const started = await verifyLoginFactor(deps, contextOf(request), {
          challengeToken: request.cookies[cookies.preAuth],
          method,
          code: request.body.code,
          rememberDevice: request.body.rememberDevice ?? false,
        });
        setSessionCookies(reply, cookies, started);
        return { status: 'authenticated' as const };
      },
    );
  factor('totp', '/api/v1/auth/mfa/totp', 'Second factor: a code from the authenticator app');
  factor('recovery_code', '/api/v1/auth/mfa/recovery', 'Second factor: a one-time recovery code');
  factor('email', '/api/v1/auth/mfa/email', 'Second factor (fallback): the code e-mailed by /mfa/email/send');

  app.post(
    '/api/v1/auth/mfa/email/send',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['auth'],
        summary: 'E-mail a sign-in code (fallback beside the authenticator app)',
        body: z.object({}).optional(),
        response: { 200: CodeSentResponse, ...errors },
      },
    },
    async (request) => {
      const sent = await sendLoginEmailCode(deps, contextOf(request), request.cookies[cookies.preAuth]);
      return { status: 'code_sent' as const, ...sent };
    },
  );

  app.post(
    '/api/v1/auth/mfa/enrol/totp',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['auth'],
        summary: 'First sign-in without MFA (invited users): start authenticator enrolment',
        body: z.object({}).optional(),
        response: { 200: TotpEnrolment, ...errors },
      },
    },
    async (request) => startEnrolmentAtLogin(deps, request.cookies[cookies.preAuth]),
  );

  app.post(
    '/api/v1/auth/mfa/enrol/totp/confirm',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['auth'],
        summary: 'Confirm the authenticator; signs in and returns the recovery codes once',
        body: TotpConfirmRequest,
        response: { 200: EnrolmentCompleted, ...errors },
      },
    },
    async (request, reply) => {
      const result = await confirmEnrolmentAtLogin(deps, contextOf(request), {
        challengeToken: request.cookies[cookies.preAuth],
        code: request.body.code,
      });
      setSessionCookies(reply, cookies, result);
      return { status: 'authenticated' as const, recoveryCodes: result.recoveryCodes };
    },
  );

  app.post(
    '/api/v1/auth/step-up',
    {
      config: { access: ANY_SIGNED_IN },
      schema: {
        tags: ['auth'],
        summary:
          'Prove a second factor again (needed within 5 minutes for sensitive changes); rotates the session',
        body: StepUpRequest,
        response: { 200: AuthenticatedResponse, ...errors, 403: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      const { sessionToken } = await stepUp(deps, contextOf(request), principalOf(request), request.body);
      setSessionCookies(reply, cookies, { sessionToken });
      return { status: 'authenticated' as const };
    },
  );

  app.post(
    '/api/v1/auth/step-up/email/send',
    {
      config: { access: ANY_SIGNED_IN },
      schema: {
        tags: ['auth'],
        summary: 'E-mail a step-up code',
        body: z.object({}).optional(),
        response: { 200: CodeSentResponse, ...errors, 403: Problem },
      },
    },
    async (request) => {
      const sent = await sendStepUpEmailCode(deps, contextOf(request), principalOf(request));
      return { status: 'code_sent' as const, ...sent };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends the session on the server and clears the cookie',
        body: z.object({}).optional(),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const token = request.cookies[cookies.session];
      if (token) await logOut(deps, token);
      clearCookie(reply, cookies, cookies.session);
      clearCookie(reply, cookies, cookies.preAuth);
      return reply.status(204).send(null);
    },
  );
};
