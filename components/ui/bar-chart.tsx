"use client";
import { useState } from "react";
import { formatFen } from "@/lib/i18n/format";

const WIDTH = 720;
const HEIGHT = 120;
const FORMATS = { fen: formatFen, count: String };
const round = (n: number) => Math.round(n * 10) / 10;
/** Axis text under the first bar, every 7th and the last; a 7th too close to the last would print over it ("11-2811-29"). */
const hasTick = (i: number, count: number) => i === 0 || i === count - 1 || (i % 7 === 0 && count - 1 - i >= 3);

/**
 * A small, dependency-free bar chart: one bar per period. All bars are one SVG path (two years by
 * day is 730 bars: one element each made the fee page half a megabyte, sent twice, as HTML and
 * as the client payload); pointing at a bar shows its period and value under the title.
 */
export function BarChart({
  labels,
  values,
  title,
  format = "fen",
  tick = "day",
}: {
  /** One bar per label, its value at the same index. */
  labels: string[];
  values: number[];
  title: string;
  format?: keyof typeof FORMATS;
  /** The axis text of a bar's label: a day's "MM-DD" (the title carries the year), or the label as it is. */
  tick?: "day" | "label";
}) {
  const [active, setActive] = useState<number | null>(null);
  const max = Math.max(1, ...values);
  const barWidth = labels.length ? WIDTH / labels.length : WIDTH;
  const gap = barWidth > 2 ? 1 : 0;
  const barHeight = (value: number) => Math.round((Math.max(0, value) / max) * HEIGHT);
  const bars = values
    .map((value, i) => (barHeight(value) ? `M${round(i * barWidth + gap)} ${HEIGHT}v-${barHeight(value)}h${round(Math.max(0.5, barWidth - 2 * gap))}V${HEIGHT}z` : ""))
    .join("");
  const shown = active === null ? null : { label: labels[active], value: values[active] };
  const point = (event: React.PointerEvent<SVGSVGElement>) => {
    // The drawing keeps its aspect ratio inside the element: map the pointer into its own coordinates.
    const toChart = event.currentTarget.getScreenCTM()?.inverse();
    if (!toChart) return;
    const i = Math.floor(new DOMPoint(event.clientX, event.clientY).matrixTransform(toChart).x / barWidth);
    setActive(i >= 0 && i < labels.length ? i : null);
  };
  return (
    <figure>
      <figcaption className="mb-1 flex justify-between gap-2 text-xs text-slate-500">
        <span>{title}</span>
        {shown ? (
          <span className="tabular-nums text-slate-700" data-testid="chart-readout">
            {shown.label}: {FORMATS[format](shown.value)}
          </span>
        ) : null}
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 16}`}
        className="h-36 w-full"
        role="img"
        aria-label={title}
        onPointerMove={point}
        onPointerDown={point}
        onPointerLeave={() => setActive(null)}
      >
        <path d={bars} className="fill-blue-500" />
        {shown ? (
          <rect x={active! * barWidth + gap} y={HEIGHT - barHeight(shown.value)} width={Math.max(0.5, barWidth - 2 * gap)} height={barHeight(shown.value)} className="fill-blue-800" />
        ) : null}
        {labels.length <= 31
          ? labels.map((label, i) =>
              hasTick(i, labels.length) ? (
                <text key={label} x={i * barWidth + barWidth / 2} y={HEIGHT + 12} textAnchor="middle" className="fill-slate-500 text-[9px]">
                  {tick === "day" ? label.slice(5) : label}
                </text>
              ) : null,
            )
          : null}
      </svg>
    </figure>
  );
}
