import { useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Bucket, Histogram } from '../ipc/commands';
import {
  bucketLabel,
  buildChart,
  categoryLabel,
  chartSummary,
  formatKey,
  groupColor,
  groupLabel,
  markPosition,
  monthTicks,
  type ChartModel,
  type TaxonomyIndex,
} from '../lib/timeline';
import { formatDateTime } from '../lib/format';
import { Spinner } from './Spinner';

const HEIGHT = 132;
const PAD_TOP = 12;
const PAD_BOTTOM = 20;
const PAD_LEFT = 30;
const PAD_RIGHT = 8;
const FALLBACK_WIDTH = 800;

const BUCKETS: Array<{ id: Bucket; label: string }> = [
  { id: 'day', label: 'Day' },
  { id: 'week', label: 'Week' },
  { id: 'month', label: 'Month' },
];

interface TimelineChartProps {
  histogram: Histogram | null;
  tx: TaxonomyIndex | null;
  bucket: Bucket;
  loading?: boolean;
  error?: string | null;
  onBucketChange(b: Bucket): void;
  /** A bar was clicked: its calendar key and the list index of its first incident (estimate). */
  onSlotClick?(key: string, firstIndex: number): void;
  /** A system mark was clicked: its incident and the list index of the first incident of its bar (estimate). */
  onMarkClick?(incidentId: string, firstIndex: number): void;
  /** Used for the first-incident index of a clicked bar. */
  firstIndexOf?(model: ChartModel, key: string): number;
}

/**
 * Overview of the course of conduct: one stacked bar per day, week or month,
 * stacked by SLII group in taxonomy order; system events (orders served,
 * warnings, arrests…) as thin vertical marks. Plain SVG, one <rect> per bar
 * segment, nothing per incident.
 */
export function TimelineChart({
  histogram,
  tx,
  bucket,
  loading = false,
  error = null,
  onBucketChange,
  onSlotClick,
  onMarkClick,
  firstIndexOf,
}: TimelineChartProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  const [showTable, setShowTable] = useState(false);

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

  const model = useMemo(() => (histogram ? buildChart(histogram, tx) : null), [histogram, tx]);
  const summary = model ? chartSummary(model) : loading ? 'Loading the chart…' : 'No chart';
  const total = model ? model.barTotal + model.marks.length : 0;

  const plotW = Math.max(10, width - PAD_LEFT - PAD_RIGHT);
  const plotH = HEIGHT - PAD_TOP - PAD_BOTTOM;
  const base = PAD_TOP + plotH;
  const n = model?.slots.length ?? 0;
  const slotW = n > 0 ? plotW / n : plotW;
  const barW = slotW >= 4 ? Math.max(1, slotW * 0.78) : Math.max(0.5, slotW);
  const max = Math.max(1, model?.max ?? 1);
  const scale = plotH / max;

  const clickAt = (e: MouseEvent<SVGSVGElement>) => {
    if (!model) return;
    const target = e.target as Element;
    const markEl = target.closest('[data-mark]');
    if (markEl && onMarkClick) {
      const key = markEl.getAttribute('data-mark-key') ?? '';
      onMarkClick(markEl.getAttribute('data-mark')!, firstIndexOf ? firstIndexOf(model, key) : 0);
      return;
    }
    if (!onSlotClick) return;
    let key = target.closest('[data-bucket]')?.getAttribute('data-bucket') ?? null;
    if (!key) {
      const box = e.currentTarget.getBoundingClientRect();
      const i = Math.floor((e.clientX - box.left - PAD_LEFT) / slotW);
      const slot = model.slots[i];
      if (slot && slot.total > 0) key = slot.key;
    }
    if (!key) return;
    onSlotClick(key, firstIndexOf ? firstIndexOf(model, key) : 0);
  };

  const ticks = model ? monthTicks(model.slots) : [];
  let lastLabelX = -Infinity;
  let lastYear = '';
  const yTicks = !model || model.max === 0 ? [] : max >= 2 ? [max, Math.round(max / 2)] : [max];

  return (
    <section className="chart-panel" aria-labelledby="chart-title">
      <div className="chart-head">
        <h3 id="chart-title" className="chart-title">
          Incidents per {bucket}
        </h3>
        {loading ? (
          <span className="muted chart-loading" role="status">
            <Spinner /> Updating…
          </span>
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
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          className={onSlotClick ? 'chart clickable' : 'chart'}
          onClick={clickAt}
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
          <g className="chart-bars">
            {model?.slots.map((s, i) => {
              if (s.total === 0) return null;
              const x = PAD_LEFT + i * slotW + (slotW - barW) / 2;
              let y = base;
              const label = bucketLabel(s.key, model.bucket);
              return s.segments.map((seg) => {
                const h = Math.max(1, seg.count * scale);
                y -= h;
                return (
                  <rect
                    key={`${s.key}-${seg.group}`}
                    data-bucket={s.key}
                    data-group={seg.group}
                    data-count={seg.count}
                    x={x}
                    y={y}
                    width={barW}
                    height={h}
                    fill={groupColor(tx, seg.group)}
                  >
                    <title>{`${label}: ${groupLabel(tx, seg.group)} ${seg.count} (bar total ${s.total})`}</title>
                  </rect>
                );
              });
            })}
          </g>
          <g className="chart-marks">
            {model?.marks.map((m) => {
              const pos = markPosition(m, model.slots, model.bucket);
              if (pos < 0) return null;
              const x = PAD_LEFT + pos * slotW + Math.min(slotW / 2, 2);
              const color = groupColor(tx, tx?.categories.get(m.category)?.group ?? '');
              return (
                <g key={m.incidentId} className="chart-mark" data-mark={m.incidentId} data-mark-key={m.key}>
                  <title>{`${categoryLabel(tx, m.category)}, ${formatDateTime(m.at)}`}</title>
                  <line x1={x} x2={x} y1={PAD_TOP - 2} y2={base} />
                  <path d={`M${x - 4.5},${PAD_TOP - 9} L${x + 4.5},${PAD_TOP - 9} L${x},${PAD_TOP - 1} Z`} fill={color} />
                </g>
              );
            })}
          </g>
          <g className="chart-axis" aria-hidden="true">
            <line x1={PAD_LEFT} x2={PAD_LEFT + plotW} y1={base} y2={base} />
            {ticks.map((t) => {
              const x = PAD_LEFT + t.index * slotW;
              const withYear = t.year !== lastYear;
              const show = x - lastLabelX >= (withYear ? 62 : 40);
              if (show) {
                lastLabelX = x;
                lastYear = t.year;
              }
              return (
                <g key={`${t.index}`}>
                  <line x1={x} x2={x} y1={base} y2={base + 4} />
                  {show ? (
                    <text x={x + 2} y={base + 15}>
                      {withYear ? t.full : t.label}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </g>
          {model && n === 0 && model.marks.length === 0 ? (
            <text className="chart-empty" x={PAD_LEFT + plotW / 2} y={PAD_TOP + plotH / 2} textAnchor="middle">
              No incidents to chart
            </text>
          ) : null}
        </svg>
      </div>
      {model ? (
        <div className="chart-foot">
          <ul className="chart-legend" aria-label="Legend">
            {model.order
              .filter((g) => (model.groupTotals.get(g) ?? 0) > 0 || tx?.groups.has(g))
              .map((g) => (
                <li key={g}>
                  <span className="swatch" style={{ background: groupColor(tx, g) }} aria-hidden="true" />
                  {groupLabel(tx, g)} <span className="muted">{model.groupTotals.get(g) ?? 0}</span>
                </li>
              ))}
            <li>
              <span className="mark-swatch" aria-hidden="true">
                ▼
              </span>
              Court and police events <span className="muted">{model.marks.length}</span>
            </li>
          </ul>
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
      {model && showTable ? <ChartTable model={model} tx={tx} /> : null}
    </section>
  );
}

function ChartTable({ model, tx }: { model: ChartModel; tx: TaxonomyIndex | null }) {
  const rows = model.slots.filter((s) => s.total > 0);
  return (
    <div className="chart-table-wrap" id="timeline-chart-table">
      <table className="data-table">
        <caption className="visually-hidden">Incidents per {model.bucket}, by group</caption>
        <thead>
          <tr>
            <th scope="col">{model.bucket === 'day' ? 'Day' : model.bucket === 'week' ? 'Week of' : 'Month'}</th>
            {model.order.map((g) => (
              <th key={g} scope="col">
                {groupLabel(tx, g)}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.key}>
              <th scope="row">
                {model.bucket === 'month'
                  ? formatKey(s.key, { month: 'long', year: 'numeric' })
                  : formatKey(s.key, { day: 'numeric', month: 'short', year: 'numeric' })}
              </th>
              {model.order.map((g) => (
                <td key={g}>{s.segments.find((x) => x.group === g)?.count ?? 0}</td>
              ))}
              <td>{s.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {model.marks.length > 0 ? (
        <>
          <h4 className="chart-table-subtitle">Court and police events</h4>
          <ul className="plain-list">
            {model.marks.map((m) => (
              <li key={m.incidentId}>
                {formatDateTime(m.at)}: {categoryLabel(tx, m.category)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
