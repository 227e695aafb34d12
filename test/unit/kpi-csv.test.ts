import { describe, expect, it } from "vitest";
import "#app/modules/forms.ts";
import { parseReadingsCsv, parseResponsesCsv } from "#app/modules/kpis/csv.server.ts";

describe("CSV files of readings", () => {
  it("reads a Nordic spreadsheet export: byte-order mark, semicolons, decimal commas, headers in any case", () => {
    const parsed = parseReadingsCsv(
      "\uFEFFKPI;Period start;Value;Sample size\r\nfcr;2026-10-05;87,5;120\r\nfcr;2026-10-12; 1 234,5 ;\r\n",
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual([
      { row: 2, kpiKey: "fcr", periodStart: "2026-10-05", value: 87.5, sampleSize: 120 },
      { row: 3, kpiKey: "fcr", periodStart: "2026-10-12", value: 1234.5, sampleSize: null },
    ]);
  });

  it("names every bad row by its line, and skips blank lines without renumbering", () => {
    const parsed = parseReadingsCsv(
      "kpi,period_start,value\nfcr,2026-10-05,abc\n\nfcr,2026-02-30,5\nfcr,2026-10-19\naht,2026-10-19,1.234,5\n",
    );
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([
      { row: 2, field: "value", message: "validation.number" },
      { row: 4, field: "period_start", message: "validation.date" },
      { row: 5, field: "file", message: "kpis.csv.columnCount:3" },
      { row: 6, field: "file", message: "kpis.csv.columnCount:3" },
    ]);
  });

  it("refuses a file without its required columns, with unknown ones, or with no rows", () => {
    expect(parseReadingsCsv("kpi,value,colour\nfcr,1,red\n").errors).toEqual([
      { row: 1, field: "colour", message: "kpis.csv.unknownColumn" },
      { row: 1, field: "period_start", message: "kpis.csv.missingColumn" },
    ]);
    expect(parseReadingsCsv("kpi,period_start,value\n").errors).toEqual([
      { row: 1, field: "file", message: "kpis.csv.noRows" },
    ]);
    expect(parseReadingsCsv("  ").errors).toEqual([{ row: 1, field: "file", message: "kpis.csv.empty" }]);
    expect(parseReadingsCsv('kpi,period_start,value\n"fcr,2026-10-05,1\n').errors[0]).toMatchObject({
      field: "file",
      message: "kpis.csv.malformed",
    });
  });
});

describe("CSV files of survey responses", () => {
  it("reads quoted comments with commas and moments with offsets, and checks each score against its scale", () => {
    const parsed = parseResponsesCsv(
      'kind,score,responded_at,channel,comment\nNPS,9,2026-10-03T09:12:00Z,phone,"Quick, friendly, done"\ncsat,6,2026-10-03T11:12:00+02:00,,\nces,7,yesterday,chat,\n',
    );
    expect(parsed.rows).toEqual([
      {
        row: 2,
        kind: "nps",
        score: 9,
        respondedAt: new Date("2026-10-03T09:12:00Z"),
        channel: "phone",
        comment: "Quick, friendly, done",
      },
    ]);
    expect(parsed.errors).toEqual([
      { row: 3, field: "score", message: "kpis.errors.scale.csat" },
      { row: 4, field: "responded_at", message: "validation.moment" },
    ]);
  });
});
