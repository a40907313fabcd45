import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here and in CI: a few workers keep the suite quick without starving the servers.
    maxWorkers: 3,
    // The AWS SDK's notice about Node 22 in 2027 would otherwise repeat in every test file's output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          // dynalite, and DynamoDB Local when Java is present, for the storage suites.
          globalSetup: ['test/support/global-setup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // After the rest, on a quiet machine: a real browser waiting on a CPU-bound
          // 1,000-channel scheduler test times out for reasons that have nothing to do with the page.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
