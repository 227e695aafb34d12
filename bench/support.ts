/**
 * What the benchmarks share: a fresh database on the PostgreSQL server, the
 * built app started as in production, sign-in, and autocannon measurements
 * compared A B B A against a bare signed-in route of the same server.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import postgres from "postgres";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);

export function log(message: string) {
  console.log(`[bench] ${message}`);
}

export async function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  log("building the app");
  const built = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
  if (built.status !== 0) throw new Error("build failed");
  // The server on core 0, this load generator on the other, where taskset exists.
  const taskset = spawnSync("taskset", ["--version"]).status === 0 && os.cpus().length > 1;
  const command = taskset ? "taskset" : process.execPath;
  const args = taskset
    ? ["-c", "0", process.execPath, "--import", "tsx", "server.ts"]
    : ["--import", "tsx", "server.ts"];
  if (taskset) spawnSync("taskset", ["-cp", "1", String(process.pid)], { stdio: "ignore" });
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at http:\/\/localhost:(\d+)/.exec(out);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code})`)));
  });
  log(`server at ${url}${taskset ? " (server on core 0, load on core 1)" : ""}`);
  return { url, child };
}

export async function signIn(url: string, email = "employee@demo.test"): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url },
    body: new URLSearchParams({ email, password: "serviceloop" }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("sl_session=") && !c.includes("Max-Age=0"));
  if (!cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie.split(";")[0]!;
}

export interface Measurement {
  rps: number;
  /** Mean latency (ms). */
  mean: number;
  /** 95th and 97.5th percentile latency (ms), over every request answered. */
  p95: number;
  p975: number;
  errors: number;
}

export async function measure(url: string, cookie: string, connections = CONNECTIONS): Promise<Measurement> {
  // autocannon's summary has p90 and p97.5 but no p95: keep each response's time for it.
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: SECONDS, headers: { cookie, "accept-encoding": "gzip" } },
      (error, done) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  return {
    rps: result.requests.average,
    mean: result.latency.mean,
    p95: percentile(times, 0.95),
    p975: percentile(times, 0.975),
    errors: result.errors + result.non2xx,
  };
}

/** The nearest-rank percentile of `values` (q from 0 to 1). */
export function percentile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A fresh database on the server for `run`, dropped afterwards (unless BENCH_KEEP_DATABASE=1). */
export async function withDatabase(prefix: string, run: (databaseUrl: string) => Promise<void>): Promise<void> {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  try {
    await run(url.toString());
  } finally {
    if (process.env.BENCH_KEEP_DATABASE) log(`kept the database ${name}`);
    else await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export async function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
}

/**
 * A route against the baseline, A B B A for `ROUNDS` rounds: drift in the
 * machine's speed hits both sides alike. Returns the one-line summary and the
 * route's medians (req/s, mean, p95 and p97.5 latency in ms). `connections`: requests
 * in flight at once (1: a person's wait, without queueing).
 */
export async function compare(
  baseUrl: string,
  cookie: string,
  baseline: { path: string },
  target: { name: string; path: string },
  connections = CONNECTIONS,
): Promise<{ line: string; ratio: number; p95: number; p975: number; mean: number; rps: number }> {
  // Warm-up: the first requests pay for caches and JIT.
  await measure(`${baseUrl}${baseline.path}`, cookie, connections);
  await measure(`${baseUrl}${target.path}`, cookie, connections);
  const base: Measurement[] = [];
  const route: Measurement[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    base.push(await measure(`${baseUrl}${baseline.path}`, cookie, connections));
    route.push(await measure(`${baseUrl}${target.path}`, cookie, connections));
    route.push(await measure(`${baseUrl}${target.path}`, cookie, connections));
    base.push(await measure(`${baseUrl}${baseline.path}`, cookie, connections));
  }
  const ratios = route.map((r, i) => r.rps / base[i]!.rps);
  const errors = [...base, ...route].reduce((n, m) => n + m.errors, 0);
  const ratio = median(ratios);
  const p95 = median(route.map((r) => r.p95));
  const p975 = median(route.map((r) => r.p975));
  const line =
    `${target.name}: ${median(route.map((r) => r.rps)).toFixed(0)} req/s vs baseline ${median(base.map((b) => b.rps)).toFixed(0)} req/s; ` +
    `ratio median ${ratio.toFixed(2)} (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}); ` +
    `p95 ${p95.toFixed(0)} ms, p97.5 ${p975.toFixed(0)} ms (baseline ${median(base.map((b) => b.p95)).toFixed(0)} ms, ` +
    `${median(base.map((b) => b.p975)).toFixed(0)} ms)` +
    (errors ? `; ${errors} errors` : "");
  log(line);
  return { line, ratio, p95, p975, mean: median(route.map((r) => r.mean)), rps: median(route.map((r) => r.rps)) };
}

/** The process's CPU time so far (user + system, ms), from /proc; undefined where there is none. */
function cpuTimeMs(pid: number): number | undefined {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 per second).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/**
 * The server's own CPU time per request of `path` (ms, median of 3 runs of 1,000
 * requests, 4 at a time, after 300 to warm up): what a page costs, apart from
 * waiting for PostgreSQL or for the load generator's share of the machine.
 */
export async function cpuPerRequest(
  baseUrl: string,
  cookie: string,
  server: ChildProcess,
  path: string,
): Promise<number | undefined> {
  const run = (amount: number) =>
    autocannon({
      url: `${baseUrl}${path}`,
      connections: 4,
      amount,
      headers: { cookie, "accept-encoding": "gzip" },
    });
  if (server.pid === undefined || cpuTimeMs(server.pid) === undefined) return undefined;
  await run(300);
  const perRequest: number[] = [];
  for (let i = 0; i < 3; i++) {
    const before = cpuTimeMs(server.pid)!;
    const result = await run(1000);
    perRequest.push((cpuTimeMs(server.pid)! - before) / result.requests.total);
  }
  return median(perRequest);
}

export function machine(): string {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown"}), Node ${process.version}`;
}
