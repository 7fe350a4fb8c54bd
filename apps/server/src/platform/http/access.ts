import type { Role } from '@marque/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';

/** Who is calling: resolved from the session cookie before any handler runs. */
export interface Principal {
  userId: number;
  userPublicId: string;
  sessionId: number;
  role: Role;
  email: string;
  displayName: string;
  customerId: number | null;
  dealerId: number | null;
}

/**
 * Every API route declares who may call it: `'public'` or the roles it admits.
 * A route without a declaration makes the server refuse to start.
 */
export type Access = 'public' | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface SessionCookie {
  name: string;
  secure: boolean;
}

export function sessionCookie(secure: boolean): SessionCookie {
  // `__Host-` requires Secure, so plain-HTTP development (http://localhost) uses a plain name.
  return secure ? { name: '__Host-marque_session', secure: true } : { name: 'marque_session', secure: false };
}

export const CUSTOMER_ONLY = { roles: ['customer'] } as const satisfies Access;

export function registerAccessControl(
  app: FastifyInstance,
  deps: {
    cookie: SessionCookie;
    resolve: (token: string) => Promise<Principal | null>;
    /** Called before a signed-in caller gets 403 for a role the route does not admit (to audit it). */
    onDenied: (request: FastifyRequest, principal: Principal) => Promise<void>;
  },
): void {
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    if (!route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} does not declare its access (config.access)`);
    }
  });
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const token = request.cookies[deps.cookie.name];
    const principal = token ? await deps.resolve(token) : null;
    if (!principal) throw new UnauthenticatedError();
    if (!access.roles.includes(principal.role)) {
      await deps.onDenied(request, principal);
      throw new ForbiddenError();
    }
    request.principal = principal;
  });
}

/** The signed-in principal of a route that declared roles (the guard already ran). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthenticatedError();
  return request.principal;
}
