import type { Migration, MigrationProvider } from "kysely";
import * as m001 from "./2026-11-25-001-people-and-auth.ts";
import * as m002 from "./2026-11-25-002-service-promise.ts";
import * as m003 from "./2026-11-25-003-stories.ts";
import * as m004 from "./2026-11-25-004-kpis.ts";
import * as m005 from "./2026-11-25-005-shadowing.ts";
import * as m006 from "./2026-11-25-006-reviews.ts";
import * as m007 from "./2026-11-25-007-recognition.ts";
import * as m008 from "./2026-11-25-008-performance-reviews.ts";

/**
 * Migrations are listed here (not read from the file system) so that they are
 * bundled into the server build and run the same from the CLI, the server and tests.
 * Append only; never edit a landed migration.
 */
const migrations: Record<string, Migration> = {
  "2026-11-25-001-people-and-auth": m001,
  "2026-11-25-002-service-promise": m002,
  "2026-11-25-003-stories": m003,
  "2026-11-25-004-kpis": m004,
  "2026-11-25-005-shadowing": m005,
  "2026-11-25-006-reviews": m006,
  "2026-11-25-007-recognition": m007,
  "2026-11-25-008-performance-reviews": m008,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
