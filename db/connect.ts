import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, type LogEvent, Migrator } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import { PostgresJSDialect } from "kysely-postgres-js";
import postgres from "postgres";
import { migrationProvider } from "./migrations/index.ts";
import type { DB } from "./schema.ts";

/** PostgreSQL type ids whose parsing must be the same on both drivers. */
const INT8 = 20;
/** Calendar dates stay "YYYY-MM-DD" strings: a Date would shift them by the time zone. */
const DATE = 1082;

export type Database = Kysely<DB>;

export interface ConnectOptions {
  /** A PostgreSQL URL; without one, an embedded PGlite database is used. */
  databaseUrl?: string;
  /** The PGlite data folder (created when missing); undefined keeps it in memory. */
  dataDir?: string;
  /** A PGlite data dump (from `dumpDataDir`) to start from: tests clone a migrated template. */
  loadDataDir?: Blob | File;
  /** Pool size for the server driver. */
  max?: number;
  onSlowQuery?: (event: { sql: string; ms: number }) => void;
  slowQueryMs?: number;
}

/**
 * Builds a Kysely instance for the server (postgres.js, pooled) or the embedded
 * engine (PGlite). Both return the same JavaScript types: int8 as number,
 * timestamptz as Date, date as "YYYY-MM-DD", numeric as string.
 */
export function connect(options: ConnectOptions): Database {
  const slowQueryMs = options.slowQueryMs ?? 50;
  // The first query also pays for starting the engine (seconds on PGlite): not a slow query.
  let first = true;
  const log = options.onSlowQuery
    ? (event: LogEvent) => {
        if (first) {
          first = false;
          return;
        }
        if (event.level === "query" && event.queryDurationMillis > slowQueryMs) {
          options.onSlowQuery?.({ sql: event.query.sql, ms: Math.round(event.queryDurationMillis) });
        }
      }
    : undefined;

  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: options.max ?? 10,
      onnotice: () => {},
      connection: { application_name: "serviceloop" },
      types: {
        int8: {
          to: INT8,
          from: [INT8],
          serialize: (value: number | bigint | string) => String(value),
          parse: (value: string) => Number(value),
        },
        date: {
          to: DATE,
          from: [DATE],
          serialize: (value: string) => value,
          parse: (value: string) => value,
        },
      },
    });
    return new Kysely<DB>({ dialect: new PostgresJSDialect({ postgres: client }), log });
  }

  if (options.dataDir) fs.mkdirSync(path.resolve(options.dataDir), { recursive: true });
  const pglite = new PGlite({
    dataDir: options.dataDir ? path.resolve(options.dataDir) : undefined,
    loadDataDir: options.loadDataDir,
    parsers: { [INT8]: (value: string) => Number(value), [DATE]: (value: string) => value },
  });
  return new Kysely<DB>({ dialect: new PGliteDialect(pglite), log });
}

/** Runs every pending migration; throws with the failing migration's name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? "(unknown)"} failed: ${reason}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
