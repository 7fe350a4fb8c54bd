import { z } from 'zod';
import { page } from './common.ts';

/** ISO 8601 instant (UTC), e.g. `2026-11-24T15:00:00.000Z`. */
const Instant = z.iso.datetime({ offset: true }).describe('ISO 8601 instant');

// ---- Audit log (ASVS 16) ----

export const AuditOutcome = z.enum(['success', 'failure', 'denied']);

export const AuditDetailValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const AuditLogEntry = z
  .object({
    id: z.string().describe('Opaque event ID (the hex SHA-256 that chains the event)'),
    occurredAt: z.string(),
    action: z.string().describe('Dotted action name, e.g. auth.login, access.denied'),
    outcome: AuditOutcome,
    actor: z
      .object({ id: z.string().describe('usr_...'), email: z.string() })
      .nullable()
      .describe('Who acted, when known'),
    subjectUserId: z.string().nullable().describe('The user acted upon (usr_...)'),
    subjectCustomerId: z.string().nullable().describe('The customer acted upon (cus_...)'),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), AuditDetailValue),
  })
  .meta({ id: 'AuditLogEntry' });
export type AuditLogEntry = z.infer<typeof AuditLogEntry>;

export const AuditLogPage = page(AuditLogEntry).meta({ id: 'AuditLogPage' });
export type AuditLogPage = z.infer<typeof AuditLogPage>;

export const AuditLogQuery = z.object({
  action: z
    .string()
    .regex(/^[a-z][a-z0-9_.]{0,99}$/, 'Expected a dotted action name such as auth.login')
    .optional(),
  actorUserId: z
    .string()
    .regex(/^usr_[0-9A-Za-z]{16,32}$/, 'Expected a user ID (usr_...)')
    .optional(),
  from: Instant.optional().describe('Events at or after this instant'),
  to: Instant.optional().describe('Events before this instant'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'Not a cursor from a previous page')
    .optional(),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuery>;

// ---- Mail outbox (the .eml files written when no SMTP server is configured) ----

export const MailMode = z.enum(['smtp', 'files']);

/** Outbox message IDs are the file names the mailer generates; nothing else is accepted. */
export const OUTBOX_MESSAGE_ID = /^\d{8}T\d{9}Z-[0-9a-f]{12}\.eml$/;

export const OutboxMessageSummary = z
  .object({
    id: z.string().describe('Message ID (its file name)'),
    to: z.string(),
    subject: z.string(),
    date: z.string().nullable(),
    category: z.string().nullable(),
  })
  .meta({ id: 'OutboxMessageSummary' });
export type OutboxMessageSummary = z.infer<typeof OutboxMessageSummary>;

/** The transactional mail queue (mail_outbox): waiting or retrying, sent, given up. */
export const MailQueueCounts = z
  .object({
    queued: z.number().int().min(0),
    sent: z.number().int().min(0),
    failed: z.number().int().min(0),
  })
  .meta({ id: 'MailQueueCounts' });
export type MailQueueCounts = z.infer<typeof MailQueueCounts>;

export const MailRequeueResult = z
  .object({
    requeued: z
      .number()
      .int()
      .min(0)
      .describe('Messages given up that are queued again, to be sent by the relay'),
  })
  .meta({ id: 'MailRequeueResult' });
export type MailRequeueResult = z.infer<typeof MailRequeueResult>;

export const OutboxList = z
  .object({
    mode: MailMode.describe('`smtp`: mail leaves by SMTP and nothing is kept here; `files`: .eml files'),
    data: z.array(OutboxMessageSummary),
    nextCursor: z.string().nullable(),
    queue: MailQueueCounts.optional().describe('Messages in the mail queue, by state'),
  })
  .meta({ id: 'OutboxList' });
export type OutboxList = z.infer<typeof OutboxList>;

export const OutboxMessage = OutboxMessageSummary.extend({ text: z.string() }).meta({ id: 'OutboxMessage' });
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxMessageParams = z.object({
  messageId: z.string().regex(OUTBOX_MESSAGE_ID, 'Unknown message'),
});

export const OutboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(OUTBOX_MESSAGE_ID, 'Not a cursor from a previous page').optional(),
});
