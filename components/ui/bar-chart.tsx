import { formatFen } from "@/lib/i18n/format";

/** A small, dependency-free bar chart: one bar per period, the value in each bar's title. */
export function BarChart({
  points,
  title,
  format = formatFen,
  tick = (label) => label.slice(5),
}: {
  points: { label: string; value: number }[];
  title: string;
  format?: (value: number) => string;
  /** The axis text of a bar's label; by default a day's "MM-DD" (the title carries the year). */
  tick?: (label: string) => string;
}) {
  const max = Math.max(1, ...points.map((p) => p.value));
  const width = 720;
  const height = 120;
  const barWidth = points.length ? width / points.length : width;
  return (
    <figure>
      <figcaption className="mb-1 text-xs text-slate-500">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height + 16}`} className="h-36 w-full" role="img" aria-label={title}>
        {points.map((point, i) => {
          const h = Math.round((point.value / max) * height);
          return (
            <g key={point.label}>
              <rect x={i * barWidth + 1} y={height - h} width={Math.max(1, barWidth - 2)} height={h} className="fill-blue-500">
                <title>{`${point.label}: ${format(point.value)}`}</title>
              </rect>
              {points.length <= 31 && (i === 0 || i === points.length - 1 || i % 7 === 0) ? (
                <text x={i * barWidth + barWidth / 2} y={height + 12} textAnchor="middle" className="fill-slate-500 text-[9px]">
                  {tick(point.label)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
