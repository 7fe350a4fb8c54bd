import { AccountIdParams, Autopay, AutopayRequest, Problem } from '@marque/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { BrandConfig } from '../../platform/brand.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { CUSTOMER_ONLY, principalOf, requireRecentStepUp } from '../../platform/http/access.ts';
import type { NotificationInbox } from '../../platform/ports.ts';
import { requireOwnedContract } from '../contracts/index.ts';
import { enqueueMail } from '../notifications/index.ts';
import { autopayEnrollments } from './autopay-tables.ts';
import type { FindPaymentMethod } from './payment-method-port.ts';
import { saveAutopay } from './save-autopay.ts';
import { stopAutopay } from './stop-autopay.ts';
import { storeAutopayCopy } from './store-autopay-copy.ts';
import { toAutopay } from './to-autopay.ts';

export interface AutopayRouteDeps {
  db: Db;
  clock: Clock;
  inbox: NotificationInbox;
  brandName: string;
  findPaymentMethod: FindPaymentMethod;
  /** When given, each accepted authorisation is also filed as a PDF in the document centre. */
  brand?: BrandConfig;
}

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

/** Autopay on an account: see it, enrol or edit it (with step-up), stop it. */
export const autopayRoutes: FastifyPluginAsyncZod<AutopayRouteDeps> = async (app, deps) => {
  const access = CUSTOMER_ONLY;

  app.get(
    '/api/v1/accounts/:accountId/autopay',
    {
      config: { access },
      schema: {
        tags: ['payments'],
        summary: 'Autopay enrolment and the next draft',
        params: AccountIdParams,
        response: { 200: Autopay, ...errors },
      },
    },
    async (request) => {
      const owned = await requireOwnedContract(
        deps.db,
        principalOf(request).customerId,
        request.params.accountId,
      );
      const [row] = await deps.db
        .select()
        .from(autopayEnrollments)
        .where(eq(autopayEnrollments.contractId, owned.contract.id));
      return toAutopay(row, owned.contract, await deps.clock.businessDate(), deps.brandName);
    },
  );

  app.put(
    '/api/v1/accounts/:accountId/autopay',
    {
      config: { access },
      schema: {
        tags: ['payments'],
        summary:
          'Enrol in autopay or change it in place (amount, draft day, bank account, pause one cycle); needs a recent second factor',
        params: AccountIdParams,
        body: AutopayRequest,
        response: { 200: Autopay, ...errors, 422: Problem },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const now = deps.clock.now();
      requireRecentStepUp(principal, now);
      if (principal.customerId === null) throw new NotFoundError('account');
      const customerId = principal.customerId;
      const businessDate = await deps.clock.businessDate();
      const saved = await inTransaction(deps.db, async (tx) => {
        const result = await saveAutopay(tx, deps, {
          userId: principal.userId,
          customerId,
          accountId: request.params.accountId,
          request: request.body,
          ip: request.ip,
          businessDate,
          now,
        });
        if (deps.brand) {
          const userAgent = request.headers['user-agent'];
          await storeAutopayCopy(
            tx,
            { brand: deps.brand },
            {
              accountId: request.params.accountId,
              autopay: result.autopay,
              language: request.body.language ?? 'en',
              ip: request.ip,
              ...(userAgent ? { userAgent } : {}),
              businessDate,
              now,
            },
          );
        }
        // The authorization copy e-mail, queued with the change (the relay sends it after commit).
        await enqueueMail(
          tx,
          {
            to: principal.email,
            subject: `${deps.brandName}: ${result.enrolled ? 'automatic payments are on' : 'automatic payments changed'}`,
            text: [
              result.enrolled ? 'You turned on automatic payments.' : 'You changed your automatic payments.',
              `Bank account: ${result.autopay.paymentMethod?.label ?? ''}`,
              result.autopay.nextDraft ? `Next draft: ${result.autopay.nextDraft.date}` : '',
              '',
              `Your authorization (${result.autopay.authorization.version}), accepted ${result.autopay.acceptedAt}:`,
              result.authorizationText,
            ].join('\n'),
            category: 'autopay_authorization',
          },
          { now },
        );
        return result;
      });
      return saved.autopay;
    },
  );

  app.delete(
    '/api/v1/accounts/:accountId/autopay',
    {
      config: { access },
      schema: {
        tags: ['payments'],
        summary:
          'Stop autopay (a draft less than 3 business days away still goes); needs a recent second factor',
        params: AccountIdParams,
        response: { 200: Autopay, ...errors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const now = deps.clock.now();
      requireRecentStepUp(principal, now);
      if (principal.customerId === null) throw new NotFoundError('account');
      const customerId = principal.customerId;
      const businessDate = await deps.clock.businessDate();
      return inTransaction(deps.db, (tx) =>
        stopAutopay(tx, deps, {
          userId: principal.userId,
          customerId,
          accountId: request.params.accountId,
          businessDate,
          now,
        }),
      );
    },
  );
};
