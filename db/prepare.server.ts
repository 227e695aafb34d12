import type { Database } from "./connect.ts";
import { migrateToLatest } from "./connect.ts";
import { isEmpty, seedDemoCompany } from "./seed/demo.ts";

/** What `npm start` does before serving: migrate, and seed the demo company into an empty database. */
export async function prepareDatabase(
  db: Database,
  options: { seedDemo: boolean },
): Promise<{ migrated: string[]; seeded: boolean }> {
  const migrated = await migrateToLatest(db);
  let seeded = false;
  if (options.seedDemo && (await isEmpty(db))) {
    await seedDemoCompany(db);
    seeded = true;
  }
  return { migrated, seeded };
}
