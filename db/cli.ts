/**
 * `npm run db:migrate | db:seed | db:reset`. On the embedded database these
 * refuse while the server holds the data folder (see db/lock.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { getEnv } from "#app/env.server.ts";
import { closeDb, getDb } from "./client.server.ts";
import { migrateToLatest } from "./connect.ts";
import { DEMO_LOGINS, DEMO_PASSWORD, isEmpty, seedDemoCompany } from "./seed/demo.ts";

async function main(command: string | undefined): Promise<void> {
  const env = getEnv();
  const where = env.DATABASE_URL
    ? "the PostgreSQL server in DATABASE_URL"
    : `the embedded database in ${env.SERVICELOOP_DATA_DIR}`;
  if (command === "reset") {
    if (env.DATABASE_URL) {
      const db = getDb();
      await sql`drop schema if exists public cascade`.execute(db);
      await sql`create schema public`.execute(db);
    } else {
      fs.rmSync(path.resolve(env.SERVICELOOP_DATA_DIR), { recursive: true, force: true });
    }
  }
  const db = getDb();
  switch (command) {
    case "migrate": {
      const done = await migrateToLatest(db);
      console.log(done.length ? `Applied ${done.join(", ")} to ${where}.` : `${where} is up to date.`);
      break;
    }
    case "seed":
    case "reset": {
      await migrateToLatest(db);
      if (!(await isEmpty(db))) {
        console.log(`Not seeding: ${where} already has people (db:reset starts over).`);
        break;
      }
      const { people, departments } = await seedDemoCompany(db);
      console.log(`Seeded the demo company (${departments} departments, ${people} people) into ${where}.`);
      console.log(`Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_LOGINS.map((l) => l.email).join(", ")}`);
      break;
    }
    default:
      throw new Error(`Unknown command "${command ?? ""}". Use migrate, seed or reset.`);
  }
}

main(process.argv[2])
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
