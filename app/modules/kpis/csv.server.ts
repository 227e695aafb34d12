/**
 * CSV files of readings and survey responses, as spreadsheets export them:
 * comma, semicolon (Nordic Excel) or tab separated, with a header row, an
 * optional byte-order mark and decimal commas. Every problem is reported
 * with its line, so the preview can list them all at once.
 */
import { parse } from "csv-parse/sync";
import type { z } from "zod";
import type { RowError } from "./commands.server.ts";
import { READING_COLUMNS, RESPONSE_COLUMNS } from "./constants.ts";
import { ReadingCsvSchema, ResponseCsvSchema, type ReadingRow, type ResponseRow } from "./schemas.ts";

interface Columns {
  required: readonly string[];
  optional: readonly string[];
}

export interface Parsed<T> {
  rows: (T & { row: number })[];
  errors: RowError[];
}

function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** The separator the header line uses most: semicolon, tab or comma. */
function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [";", "\t", ","].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** Rows of text by column name, with their line numbers; structural problems as errors. */
function readRecords(
  text: string,
  columns: Columns,
): { records: { line: number; data: Record<string, string> }[]; errors: RowError[] } {
  const body = text.replace(/^\uFEFF/, "");
  if (!body.trim()) return { records: [], errors: [{ row: 1, field: "file", message: "kpis.csv.empty" }] };
  let raw: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it was read (the line numbers).
    raw = parse(body, {
      delimiter: detectDelimiter(body),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // No trim here (it doubles the parse time): the row schemas trim each value.
    }) as unknown as typeof raw;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { records: [], errors: [{ row: line, field: "file", message: "kpis.csv.malformed" }] };
  }
  const [head, ...rest] = raw;
  const headers = head!.record.map(normaliseHeader);
  const known = new Set([...columns.required, ...columns.optional]);
  const errors: RowError[] = [];
  for (const h of headers) {
    if (!known.has(h)) errors.push({ row: 1, field: h || "file", message: "kpis.csv.unknownColumn" });
  }
  for (const c of columns.required) {
    if (!headers.includes(c)) errors.push({ row: 1, field: c, message: "kpis.csv.missingColumn" });
  }
  if (errors.length) return { records: [], errors };
  const records = [];
  for (const { record, info } of rest) {
    if (record.length !== headers.length) {
      errors.push({ row: info.lines, field: "file", message: `kpis.csv.columnCount:${headers.length}` });
      continue;
    }
    const data: Record<string, string> = {};
    headers.forEach((h, i) => {
      // An empty cell is a value left out.
      if (record[i]!.trim() !== "") data[h] = record[i]!;
    });
    records.push({ line: info.lines, data });
  }
  if (records.length === 0 && errors.length === 0) errors.push({ row: 1, field: "file", message: "kpis.csv.noRows" });
  return { records, errors };
}

/** Zod's problems with one row, as row errors. */
export function rowErrors(error: z.ZodError, row: number, fieldNames: Record<string, string> = {}): RowError[] {
  return error.issues.map((issue) => {
    const field = String(issue.path[issue.path.length - 1] ?? "row");
    return { row, field: fieldNames[field] ?? field, message: issue.message };
  });
}

/** Each record checked with its row schema and turned into a row; every problem kept with its line. */
function parseWith<S extends z.ZodTypeAny, T>(
  text: string,
  columns: Columns,
  schema: S,
  toRow: (value: z.output<S>) => T,
): Parsed<T> {
  const { records, errors } = readRecords(text, columns);
  const rows: Parsed<T>["rows"] = [];
  for (const { line, data } of records) {
    const result = schema.safeParse(data);
    if (result.success) rows.push({ ...toRow(result.data), row: line });
    else errors.push(...rowErrors(result.error, line));
  }
  return { rows, errors: errors.sort((a, b) => a.row - b.row) };
}

export function parseReadingsCsv(text: string): Parsed<ReadingRow> {
  return parseWith(text, READING_COLUMNS, ReadingCsvSchema, (r) => ({
    kpiKey: r.kpi,
    periodStart: r.period_start,
    value: r.value,
    sampleSize: r.sample_size ?? null,
  }));
}

export function parseResponsesCsv(text: string): Parsed<ResponseRow> {
  return parseWith(text, RESPONSE_COLUMNS, ResponseCsvSchema, (r) => ({
    kind: r.kind,
    score: r.score,
    respondedAt: r.responded_at,
    channel: r.channel ?? null,
    comment: r.comment,
  }));
}
