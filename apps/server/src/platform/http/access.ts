import { ROLES, type Role } from '@marque/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';

/** Who is calling: resolved from the session cookie before any handler runs. */
export interface Principal {
  userId: number;
  userPublicId: string;
  sessionId: number;
  sessionPublicId: string;
  role: Role;
  email: string;
  displayName: string;
  customerId: number | null;
  dealerId: number | null;
  /** The session's last second-factor proof (login or step-up); null after a remembered-device login. */
  secondFactorAt: Date | null;
}

/**
 * Every API route declares who may call it: `'public'` or the roles it admits.
 * A route without a declaration makes the server refuse to start.
 */
export type Access = 'public' | { roles: readonly Role[] };

/** One API route as declared, for the route-table and BOLA tests. */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** Every /api/v1 route with its declared access, in registration order. */
    routeTable: RouteEntry[];
  }
}

export interface SessionCookie {
  name: string;
  secure: boolean;
}

/**
 * The cookies identity uses. `__Host-` requires Secure (and Path=/, no Domain), so plain-HTTP
 * development (http://localhost) uses the same names without the prefix.
 */
export interface AuthCookies {
  secure: boolean;
  session: string;
  /** Short-lived: the password was right, the second factor is still owed. Not a session. */
  preAuth: string;
  registration: string;
  /** "Remember this device" for MFA. */
  device: string;
  /** Binds a passkey sign-in's challenge to the browser that asked for it (5 minutes). */
  passkey: string;
}

export function authCookies(secure: boolean): AuthCookies {
  const name = (base: string) => (secure ? `__Host-${base}` : base);
  return {
    secure,
    session: name('marque_session'),
    preAuth: name('marque_preauth'),
    registration: name('marque_registration'),
    device: name('marque_device'),
    passkey: name('marque_passkey'),
  };
}

export function sessionCookie(secure: boolean): SessionCookie {
  return { name: authCookies(secure).session, secure };
}

/** HttpOnly, SameSite=Lax, Path=/ (required by `__Host-`), Secure when served over TLS. */
export function cookieOptions(cookies: AuthCookies, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    secure: cookies.secure,
    sameSite: 'lax' as const,
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

export const CUSTOMER_ONLY = { roles: ['customer'] } as const satisfies Access;
export const ADMIN_ONLY = { roles: ['admin'] } as const satisfies Access;
export const ANY_SIGNED_IN = { roles: ROLES } as const satisfies Access;

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
  app.decorate('routeTable', [] as RouteEntry[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    const access = route.config?.access;
    if (!access) {
      throw new Error(`Route ${route.method} ${route.url} does not declare its access (config.access)`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeTable.push({ method, url: route.url, access });
    }
  });
  // onRequest, before the body is parsed or validated: an unauthenticated or unauthorised
  // caller learns nothing about the route's input rules.
  app.addHook('onRequest', async (request: FastifyRequest) => {
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

/** How long a second-factor proof counts as fresh for sensitive changes (ASVS 7.5.1). */
export const STEP_UP_WINDOW_MS = 5 * 60 * 1000;

/**
 * Guard for sensitive changes (e-mail, phone, password, MFA, bank accounts, autopay): the
 * session must have proved a second factor within the last 5 minutes, at login or through
 * POST /api/v1/auth/step-up. Otherwise 403 `step_up_required`.
 */
export function requireRecentStepUp(principal: Principal, now: Date): void {
  const at = principal.secondFactorAt?.getTime();
  if (at === undefined || now.getTime() - at > STEP_UP_WINDOW_MS || at > now.getTime() + 60_000) {
    throw new ForbiddenError(
      'Confirm it is you with your authenticator app (or another second factor) first.',
      'step_up_required',
    );
  }
}

export function hasRecentStepUp(principal: Principal, now: Date): boolean {
  try {
    requireRecentStepUp(principal, now);
    return true;
  } catch {
    return false;
  }
}

/** Where a request came from, for audit events, sessions and alerts. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

export function contextOf(request: FastifyRequest): RequestContext {
  const ua = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: ua ? ua.slice(0, 400) : null, requestId: request.id };
}
