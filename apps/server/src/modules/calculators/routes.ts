import {
  AffordabilityCalculatorRequest,
  AffordabilityCalculatorResult,
  BuyVsLeaseCalculatorRequest,
  BuyVsLeaseCalculatorResult,
  LeaseCalculatorRequest,
  LeaseCalculatorResult,
  LoanCalculatorRequest,
  LoanCalculatorResult,
  Problem,
} from '@marque/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Throttle } from '../../platform/throttle/throttle.ts';
import { compareBuyVsLease } from './compare-buy-vs-lease.ts';
import { estimateAffordability } from './estimate-affordability.ts';
import { estimateLease } from './estimate-lease.ts';
import { estimateLoan } from './estimate-loan.ts';

const errors = { 400: Problem, 422: Problem, 429: Problem };

/**
 * The public calculators: no sign-in, no database except the per-IP throttle, which counts
 * before validation so malformed requests are limited too.
 */
export const calculatorRoutes: FastifyPluginAsyncZod<{ throttle: Throttle }> = async (app, { throttle }) => {
  const config = { access: 'public' as const };
  const preValidation = async (request: FastifyRequest) => {
    await throttle.consume('calculator', { account: null, ip: request.ip });
  };

  app.post(
    '/api/v1/calculators/loan',
    {
      config,
      preValidation,
      schema: {
        tags: ['calculators'],
        summary: 'Estimated payment and Truth in Lending figures for buying a vehicle with a loan',
        body: LoanCalculatorRequest,
        response: { 200: LoanCalculatorResult, ...errors },
      },
    },
    async (request) => estimateLoan(request.body),
  );

  app.post(
    '/api/v1/calculators/lease',
    {
      config,
      preValidation,
      schema: {
        tags: ['calculators'],
        summary: 'Estimated lease payment and Regulation M figures; the rate is a money factor',
        body: LeaseCalculatorRequest,
        response: { 200: LeaseCalculatorResult, ...errors },
      },
    },
    async (request) => estimateLease(request.body),
  );

  app.post(
    '/api/v1/calculators/buy-vs-lease',
    {
      config,
      preValidation,
      schema: {
        tags: ['calculators'],
        summary: 'Buying against leasing the same vehicle over the lease term, with a monthly series',
        body: BuyVsLeaseCalculatorRequest,
        response: { 200: BuyVsLeaseCalculatorResult, ...errors },
      },
    },
    async (request) => compareBuyVsLease(request.body),
  );

  app.post(
    '/api/v1/calculators/affordability',
    {
      config,
      preValidation,
      schema: {
        tags: ['calculators'],
        summary: 'The vehicle price a monthly budget can carry',
        body: AffordabilityCalculatorRequest,
        response: { 200: AffordabilityCalculatorResult, ...errors },
      },
    },
    async (request) => estimateAffordability(request.body),
  );
};
