import {
  MailRequeueResult,
  OutboxList,
  OutboxMessage,
  OutboxMessageParams,
  OutboxQuery,
  Problem,
  SmsOutboxList,
  SmsOutboxQuery,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/client.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import type { OutboxMailer } from '../../platform/mail.ts';
import type { AuditLog } from '../../platform/ports.ts';
import { getOutboxMessage } from './get-outbox-message.ts';
import { listOutbox } from './list-outbox.ts';
import { listSmsOutbox } from './list-sms-outbox.ts';
import { mailQueueCounts } from './mail-queue-counts.ts';
import { requeueGivenUpMail } from './requeue-given-up-mail.ts';

export const OUTBOX_READERS = { roles: ['admin', 'supervisor', 'agent'] } as const;
/** Who may send given-up mail again: the roles that run close of business. */
const MAIL_REQUEUERS = { roles: ['admin', 'supervisor'] } as const;

export interface OutboxRouteDeps {
  db: Db;
  audit: AuditLog;
  mailer: Pick<OutboxMailer, 'mode' | 'outboxDir'>;
  now: () => Date;
}

export const outboxRoutes: FastifyPluginAsyncZod<OutboxRouteDeps> = async (app, deps) => {
  app.get(
    '/api/v1/ops/outbox',
    {
      config: { access: OUTBOX_READERS },
      schema: {
        tags: ['ops'],
        summary:
          'Mail written as .eml files (no SMTP server configured), newest first, and the mail queue counts',
        querystring: OutboxQuery,
        response: { 200: OutboxList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => ({
      ...(await listOutbox(deps, request.query)),
      queue: await mailQueueCounts(deps.db),
    }),
  );

  app.post(
    '/api/v1/ops/outbox/requeue',
    {
      config: { access: MAIL_REQUEUERS },
      schema: {
        tags: ['ops'],
        summary: 'Queue again every message the relay gave up on (after the mail server is fixed); audited',
        response: { 200: MailRequeueResult, 401: Problem, 403: Problem },
      },
    },
    async (request) => requeueGivenUpMail(deps, requestContext(request)),
  );

  app.get(
    '/api/v1/ops/outbox/sms',
    {
      config: { access: OUTBOX_READERS },
      schema: {
        tags: ['ops'],
        summary: 'Text messages the SMS sender recorded (numbers masked), newest first',
        querystring: SmsOutboxQuery,
        response: { 200: SmsOutboxList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => listSmsOutbox(deps, request.query),
  );

  app.get(
    '/api/v1/ops/outbox/:messageId',
    {
      config: { access: OUTBOX_READERS },
      schema: {
        tags: ['ops'],
        summary: 'One outbox message with its text body (the read is audited)',
        params: OutboxMessageParams,
        response: { 200: OutboxMessage, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => getOutboxMessage(deps, requestContext(request), request.params.messageId),
  );
};
