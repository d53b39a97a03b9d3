import { useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { Bucket, Histogram, HistogramBar } from '../ipc/commands';
import { barLabel, categoryLabel, chartSummary, firstIndexOfBar, groupColor, groupLabel, tickLabels, type TaxonomyIndex } from '../lib/timeline';
import { Spinner } from './Spinner';

const HEIGHT = 150;
const PAD_TOP = 18;
const PAD_BOTTOM = 22;
const PAD_LEFT = 34;
const PAD_RIGHT = 10;
const FALLBACK_WIDTH = 800;

const BUCKETS: Array<{ id: Bucket; label: string }> = [
  { id: 'day', label: 'Day' },
  { id: 'week', label: 'Week' },
  { id: 'month', label: 'Month' },
  { id: 'quarter', label: 'Quarter' },
];

interface TimelineChartProps {
  /** The chart as the core laid it out: at most 120 bars, marks grouped per bar. */
  histogram: Histogram | null;
  tx: TaxonomyIndex | null;
  /** The bar width the user chose (the core may have needed a coarser one). */
  bucket: Bucket;
  loading?: boolean;
  error?: string | null;
  onBucketChange(b: Bucket): void;
  /** A bar was clicked: the list index of its first incident. */
  onBarClick?(firstIndex: number): void;
  /** A bar's court and police events were clicked: the first of them and the list index of its bar. */
  onMarkClick?(incidentId: string, firstIndex: number): void;
  /** Bars were dragged across: their first and last day (YYYY-MM-DD). */
  onBrush?(from: string, to: string): void;
  /** The chart shows a date range the user chose: offer the way back. */
  zoomed?: boolean;
  onWholeSpan?(): void;
}

/**
 * Overview of the course of conduct, drawn from the core's buckets: one
 * stacked bar per day, week, month or quarter (never more than 120), stacked
 * by behaviour group; court and police events as one mark per bar with a
 * count. Each group's bars are one SVG path, so the chart costs a few dozen
 * elements at any size. Drag across bars to narrow the timeline to them.
 */
export function TimelineChart({
  histogram,
  tx,
  bucket,
  loading = false,
  error = null,
  onBucketChange,
  onBarClick,
  onMarkClick,
  onBrush,
  zoomed = false,
  onWholeSpan,
}: TimelineChartProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  const [showTable, setShowTable] = useState(false);
  const [hover, setHover] = useState<number | null>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);

  useLayoutEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const measure = () => {
      const w = el.clientWidth;
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const bars = histogram?.bars ?? [];
  const n = bars.length;
  const plotW = Math.max(10, width - PAD_LEFT - PAD_RIGHT);
  const plotH = HEIGHT - PAD_TOP - PAD_BOTTOM;
  const base = PAD_TOP + plotH;
  const slotW = n > 0 ? plotW / n : plotW;
  // Few bars stay bar-shaped rather than filling the width.
  const barW = Math.min(56, Math.max(1, slotW >= 4 ? slotW * 0.8 : slotW));
  const max = Math.max(1, histogram?.max ?? 1);
  const scale = plotH / max;
  const shown = histogram?.bucket ?? bucket;

  // Stack order: the taxonomy's behaviour groups, then any others.
  const order = useMemo(() => {
    const known = tx ? tx.slii.map((g) => g.id) : [];
    const extra = Object.keys(histogram?.groupTotals ?? {}).filter((g) => !known.includes(g));
    return [...known, ...extra.sort()];
  }, [tx, histogram]);

  // One path per group: every bar's segment of that group.
  const paths = useMemo(() => {
    const d = new Map<string, string[]>();
    bars.forEach((b, i) => {
      const x = PAD_LEFT + i * slotW + (slotW - barW) / 2;
      let y = base;
      for (const g of order) {
        const c = b.counts[g] ?? 0;
        if (!c) continue;
        const h = Math.max(1, c * scale);
        y -= h;
        const parts = d.get(g) ?? [];
        parts.push(`M${x.toFixed(1)} ${y.toFixed(1)}h${barW.toFixed(1)}v${h.toFixed(1)}h${(-barW).toFixed(1)}z`);
        d.set(g, parts);
      }
    });
    return [...d.entries()].map(([g, parts]) => ({ group: g, d: parts.join('') }));
  }, [bars, order, slotW, barW, base, scale]);

  const markBars = bars.map((b, i) => ({ b, i })).filter(({ b }) => b.marks.length > 0);
  const markPath = markBars
    .map(({ i }) => {
      const x = PAD_LEFT + (i + 0.5) * slotW;
      return `M${(x - 5).toFixed(1)} ${PAD_TOP - 12}h10l-5 8z`;
    })
    .join('');

  const total = (histogram?.total ?? 0) + (histogram?.markTotal ?? 0);
  const summary = histogram ? chartSummary(histogram) : loading ? 'Loading the chart…' : 'No chart';
  const ticks = histogram ? tickLabels(bars, shown, slotW) : [];
  const yTicks = !histogram || histogram.max === 0 ? [] : max >= 2 ? [max, Math.round(max / 2)] : [max];

  const indexAt = (e: PointerEvent<SVGElement>): number | null => {
    const box = e.currentTarget.closest('svg')!.getBoundingClientRect();
    const i = Math.floor((e.clientX - box.left - PAD_LEFT) / slotW);
    return i >= 0 && i < n ? i : null;
  };
  const markAt = (e: PointerEvent<SVGElement>, i: number): boolean => {
    const box = e.currentTarget.closest('svg')!.getBoundingClientRect();
    return e.clientY - box.top < PAD_TOP && (bars[i]?.marks.length ?? 0) > 0;
  };

  const onDown = (e: PointerEvent<SVGRectElement>) => {
    const i = indexAt(e);
    if (i === null || e.button !== 0) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    setDrag({ from: i, to: i });
  };
  const onMove = (e: PointerEvent<SVGRectElement>) => {
    const i = indexAt(e);
    setHover(i);
    if (drag && i !== null && i !== drag.to) setDrag({ ...drag, to: i });
  };
  const onUp = (e: PointerEvent<SVGRectElement>) => {
    if (!drag || !histogram) return;
    const [a, b] = drag.from <= drag.to ? [drag.from, drag.to] : [drag.to, drag.from];
    setDrag(null);
    if (a !== b) {
      onBrush?.(bars[a]!.start, bars[b]!.end);
      return;
    }
    const bar = bars[a]!;
    if (markAt(e, a) && onMarkClick) {
      onMarkClick(bar.marks[0]!.firstIncidentId, firstIndexOfBar(histogram, a));
    } else if (bar.total > 0 || bar.marks.length > 0) {
      onBarClick?.(firstIndexOfBar(histogram, a));
    }
  };

  const hovered = hover !== null ? bars[hover] : undefined;
  const sel = drag ? (drag.from <= drag.to ? [drag.from, drag.to] : [drag.to, drag.from]) : null;

  return (
    <section className="chart-panel" aria-labelledby="chart-title">
      <div className="chart-head">
        <h3 id="chart-title" className="chart-title">
          Incidents per {shown}
        </h3>
        {loading ? (
          <span className="muted chart-loading" role="status">
            <Spinner /> Updating…
          </span>
        ) : null}
        {histogram && !histogram.preferredKept ? (
          <span className="muted chart-note" id="chart-bucket-note">
            Too many {bucket}s for one chart: shown per {shown}.
          </span>
        ) : null}
        {zoomed && onWholeSpan ? (
          <button type="button" id="chart-whole-span" className="button button-secondary button-small" onClick={onWholeSpan}>
            Whole span
          </button>
        ) : null}
        <div className="segmented" role="group" aria-label="Bar width">
          {BUCKETS.map((b) => (
            <button
              key={b.id}
              type="button"
              className="segmented-button"
              aria-pressed={bucket === b.id}
              onClick={() => onBucketChange(b.id)}
            >
              {b.label}
            </button>
          ))}
        </div>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          The chart could not be drawn: {error}
        </p>
      ) : null}
      <div ref={wrapRef} className="chart-wrap">
        <svg
          id="timeline-chart"
          role="img"
          aria-label={summary}
          data-total={total}
          data-bars={n}
          data-bucket-size={shown}
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          className="chart"
        >
          <g className="chart-grid" aria-hidden="true">
            {yTicks.map((v) => {
              const y = base - v * scale;
              return (
                <g key={v}>
                  <line x1={PAD_LEFT} x2={PAD_LEFT + plotW} y1={y} y2={y} />
                  <text x={PAD_LEFT - 6} y={y + 4} textAnchor="end">
                    {v}
                  </text>
                </g>
              );
            })}
          </g>
          {sel ? (
            <rect
              className="chart-brush"
              x={PAD_LEFT + sel[0]! * slotW}
              y={PAD_TOP - 14}
              width={(sel[1]! - sel[0]! + 1) * slotW}
              height={plotH + 14}
            />
          ) : null}
          {hovered && hover !== null && !sel ? (
            <rect className="chart-hover" x={PAD_LEFT + hover * slotW} y={PAD_TOP - 14} width={slotW} height={plotH + 14} />
          ) : null}
          <g className="chart-bars">
            {paths.map((p) => (
              <path key={p.group} d={p.d} data-group={p.group} fill={groupColor(tx, p.group)} />
            ))}
          </g>
          <g className="chart-marks" aria-hidden="true">
            {markPath ? <path d={markPath} className="chart-mark" /> : null}
            {markBars.map(({ b, i }) => {
              const count = b.marks.reduce((s, m) => s + m.count, 0);
              // Counts are written only where there is room; the tooltip always has them.
              return count > 1 && slotW >= 20 ? (
                <text key={b.start} className="chart-mark-count" x={PAD_LEFT + (i + 0.5) * slotW + 6} y={PAD_TOP - 5}>
                  {count}
                </text>
              ) : null;
            })}
          </g>
          <g className="chart-axis" aria-hidden="true">
            <line x1={PAD_LEFT} x2={PAD_LEFT + plotW} y1={base} y2={base} />
            {ticks.map((t) => (
              <text key={t.index} x={PAD_LEFT + t.index * slotW + 1} y={base + 15}>
                {t.label}
              </text>
            ))}
          </g>
          {histogram && n === 0 ? (
            <text className="chart-empty" x={PAD_LEFT + plotW / 2} y={PAD_TOP + plotH / 2} textAnchor="middle">
              No incidents to chart
            </text>
          ) : null}
          {n > 0 ? (
            <rect
              className="chart-input"
              data-testid="chart-input"
              x={PAD_LEFT}
              y={0}
              width={plotW}
              height={HEIGHT - PAD_BOTTOM}
              onPointerDown={onDown}
              onPointerMove={onMove}
              onPointerUp={onUp}
              onPointerLeave={() => setHover(null)}
            />
          ) : null}
        </svg>
        {hovered ? <BarTip bar={hovered} bucket={shown} tx={tx} order={order} left={Math.min(width - 260, Math.max(0, PAD_LEFT + (hover ?? 0) * slotW))} /> : null}
      </div>
      {histogram ? (
        <div className="chart-foot">
          <ul className="chart-legend" aria-label="Legend">
            {order
              .filter((g) => (histogram.groupTotals[g] ?? 0) > 0 || tx?.groups.has(g))
              .map((g) => (
                <li key={g}>
                  <span className="swatch" style={{ background: groupColor(tx, g) }} aria-hidden="true" />
                  {groupLabel(tx, g)} <span className="muted">{histogram.groupTotals[g] ?? 0}</span>
                </li>
              ))}
            <li>
              <span className="mark-swatch" aria-hidden="true">
                ▼
              </span>
              Court and police events <span className="muted">{histogram.markTotal}</span>
            </li>
          </ul>
          <span className="hint chart-hint">Drag across bars to narrow the timeline to them.</span>
          <button
            type="button"
            className="button-link chart-table-toggle"
            aria-expanded={showTable}
            aria-controls="timeline-chart-table"
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? 'Hide the chart as a table' : 'Show the chart as a table'}
          </button>
        </div>
      ) : null}
      {histogram && showTable ? <ChartTable histogram={histogram} tx={tx} order={order} /> : null}
    </section>
  );
}

function BarTip({
  bar,
  bucket,
  tx,
  order,
  left,
}: {
  bar: HistogramBar;
  bucket: Bucket;
  tx: TaxonomyIndex | null;
  order: string[];
  left: number;
}) {
  const groups = order.filter((g) => (bar.counts[g] ?? 0) > 0);
  return (
    <div className="chart-tip" id="chart-tip" style={{ left }} aria-hidden="true">
      <strong>{barLabel(bar, bucket)}</strong>: {bar.total} {bar.total === 1 ? 'incident' : 'incidents'}
      {groups.length > 0 ? ` (${groups.map((g) => `${groupLabel(tx, g)} ${bar.counts[g]}`).join(', ')})` : ''}
      {bar.marks.length > 0 ? (
        <div>{bar.marks.map((m) => `${categoryLabel(tx, m.category)} ${m.count}`).join(', ')}</div>
      ) : null}
    </div>
  );
}

function ChartTable({ histogram, tx, order }: { histogram: Histogram; tx: TaxonomyIndex | null; order: string[] }) {
  const rows = histogram.bars.filter((b) => b.total > 0 || b.marks.length > 0);
  return (
    <div className="chart-table-wrap" id="timeline-chart-table">
      <table className="data-table">
        <caption className="visually-hidden">Incidents per {histogram.bucket}, by group</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            {order.map((g) => (
              <th key={g} scope="col">
                {groupLabel(tx, g)}
              </th>
            ))}
            <th scope="col">Total</th>
            <th scope="col">Court and police events</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.start}>
              <th scope="row">{barLabel(b, histogram.bucket)}</th>
              {order.map((g) => (
                <td key={g}>{b.counts[g] ?? 0}</td>
              ))}
              <td>{b.total}</td>
              <td>{b.marks.map((m) => `${categoryLabel(tx, m.category)} ${m.count}`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
