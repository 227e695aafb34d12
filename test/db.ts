import crypto from "node:crypto";
import fs from "node:fs";
import postgres from "postgres";
import { afterAll, inject } from "vitest";
import { connect, type Database } from "#db/connect.ts";

/** A new database for this test file, cloned from the run's migrated template. */
export interface TestDatabase {
  db: Database;
  /** For PostgreSQL: the URL of this file's own database (for a server process under test). */
  url?: string;
  destroy: () => Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject("serverUrl");
  if (serverUrl) {
    const name = `sl_test_${inject("runId")}_${crypto.randomBytes(5).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${inject("templateDatabase")}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = connect({ databaseUrl: url.toString(), max: 4 });
    return {
      db,
      url: url.toString(),
      destroy: async () => {
        await db.destroy();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dump = new Blob([fs.readFileSync(inject("templateDump"))]);
  const db = connect({ loadDataDir: dump });
  return { db, destroy: () => db.destroy() };
}

/** Creates the file's database and destroys it after the file's tests. */
export async function databaseForThisFile(): Promise<Database> {
  const testDb = await createTestDatabase();
  afterAll(() => testDb.destroy());
  return testDb.db;
}
