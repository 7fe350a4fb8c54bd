import {
  DealerList,
  InviteUserRequest,
  Problem,
  RevokedCount,
  UserIdParams,
  UserList,
  UserListQuery,
  UserSummary,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_ONLY, contextOf, principalOf } from '../../platform/http/access.ts';
import { listDealers } from '../dealers/index.ts';
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
        summary: 'Users, filtered by role (repeatable) and status',
        querystring: UserListQuery,
        response: { 200: UserList, ...errors },
      },
    },
    async (request) => listAllUsers(deps, request.query),
  );

  app.get(
    '/api/v1/ops/dealers',
    {
      config: { access },
      schema: {
        tags: ['ops'],
        summary: 'Dealerships, to choose where an invited dealer user works',
        response: { 200: DealerList, ...errors },
      },
    },
    async () => ({
      data: (await listDealers(deps.db)).map((d) => ({
        id: d.publicId,
        code: d.code,
        name: d.name,
        city: d.city,
        state: d.state,
      })),
    }),
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
