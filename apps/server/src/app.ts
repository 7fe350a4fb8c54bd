import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { accountRequestRoutes } from './modules/account-requests/index.ts';
import { accessDeniedRecorder, auditRoutes } from './modules/audit/index.ts';
import { calculatorRoutes } from './modules/calculators/index.ts';
import { accountRoutes } from './modules/contracts/index.ts';
import { createIdentityMatcher } from './modules/customers/index.ts';
import {
  closeOfBusinessStatements,
  createDocumentDrawer,
  documentRoutes,
} from './modules/documents/index.ts';
import { identityRoutes, resolveSession } from './modules/identity/index.ts';
import { leasingRoutes } from './modules/leasing/index.ts';
import { ledgerRoutes } from './modules/ledger/index.ts';
import { loanDetailRoutes } from './modules/loan-details/index.ts';
import {
  createLoggingSmsSender,
  createMailRelay,
  mailQueuedSeq,
  notificationRoutes,
  outboxRoutes,
  preferenceRoutes,
  type SmsSender,
} from './modules/notifications/index.ts';
import {
  accountPaymentRoutes,
  autopayRoutes,
  type CardProcessor,
  createSimulatedProcessor,
  findPaymentMethod,
  opsPaymentRoutes,
  paymentMethodInUse,
  paymentMethodRoutes,
  registerCardNumberGuard,
  simulatedProcessorRoutes,
} from './modules/payments/index.ts';
import {
  closeOfBusinessCoverageNotices,
  dealerWorkOrderRoutes,
  protectionRoutes,
} from './modules/protection/index.ts';
import { cobRoutes } from './modules/servicing/index.ts';
import { systemRoutes } from './modules/system/routes.ts';
import type { BrandConfig } from './platform/brand.ts';
import type { Clock } from './platform/clock.ts';
import type { FieldCipher } from './platform/crypto/field-encryption.ts';
import type { Database } from './platform/db/client.ts';
import { authCookies, registerAccessControl, sessionCookie } from './platform/http/access.ts';
import { registerMetrics } from './platform/http/metrics.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { registerProblemHandlers } from './platform/http/problem.ts';
import { registerSecurity } from './platform/http/security.ts';
import { loggerOptions } from './platform/logger.ts';
import type { OutboxMailer } from './platform/mail.ts';
import type { AuditLog, NotificationInbox } from './platform/ports.ts';
import { createThrottle, type ThrottlePolicy } from './platform/throttle/throttle.ts';

export interface AppDeps {
  database: Database;
  clock: Clock;
  brand: BrandConfig;
  cipher: FieldCipher;
  /** The hash-chained security audit trail (createAuditLog). */
  audit: AuditLog;
  /** Outgoing mail (createMailer): SMTP, or .eml files that the ops outbox shows. */
  mailer: OutboxMailer;
  /** In-portal notifications (createNotificationInbox). */
  inbox: NotificationInbox;
  /** Text messages; defaults to the development adapter (sms outbox table + a masked log line). */
  sms?: SmsSender;
  /** The card processor adapter; defaults to the simulated processor, whose card form this app then serves. */
  cardProcessor?: CardProcessor;
  /** Rate limits; defaults to DEFAULT_THROTTLE_POLICY. */
  throttle?: ThrottlePolicy;
  /** The external origin links in e-mails point to; defaults to http://localhost:3000. */
  publicOrigin?: string;
  logLevel?: string;
  /** Where log lines go (tests capture them to look for leaked PII). Default: stdout. */
  logStream?: DestinationStream;
  secureCookies?: boolean;
  trustProxy?: boolean;
  allowedOrigins?: readonly string[];
  /** Built web app to serve (apps/web/dist); omitted in API-only tests. */
  webDist?: string;
  /**
   * Relay the mail outbox every this many ms while the app runs (`marque start`), the safety net
   * for e-mail a request's nudge did not send (mail server down, another process's commit).
   * Omitted: only the nudge after each changing request (tests, embedded use).
   */
  mailRelayIntervalMs?: number;
  /**
   * Draw the statements a close of business cut (ADR 0012) every this many ms (`marque start`).
   * Omitted: the document centre draws a customer's pending statements when asked for them.
   */
  documentDrawIntervalMs?: number;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The composition root: every dependency is passed in, so tests build the app with their own. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const logger = loggerOptions(deps.logLevel ?? 'info');
  const app = Fastify({
    logger: deps.logStream ? { ...logger, stream: deps.logStream } : logger,
    trustProxy: deps.trustProxy ?? false,
    bodyLimit: 64 * 1024,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webRoot =
    deps.webDist && fs.existsSync(path.join(deps.webDist, 'index.html')) ? deps.webDist : undefined;
  registerProblemHandlers(
    app,
    webRoot
      ? (_request, reply) =>
          reply.header('cache-control', 'no-cache').sendFile('index.html', webRoot, { maxAge: 0 })
      : undefined,
  );

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Personal data must not sit in shared or browser caches (ASVS 14.3.2); routes that serve
  // public, cacheable content set their own Cache-Control.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/v1/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
  });

  // The mail outbox relay (ADR 0011). E-mail is queued in the transaction of the change that
  // causes it; once a changing API request has its response ready (its transaction committed),
  // the relay sends what is due, so the customer gets the e-mail at once and tests can read it
  // right after `inject`. A failed send stays queued for the retry; it never fails the request.
  const mailRelay = createMailRelay(deps.database.db, deps.mailer, {
    now: () => deps.clock.now(),
    log: app.log,
  });
  // Only a request during which mail was queued waits for the relay: the rest (most payments,
  // every read) cost it nothing. The interval below catches anything a nudge missed.
  const mailSeqAtStart = new WeakMap<object, number>();
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') mailSeqAtStart.set(request, mailQueuedSeq());
  });
  app.addHook('onSend', async (request) => {
    const before = mailSeqAtStart.get(request);
    if (before !== undefined && before !== mailQueuedSeq() && request.url.startsWith('/api/'))
      await mailRelay.relayNow();
  });
  if (deps.mailRelayIntervalMs) mailRelay.start(deps.mailRelayIntervalMs);
  const drawer = createDocumentDrawer(deps.database.db, deps.brand, app.log);
  if (deps.documentDrawIntervalMs) drawer.start(deps.documentDrawIntervalMs);
  app.addHook('onClose', async () => {
    await mailRelay.stop();
    await drawer.stop();
  });

  await app.register(cookie);
  await registerSecurity(app, {
    hsts: deps.secureCookies ?? false,
    allowedOrigins: deps.allowedOrigins ?? [],
  });
  registerMetrics(app);
  await registerOpenApi(app);
  registerCardNumberGuard(app);

  const secure = deps.secureCookies ?? false;
  const { db } = deps.database;
  const now = () => deps.clock.now();
  const throttle = createThrottle({ db, now }, deps.throttle);
  const sms = deps.sms ?? createLoggingSmsSender({ now, log: app.log });
  registerAccessControl(app, {
    cookie: sessionCookie(secure),
    resolve: (token) => resolveSession({ db, now }, token),
    onDenied: accessDeniedRecorder({ db, audit: deps.audit }),
  });

  await app.register(systemRoutes, { database: deps.database, brand: deps.brand });
  await app.register(identityRoutes, {
    db,
    now,
    cipher: deps.cipher,
    mailer: deps.mailer,
    audit: deps.audit,
    inbox: deps.inbox,
    throttle,
    brandName: deps.brand.brand.name,
    publicOrigin: deps.publicOrigin ?? 'http://localhost:3000',
    cookies: authCookies(secure),
    matchIdentity: createIdentityMatcher(deps.cipher),
  });
  await app.register(accountRoutes, { db });
  await app.register(notificationRoutes, { db, now });
  await app.register(preferenceRoutes, { db, audit: deps.audit, now });
  await app.register(auditRoutes, { db });
  await app.register(outboxRoutes, { db, audit: deps.audit, mailer: deps.mailer, now });

  const simulated = { db, now, cipher: deps.cipher };
  const cardProcessor = deps.cardProcessor ?? createSimulatedProcessor(simulated);
  if (!deps.cardProcessor) await app.register(simulatedProcessorRoutes, simulated);
  await app.register(paymentMethodRoutes, {
    db,
    now,
    cipher: deps.cipher,
    audit: deps.audit,
    mailer: deps.mailer,
    inbox: deps.inbox,
    processor: cardProcessor,
    brandName: deps.brand.brand.name,
    blockRemoval: paymentMethodInUse,
  });
  const payments = {
    db,
    clock: deps.clock,
    inbox: deps.inbox,
    mailer: deps.mailer,
    sms,
    brandName: deps.brand.brand.name,
    findPaymentMethod,
    processor: cardProcessor,
    throttle,
    brand: deps.brand,
  };
  await app.register(accountPaymentRoutes, payments);
  await app.register(autopayRoutes, payments);
  await app.register(ledgerRoutes, { db, clock: deps.clock, brand: deps.brand });
  await app.register(leasingRoutes, { db, clock: deps.clock, brand: deps.brand, inbox: deps.inbox });
  await app.register(opsPaymentRoutes, { db, clock: deps.clock, audit: deps.audit });
  await app.register(calculatorRoutes, { throttle });
  await app.register(protectionRoutes, { db, clock: deps.clock, inbox: deps.inbox });
  await app.register(dealerWorkOrderRoutes, { db, clock: deps.clock, audit: deps.audit });
  await app.register(loanDetailRoutes, { db, clock: deps.clock });
  await app.register(accountRequestRoutes, { db, now, audit: deps.audit, inbox: deps.inbox });
  await app.register(documentRoutes, { db, audit: deps.audit, brand: deps.brand });
  await app.register(cobRoutes, {
    db,
    clock: deps.clock,
    audit: deps.audit,
    cob: {
      database: deps.database,
      inbox: deps.inbox,
      now,
      payments: { findPaymentMethod, processor: cardProcessor },
      generateStatements: closeOfBusinessStatements({
        inbox: deps.inbox,
        brand: deps.brand,
        now,
      }),
      serviceNotices: closeOfBusinessCoverageNotices({
        inbox: deps.inbox,
        sms,
        brandName: deps.brand.brand.name,
        now,
      }),
    },
  });

  if (webRoot) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false, maxAge: '1h' });
  }
  return app;
}
