import { defineConfig } from 'vitest/config';

// Unit tests (*.test.ts) run once. Integration tests (*.itest.ts) run on embedded PGlite and,
// when GRIDCARE_TEST_DATABASE_URL names a PostgreSQL server, on that server too.
// End-to-end tests (*.e2e.ts) drive Chromium against a built server.
const serverUrl = process.env.GRIDCARE_TEST_DATABASE_URL;

const integration = (target: 'pglite' | 'postgres') => ({
  test: {
    name: `integration-${target}`,
    include: ['src/**/*.itest.ts', 'test/**/*.itest.ts'],
    env: { GRIDCARE_TEST_TARGET: target },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 30_000 } },
      integration('pglite'),
      ...(serverUrl ? [integration('postgres')] : []),
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // As long as a page's waits (test/e2e/support/browser.ts): a loaded machine answers
          // a heavy page in seconds, not in the default second.
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});
