/**
 * A KPI's trend as a static SVG line chart plus a data table for screen
 * readers. Pure render (no effects, no measuring), so the server markup and
 * the hydrated markup are identical. Deliberately no @visx/axis: it depends on
 * @visx/text, which measures text in the DOM while rendering; the axes here
 * are a few lines and tick labels never wrap.
 */
import { Group } from "@visx/group";
import { scaleLinear, scalePoint } from "@visx/scale";
import { Line, LinePath } from "@visx/shape";
import type { KpiDirection } from "#app/modules/kpis/constants.ts";
import { atLeastAsGood } from "#app/modules/kpis/formulas.ts";

export interface ChartPoint {
  /** "YYYY-MM-DD" */
  periodStart: string;
  /** null = no value (no data or not enough responses): a gap in the line. */
  value: number | null;
}

export interface KpiChartProps {
  /** id prefix for aria ids; unique on the page */
  id: string;
  /** accessible title of the chart, e.g. "NPS, last 12 months" */
  title: string;
  /** oldest first, 1..60 points */
  points: ChartPoint[];
  target: number;
  warning: number | null;
  direction: KpiDirection;
  /** e.g. "87.5 %" in the reader's locale */
  formatValue: (value: number) => string;
  /** short label, e.g. "Oct 2026" */
  formatPeriod: (periodStart: string) => string;
  labels: {
    period: string;
    value: string;
    target: string;
    status: string;
    noValue: string;
    /** The words for each status (computed once per chart, not per point). */
    statusNames: Record<PointStatus, string>;
  };
}

export type PointStatus = "on_target" | "warning" | "off_target";

interface PlottedPoint {
  index: number;
  periodStart: string;
  /** The period as the reader sees it. */
  label: string;
  status: PointStatus | null;
  value: number | null;
  x: number;
  y: number | null;
}

const WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { top: 16, right: 64, bottom: 32, left: 88 };
const INNER_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const INNER_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;
const Y_TICKS = 4;
const MAX_X_LABELS = 6;
/** About the width of one character of a tick label, in viewBox units (16px font). */
const CHAR_WIDTH = 9;
const DOT_RADIUS = 4;

function hasValue(value: number | null): value is number {
  return value !== null && Number.isFinite(value);
}

function pointStatus(value: number, target: number, warning: number | null, direction: KpiDirection): PointStatus {
  if (atLeastAsGood(value, target, direction)) return "on_target";
  if (warning !== null && atLeastAsGood(value, warning, direction)) return "warning";
  return "off_target";
}

/** Spans every value, the target and the warning, with a little room above and below. */
function valueDomain(values: number[], target: number, warning: number | null): [number, number] {
  const all = warning === null ? [...values, target] : [...values, target, warning];
  const min = Math.min(...all);
  const max = Math.max(...all);
  // A flat series (or a single point on the target) still needs a visible span.
  const pad = max > min ? (max - min) * 0.08 : Math.max(Math.abs(max) * 0.1, 1);
  return [min - pad, max + pad];
}

/** Every `step`-th index counted back from the latest, so the newest period is always labelled. */
/** Which periods get a label: at most six, fewer when long labels ("week of 14 Sept") would touch. */
function labelledIndexes(count: number, longestLabel: number): Set<number> {
  const fit = Math.max(1, Math.floor(INNER_WIDTH / (longestLabel * CHAR_WIDTH + 16)));
  const step = Math.max(1, Math.ceil(count / Math.min(MAX_X_LABELS, fit)));
  const indexes = new Set<number>();
  for (let i = count - 1; i >= 0; i -= step) indexes.add(i);
  return indexes;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function KpiChart(props: KpiChartProps): JSX.Element {
  const { id, title, points, target, warning, direction, formatValue, formatPeriod, labels } = props;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;

  const values = points.map((p) => p.value).filter(hasValue);
  const xScale = scalePoint<number>({
    domain: points.map((_, i) => i),
    range: [0, INNER_WIDTH],
    padding: 0.5,
  });
  const yScale = scaleLinear<number>({
    domain: valueDomain(values, target, warning),
    range: [INNER_HEIGHT, 0],
  });
  const plotted: PlottedPoint[] = points.map((p, index) => ({
    index,
    periodStart: p.periodStart,
    label: formatPeriod(p.periodStart),
    status: hasValue(p.value) ? pointStatus(p.value, target, warning, direction) : null,
    value: hasValue(p.value) ? p.value : null,
    x: round(xScale(index) ?? 0),
    y: hasValue(p.value) ? round(yScale(p.value)) : null,
  }));
  const withValues = plotted.filter((p): p is PlottedPoint & { value: number; y: number } => p.value !== null);
  const yTicks = yScale.ticks(Y_TICKS);
  const xLabels = labelledIndexes(points.length, Math.max(0, ...plotted.map((p) => p.label.length)));
  const targetY = round(yScale(target));
  const warningY = warning === null ? null : round(yScale(warning));

  const description = describe(props, plotted, withValues.at(-1) ?? null);

  return (
    <figure className="kpi-chart">
      <svg
        className="kpi-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <Group left={MARGIN.left} top={MARGIN.top}>
          <g className="kpi-chart__axis kpi-chart__axis--y">
            {yTicks.map((tick) => {
              const y = round(yScale(tick));
              return (
                <g key={tick}>
                  <Line className="kpi-chart__grid" from={{ x: 0, y }} to={{ x: INNER_WIDTH, y }} />
                  <text className="kpi-chart__tick-label" x={-8} y={y} dy="0.32em" textAnchor="end">
                    {formatValue(tick)}
                  </text>
                </g>
              );
            })}
          </g>
          <g className="kpi-chart__axis kpi-chart__axis--x">
            <Line
              className="kpi-chart__baseline"
              from={{ x: 0, y: INNER_HEIGHT }}
              to={{ x: INNER_WIDTH, y: INNER_HEIGHT }}
            />
            {plotted
              .filter((p) => xLabels.has(p.index))
              .map((p) => (
                <g key={p.index}>
                  <Line
                    className="kpi-chart__tick"
                    from={{ x: p.x, y: INNER_HEIGHT }}
                    to={{ x: p.x, y: INNER_HEIGHT + 4 }}
                  />
                  <text className="kpi-chart__tick-label" x={p.x} y={INNER_HEIGHT + 18} textAnchor="middle">
                    {p.label}
                  </text>
                </g>
              ))}
          </g>
          {warningY !== null && (
            <Line className="kpi-chart__warning" from={{ x: 0, y: warningY }} to={{ x: INNER_WIDTH, y: warningY }} />
          )}
          <g className="kpi-chart__target">
            <Line className="kpi-chart__target-line" from={{ x: 0, y: targetY }} to={{ x: INNER_WIDTH, y: targetY }} />
            <text className="kpi-chart__target-label" x={INNER_WIDTH + 6} y={targetY} dy="0.32em">
              {labels.target}
            </text>
          </g>
          <LinePath<PlottedPoint>
            className="kpi-chart__line"
            data={plotted}
            x={(p) => p.x}
            y={(p) => p.y ?? 0}
            defined={(p) => p.y !== null}
            fill="none"
          />
          {withValues.map((p) => (
            <circle
              key={p.index}
              className={`kpi-chart__dot kpi-chart__dot--${p.status}`}
              cx={p.x}
              cy={p.y}
              r={DOT_RADIUS}
            >
              <title>{`${p.label}: ${formatValue(p.value)}, ${labels.statusNames[p.status!]}`}</title>
            </circle>
          ))}
        </Group>
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.period}</th>
            <th scope="col">{labels.value}</th>
            <th scope="col">{labels.status}</th>
          </tr>
        </thead>
        <tbody>
          {plotted.map((p) => (
            <tr key={p.index}>
              <th scope="row">{p.label}</th>
              <td>{p.value === null ? labels.noValue : formatValue(p.value)}</td>
              <td>{p.status === null ? "" : labels.statusNames[p.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** "Jan 2026 – Dec 2026. Value (Dec 2026): 87.5 %, on target. Target: 85 %." */
function describe(props: KpiChartProps, plotted: PlottedPoint[], latest: PlottedPoint | null): string {
  const { target, formatValue, labels } = props;
  const first = plotted[0];
  const last = plotted.at(-1);
  const parts: string[] = [];
  if (first && last) parts.push(first === last ? first.label : `${first.label} – ${last.label}`);
  parts.push(
    latest && latest.value !== null && latest.status !== null
      ? `${labels.value} (${latest.label}): ${formatValue(latest.value)}, ${labels.statusNames[latest.status]}`
      : `${labels.value}: ${labels.noValue}`,
  );
  parts.push(`${labels.target}: ${formatValue(target)}`);
  return `${parts.join(". ")}.`;
}
