/**
 * CSV imports in two steps that work without JavaScript: the upload parses
 * and checks the file once and keeps the result (kpi_uploads); the preview
 * shows it; the import checks the kept rows again against the department's
 * KPIs as they are then, and writes them in one transaction.
 */
import type { Database } from "#db/connect.ts";
import type { KpiUploadsTable } from "#db/schema.ts";
import type { Selectable } from "kysely";
import { checkReadings, checkResponses, type CheckedReading, type RowError } from "./commands.server.ts";
import { parseReadingsCsv, parseResponsesCsv } from "./csv.server.ts";
import { listKpis } from "./queries.server.ts";
import type { ReadingRow, ResponseRow } from "./schemas.ts";

/** How many errors a preview lists, and how many an upload keeps (all are counted). */
export const SHOWN_ERRORS = 100;
const KEPT_ERRORS = 1000;

export type ImportTarget = "readings" | "responses";

type Lined<T> = T & { row: number };

export type Checked =
  | { target: "readings"; rows: Lined<ReadingRow>[]; errors: RowError[]; readings: CheckedReading[] }
  | { target: "responses"; rows: Lined<ResponseRow>[]; errors: RowError[]; responses: ResponseRow[] };

/** The checks name fields as the API does; a file's reader knows its column headers. */
function asCsvField(error: RowError): RowError {
  return { ...error, field: error.field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) };
}

function byLine(errors: RowError[]): RowError[] {
  return errors.sort((a, b) => a.row - b.row);
}

/** Checks parsed rows against the department's KPIs (readings) or the clock (responses). */
async function check(
  db: Database,
  departmentId: string,
  parsed: { target: "readings"; rows: Lined<ReadingRow>[] } | { target: "responses"; rows: Lined<ResponseRow>[] },
  parseErrors: RowError[] = [],
): Promise<Checked> {
  if (parsed.target === "readings") {
    const kpis = await listKpis(db, { departmentIds: [departmentId] });
    const checked = checkReadings(kpis, parsed.rows);
    const errors = byLine([...parseErrors, ...checked.errors.map(asCsvField)]);
    return { target: "readings", rows: parsed.rows, errors, readings: checked.readings };
  }
  const errors = byLine([...parseErrors, ...checkResponses(parsed.rows).map(asCsvField)]);
  return { target: "responses", rows: parsed.rows, errors, responses: parsed.rows };
}

/** Rows that failed to parse (several errors can name the same line; the header is line 1). */
function failedLines(errors: RowError[]): number {
  return new Set(errors.filter((e) => e.row > 1).map((e) => e.row)).size;
}

/** Parses and checks a file: what the upload keeps for the preview and the import. */
export async function analyseFile(db: Database, departmentId: string, target: ImportTarget, content: string) {
  const parsed =
    target === "readings"
      ? { target, ...parseReadingsCsv(content) }
      : { target: "responses" as const, ...parseResponsesCsv(content) };
  const { rows, errors } = parsed;
  const checked = await check(
    db,
    departmentId,
    parsed.target === "readings"
      ? { target: "readings", rows: parsed.rows }
      : { target: "responses", rows: parsed.rows },
    errors,
  );
  return {
    rowCount: rows.length + failedLines(errors),
    errorCount: checked.errors.length,
    errors: checked.errors.slice(0, KEPT_ERRORS),
    rows: checked.rows,
  };
}

/** The kept rows of an upload, checked again as the import will write them. */
export async function recheckUpload(db: Database, upload: Selectable<KpiUploadsTable>): Promise<Checked> {
  const rows = JSON.parse(upload.rows) as unknown[];
  if (upload.target === "readings") {
    return check(db, upload.department_id, { target: "readings", rows: rows as Lined<ReadingRow>[] });
  }
  const responses = (rows as (Lined<ResponseRow> & { respondedAt: string })[]).map((r) => ({
    ...r,
    respondedAt: new Date(r.respondedAt),
  }));
  return check(db, upload.department_id, { target: "responses", rows: responses });
}
