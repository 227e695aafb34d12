import fs from "node:fs";
import path from "node:path";

/**
 * PGlite is a single process's database: two processes writing one data folder
 * corrupt it. The server takes this lock; CLI commands refuse while another
 * live process holds it.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, "serviceloop.lock");
  const holder = readHolder(lockFile);
  if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The embedded database in ${dir} is in use by process ${holder} (is the server running?). ` +
        `Stop it first, or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => {
    if (readHolder(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
  };
}

function readHolder(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockFile, "utf8"), 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
