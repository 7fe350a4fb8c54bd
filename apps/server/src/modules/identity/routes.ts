import { LoginRequest, LoginResponse, Me, Problem, Role } from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { principalOf, type SessionCookie } from '../../platform/http/access.ts';
import { getMe } from './get-me.ts';
import { logIn } from './log-in.ts';
import { logOut } from './log-out.ts';
import { SESSION_ABSOLUTE_MS } from './session-token.ts';

export interface IdentityRouteDeps {
  db: Db;
  now: () => Date;
  cookie: SessionCookie;
}

const ANY_SIGNED_IN = { roles: Role.options };

export const identityRoutes: FastifyPluginAsyncZod<IdentityRouteDeps> = async (app, { db, now, cookie }) => {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: LoginRequest,
        response: { 200: LoginResponse, 400: Problem, 401: Problem },
      },
    },
    async (request, reply) => {
      const { token } = await logIn(
        { db, now },
        {
          email: request.body.email,
          password: request.body.password,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        },
      );
      reply.setCookie(cookie.name, token, {
        path: '/',
        httpOnly: true,
        secure: cookie.secure,
        sameSite: 'lax',
        maxAge: SESSION_ABSOLUTE_MS / 1000,
      });
      return { status: 'authenticated' as const };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends the session on the server and clears the cookie',
        body: z.object({}).optional(),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const token = request.cookies[cookie.name];
      if (token) await logOut({ db, now }, token);
      reply.clearCookie(cookie.name, { path: '/', httpOnly: true, secure: cookie.secure, sameSite: 'lax' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { access: ANY_SIGNED_IN },
      schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: Me, 401: Problem } },
    },
    async (request) => getMe({ db }, principalOf(request)),
  );
};
