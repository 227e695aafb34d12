import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";

/**
 * A small bar chart drawn on the server (no JavaScript): the shape of a few
 * counts over time. `label` says the same in words for screen readers; pages
 * show the numbers too.
 */
export function MiniBars({
  values,
  label,
  width = 160,
  height = 36,
}: {
  values: number[];
  label: string;
  width?: number;
  height?: number;
}) {
  const x = scaleBand<number>({ domain: values.map((_, i) => i), range: [0, width], padding: 0.2 });
  const y = scaleLinear<number>({ domain: [0, Math.max(1, ...values)], range: [height, 0] });
  return (
    <svg
      className="mini-bars"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={label}
    >
      {values.map((v, i) => {
        const top = y(v);
        return (
          <Bar
            key={i}
            className={i === values.length - 1 ? "mini-bars__bar mini-bars__bar--latest" : "mini-bars__bar"}
            x={x(i) ?? 0}
            y={top}
            width={x.bandwidth()}
            height={Math.max(v > 0 ? 1 : 0, height - top)}
          />
        );
      })}
    </svg>
  );
}
