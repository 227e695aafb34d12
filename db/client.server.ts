import { getEnv } from "#app/env.server.ts";
import { logger } from "#app/logger.server.ts";
import { connect, type Database } from "./connect.ts";
import { acquireDataDirLock } from "./lock.ts";

/**
 * The process's one Kysely instance, built lazily from the environment.
 * A failed start is not cached: the next call tries again.
 */
let instance: Database | undefined;
let releaseLock: (() => void) | undefined;

export function getDb(): Database {
  if (!instance) {
    const env = getEnv();
    if (!env.DATABASE_URL) releaseLock = acquireDataDirLock(env.SERVICELOOP_DATA_DIR);
    instance = connect({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.DATABASE_URL ? undefined : env.SERVICELOOP_DATA_DIR,
      max: env.DATABASE_POOL_MAX,
      poolWaitMs: env.DATABASE_POOL_WAIT_MS,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      // Bulk inserts (the demo seed) have long SQL: the start says which query it was.
      onSlowQuery: ({ sql, ms }) =>
        logger.warn({ ms, sql: sql.length > 500 ? `${sql.slice(0, 500)}…` : sql }, "slow query"),
    });
  }
  return instance;
}

export async function closeDb(): Promise<void> {
  const db = instance;
  instance = undefined;
  if (db) await db.destroy();
  releaseLock?.();
  releaseLock = undefined;
}
