import {
  AccountIdParams,
  PayoffQuote,
  PayoffQuoteQuery,
  Problem,
  type Transaction,
  TransactionList,
  TransactionQuery,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BrandConfig } from '../../platform/brand.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { CUSTOMER_ONLY, principalOf } from '../../platform/http/access.ts';
import { requireOwnedContract } from '../contracts/index.ts';
import { findPreferredLanguage } from '../customers/index.ts';
import { storeDocument } from '../documents/index.ts';
import { listTransactions } from './list-transactions.ts';
import { payoffLetter } from './payoff-letter.ts';
import { quotePayoff } from './quote-payoff.ts';
import { transactionsCsv } from './transactions-csv.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
/** A CSV download carries the whole (filtered) history up to this many rows. */
const CSV_MAX_ROWS = 5000;

/** What the ledger tells a customer: their transactions and a payoff quote. */
export const ledgerRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock; brand: BrandConfig }> = async (
  app,
  { db, clock, brand },
) => {
  const owned = (customerId: number | null, accountId: string) =>
    requireOwnedContract(db, customerId, accountId);
  const ownedContract = async (customerId: number | null, accountId: string) =>
    (await owned(customerId, accountId)).contract;

  app.get(
    '/api/v1/accounts/:accountId/transactions',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['accounts'],
        summary: 'Transaction history with running balance and payment splits (JSON, or CSV with format=csv)',
        params: AccountIdParams,
        querystring: TransactionQuery,
        response: { 200: z.union([TransactionList, z.string()]), ...errors },
      },
    },
    async (request, reply) => {
      const contract = await ownedContract(principalOf(request).customerId, request.params.accountId);
      const { format, limit, ...filter } = request.query;
      if (format === 'csv') {
        const all = await listTransactions(db, contract.id, {
          ...filter,
          cursor: undefined,
          limit: CSV_MAX_ROWS,
        });
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="transactions-${contract.accountNumber.slice(-4)}.csv"`,
          )
          .send(transactionsCsv(all.data as Transaction[]));
      }
      return listTransactions(db, contract.id, { ...filter, limit: limit ?? 50 });
    },
  );

  app.get(
    '/api/v1/accounts/:accountId/payoff-quote',
    {
      config: { access: CUSTOMER_ONLY },
      schema: {
        tags: ['accounts'],
        summary:
          'The amount that pays the account off by a date, with the per diem after it (JSON, or the letter with format=pdf)',
        params: AccountIdParams,
        querystring: PayoffQuoteQuery,
        response: { 200: z.union([PayoffQuote, z.instanceof(Buffer)]), ...errors, 422: Problem },
      },
    },
    async (request, reply) => {
      const { contract, vehicle } = await owned(principalOf(request).customerId, request.params.accountId);
      const businessDate = await clock.businessDate();
      const quote = quotePayoff(contract, businessDate, request.query.date ?? businessDate);
      if (request.query.format !== 'pdf') return quote;
      // Not asked for a language: the customer's own (customers.preferred_language).
      const language = request.query.language ?? (await findPreferredLanguage(db, contract.customerId));
      const pdf = await payoffLetter({ db, brand }, { contract, vehicle, quote, language, now: clock.now() });
      // The letter the customer downloaded is kept in their document centre.
      await storeDocument(db, {
        customerId: contract.customerId,
        contractId: contract.id,
        kind: 'payoff_letter',
        title: `Payoff quote good through ${quote.goodThrough}`,
        asOfDate: quote.quoteDate,
        language,
        bytes: pdf,
        createdAt: clock.now(),
      });
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="payoff-quote-${contract.accountNumber.slice(-4)}-${quote.goodThrough}.pdf"`,
        )
        .send(Buffer.from(pdf));
    },
  );
};
