import { sql } from "kysely";
import type { Database } from "#db/connect.ts";
import { COMPANY_TIME_ZONE } from "#app/utils/format.ts";

/** A wall-clock time in the company's time zone ("2026-10-03T09:12") as an instant; PostgreSQL knows the zone rules. */
export async function companyTimeToInstant(db: Database, local: string): Promise<Date> {
  const row = await sql<{ at: Date }>`select (${local}::timestamp at time zone ${COMPANY_TIME_ZONE}) as at`.execute(db);
  return row.rows[0]!.at;
}

// Building an Intl formatter costs more than using it: one for the process.
const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: COMPANY_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The company-local calendar day of a moment, as YYYY-MM-DD. */
export function companyDate(moment: Date): string {
  return dayFormat.format(moment);
}

/** The company-local calendar day of a timestamp column, for comparing with a period's dates in SQL. */
export function localDay(column: string) {
  return sql<string>`(${sql.ref(column)} at time zone ${COMPANY_TIME_ZONE})::date`;
}
