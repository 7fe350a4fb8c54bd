import {
  AuthenticatedResponse,
  ConsentsRequest,
  EmailCodeRequest,
  IdentityVerificationRequest,
  Problem,
  RecoveryCodes,
  RegistrationCredentialsRequest,
  RegistrationProgress,
  TotpConfirmRequest,
  TotpEnrolment,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http/access.ts';
import {
  completeRegistration,
  confirmRegistrationTotp,
  startRegistrationTotp,
} from './complete-registration.ts';
import { clearCookie, setRegistrationCookie, setSessionCookies } from './cookies.ts';
import {
  registerCredentials,
  resendRegistrationCode,
  verifyRegistrationEmail,
} from './register-credentials.ts';
import type { IdentityRouteDeps } from './routes.ts';
import { verifyIdentity } from './verify-identity.ts';

const PUBLIC = 'public' as const;
const errors = { 400: Problem, 409: Problem, 422: Problem, 429: Problem };
const Empty = z.object({}).optional();

/**
 * Customer self-registration, in order: identity match, credentials, e-mail code, TOTP,
 * consents. State lives on the server behind the registration cookie; each step refuses to run
 * before the previous one passed (409 registration_step_required).
 */
export const registrationRoutes: FastifyPluginAsyncZod<IdentityRouteDeps> = async (app, deps) => {
  const { cookies } = deps;
  const token = (request: { cookies: Record<string, string | undefined> }) =>
    request.cookies[cookies.registration];
  const progress = (next: z.infer<typeof RegistrationProgress>['next']) => ({ status: 'ok' as const, next });

  app.post(
    '/api/v1/registration/verify-identity',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['registration'],
        summary: 'Step 1: match name, date of birth, SSN (or last 4 + account number or VIN) and ZIP',
        body: IdentityVerificationRequest,
        response: { 200: RegistrationProgress, ...errors },
      },
    },
    async (request, reply) => {
      const { registrationToken } = await verifyIdentity(deps, contextOf(request), request.body);
      setRegistrationCookie(reply, cookies, registrationToken);
      return progress('credentials');
    },
  );

  app.post(
    '/api/v1/registration/credentials',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['registration'],
        summary: 'Step 2: e-mail address and password; e-mails a confirmation code',
        body: RegistrationCredentialsRequest,
        response: { 200: RegistrationProgress, ...errors },
      },
    },
    async (request) => {
      await registerCredentials(deps, contextOf(request), token(request), request.body);
      return progress('verify_email');
    },
  );

  app.post(
    '/api/v1/registration/verify-email/resend',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['registration'],
        summary: 'Send the e-mail confirmation code again',
        body: Empty,
        response: { 200: RegistrationProgress, ...errors },
      },
    },
    async (request) => {
      await resendRegistrationCode(deps, contextOf(request), token(request));
      return progress('verify_email');
    },
  );

  app.post(
    '/api/v1/registration/verify-email',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['registration'],
        summary: 'Step 3: the code from the e-mail',
        body: EmailCodeRequest,
        response: { 200: RegistrationProgress, ...errors },
      },
    },
    async (request) => {
      await verifyRegistrationEmail(deps, contextOf(request), token(request), request.body.code);
      return progress('totp');
    },
  );

  app.post(
    '/api/v1/registration/totp',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['registration'],
        summary: 'Step 4a: a secret for the authenticator app (as text and otpauth:// URI)',
        body: Empty,
        response: { 200: TotpEnrolment, ...errors },
      },
    },
    async (request) => startRegistrationTotp(deps, token(request)),
  );

  app.post(
    '/api/v1/registration/totp/confirm',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['registration'],
        summary: 'Step 4b: the first code from the app; returns ten recovery codes, once',
        body: TotpConfirmRequest,
        response: { 200: RecoveryCodes, ...errors },
      },
    },
    async (request) => confirmRegistrationTotp(deps, contextOf(request), token(request), request.body.code),
  );

  app.post(
    '/api/v1/registration/consents',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['registration'],
        summary: 'Step 5: E-SIGN consent and GLBA privacy notice; activates the account and signs in',
        body: ConsentsRequest,
        response: { 200: AuthenticatedResponse, ...errors },
      },
    },
    async (request, reply) => {
      const started = await completeRegistration(deps, contextOf(request), token(request));
      setSessionCookies(reply, cookies, started);
      clearCookie(reply, cookies, cookies.registration);
      return { status: 'authenticated' as const };
    },
  );
};
