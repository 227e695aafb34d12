import { z } from "zod";

/**
 * The process configuration, validated once at boot. Nothing else reads
 * `process.env` directly, so every setting is documented here and in the README.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  SERVICELOOP_DATA_DIR: z.string().min(1).default(".data"),
  /** PostgreSQL only: connections per process. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** PostgreSQL only: how long a request waits for a free connection before it is answered 503. */
  DATABASE_POOL_WAIT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** PostgreSQL only: the longest one statement may run (then 503), so a stuck query cannot hold the pool. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  APP_ORIGIN: z
    .string()
    .url()
    .optional()
    .transform((value) => (value ? new URL(value).origin : undefined)),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * On SIGTERM, how long the server keeps serving (with /readyz at 503 and
   * `Connection: close`) before it stops accepting connections, so a load
   * balancer can move away and requests already on the wire are read.
   */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(8_000).default(1_000),
  /**
   * Whether `npm start` seeds the demo company (known passwords) into an empty
   * database. Default: yes on the embedded database (the quick start), no on a
   * PostgreSQL server (DATABASE_URL), where a real company's first admin is
   * invited with `npm run cli -- admin invite --email …`.
   */
  SERVICELOOP_SEED_DEMO: z.enum(["true", "false"]).optional(),
});

const EnvWithDefaults = EnvSchema.transform((env) => ({
  ...env,
  SERVICELOOP_SEED_DEMO: env.SERVICELOOP_SEED_DEMO
    ? env.SERVICELOOP_SEED_DEMO === "true"
    : env.DATABASE_URL === undefined,
}));

export type Env = z.infer<typeof EnvWithDefaults>;

/** The configuration in `source` (the process environment), or an error naming each bad setting. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvWithDefaults.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** True when the public origin is https: cookies are then Secure and `__Host-` prefixed. */
export function isSecureOrigin(env: Env = getEnv()): boolean {
  return env.APP_ORIGIN?.startsWith("https://") ?? false;
}
