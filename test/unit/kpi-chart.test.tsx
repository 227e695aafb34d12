import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { type ChartPoint, KpiChart, type KpiChartProps } from "#app/modules/kpis/kpi-chart.tsx";

const PERIODS = ["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"];

function series(values: (number | null)[]): ChartPoint[] {
  return values.map((value, i) => ({ periodStart: PERIODS[i] ?? `2027-01-${String(i + 1).padStart(2, "0")}`, value }));
}

interface Found {
  attrs: Record<string, string>;
  inner: string;
  /** Text content (tags stripped; the strings in these tests contain nothing React escapes). */
  text: string;
}

/** A few queries on the rendered markup: the unit tests run in node, without a DOM. */
class Markup {
  constructor(readonly html: string) {}

  /** Elements `tag`, optionally only those with class `className`; not for a tag nested in itself. */
  all(tag: string, className?: string): Found[] {
    const pattern = new RegExp(`<${tag}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${tag}>)`, "g");
    return [...this.html.matchAll(pattern)]
      .map((m) => ({
        attrs: Object.fromEntries([...(m[1] ?? "").matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
        inner: m[2] ?? "",
        text: (m[2] ?? "").replace(/<[^>]*>/g, ""),
      }))
      .filter((e) => className === undefined || (e.attrs.class ?? "").split(" ").includes(className));
  }

  one(tag: string, className?: string): Found {
    const found = this.all(tag, className);
    expect(found, `one <${tag} class="${className ?? ""}">`).toHaveLength(1);
    return found[0]!;
  }

  byId(id: string): Found {
    const found = this.html.match(new RegExp(`<(\\w+) id="${id}"`));
    expect(found, `#${id}`).not.toBeNull();
    const tag = found![1]!;
    return { ...this.all(tag).find((e) => e.attrs.id === id)!, attrs: { tag } };
  }

  /** Cell texts of each row of the table body. */
  rows(): string[][] {
    return [...this.one("tbody").inner.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
      [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1]!),
    );
  }
}

function render(overrides: Partial<KpiChartProps> = {}): Markup {
  const props: KpiChartProps = {
    id: "nps",
    title: "NPS, last 6 months",
    points: series([90, 70, 50]),
    target: 80,
    warning: 60,
    direction: "higher",
    formatValue: (v) => `${v} %`,
    formatPeriod: (p) => `P${p.slice(0, 7)}`,
    labels: {
      period: "Period",
      value: "Value",
      target: "target",
      status: "Status",
      noValue: "no value",
      statusNames: { on_target: "on target", warning: "warning", off_target: "off target" },
    },
    ...overrides,
  };
  const html = renderToStaticMarkup(<KpiChart {...props} />);
  expect(html).not.toMatch(/NaN|Infinity|undefined|null/);
  return new Markup(html);
}

function dotStatuses(doc: Markup): string[] {
  return doc.all("circle", "kpi-chart__dot").map((c) => {
    const modifier = c.attrs.class!.split(" ").find((name) => name.startsWith("kpi-chart__dot--"));
    return modifier!.slice("kpi-chart__dot--".length);
  });
}

function dotYs(doc: Markup): number[] {
  return doc.all("circle", "kpi-chart__dot").map((c) => Number(c.attrs.cy));
}

function linePath(doc: Markup): string {
  return doc.one("path", "kpi-chart__line").attrs.d ?? "";
}

describe("KpiChart", () => {
  it("renders an svg image named by its title and described by a summary", () => {
    const doc = render();
    const svg = doc.one("svg");
    expect(doc.html).toMatch(/^<figure class="kpi-chart"><svg /);
    expect(svg.attrs.role).toBe("img");
    expect(svg.attrs.viewBox).toMatch(/^0 0 \d+ \d+$/);
    expect(svg.attrs.width).toBe("100%");
    expect(svg.attrs["aria-labelledby"]).toBe("nps-title");
    expect(svg.attrs["aria-describedby"]).toBe("nps-desc");
    const title = doc.byId("nps-title");
    expect(title.attrs.tag).toBe("title");
    expect(title.text).toBe("NPS, last 6 months");
    const desc = doc.byId("nps-desc");
    expect(desc.attrs.tag).toBe("desc");
    expect(desc.text).toBe("P2026-01 – P2026-03. Value (P2026-03): 50 %, off target. target: 80 %.");
  });

  it("colours each dot by its status when higher is better", () => {
    expect(dotStatuses(render())).toEqual(["on_target", "warning", "off_target"]);
  });

  it("colours each dot by its status when lower is better", () => {
    expect(dotStatuses(render({ direction: "lower", target: 60, warning: 80 }))).toEqual([
      "off_target",
      "warning",
      "on_target",
    ]);
  });

  it("counts a value exactly on a threshold as meeting it", () => {
    expect(dotStatuses(render({ points: series([80, 60, 59.9]) }))).toEqual(["on_target", "warning", "off_target"]);
    expect(
      dotStatuses(render({ points: series([60, 80, 80.1]), direction: "lower", target: 60, warning: 80 })),
    ).toEqual(["on_target", "warning", "off_target"]);
  });

  it("has no warning status or line without a warning threshold", () => {
    const doc = render({ warning: null });
    expect(dotStatuses(doc)).toEqual(["on_target", "off_target", "off_target"]);
    expect(doc.all("line", "kpi-chart__warning")).toHaveLength(0);
  });

  it("draws higher values higher up, the target between them", () => {
    const doc = render();
    const [y90, y70, y50] = dotYs(doc);
    const target = doc.one("line", "kpi-chart__target-line");
    expect(target.attrs.y1).toBe(target.attrs.y2);
    const targetY = Number(target.attrs.y1);
    expect(y90).toBeLessThan(targetY);
    expect(targetY).toBeLessThan(y70!);
    expect(y70).toBeLessThan(y50!);
    expect(doc.one("text", "kpi-chart__target-label").text).toBe("target");
    expect(doc.all("line", "kpi-chart__warning")).toHaveLength(1);
  });

  it("leaves a gap for a missing value: no dot and a new line segment", () => {
    expect(linePath(render()).match(/M/g)).toHaveLength(1);
    const doc = render({ points: series([90, 70, null, 50, 65]) });
    expect(doc.all("circle", "kpi-chart__dot")).toHaveLength(4);
    expect(linePath(doc).match(/M/g)).toHaveLength(2);
  });

  it("lists every period in a data table, with the no-value label for gaps", () => {
    const doc = render({ points: series([90, null, 50]) });
    expect(doc.one("table").attrs.class).toBe("visually-hidden");
    expect(doc.one("caption").text).toBe("NPS, last 6 months");
    expect(doc.all("th").map((th) => th.text)).toEqual([
      "Period",
      "Value",
      "Status",
      "P2026-01",
      "P2026-02",
      "P2026-03",
    ]);
    expect(doc.rows()).toEqual([
      ["P2026-01", "90 %", "on target"],
      ["P2026-02", "no value", ""],
      ["P2026-03", "50 %", "off target"],
    ]);
  });

  it("labels the value axis with a few formatted ticks", () => {
    const labels = render()
      .all("text", "kpi-chart__tick-label")
      .map((t) => t.text)
      .filter((t) => t.endsWith(" %"));
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(labels.length).toBeLessThanOrEqual(6);
    for (const label of labels) expect(label).toMatch(/^-?\d+(\.\d+)? %$/);
  });

  it("thins the period labels but keeps the latest", () => {
    const points = Array.from({ length: 60 }, (_, i) => ({ periodStart: `2026-W${i + 1}`, value: i }));
    const doc = render({ points, formatPeriod: (p) => p });
    const labels = doc
      .all("text", "kpi-chart__tick-label")
      .map((t) => t.text)
      .filter((t) => t.startsWith("2026-W"));
    expect(labels.length).toBeGreaterThanOrEqual(4);
    expect(labels.length).toBeLessThanOrEqual(6);
    expect(labels).toContain("2026-W60");
    expect(doc.all("circle", "kpi-chart__dot")).toHaveLength(60);
    expect(doc.rows()).toHaveLength(60);
  });

  it("renders a single point", () => {
    const doc = render({ points: series([85]), warning: null, target: 85 });
    expect(dotStatuses(doc)).toEqual(["on_target"]);
    expect(linePath(doc).match(/M/g)).toHaveLength(1);
    expect(doc.rows()).toEqual([["P2026-01", "85 %", "on target"]]);
    expect(doc.byId("nps-desc").text).toBe("P2026-01. Value (P2026-01): 85 %, on target. target: 85 %.");
  });

  it("renders a chart without any value", () => {
    const doc = render({ points: series([null, null, null]) });
    expect(doc.all("circle")).toHaveLength(0);
    expect(linePath(doc)).toBe("");
    expect(doc.all("line", "kpi-chart__target-line")).toHaveLength(1);
    expect(doc.rows().map((row) => row[1])).toEqual(["no value", "no value", "no value"]);
    expect(doc.byId("nps-desc").text).toBe("P2026-01 – P2026-03. Value: no value. target: 80 %.");
  });

  it("renders the same markup every time", () => {
    expect(render().html).toBe(render().html);
  });
});
