// Pure helpers for the Timeline tab: filters, taxonomy look-ups and the
// labels of the overview chart (whose buckets the core computes). No React, no IPC.
import type {
  Bucket,
  Histogram,
  HistogramBar,
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

// ---- chart labels (the buckets themselves come from the core) ----

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar key ("YYYY-MM-DD") as a local Date (for Intl formatting). */
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

/** "10 Mar 2026", "week of 10 Mar 2026", "Mar 2026", "Q1 2026", "2026". */
export function barLabel(bar: Pick<HistogramBar, 'start'>, bucket: Bucket, withYear = true, locale?: string): string {
  const key = bar.start;
  switch (bucket) {
    case 'year':
      return key.slice(0, 4);
    case 'quarter':
      return `Q${Math.floor((Number(key.slice(5, 7)) - 1) / 3) + 1} ${key.slice(0, 4)}`;
    case 'month':
      return formatKey(key, withYear ? { month: 'short', year: 'numeric' } : { month: 'short' }, locale);
    default: {
      const day = formatKey(key, withYear ? { day: 'numeric', month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' }, locale);
      return bucket === 'week' ? `week of ${day}` : day;
    }
  }
}

/**
 * Axis labels that do not overlap, at calendar boundaries: every month,
 * 2, 3, 6 or 12 months (January) for day, week and month bars; every
 * quarter, half or year for quarters. The year is shown on the first label
 * and whenever it changes.
 */
export function tickLabels(
  bars: Array<Pick<HistogramBar, 'start'>>,
  bucket: Bucket,
  slotWidth: number,
  locale?: string,
): Array<{ index: number; label: string }> {
  if (bars.length === 0) return [];
  const room = 64;
  const monthIndex = (key: string) => Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;
  // Bars per month, roughly, to know how far apart month boundaries are.
  const perMonth = bucket === 'day' ? 30.4 : bucket === 'week' ? 4.35 : bucket === 'month' ? 1 : bucket === 'quarter' ? 1 / 3 : 1 / 12;
  const steps = bucket === 'year' ? [12, 24, 60, 120] : bucket === 'quarter' ? [3, 6, 12, 24, 60] : [1, 2, 3, 6, 12, 24];
  const step = steps.find((m) => m * perMonth * slotWidth >= room) ?? steps[steps.length - 1]!;
  const out: Array<{ index: number; label: string }> = [];
  let prevMonth = -1;
  let year = '';
  bars.forEach((b, i) => {
    const m = monthIndex(b.start);
    // The first bar of each month (days and weeks hold several per month).
    if (m === prevMonth) return;
    const first = prevMonth === -1;
    prevMonth = m;
    if (m % step !== 0 && !(first && bucket !== 'day' && bucket !== 'week')) return;
    const newYear = b.start.slice(0, 4) !== year;
    year = b.start.slice(0, 4);
    let label: string;
    if (bucket === 'quarter' || bucket === 'year') label = barLabel(b, bucket, true, locale);
    else if (step >= 12) label = b.start.slice(0, 4);
    else label = formatKey(b.start, newYear ? { month: 'short', year: 'numeric' } : { month: 'short' }, locale);
    const last = out[out.length - 1];
    if (last && (i - last.index) * slotWidth < room) return;
    out.push({ index: i, label });
  });
  return out;
}

/**
 * Index in the chronological list of the first incident of bar `i`: the
 * incidents and the court and police events of the bars before it (the list
 * holds both).
 */
export function firstIndexOfBar(h: Histogram, i: number): number {
  let n = 0;
  for (let j = 0; j < i && j < h.bars.length; j++) {
    const b = h.bars[j]!;
    n += b.total;
    for (const m of b.marks) n += m.count;
  }
  return n;
}

/**
 * One sentence for screen readers (and the chart's aria-label):
 * "420 incidents from Jan 2020 to Apr 2026, per month; busiest Mar 2024 with 19; 12 court or police events marked".
 */
export function chartSummary(h: Histogram, locale?: string): string {
  const nonEmpty = h.bars.filter((b) => b.total > 0);
  const marks = h.markTotal;
  const marksText = marks > 0 ? `; ${marks} ${marks === 1 ? 'court or police event' : 'court or police events'} marked` : '';
  if (nonEmpty.length === 0) return `No incidents in the chart${marksText}.`;
  const first = nonEmpty[0]!.start;
  const last = nonEmpty[nonEmpty.length - 1]!.start;
  const sameYear = first.slice(0, 4) === last.slice(0, 4);
  const from = formatKey(first, sameYear ? { month: 'short' } : { month: 'short', year: 'numeric' }, locale);
  const to = formatKey(last, { month: 'short', year: 'numeric' }, locale);
  const range = first.slice(0, 7) === last.slice(0, 7) ? `in ${to}` : `from ${from} to ${to}`;
  let busiest = nonEmpty[0]!;
  for (const b of nonEmpty) if (b.total > busiest.total) busiest = b;
  const what = h.total === 1 ? 'incident' : 'incidents';
  const busy = nonEmpty.length > 1 ? `; busiest ${barLabel(busiest, h.bucket, !sameYear, locale)} with ${busiest.total}` : '';
  return `${h.total.toLocaleString('en')} ${what} ${range}, per ${h.bucket}${busy}${marksText}.`;
}
