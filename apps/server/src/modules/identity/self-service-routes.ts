import {
  AlertPreferences,
  AlertPreferencesUpdate,
  CodeSentResponse,
  ContactDetails,
  EmailChanged,
  EmailChangeRequest,
  EmailCodeRequest,
  PhoneChanged,
  PhoneChangeRequest,
  Problem,
  RevokedCount,
  UserIdParams,
  UserSummary,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ADMIN_ONLY,
  ANY_SIGNED_IN,
  CUSTOMER_ONLY,
  contextOf,
  principalOf,
} from '../../platform/http/access.ts';
import { resetUserAccess, revokeAllSessions } from './admin-security.ts';
import { getAlertPreferences, updateAlertPreferences } from './alert-preferences.ts';
import { startEmailChange, verifyEmailChange } from './change-email.ts';
import { changePhone } from './change-phone.ts';
import { getContact } from './get-contact.ts';
import type { IdentityRouteDeps } from './routes.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 409: Problem, 422: Problem, 429: Problem };
const Empty = z.object({}).optional();

/**
 * Contact details and alert preferences in the security centre, and the admin's account-wide
 * security actions. E-mail and phone changes need a step-up in the last 5 minutes (ASVS 7.5.1).
 */
export const selfServiceRoutes: FastifyPluginAsyncZod<IdentityRouteDeps> = async (app, deps) => {
  app.get(
    '/api/v1/me/contact',
    {
      config: { access: ANY_SIGNED_IN },
      schema: {
        tags: ['me'],
        summary: 'Sign-in e-mail and phone number',
        response: { 200: ContactDetails, ...errors },
      },
    },
    async (request) => getContact(deps, principalOf(request)),
  );

  app.post(
    '/api/v1/me/email',
    {
      config: { access: ANY_SIGNED_IN },
      schema: {
        tags: ['me'],
        summary: 'Change the e-mail address (step-up needed): e-mails a code to the new address',
        body: EmailChangeRequest,
        response: { 200: CodeSentResponse, ...errors },
      },
    },
    async (request) =>
      startEmailChange(deps, contextOf(request), principalOf(request), request.body.newEmail),
  );

  app.post(
    '/api/v1/me/email/verify',
    {
      config: { access: ANY_SIGNED_IN },
      schema: {
        tags: ['me'],
        summary: 'The code from the new address: switches the e-mail and alerts the old and new address',
        body: EmailCodeRequest,
        response: { 200: EmailChanged, ...errors },
      },
    },
    async (request) => verifyEmailChange(deps, contextOf(request), principalOf(request), request.body.code),
  );

  app.put(
    '/api/v1/me/phone',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['me'],
        summary: 'Change the phone number, in E.164 (step-up needed); alerts by e-mail and in the inbox',
        body: PhoneChangeRequest,
        response: { 200: PhoneChanged, ...errors },
      },
    },
    async (request) => changePhone(deps, contextOf(request), principalOf(request), request.body.phone),
  );

  app.get(
    '/api/v1/me/alert-preferences',
    {
      config: { access: ANY_SIGNED_IN },
      schema: {
        tags: ['me'],
        summary: 'Which security alerts are sent, per kind, by e-mail and in the portal',
        response: { 200: AlertPreferences, ...errors },
      },
    },
    async (request) => getAlertPreferences(deps, principalOf(request)),
  );

  app.put(
    '/api/v1/me/alert-preferences',
    {
      config: { access: ANY_SIGNED_IN },
      schema: {
        tags: ['me'],
        summary: 'Turn alerts on or off; security-critical e-mails cannot be turned off (422)',
        body: AlertPreferencesUpdate,
        response: { 200: AlertPreferences, ...errors },
      },
    },
    async (request) => updateAlertPreferences(deps, contextOf(request), principalOf(request), request.body),
  );

  app.post(
    '/api/v1/ops/sessions/revoke-all',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags: ['ops'],
        summary: "End everyone's sessions except the caller's (step-up needed)",
        body: Empty,
        response: { 200: RevokedCount, ...errors },
      },
    },
    async (request) => revokeAllSessions(deps, contextOf(request), principalOf(request)),
  );

  app.post(
    '/api/v1/ops/users/:userId/reset-access',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags: ['ops'],
        summary:
          'Staff or dealer user: remove password and MFA, end sessions, e-mail a new one-time setup link (step-up needed)',
        params: UserIdParams,
        body: Empty,
        response: { 200: UserSummary, ...errors, 404: Problem },
      },
    },
    async (request) => resetUserAccess(deps, contextOf(request), principalOf(request), request.params.userId),
  );
};
