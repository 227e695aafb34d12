import { defineConfig } from "vitest/config";

/**
 * `npm run test:resilience`: faults on the real PostgreSQL server (stopped and
 * started under load) and in embedded mode (the process killed). One file at a
 * time: these tests take the database away from everyone else.
 */
export default defineConfig({
  test: {
    include: ["test/resilience/**/*.test.ts"],
    globalSetup: ["test/setup/global-setup.ts"],
    setupFiles: ["test/setup/fail-on-console-error.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // TEST_DATABASE_URL comes from `npm run test:resilience` (the global setup reads it too).
    env: { NODE_ENV: "test", LOG_LEVEL: "silent" },
  },
});
