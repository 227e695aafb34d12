import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, type LogEvent, Migrator, PostgresDialect } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { migrationProvider } from "./migrations/index.ts";
import type { DB } from "./schema.ts";

/** PostgreSQL type ids whose parsing must be the same on both drivers. */
const INT8 = 20;
/** Calendar dates stay "YYYY-MM-DD" strings: a Date would shift them by the time zone. */
const DATE = 1082;

export type Database = Kysely<DB>;

/**
 * Driver codes and SQLSTATEs that say the database cannot answer now (down,
 * restarting, refusing connections, over its time limit), not that a query
 * was wrong: the app answers 503 for them, and the client may try again.
 */
const UNAVAILABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up)
  "53300", // too_many_connections
  "57014", // query_canceled (statement timeout)
]);

/** What node-postgres says, without a code, when a connection dies or cannot be made in time. */
const UNAVAILABLE_MESSAGES = [
  "Connection terminated",
  "connection error and is not queryable",
  "timeout exceeded when trying to connect",
  "Client was closed and is not queryable",
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, cause, errors, message } = current as {
      code?: unknown;
      cause?: unknown;
      errors?: unknown[];
      message?: unknown;
    };
    if (typeof code === "string" && (UNAVAILABLE.has(code) || code.startsWith("08"))) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return true;
    // Node reports a refused connection to every address of a host as an AggregateError.
    if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e))) return true;
    current = cause;
  }
  return false;
}

export interface ConnectOptions {
  /** A PostgreSQL URL; without one, an embedded PGlite database is used. */
  databaseUrl?: string;
  /** The PGlite data folder (created when missing); undefined keeps it in memory. */
  dataDir?: string;
  /** A PGlite data dump (from `dumpDataDir`) to start from: tests clone a migrated template. */
  loadDataDir?: Blob | File;
  /** Pool size for the server driver. */
  max?: number;
  /** Server driver: how long a query waits for a free connection (then it fails, and the request gets 503). */
  poolWaitMs?: number;
  /** Server driver: PostgreSQL's statement_timeout for every connection. */
  statementTimeoutMs?: number;
  onSlowQuery?: (event: { sql: string; ms: number }) => void;
  slowQueryMs?: number;
}

/** int8 as number, date as "YYYY-MM-DD" (a Date would shift it by the time zone); the rest as pg parses them. */
function typeParser(oid: number, format?: "text" | "binary") {
  if (oid === INT8) return (value: string) => Number(value);
  if (oid === DATE) return (value: string) => value;
  return pg.types.getTypeParser(oid, format);
}

/**
 * Builds a Kysely instance for the server (node-postgres, pooled) or the embedded
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
    // node-postgres: a client whose connection fails is dropped from the pool and the next
    // query opens a new one, so the app is back as soon as the database is (see
    // docs/decisions/005-node-postgres.md for why not postgres.js).
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.max ?? 10,
      application_name: "serviceloop",
      // Also bounds the wait for a free connection, and a connection attempt to a database that is away.
      connectionTimeoutMillis: options.poolWaitMs ?? 5_000,
      statement_timeout: options.statementTimeoutMs,
      types: { getTypeParser: typeParser },
    });
    // A client losing its connection (the server restarted) also fails the query it was running,
    // which the request answers (503); the event itself must not end the process.
    pool.on("error", () => {});
    pool.on("connect", (client) => client.on("error", () => {}));
    return new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
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
