import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "#test/db.ts";
import { ensureAppBuilt, ROOT } from "#test/setup/build.ts";
import { inject } from "vitest";

export interface AppServer {
  baseUrl: string;
  /** Everything the server printed (JSON log lines included), for asserting on logs. */
  output: () => string;
  /** PostgreSQL runs only: the server's own database, for checks behind its back. */
  database?: TestDatabase;
  stop: () => Promise<number | null>;
  /** Sends a signal (SIGKILL: a crash) and waits for the process to end; the database is left as it is. */
  kill: (signal: NodeJS.Signals) => Promise<number | null>;
}

/**
 * Starts the built server exactly as `npm start` does (tsx server.ts, production
 * mode) on a free port of 127.0.0.1, with its own fresh database: a new PGlite
 * folder, or with TEST_DATABASE_URL a new database on that server. It migrates
 * and seeds the demo company on start.
 */
export async function startAppServer(
  env: Record<string, string> = {},
  /** `dataDir`: run on this embedded data folder (kept afterwards), whatever TEST_DATABASE_URL says. */
  options: { dataDir?: string } = {},
): Promise<AppServer> {
  await ensureAppBuilt(inject("runId"));
  let database: TestDatabase | undefined;
  let dataDir: string | undefined;
  const dbEnv: Record<string, string> = {};
  if (options.dataDir) {
    dbEnv.SERVICELOOP_DATA_DIR = options.dataDir;
  } else if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase();
    dbEnv.DATABASE_URL = database.url!;
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "serviceloop-app-"));
    dbEnv.SERVICELOOP_DATA_DIR = dataDir;
  }
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      // The tests sign in as the demo people, on PostgreSQL too (where the default is no demo).
      SERVICELOOP_SEED_DEMO: "true",
      ...dbEnv,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start in 60 s:\n${output}`)), 60_000);
    const check = () => {
      const match = /"port":(\d+),"msg":"listening"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout!.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before it was ready:\n${output}`));
    });
  });

  return {
    baseUrl,
    output: () => output,
    database,
    kill: async (signal) => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      const code = await exited;
      await database?.destroy();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
