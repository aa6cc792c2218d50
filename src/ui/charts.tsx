// Charts for review and history, drawn with recharts and loaded lazily with those screens.
// Each chart has its data as a table beside it (for screen readers and anyone who prefers
// numbers), and takes its colours from the theme, so it reads in light and dark alike.
import { memo, type ReactNode, useDeferredValue, useEffect, useId, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

interface Colors {
  text: string;
  muted: string;
  grid: string;
  accent: string;
  surface: string;
  series: string[];
}

// Distinct in hue and readable on both backgrounds; lines also differ by dash pattern.
const LIGHT = [
  '#2450c8',
  '#b3261e',
  '#17643a',
  '#8a4f00',
  '#6a1b9a',
  '#00687a',
  '#5c5f00',
  '#9c2c6a',
];
const DARK = [
  '#8fb0ff',
  '#ff8f87',
  '#7fd7a4',
  '#f6c177',
  '#d7a7ff',
  '#6fd6e8',
  '#d8dc6a',
  '#ff9ccf',
];
/**
 * For a grid without vertical lines: recharts works out where they would go all the same (for a
 * time axis, measuring a label per point as text); this says there are none.
 */
const noVerticalLines = () => [];

const DASHES = ['', '6 3', '2 3', '8 3 2 3', '4 4', '1 3', '10 4', '3 2 1 2'];

function readColors(): Colors {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  const dark = document.documentElement.dataset.theme === 'dark';
  return {
    text: v('--text') || '#1b1f27',
    muted: v('--muted') || '#4f5868',
    grid: v('--border') || '#d3d8e1',
    accent: v('--accent') || '#2450c8',
    surface: v('--surface') || '#ffffff',
    series: dark ? DARK : LIGHT,
  };
}

function useColors(): Colors {
  const [colors, setColors] = useState(readColors);
  useEffect(() => {
    const o = new MutationObserver(() => setColors(readColors()));
    o.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => o.disconnect();
  }, []);
  return colors;
}

function Figure(props: { title: string; table: ReactNode; children: ReactNode; height?: number }) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={id}>
      <figcaption id={id}>{props.title}</figcaption>
      {/* The picture repeats the table below; screen readers get the table. */}
      <div aria-hidden="true" style={{ width: '100%', height: props.height ?? 260 }}>
        {props.children}
      </div>
      <details>
        <summary>As a table</summary>
        {props.table}
      </details>
    </figure>
  );
}

export interface Threshold {
  value: number;
  label: string;
}

/** Self-scores per dimension (1–4) for one session, with the verdict thresholds drawn. */
export function DimensionBars(props: {
  data: { name: string; score: number }[];
  thresholds: Threshold[];
}) {
  const c = useColors();
  const height = Math.max(160, props.data.length * 34 + 50);
  return (
    <Figure
      title="Scores per dimension"
      height={height}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">Score (1–4)</th>
            </tr>
          </thead>
          <tbody>
            {props.data.map((d) => (
              <tr key={d.name}>
                <td>{d.name}</td>
                <td>{d.score.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer>
        <BarChart
          accessibilityLayer={false}
          data={props.data}
          layout="vertical"
          margin={{ left: 8, right: 24 }}
        >
          <CartesianGrid stroke={c.grid} horizontal={false} />
          <XAxis type="number" domain={[0, 4]} ticks={[1, 2, 3, 4]} stroke={c.muted} />
          <YAxis
            type="category"
            dataKey="name"
            width={150}
            stroke={c.muted}
            tick={{ fill: c.text, fontSize: 12 }}
          />
          {props.thresholds.map((t) => (
            <ReferenceLine key={t.label} x={t.value} stroke={c.muted} strokeDasharray="4 3" />
          ))}
          <Bar dataKey="score" fill={c.accent} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Figure>
  );
}

/** Time used against time allotted, per round, in minutes. */
export function TimeBars(props: { data: { round: string; used: number; allotted: number }[] }) {
  const c = useColors();
  return (
    <Figure
      title="Time used and time allotted (minutes)"
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Round</th>
              <th scope="col">Used</th>
              <th scope="col">Allotted</th>
            </tr>
          </thead>
          <tbody>
            {props.data.map((d) => (
              <tr key={d.round}>
                <td>{d.round}</td>
                <td>{d.used.toFixed(1)}</td>
                <td>{d.allotted.toFixed(0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer>
        <BarChart accessibilityLayer={false} data={props.data} margin={{ left: 0, right: 16 }}>
          <CartesianGrid
            stroke={c.grid}
            vertical={false}
            verticalCoordinatesGenerator={noVerticalLines}
          />
          <XAxis dataKey="round" stroke={c.muted} tick={{ fill: c.text, fontSize: 12 }} />
          <YAxis stroke={c.muted} />
          <Tooltip contentStyle={{ background: c.surface, color: c.text }} />
          <Legend />
          <Bar dataKey="used" name="used" fill={c.series[0]} isAnimationActive={false} />
          <Bar dataKey="allotted" name="allotted" fill={c.series[2]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Figure>
  );
}

/**
 * A line marks each session with a dot while there are few enough to tell apart; past this many
 * points it is drawn as a line alone (a dot still shows where the pointer is). Hundreds of dots
 * add nothing to read and cost most of the chart's drawing time.
 */
export const MAX_DOTS_PER_LINE = 24;

export function trendDot(points: number): false | { r: number } {
  return points <= MAX_DOTS_PER_LINE ? { r: 3 } : false;
}

interface TrendProps {
  trends: { ref: string; name: string; points: { at: number; mean: number }[] }[];
  thresholds: Threshold[];
  /**
   * Where the time axis puts its ticks. Without, recharts takes every point's time as a
   * candidate and measures each as text in the page (a forced layout apiece: 300 for 200
   * sessions) to choose the few it shows.
   */
  ticks?: number[];
}

/**
 * The chart's rows: one per time, oldest first, a column per dimension (null where that session
 * has no score for it). Built in one pass: a search per cell is quadratic in the sessions shown.
 */
export function trendRows(trends: TrendProps['trends']): Record<string, number | null>[] {
  const byAt = new Map<number, Record<string, number | null>>();
  for (const t of trends)
    for (const p of t.points) {
      const row = byAt.get(p.at) ?? { at: p.at };
      byAt.set(p.at, row);
      if (!(t.ref in row)) row[t.ref] = p.mean;
    }
  return [...byAt.keys()]
    .sort((a, b) => a - b)
    .map((at) => {
      const row = byAt.get(at)!;
      for (const t of trends) if (!(t.ref in row)) row[t.ref] = null;
      return row;
    });
}

/**
 * Scores per dimension over time: one line per dimension, the verdict thresholds drawn.
 * Deferred (as WeekBars): a change of its data — a history filter — paints the rest of the
 * screen first, and the chart is redrawn after, without holding up that frame.
 */
export function TrendLines(props: TrendProps) {
  const deferred = useDeferredValue(props);
  return <TrendLinesNow {...deferred} />;
}

const TrendLinesNow = memo(function TrendLinesNow(props: TrendProps) {
  const c = useColors();
  const rows = trendRows(props.trends);
  const day = (at: number) => new Date(at).toLocaleDateString();
  return (
    <Figure
      title="Scores per dimension over time"
      height={300}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">Sessions</th>
              <th scope="col">First</th>
              <th scope="col">Latest</th>
            </tr>
          </thead>
          <tbody>
            {props.trends.map((t) => (
              <tr key={t.ref}>
                <td>{t.name}</td>
                <td>{t.points.length}</td>
                <td>
                  {t.points[0]!.mean.toFixed(2)} ({day(t.points[0]!.at)})
                </td>
                <td>
                  {t.points.at(-1)!.mean.toFixed(2)} ({day(t.points.at(-1)!.at)})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer>
        <LineChart accessibilityLayer={false} data={rows} margin={{ left: 0, right: 16 }}>
          <CartesianGrid
            stroke={c.grid}
            vertical={false}
            verticalCoordinatesGenerator={noVerticalLines}
          />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            ticks={props.ticks}
            tickFormatter={day}
            stroke={c.muted}
          />
          <YAxis domain={[1, 4]} ticks={[1, 2, 3, 4]} stroke={c.muted} />
          <Tooltip
            labelFormatter={(v) => day(Number(v))}
            contentStyle={{ background: c.surface, color: c.text }}
          />
          <Legend />
          {props.thresholds.map((t) => (
            <ReferenceLine
              key={t.label}
              y={t.value}
              stroke={c.muted}
              strokeDasharray="4 3"
              label={{ value: t.label, fill: c.muted, fontSize: 11, position: 'insideTopLeft' }}
            />
          ))}
          {props.trends.map((t, i) => (
            <Line
              key={t.ref}
              dataKey={t.ref}
              name={t.name}
              stroke={c.series[i % c.series.length]}
              strokeDasharray={DASHES[i % DASHES.length]}
              connectNulls
              dot={trendDot(t.points.length)}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </Figure>
  );
});

type WeekProps = { weeks: { week: number; count: number }[] };

/** Sessions per week (deferred, as TrendLines). */
export function WeekBars(props: WeekProps) {
  const deferred = useDeferredValue(props);
  return <WeekBarsNow {...deferred} />;
}

const WeekBarsNow = memo(function WeekBarsNow(props: WeekProps) {
  const c = useColors();
  const label = (w: number) => new Date(w).toLocaleDateString();
  return (
    <Figure
      title="Sessions per week"
      height={200}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Sessions</th>
            </tr>
          </thead>
          <tbody>
            {props.weeks.map((w) => (
              <tr key={w.week}>
                <td>{label(w.week)}</td>
                <td>{w.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer>
        <BarChart
          accessibilityLayer={false}
          data={props.weeks.map((w) => ({ ...w, label: label(w.week) }))}
        >
          <CartesianGrid
            stroke={c.grid}
            vertical={false}
            verticalCoordinatesGenerator={noVerticalLines}
          />
          <XAxis dataKey="label" stroke={c.muted} tick={{ fill: c.text, fontSize: 11 }} />
          <YAxis allowDecimals={false} stroke={c.muted} />
          <Bar dataKey="count" name="sessions" fill={c.accent} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Figure>
  );
});
