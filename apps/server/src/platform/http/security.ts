import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { ForbiddenError } from '../errors.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Security headers (ASVS 3.4) and cross-site request refusal (ASVS 3.5).
 * Scripts only from our origin (no 'unsafe-inline'); styles allow inline because the UI
 * library sets style attributes; no framing at all.
 */
export async function registerSecurity(
  app: FastifyInstance,
  options: { hsts: boolean; allowedOrigins: readonly string[] },
): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    hsts: options.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
  });

  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method)) return;
    // Browsers send Sec-Fetch-Site; a cross-site state change is refused outright.
    const site = request.headers['sec-fetch-site'];
    if (site === 'cross-site')
      throw new ForbiddenError('Cross-site requests are not allowed.', 'cross_site_request');
    const origin = request.headers.origin;
    if (origin && origin !== 'null') {
      const own = `${request.protocol}://${request.host}`;
      if (origin !== own && !options.allowedOrigins.includes(origin)) {
        throw new ForbiddenError('Requests from another origin are not allowed.', 'cross_site_request');
      }
    } else if (origin === 'null') {
      throw new ForbiddenError('Requests from an opaque origin are not allowed.', 'cross_site_request');
    }
  });
}
