import { sql } from "kysely";
import { closeDb, getDb } from "#db/client.server.ts";
import { prepareDatabase } from "#db/prepare.server.ts";
import { DEMO_LOGINS, DEMO_PASSWORD, isEmpty } from "#db/seed/demo.ts";
import { getEnv } from "#app/env.server.ts";
import { logger } from "#app/logger.server.ts";
import { purgeExpired } from "#app/modules/auth/housekeeping.server.ts";

const HOUSEKEEPING_MS = 60 * 60 * 1000;
let housekeeping: NodeJS.Timeout | undefined;

/**
 * Called by server.ts through the server build, so that the server and the
 * routes share one database instance: migrate, seed an empty database with the
 * demo company, and say how to sign in.
 */
export async function startApp() {
  const env = getEnv();
  const { migrated, seeded } = await prepareDatabase(getDb(), { seedDemo: env.SERVICELOOP_SEED_DEMO });
  housekeeping ??= setInterval(() => {
    purgeExpired(getDb()).catch((error: unknown) => logger.warn({ err: error }, "housekeeping failed"));
  }, HOUSEKEEPING_MS).unref();
  return {
    migrated,
    seeded,
    database: env.DATABASE_URL ? "postgresql" : `embedded (${env.SERVICELOOP_DATA_DIR})`,
    demoLogins: env.SERVICELOOP_SEED_DEMO ? DEMO_LOGINS.map((l) => ({ ...l, password: DEMO_PASSWORD })) : [],
    /** Nobody can sign in yet: the first admin is invited from the command line. */
    empty: !seeded && (await isEmpty(getDb())),
  };
}

/** Readiness: the database answers. */
export async function checkReady(): Promise<boolean> {
  try {
    await sql`select 1`.execute(getDb());
    return true;
  } catch {
    return false;
  }
}

export async function stopApp(): Promise<void> {
  clearInterval(housekeeping);
  housekeeping = undefined;
  await closeDb();
}
