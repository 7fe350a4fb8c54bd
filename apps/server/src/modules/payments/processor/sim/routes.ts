import fs from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ValidationError } from '../../../../platform/errors.ts';
import { type CardFormLanguage, renderCardForm } from './card-form-page.ts';
import type { SimulatedProcessorDeps } from './simulated-processor.ts';
import { tokenizeCard, validateCardEntry } from './tokenize.ts';

const asset = (name: string) => fs.readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');

/**
 * The card form's own policy, replacing the app's: it may be framed by our own origin only
 * (the app's pages may not be framed at all), runs only its own script file, and talks only
 * to its own token endpoint.
 */
const CARD_FORM_HELMET = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      connectSrc: ["'self'"],
      imgSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'self'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
  },
  xFrameOptions: { action: 'sameorigin' as const },
};

const TokenRequest = z.object({
  cardNumber: z.string().max(40),
  expMonth: z.number().int(),
  expYear: z.number().int(),
  cvv: z.string().max(8),
});

const TokenResponse = z.object({
  token: z.string(),
  brand: z.string(),
  last4: z.string(),
  expMonth: z.number().int(),
  expYear: z.number().int(),
});

/**
 * The simulated processor's own HTTP surface, as a real hosted-fields processor would serve it
 * from its own domain: the card form page, its script and styles, and the token endpoint. None
 * of it is under /api/ (our API never sees a card number); none of it needs our session.
 */
export const simulatedProcessorRoutes: FastifyPluginAsyncZod<SimulatedProcessorDeps> = async (app, deps) => {
  const script = asset('card-form.js');
  const styles = asset('card-form.css');

  app.get(
    '/processor/sim/card-form',
    {
      helmet: CARD_FORM_HELMET,
      schema: { hide: true, querystring: z.object({ lang: z.enum(['en', 'es']).catch('en').default('en') }) },
    },
    async (request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(renderCardForm(request.query.lang as CardFormLanguage)),
  );

  app.get('/processor/sim/card-form.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(script),
  );

  app.get('/processor/sim/card-form.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(styles),
  );

  app.post(
    '/processor/sim/tokens',
    { schema: { hide: true, body: TokenRequest, response: { 201: TokenResponse } } },
    async (request, reply) => {
      const errors = validateCardEntry(request.body, deps.now());
      if (errors.length > 0) {
        throw new ValidationError(
          errors.map((e) => ({ field: e.field, code: e.code, message: 'Check this card detail.' })),
          'The card details are not valid.',
        );
      }
      const card = await tokenizeCard(deps, request.body);
      return reply.status(201).header('cache-control', 'no-store').send(card);
    },
  );
};
