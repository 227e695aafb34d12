import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Builds the app as `npm run build` does, once per test run and only when a
 * test starts the server: test files run in several processes, so the first
 * one builds (holding a lock directory) and the others wait for its marker.
 */
export async function ensureAppBuilt(runId: string): Promise<void> {
  const base = path.join(os.tmpdir(), `serviceloop-build-${runId}`);
  const done = `${base}.done`;
  const failed = `${base}.failed`;
  if (fs.existsSync(done)) return;
  try {
    fs.mkdirSync(`${base}.lock`);
  } catch {
    for (;;) {
      if (fs.existsSync(done)) return;
      if (fs.existsSync(failed)) throw new Error("The app build failed (see the first test file's output).");
      await sleep(200);
    }
  }
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
  if (result.status !== 0) {
    fs.writeFileSync(failed, "");
    throw new Error("The app build failed (see above).");
  }
  fs.writeFileSync(done, "");
}

/** Removes this run's build markers. */
export function cleanBuildMarkers(runId: string): void {
  const base = path.join(os.tmpdir(), `serviceloop-build-${runId}`);
  for (const suffix of [".done", ".failed"]) fs.rmSync(`${base}${suffix}`, { force: true });
  fs.rmSync(`${base}.lock`, { recursive: true, force: true });
}
