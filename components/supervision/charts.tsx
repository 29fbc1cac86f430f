// Small charts for the supervision summary, drawn as plain SVG from counts (there
// is no client data to draw). Each chart carries its figures as text too: the
// numbers are printed beside the bars, and the chart's name says what it shows.

export interface Bar {
  label: string;
  value: number;
}

const BAR_HEIGHT = 22;
const GAP = 6;
const LABEL_WIDTH = 250;
const CHART_WIDTH = 520;

/** Horizontal bars, one per figure, each with its label and its number. */
export function BarChart({ title, bars, testId }: { title: string; bars: Bar[]; testId?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const room = CHART_WIDTH - LABEL_WIDTH - 40;
  const height = bars.length * (BAR_HEIGHT + GAP);
  return (
    <svg
      class="summary-chart"
      role="img"
      aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}`}
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      width={CHART_WIDTH}
      height={height}
      data-testid={testId}
    >
      {bars.map((bar, i) => {
        const y = i * (BAR_HEIGHT + GAP);
        const width = Math.round((bar.value / max) * room);
        return (
          <g key={bar.label}>
            <text x={0} y={y + BAR_HEIGHT * 0.7} class="summary-chart-label">
              {bar.label}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={y}
              width={Math.max(width, bar.value > 0 ? 2 : 0)}
              height={BAR_HEIGHT}
              rx={3}
              class="summary-chart-bar"
            />
            <text x={LABEL_WIDTH + width + 6} y={y + BAR_HEIGHT * 0.7} class="summary-chart-value">
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A score over time: one line from the first reading of the period to the last. */
export function TrendLine({
  title,
  points,
  total,
  testId,
}: {
  title: string;
  points: { label: string; value: number }[];
  total: number;
  testId?: string;
}) {
  const width = CHART_WIDTH;
  const height = 90;
  const step = points.length > 1 ? (width - 20) / (points.length - 1) : 0;
  const y = (value: number) => height - 10 - (value / Math.max(1, total)) * (height - 20);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${10 + i * step},${y(p.value)}`)
    .join(' ');
  return (
    <svg
      class="summary-chart"
      role="img"
      aria-label={`${title}: ${points.map((p) => `${p.label} ${p.value}/${total}`).join(', ')}`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      data-testid={testId}
    >
      <line x1={10} x2={width - 10} y1={y(total)} y2={y(total)} class="summary-chart-grid" />
      <line x1={10} x2={width - 10} y1={y(0)} y2={y(0)} class="summary-chart-grid" />
      <path d={path} class="summary-chart-line" fill="none" />
      {points.map((p, i) => (
        <circle key={i} cx={10 + i * step} cy={y(p.value)} r={3.5} class="summary-chart-dot" />
      ))}
    </svg>
  );
}
