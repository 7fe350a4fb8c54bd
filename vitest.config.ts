import { defineConfig } from 'vitest/config';

// One runner for the whole repo. `npm test` runs every project; `--project NAME` narrows it.
// Integration tests run on PGlite unless TEST_DATABASE_URL points at a PostgreSQL server.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'finance',
          root: 'packages/finance',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'contracts',
          root: 'packages/contracts',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'server',
          root: 'apps/server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root: 'e2e',
          include: ['**/*.e2e.ts'],
          exclude: ['node_modules/**', 'artifacts/**'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
