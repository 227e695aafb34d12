import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { connect, migrateToLatest } from "#db/connect.ts";
import { cleanBuildMarkers } from "./build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: a dump of a freshly migrated database, cloned by each test file. */
    templateDump: string;
    /** PostgreSQL: the migrated template database, cloned by each test file. */
    templateDatabase: string;
    /** PostgreSQL: the server's admin URL (TEST_DATABASE_URL). */
    serverUrl: string;
    runId: string;
  }
}

/**
 * Migrates one template database per run (PGlite dump or PostgreSQL template
 * database) so that each test file starts from a clone instead of migrating.
 * The app is built on demand by the first test that starts a server.
 */
export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${crypto.randomBytes(3).toString("hex")}`;
  project.provide("runId", runId);
  const serverUrl = process.env.TEST_DATABASE_URL ?? "";
  project.provide("serverUrl", serverUrl);
  const cleanups: (() => Promise<void>)[] = [];

  if (serverUrl) {
    const template = `sl_test_${runId}_template`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${template}`);
    const url = new URL(serverUrl);
    url.pathname = `/${template}`;
    const db = connect({ databaseUrl: url.toString(), max: 1 });
    await migrateToLatest(db);
    await db.destroy();
    project.provide("templateDatabase", template);
    project.provide("templateDump", "");
    cleanups.push(async () => {
      // Drop every database of this run (test files drop their own; this catches crashes).
      const rows = await admin<
        { datname: string }[]
      >`select datname from pg_database where datname like ${`sl_test_${runId}_%`}`;
      for (const { datname } of rows) await admin.unsafe(`drop database if exists ${datname} with (force)`);
      await admin.end();
    });
  } else {
    const pglite = new PGlite();
    const db = new Kysely<unknown>({ dialect: new PGliteDialect(pglite) });
    await migrateToLatest(db);
    const dump = await pglite.dumpDataDir("none");
    await db.destroy();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "serviceloop-test-"));
    const file = path.join(dir, "template.tar");
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("templateDump", file);
    project.provide("templateDatabase", "");
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  }

  cleanups.push(async () => cleanBuildMarkers(runId));

  return async () => {
    for (const cleanup of cleanups) await cleanup();
  };
}
