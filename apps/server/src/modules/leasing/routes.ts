import {
  AccountIdParams,
  EndOfTermEstimate,
  EndOfTermOptions,
  EndOfTermQuery,
  InspectionList,
  InspectionRequest,
  InspectionRequestInput,
  LeaseMileage,
  LeaseNumbers,
  LeasePurchaseQuote,
  MileageEntry,
  Problem,
  PurchaseQuoteQuery,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BrandConfig } from '../../platform/brand.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { CUSTOMER_ONLY, principalOf } from '../../platform/http/access.ts';
import type { NotificationInbox } from '../../platform/ports.ts';
import { findPreferredLanguage } from '../customers/index.ts';
import { getEndOfTerm, parseWearQuery } from './get-end-of-term.ts';
import { getLeaseNumbers } from './get-lease-numbers.ts';
import { getMileage } from './get-mileage.ts';
import { listInspections, requestInspection } from './inspections.ts';
import { requireOwnedLease } from './lease-terms.ts';
import { purchaseQuotePdf } from './purchase-quote-pdf.ts';
import { quotePurchase } from './quote-purchase.ts';
import { recordCustomerReading } from './record-odometer.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const base = '/api/v1/accounts/:accountId/lease';
const schema = (summary: string) => ({ tags: ['lease'], summary, params: AccountIdParams });

/** The lease centre: a lessee's numbers, mileage, end-of-term options, inspection and purchase quote. */
export const leasingRoutes: FastifyPluginAsyncZod<{
  db: Db;
  clock: Clock;
  brand: BrandConfig;
  inbox: NotificationInbox;
}> = async (app, { db, clock, brand, inbox }) => {
  const lease = (request: { params: { accountId: string } } & Parameters<typeof principalOf>[0]) =>
    requireOwnedLease(db, principalOf(request).customerId, request.params.accountId);

  app.get(
    base,
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        ...schema('The Regulation M disclosure of the lease (money factor, never an APR)'),
        response: { 200: LeaseNumbers, ...errors },
      },
    },
    async (request) => getLeaseNumbers(await lease(request)),
  );

  app.get(
    `${base}/mileage`,
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        ...schema('Odometer readings, allowance to date and the projection to maturity'),
        response: { 200: LeaseMileage, ...errors },
      },
    },
    async (request) => getMileage(db, await lease(request), await clock.businessDate()),
  );

  app.post(
    `${base}/mileage`,
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        ...schema("Record the lessee's odometer reading"),
        body: MileageEntry,
        response: { 201: LeaseMileage, ...errors, 422: Problem },
      },
    },
    async (request, reply) => {
      const owned = await lease(request);
      const businessDate = await clock.businessDate();
      await recordCustomerReading(db, owned, request.body, principalOf(request).userId, businessDate);
      return reply.code(201).send(await getMileage(db, owned, businessDate));
    },
  );

  app.get(
    `${base}/end-of-term`,
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        ...schema('End-of-term options side by side (wear self-check as ?wear=tire:2,dent:1)'),
        querystring: EndOfTermQuery,
        response: { 200: EndOfTermOptions, ...errors },
      },
    },
    async (request) =>
      getEndOfTerm(
        { db },
        await lease(request),
        parseWearQuery(request.query.wear),
        await clock.businessDate(),
      ),
  );

  app.post(
    `${base}/end-of-term`,
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        ...schema('End-of-term options with a wear self-check estimate (nothing is stored)'),
        body: EndOfTermEstimate,
        response: { 200: EndOfTermOptions, ...errors },
      },
    },
    async (request) =>
      getEndOfTerm({ db }, await lease(request), request.body.wear, await clock.businessDate()),
  );

  app.get(
    `${base}/inspection`,
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        ...schema('Inspection requests of the lease and the dates one can be booked on'),
        response: { 200: InspectionList, ...errors },
      },
    },
    async (request) => listInspections(db, await lease(request), await clock.businessDate()),
  );

  app.post(
    `${base}/inspection`,
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        ...schema('Request the pre-return inspection (confirmed in the inbox)'),
        body: InspectionRequestInput,
        response: { 201: InspectionRequest, ...errors, 422: Problem },
      },
    },
    async (request, reply) => {
      const owned = await lease(request);
      const created = await requestInspection(
        { db, inbox, now: clock.now() },
        owned,
        request.body,
        principalOf(request).userId,
        await clock.businessDate(),
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    `${base}/purchase-quote`,
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        ...schema('What buying the vehicle costs by a date (JSON, or the letter with format=pdf)'),
        querystring: PurchaseQuoteQuery,
        response: { 200: z.union([LeasePurchaseQuote, z.instanceof(Buffer)]), ...errors, 422: Problem },
      },
    },
    async (request, reply) => {
      const owned = await lease(request);
      const businessDate = await clock.businessDate();
      const quote = quotePurchase(owned, businessDate, request.query.date ?? businessDate);
      if (request.query.format !== 'pdf') return quote;
      // Not asked for a language: the customer's own (customers.preferred_language).
      const language = request.query.language ?? (await findPreferredLanguage(db, owned.contract.customerId));
      const pdf = await purchaseQuotePdf({ db, brand }, { lease: owned, quote, language, now: clock.now() });
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="purchase-quote-${owned.contract.accountNumber.slice(-4)}-${quote.goodThrough}.pdf"`,
        )
        .send(Buffer.from(pdf));
    },
  );
};
