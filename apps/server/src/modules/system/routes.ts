import { Brand, Health, Problem, Ready } from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { BrandConfig } from '../../platform/brand.ts';
import { readBusinessDate } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import { migrationsCurrent } from '../../platform/db/migrate.ts';

export const systemRoutes: FastifyPluginAsyncZod<{ database: Database; brand: BrandConfig }> = async (
  app,
  { database, brand },
) => {
  app.get(
    '/api/v1/health',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], summary: 'Liveness: the process is up', response: { 200: Health } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/v1/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database answers and every migration is applied',
        response: { 200: Ready, 503: Ready },
      },
    },
    async (_request, reply) => {
      let database_ = false;
      let migrations = false;
      let businessDate: string | null = null;
      try {
        await database.query('select 1');
        database_ = true;
        migrations = await migrationsCurrent(database);
        businessDate = migrations ? await readBusinessDate(database.db) : null;
      } catch {
        // reported as not ready below
      }
      const ready = database_ && migrations;
      return reply.status(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'not_ready',
        checks: { database: database_, migrations },
        businessDate,
      });
    },
  );

  app.get(
    '/api/v1/brand',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], summary: 'The white-label brand', response: { 200: Brand, 400: Problem } },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return brand.brand;
    },
  );

  app.get(
    '/api/v1/brand/logo.svg',
    { config: { access: 'public' }, schema: { tags: ['system'], summary: 'The brand logo (SVG)' } },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300').type('image/svg+xml');
      return brand.logoSvg;
    },
  );
};
