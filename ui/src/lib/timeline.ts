// Pure helpers for the Timeline tab: filters, taxonomy look-ups and the
// layout of the overview chart. No React, no IPC.
import type {
  Bucket,
  Histogram,
  IncidentFilter,
  Taxonomy,
  TaxonomyCategory,
  TaxonomyGroup,
} from '../ipc/commands';

export function emptyFilter(): IncidentFilter {
  return { groups: [], categories: [], personId: null, from: null, to: null, tag: null, text: '' };
}

export function isFilterEmpty(f: IncidentFilter): boolean {
  return (
    f.groups.length === 0 &&
    f.categories.length === 0 &&
    f.personId === null &&
    !f.from &&
    !f.to &&
    !f.tag &&
    f.text.trim() === ''
  );
}

/** Colour used for a group id the taxonomy does not know. */
export const UNKNOWN_GROUP_COLOR = '#7a828c';

export interface TaxonomyIndex {
  taxonomy: Taxonomy;
  groups: Map<string, TaxonomyGroup>;
  categories: Map<string, TaxonomyCategory>;
  /** Non-system groups, in taxonomy order: the stacking order of the chart. */
  slii: TaxonomyGroup[];
  /** Categories per group id, in taxonomy order. */
  byGroup: Map<string, TaxonomyCategory[]>;
}

export function indexTaxonomy(taxonomy: Taxonomy): TaxonomyIndex {
  const groups = new Map(taxonomy.groups.map((g) => [g.id, g]));
  const categories = new Map(taxonomy.categories.map((c) => [c.id, c]));
  const byGroup = new Map<string, TaxonomyCategory[]>();
  for (const g of taxonomy.groups) byGroup.set(g.id, []);
  for (const c of taxonomy.categories) {
    const list = byGroup.get(c.group);
    if (list) list.push(c);
    else byGroup.set(c.group, [c]);
  }
  return { taxonomy, groups, categories, slii: taxonomy.groups.filter((g) => !g.system), byGroup };
}

export function categoryLabel(tx: TaxonomyIndex | null, id: string): string {
  return tx?.categories.get(id)?.label ?? id;
}

export function groupLabel(tx: TaxonomyIndex | null, id: string): string {
  return tx?.groups.get(id)?.label ?? id;
}

export function groupColor(tx: TaxonomyIndex | null, id: string): string {
  return tx?.groups.get(id)?.color ?? UNKNOWN_GROUP_COLOR;
}

// ---- calendar keys ("YYYY-MM-DD"), computed in UTC so DST never shifts them ----

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})T00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function keyOfUtc(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function utcOfKey(key: string): Date {
  const m = DATE_ONLY.exec(key);
  if (!m) return new Date(NaN);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/**
 * The calendar date a histogram bucket starts on. A date, or an instant at
 * midnight (any offset), is taken as written; any other instant gives its
 * local date.
 */
export function bucketKey(start: string): string {
  if (DATE_ONLY.test(start)) return start;
  const m = MIDNIGHT.exec(start);
  if (m) return m[1]!;
  const d = new Date(start);
  if (Number.isNaN(d.getTime())) return start;
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function nextKey(key: string, bucket: Bucket): string {
  const d = utcOfKey(key);
  if (bucket === 'day') d.setUTCDate(d.getUTCDate() + 1);
  else if (bucket === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return keyOfUtc(d);
}

/** A calendar key as a local Date (for Intl formatting). */
export function dateOfKey(key: string): Date {
  const m = DATE_ONLY.exec(key);
  if (!m) return new Date(NaN);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function formatKey(key: string, opts: Intl.DateTimeFormatOptions, locale?: string): string {
  const d = dateOfKey(key);
  if (Number.isNaN(d.getTime())) return key;
  return new Intl.DateTimeFormat(locale, opts).format(d);
}

/** "10 Mar 2026", "week of 10 Mar 2026", "Mar 2026". */
export function bucketLabel(key: string, bucket: Bucket, withYear = true, locale?: string): string {
  if (bucket === 'month') return formatKey(key, { month: 'short', year: 'numeric' }, locale);
  const day = formatKey(key, withYear ? { day: 'numeric', month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' }, locale);
  return bucket === 'week' ? `week of ${day}` : day;
}

// ---- chart layout ----

export interface ChartSegment {
  group: string;
  count: number;
}

export interface ChartSlot {
  /** Calendar key of the bucket start. */
  key: string;
  /** The backend's bucket start, as sent (null for a gap bucket we filled in). */
  start: string | null;
  /** Stacked counts in stacking order, zero counts left out. */
  segments: ChartSegment[];
  total: number;
}

export interface ChartMark {
  key: string;
  at: string;
  category: string;
  incidentId: string;
}

export interface ChartModel {
  bucket: Bucket;
  slots: ChartSlot[];
  marks: ChartMark[];
  /** Group ids in stacking order (taxonomy order, then unknown ids). */
  order: string[];
  /** Incidents in the bars (non-system groups). */
  barTotal: number;
  max: number;
  /** Totals per group id over all slots. */
  groupTotals: Map<string, number>;
}

/** The most buckets the chart fills gaps for; beyond it only non-empty bars are drawn. */
const MAX_SLOTS = 4000;

/**
 * Stack the histogram's bars in a fixed group order and fill in empty buckets
 * between the first and the last, so quiet weeks show as gaps. Counts of
 * system groups are left out of the bars: they are drawn as marks.
 */
export function buildChart(h: Histogram, tx: TaxonomyIndex | null): ChartModel {
  const system = new Set(tx ? tx.taxonomy.groups.filter((g) => g.system).map((g) => g.id) : []);
  const known = tx ? tx.slii.map((g) => g.id) : [];
  const extra = new Set<string>();
  for (const b of h.bars)
    for (const [g, n] of Object.entries(b.counts)) if (n && !system.has(g) && !known.includes(g)) extra.add(g);
  const order = [...known, ...[...extra].sort()];

  const byKey = new Map<string, { start: string; counts: Record<string, number> }>();
  for (const b of h.bars) {
    const key = bucketKey(b.start);
    const prev = byKey.get(key);
    const counts: Record<string, number> = prev ? { ...prev.counts } : {};
    for (const [g, n] of Object.entries(b.counts)) counts[g] = (counts[g] ?? 0) + (n ?? 0);
    byKey.set(key, { start: prev?.start ?? b.start, counts });
  }
  const keys = [...byKey.keys()].sort();

  // Fill the gaps on the backend's own grid; if its keys do not sit on one, keep them as they are.
  let grid: string[] = keys;
  if (keys.length > 1) {
    const filled: string[] = [];
    const last = keys[keys.length - 1]!;
    let k = keys[0]!;
    while (k <= last && filled.length <= MAX_SLOTS) {
      filled.push(k);
      k = nextKey(k, h.bucket);
    }
    const onGrid = new Set(filled);
    if (filled.length <= MAX_SLOTS && keys.every((key) => onGrid.has(key))) grid = filled;
  }

  const groupTotals = new Map<string, number>();
  let barTotal = 0;
  let max = 0;
  const slots: ChartSlot[] = grid.map((key) => {
    const bar = byKey.get(key);
    const segments: ChartSegment[] = [];
    let total = 0;
    if (bar) {
      for (const g of order) {
        const n = bar.counts[g] ?? 0;
        if (n > 0) {
          segments.push({ group: g, count: n });
          total += n;
          groupTotals.set(g, (groupTotals.get(g) ?? 0) + n);
        }
      }
    }
    barTotal += total;
    if (total > max) max = total;
    return { key, start: bar?.start ?? null, segments, total };
  });

  const marks: ChartMark[] = h.marks.map((m) => ({ ...m, key: slotKeyOf(m.at, grid, h.bucket) }));
  return { bucket: h.bucket, slots, marks, order, barTotal, max, groupTotals };
}

/** The key of the slot an instant falls in (by local calendar date). */
export function slotKeyOf(at: string, grid: string[], bucket: Bucket): string {
  const day = localDayOf(at);
  let found = grid[0] ?? day;
  for (const k of grid) {
    if (k <= day) found = k;
    else break;
  }
  if (grid.length === 0) {
    if (bucket === 'month') return `${day.slice(0, 7)}-01`;
    return day;
  }
  return found;
}

/** Position of a mark within the slots, as a fraction of the slot count (0 = left edge). */
export function markPosition(mark: ChartMark, slots: ChartSlot[], bucket: Bucket): number {
  const i = slots.findIndex((s) => s.key === mark.key);
  if (i < 0) return -1;
  const start = utcOfKey(mark.key).getTime();
  const end = utcOfKey(nextKey(mark.key, bucket)).getTime();
  const at = utcOfKey(localDayOf(mark.at)).getTime();
  const frac = end > start ? Math.min(Math.max((at - start) / (end - start), 0), 0.999) : 0;
  return i + frac;
}

function localDayOf(at: string): string {
  if (DATE_ONLY.test(at)) return at;
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at.slice(0, 10);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Index in the chronological list of the first incident of `slot`: the
 * incidents of earlier bars plus the system marks before it (the list holds
 * both). An estimate when the backend's bucketing and the list disagree.
 */
export function firstIndexOfSlot(model: ChartModel, key: string): number {
  let n = 0;
  for (const s of model.slots) {
    if (s.key >= key) break;
    n += s.total;
  }
  for (const m of model.marks) if (m.key < key) n++;
  return n;
}

/**
 * Month boundaries for the axis: slot index where a new month begins, its
 * short label ("Mar") and its label with the year ("Mar 2026"). The chart
 * shows the year on the first label it draws and whenever the year changes.
 */
export function monthTicks(
  slots: ChartSlot[],
  locale?: string,
): Array<{ index: number; label: string; full: string; year: string }> {
  const out: Array<{ index: number; label: string; full: string; year: string }> = [];
  let prev = '';
  slots.forEach((s, i) => {
    const month = s.key.slice(0, 7);
    if (month === prev) return;
    prev = month;
    out.push({
      index: i,
      label: formatKey(s.key, { month: 'short' }, locale),
      full: formatKey(s.key, { month: 'short', year: 'numeric' }, locale),
      year: s.key.slice(0, 4),
    });
  });
  return out;
}

/**
 * One sentence for screen readers (and the chart's aria-label):
 * "42 incidents from Jan to Apr 2026; busiest week of 10 Mar with 9; 3 court or police events marked".
 */
export function chartSummary(model: ChartModel, locale?: string): string {
  const nonEmpty = model.slots.filter((s) => s.total > 0);
  const marks = model.marks.length;
  const marksText = marks > 0 ? `; ${marks} ${marks === 1 ? 'court or police event' : 'court or police events'} marked` : '';
  if (nonEmpty.length === 0) return `No incidents in the chart${marksText}.`;
  const first = nonEmpty[0]!.key;
  const last = nonEmpty[nonEmpty.length - 1]!.key;
  const sameYear = first.slice(0, 4) === last.slice(0, 4);
  const from = formatKey(first, sameYear ? { month: 'short' } : { month: 'short', year: 'numeric' }, locale);
  const to = formatKey(last, { month: 'short', year: 'numeric' }, locale);
  const range = first.slice(0, 7) === last.slice(0, 7) ? `in ${to}` : `from ${from} to ${to}`;
  let busiest = nonEmpty[0]!;
  for (const s of nonEmpty) if (s.total > busiest.total) busiest = s;
  const n = model.barTotal;
  const what = n === 1 ? 'incident' : 'incidents';
  const busiestWhen =
    model.bucket === 'week'
      ? bucketLabel(busiest.key, 'week', !sameYear, locale)
      : `${model.bucket} ${bucketLabel(busiest.key, model.bucket, !sameYear, locale)}`;
  const busy = nonEmpty.length > 1 ? `; busiest ${busiestWhen} with ${busiest.total}` : '';
  return `${n.toLocaleString('en')} ${what} ${range}${busy}${marksText}.`;
}
