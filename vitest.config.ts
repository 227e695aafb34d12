import { configDefaults, defineConfig } from "vitest/config";

/**
 * `npm test`: unit, integration (modules on a real database) and HTTP tests
 * (the built server over real HTTP). Embedded PGlite by default; with
 * TEST_DATABASE_URL, the same tests on that PostgreSQL server.
 */
export default defineConfig({
  test: {
    include: [
      "test/unit/**/*.test.{ts,tsx}",
      "test/integration/**/*.test.ts",
      "test/http/**/*.test.ts",
      // Tests that reach behind a running server into its database: PostgreSQL only.
      ...(process.env.TEST_DATABASE_URL ? ["test/http/**/*.pg.test.ts"] : []),
    ],
    exclude: [...configDefaults.exclude, ...(process.env.TEST_DATABASE_URL ? [] : ["test/http/**/*.pg.test.ts"])],
    globalSetup: ["test/setup/global-setup.ts"],
    setupFiles: ["test/setup/fail-on-console-error.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: "test", LOG_LEVEL: "silent" },
  },
});
