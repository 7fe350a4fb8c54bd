import {
  InviteUserRequest,
  Problem,
  RevokedCount,
  UserIdParams,
  UserList,
  UserSummary,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_ONLY, contextOf, principalOf } from '../../platform/http/access.ts';
import { inviteUser } from './invite-user.ts';
import { disableUser, enableUser, endUserSessions, listAllUsers, toUserSummary } from './manage-users.ts';
import type { IdentityRouteDeps } from './routes.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Empty = z.object({}).optional();

/** Staff and dealer user administration: admins only. */
export const opsUserRoutes: FastifyPluginAsyncZod<IdentityRouteDeps> = async (app, deps) => {
  const access = ADMIN_ONLY;

  app.get(
    '/api/v1/ops/users',
    {
      config: { access },
      schema: {
        tags: ['ops'],
        summary: 'All users',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(40).optional(),
        }),
        response: { 200: UserList, ...errors },
      },
    },
    async (request) => listAllUsers(deps, request.query),
  );

  app.post(
    '/api/v1/ops/users/invitations',
    {
      config: { access },
      schema: {
        tags: ['ops'],
        summary: 'Invite a staff or dealer user (e-mails a one-time link, valid 72 hours)',
        body: InviteUserRequest,
        response: { 201: UserSummary, ...errors },
      },
    },
    async (request, reply) => {
      const user = await inviteUser(deps, contextOf(request), principalOf(request), request.body);
      return reply.status(201).send(toUserSummary(user));
    },
  );

  const action = (path: string, summary: string, run: typeof disableUser | typeof enableUser) =>
    app.post(
      path,
      {
        config: { access },
        schema: {
          tags: ['ops'],
          summary,
          params: UserIdParams,
          body: Empty,
          response: { 200: UserSummary, ...errors },
        },
      },
      async (request) => run(deps, contextOf(request), principalOf(request), request.params.userId),
    );
  action('/api/v1/ops/users/:userId/disable', 'Disable a user; ends their sessions at once', disableUser);
  action('/api/v1/ops/users/:userId/enable', 'Enable a disabled user', enableUser);

  app.post(
    '/api/v1/ops/users/:userId/sessions/revoke',
    {
      config: { access },
      schema: {
        tags: ['ops'],
        summary: 'End every session of one user',
        params: UserIdParams,
        body: Empty,
        response: { 200: RevokedCount, ...errors },
      },
    },
    async (request) => endUserSessions(deps, contextOf(request), principalOf(request), request.params.userId),
  );
};
