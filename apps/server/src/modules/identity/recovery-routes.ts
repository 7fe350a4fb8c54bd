import {
  Problem,
  RecoveryCodeRequest,
  RecoveryCodeVerified,
  RecoveryCompleted,
  RecoveryCompleteRequest,
  RecoveryStarted,
  RecoveryStartRequest,
} from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/access.ts';
import { completeAccountRecovery, verifyRecoveryCode } from './complete-account-recovery.ts';
import type { IdentityRouteDeps } from './routes.ts';
import { RECOVERY_MS, startAccountRecovery } from './start-account-recovery.ts';

const PUBLIC = 'public' as const;
const errors = { 400: Problem, 422: Problem, 429: Problem };

/**
 * Customer account recovery ("forgot password / lost my authenticator"): identity facts plus the
 * verified e-mail address, an e-mailed code, a new password. Public: the person cannot sign in.
 * It never starts a session: afterwards they sign in with the new password and a second factor.
 */
export const recoveryRoutes: FastifyPluginAsyncZod<IdentityRouteDeps> = async (app, deps) => {
  app.post(
    '/api/v1/auth/recovery',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['auth'],
        summary:
          'Start recovery: e-mail address and identity facts; e-mails a code only if all match (same answer either way)',
        body: RecoveryStartRequest,
        response: { 202: RecoveryStarted, ...errors },
      },
    },
    async (request, reply) => {
      const started = await startAccountRecovery(deps, contextOf(request), request.body);
      // The code is mailed after the answer, so the answer's timing does not depend on whether
      // there was anything to send (ASVS 6.3.8). A failed send is logged without the address.
      started.delivery?.catch((error: unknown) => {
        request.log.error(
          { reason: error instanceof Error ? error.name : 'unknown' },
          'recovery mail failed',
        );
      });
      return reply.status(202).send({
        status: 'recovery_requested' as const,
        attemptToken: started.attemptToken,
        expiresInSeconds: RECOVERY_MS / 1000,
      });
    },
  );

  app.post(
    '/api/v1/auth/recovery/verify',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['auth'],
        summary: 'Recovery: the e-mailed code (5 wrong codes end the attempt)',
        body: RecoveryCodeRequest,
        response: { 200: RecoveryCodeVerified, ...errors },
      },
    },
    async (request) => verifyRecoveryCode(deps, contextOf(request), request.body),
  );

  app.post(
    '/api/v1/auth/recovery/complete',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['auth'],
        summary:
          'Recovery: a new password; ends every session, forgets remembered devices, removes a lost authenticator',
        body: RecoveryCompleteRequest,
        response: { 200: RecoveryCompleted, ...errors },
      },
    },
    async (request) => completeAccountRecovery(deps, contextOf(request), request.body),
  );
};
