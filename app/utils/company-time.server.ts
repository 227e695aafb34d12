import { sql } from "kysely";
import type { Database } from "#db/connect.ts";
import { COMPANY_TIME_ZONE } from "#app/utils/format.ts";

/** A wall-clock time in the company's time zone ("2026-10-03T09:12") as an instant; PostgreSQL knows the zone rules. */
export async function companyTimeToInstant(db: Database, local: string): Promise<Date> {
  const row = await sql<{ at: Date }>`select (${local}::timestamp at time zone ${COMPANY_TIME_ZONE}) as at`.execute(db);
  return row.rows[0]!.at;
}
