import type { Database } from "#db/connect.ts";
import type { KpiUploadsTable } from "#db/schema.ts";
import type { Selectable } from "kysely";
import { checkReadings, checkResponses, type CheckedReading, type RowError } from "./commands.server.ts";
import { parseReadingsCsv, parseResponsesCsv } from "./csv.server.ts";
import { listKpis } from "./queries.server.ts";
import type { ResponseRow } from "./schemas.ts";

/** How many errors a preview lists (all are counted). */
export const SHOWN_ERRORS = 100;

export type Analysis =
  | { target: "readings"; rows: number; errors: RowError[]; readings: CheckedReading[] }
  | { target: "responses"; rows: number; errors: RowError[]; responses: ResponseRow[] };

/** Parses and checks an uploaded file against the department's KPIs, as the import would. */
export async function analyseUpload(db: Database, upload: Selectable<KpiUploadsTable>): Promise<Analysis> {
  if (upload.target === "readings") {
    const parsed = parseReadingsCsv(upload.content);
    const kpis = await listKpis(db, { departmentIds: [upload.department_id] });
    const checked = checkReadings(kpis, parsed.rows);
    const errors = [...parsed.errors, ...checked.errors.map(asCsvField)].sort((a, b) => a.row - b.row);
    return {
      target: "readings",
      rows: parsed.rows.length + countRows(parsed.errors),
      errors,
      readings: checked.readings,
    };
  }
  const parsed = parseResponsesCsv(upload.content);
  const errors = [...parsed.errors, ...checkResponses(parsed.rows).map(asCsvField)].sort((a, b) => a.row - b.row);
  return { target: "responses", rows: parsed.rows.length + countRows(parsed.errors), errors, responses: parsed.rows };
}

/** The checks name fields as the API does; a file's reader knows its column headers. */
function asCsvField(error: RowError): RowError {
  return { ...error, field: error.field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) };
}

/** Rows that failed to parse (several errors can name the same line; the header is line 1). */
function countRows(errors: RowError[]): number {
  return new Set(errors.filter((e) => e.row > 1).map((e) => e.row)).size;
}
