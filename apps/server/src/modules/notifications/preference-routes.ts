import {
  CustomerPreferences,
  CustomerPreferencesChange,
  NotificationPreferences,
  NotificationPreferencesUpdate,
  Paperless,
  PaperlessUpdate,
  Problem,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/client.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { CUSTOMER_ONLY, contextOf, principalOf } from '../../platform/http/access.ts';
import type { AuditLog } from '../../platform/ports.ts';
import { getCustomerPreferences, updateCustomerPreferences } from './language.ts';
import { getPaperless, updatePaperless } from './paperless.ts';
import { getNotificationPreferences, updateNotificationPreferences } from './preferences.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 422: Problem };

/**
 * The customer's communication preferences: per event and channel, paperless (E-SIGN), and the
 * language we write in.
 */
export const preferenceRoutes: FastifyPluginAsyncZod<{ db: Db; audit: AuditLog; now: () => Date }> = async (
  app,
  deps,
) => {
  app.get(
    '/api/v1/me/notification-preferences',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['me'],
        summary: 'What we may tell you about, per event, by e-mail, in the portal and by text',
        response: { 200: NotificationPreferences, ...errors },
      },
    },
    async (request) => getNotificationPreferences(deps, principalOf(request)),
  );

  app.put(
    '/api/v1/me/notification-preferences',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['me'],
        summary: 'Save choices; security-critical e-mails stay on and texts need a phone (422)',
        body: NotificationPreferencesUpdate,
        response: { 200: NotificationPreferences, ...errors },
      },
    },
    async (request) =>
      updateNotificationPreferences(deps, contextOf(request), principalOf(request), request.body),
  );

  app.get(
    '/api/v1/me/paperless',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['me'],
        summary: 'Whether statements and notices are electronic only, and the E-SIGN consent',
        response: { 200: Paperless, ...errors },
      },
    },
    async (request) => {
      const { customerId } = principalOf(request);
      if (customerId === null) throw new ForbiddenError();
      return getPaperless(deps, customerId);
    },
  );

  app.put(
    '/api/v1/me/paperless',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['me'],
        summary: 'Go paperless (E-SIGN consent required, 422 esign_consent_required) or withdraw',
        body: PaperlessUpdate,
        response: { 200: Paperless, ...errors },
      },
    },
    async (request) => updatePaperless(deps, contextOf(request), principalOf(request), request.body),
  );

  app.get(
    '/api/v1/me/preferences',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['me'],
        summary: 'The language of your letters, statements and e-mails',
        response: { 200: CustomerPreferences, ...errors },
      },
    },
    async (request) => getCustomerPreferences(deps, principalOf(request)),
  );

  app.put(
    '/api/v1/me/preferences',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['me'],
        summary: 'Choose English or Spanish for letters and e-mails (422 unsupported_language)',
        body: CustomerPreferencesChange,
        response: { 200: CustomerPreferences, ...errors },
      },
    },
    async (request) =>
      updateCustomerPreferences(deps, contextOf(request), principalOf(request), request.body),
  );
};
