import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { listIncidents, type IncidentFilter, type IncidentSummary } from '../ipc/commands';
import { categoryLabel, groupColor, groupLabel, type TaxonomyIndex } from '../lib/timeline';
import { Icon } from './Icon';

export const ROW_HEIGHT = 56;
export const PAGE_SIZE = 200;
const OVERSCAN = 8;
/** Pages kept in memory (the ones farthest from the view go first). */
const MAX_PAGES = 24;
/** Height assumed before the list can measure itself (and in tests). */
const FALLBACK_VIEWPORT = 600;

export interface IncidentListHandle {
  /** Scroll `index` to the top, select it once loaded, and focus the list. */
  jumpTo(index: number): void;
  focus(): void;
}

interface IncidentListProps {
  number: string;
  filter: IncidentFilter;
  /** Bumped when incidents change: reload the rows, keep the scroll position. */
  version: number;
  tx: TaxonomyIndex | null;
  selectedId: string | null;
  onSelect(id: string): void;
  /** Enter (or double-click) on the selected row. */
  onOpen(id: string): void;
  /** The filtered count, once known (null while loading). */
  onTotal(total: number | null): void;
  onError(message: string | null): void;
  /** The loaded row of the selected incident (for what only the list knows, e.g. order violations). */
  onSelectedRow?(row: IncidentSummary): void;
  explain(e: unknown): string;
  ref?: Ref<IncidentListHandle>;
  pageSize?: number;
}

/** "Order in force — violation": text and icon, never colour alone. */
export function OrderViolationBadge({ compact = false }: { compact?: boolean }) {
  return (
    <span
      className={compact ? 'badge badge-violation badge-violation-compact' : 'badge badge-violation'}
      title="This happened while a served protective order was in force"
      data-order-violation=""
    >
      <Icon name="alert" /> Order in force — violation
    </span>
  );
}

/**
 * The chronological incident list, virtualised: fixed-height rows, only the
 * rows in view (plus a few) are in the DOM, and rows are fetched in pages
 * as they scroll into view. A listbox with aria-activedescendant: the list
 * itself has focus; arrows, Page Up/Down, Home and End move the selection.
 */
export function IncidentList({
  number,
  filter,
  version,
  tx,
  selectedId,
  onSelect,
  onOpen,
  onTotal,
  onError,
  onSelectedRow,
  explain,
  ref,
  pageSize = PAGE_SIZE,
}: IncidentListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const pages = useRef(new Map<number, IncidentSummary[]>());
  /** Pages from before the last reload, shown until their fresh copy arrives. */
  const stale = useRef(new Map<number, IncidentSummary[]>());
  const pending = useRef(new Set<number>());
  const gen = useRef(0);
  const [tick, setTick] = useState(0);
  const [total, setTotal] = useState<number | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);
  const [active, setActive] = useState(-1);
  /** Index the user moved to whose row is not loaded yet: select it on arrival. */
  const want = useRef<number | null>(null);
  const selectedRef = useRef(selectedId);
  selectedRef.current = selectedId;
  const cb = useRef({ onSelect, onTotal, onError, onSelectedRow, explain });
  cb.current = { onSelect, onTotal, onError, onSelectedRow, explain };

  const filterKey = JSON.stringify(filter);

  const rowAt = useCallback(
    (i: number): IncidentSummary | undefined => {
      const p = Math.floor(i / pageSize);
      return (pages.current.get(p) ?? stale.current.get(p))?.[i % pageSize];
    },
    [pageSize],
  );

  const fetchPage = useCallback(
    async (p: number) => {
      const g = gen.current;
      if (pages.current.has(p) || pending.current.has(p)) return;
      pending.current.add(p);
      try {
        const page = await listIncidents(number, JSON.parse(filterKey) as IncidentFilter, p * pageSize, pageSize);
        if (g !== gen.current) return;
        pages.current.set(p, page.rows);
        stale.current.delete(p);
        setTotal(page.total);
        cb.current.onTotal(page.total);
        cb.current.onError(null);
        setTick((t) => t + 1);
      } catch (e) {
        if (g !== gen.current) return;
        cb.current.onError(cb.current.explain(e));
      } finally {
        if (g === gen.current) pending.current.delete(p);
      }
    },
    [number, filterKey, pageSize],
  );

  // A new filter: start from the top. A new version: reload the rows in view
  // (the old ones stay on screen until then) and keep the scroll position.
  const lastFilter = useRef<string | null>(null);
  const viewportRef = useRef(viewport);
  viewportRef.current = viewport;
  useLayoutEffect(() => {
    gen.current++;
    const filterChanged = lastFilter.current !== `${number}\n${filterKey}`;
    lastFilter.current = `${number}\n${filterKey}`;
    stale.current = filterChanged ? new Map() : new Map([...stale.current, ...pages.current]);
    pages.current = new Map();
    pending.current.clear();
    const el = scrollRef.current;
    let top = el?.scrollTop ?? 0;
    if (filterChanged) {
      setTotal(null);
      cb.current.onTotal(null);
      setActive(-1);
      want.current = null;
      top = 0;
      if (el) el.scrollTop = 0;
      setScrollTop(0);
    }
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.floor(top / ROW_HEIGHT) + Math.ceil(viewportRef.current / ROW_HEIGHT) + OVERSCAN;
    for (let p = Math.floor(first / pageSize); p <= Math.floor(last / pageSize); p++) void fetchPage(p);
    setTick((t) => t + 1);
  }, [number, filterKey, version, fetchPage, pageSize]);

  // Measure the viewport.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => {
      const h = el.clientHeight;
      setViewport(h > 0 ? h : FALLBACK_VIEWPORT);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const count = total ?? 0;
  const firstVisible = Math.floor(scrollTop / ROW_HEIGHT);
  const visibleRows = Math.ceil(viewport / ROW_HEIGHT);
  const start = Math.max(0, Math.min(firstVisible, count) - OVERSCAN);
  const end = Math.min(count, firstVisible + visibleRows + OVERSCAN);

  // Fetch the pages in view once scrolling settles; drop far-away pages.
  useEffect(() => {
    if (total === null || end <= start) return;
    const t = setTimeout(() => {
      const firstPage = Math.floor(start / pageSize);
      const lastPage = Math.floor((end - 1) / pageSize);
      for (let p = firstPage; p <= lastPage; p++) void fetchPage(p);
      if (pages.current.size > MAX_PAGES) {
        const centre = (firstPage + lastPage) / 2;
        const far = [...pages.current.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
        for (const p of far.slice(0, pages.current.size - MAX_PAGES)) pages.current.delete(p);
      }
      for (const p of [...stale.current.keys()]) if (p < firstPage || p > lastPage) stale.current.delete(p);
    }, 40);
    return () => clearTimeout(t);
  }, [start, end, total, fetchPage, pageSize, tick]);

  // Rows arrived or the selection changed from outside (chart, a saved
  // incident): select the row the user moved to, or find the selected one.
  useEffect(() => {
    if (want.current !== null) {
      const row = rowAt(want.current);
      if (row) {
        want.current = null;
        if (row.id !== selectedRef.current) cb.current.onSelect(row.id);
      }
      return;
    }
    const sel = selectedRef.current;
    if (!sel) return;
    if (active >= 0 && rowAt(active)?.id === sel) return;
    for (const [p, list] of pages.current) {
      const i = list.findIndex((r) => r.id === sel);
      if (i >= 0) {
        setActive(p * pageSize + i);
        return;
      }
    }
  }, [tick, selectedId, active, rowAt, pageSize]);

  // Tell the timeline what the list knows about the selected incident.
  useEffect(() => {
    if (!selectedId || !cb.current.onSelectedRow) return;
    for (const list of pages.current.values()) {
      const row = list.find((r) => r.id === selectedId);
      if (row) {
        cb.current.onSelectedRow(row);
        return;
      }
    }
  }, [tick, selectedId]);

  const scrollIntoView = useCallback(
    (i: number, align: 'nearest' | 'top' = 'nearest') => {
      const el = scrollRef.current;
      if (!el) return;
      const top = i * ROW_HEIGHT;
      const h = el.clientHeight > 0 ? el.clientHeight : viewport;
      let next = el.scrollTop;
      if (align === 'top') next = top;
      else if (top < el.scrollTop) next = top;
      else if (top + ROW_HEIGHT > el.scrollTop + h) next = top + ROW_HEIGHT - h;
      if (next !== el.scrollTop) {
        el.scrollTop = next;
        setScrollTop(el.scrollTop || next);
      }
    },
    [viewport],
  );

  const moveTo = useCallback(
    (i: number, align: 'nearest' | 'top' = 'nearest') => {
      if (count === 0) return;
      const idx = Math.min(Math.max(i, 0), count - 1);
      setActive(idx);
      scrollIntoView(idx, align);
      const row = rowAt(idx);
      if (row) {
        want.current = null;
        if (row.id !== selectedRef.current) cb.current.onSelect(row.id);
      } else {
        want.current = idx;
        void fetchPage(Math.floor(idx / pageSize));
      }
    },
    [count, fetchPage, pageSize, rowAt, scrollIntoView],
  );

  useImperativeHandle(
    ref,
    () => ({
      jumpTo(index: number) {
        moveTo(index, 'top');
        scrollRef.current?.focus({ preventScroll: true });
      },
      focus() {
        scrollRef.current?.focus({ preventScroll: true });
      },
    }),
    [moveTo],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || count === 0) return;
    const pageRows = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    // Nothing active yet: the arrows start at the first row in view.
    const from = active < 0 ? Math.min(firstVisible, count - 1) : active;
    let next: number | null = null;
    switch (e.key) {
      case 'ArrowDown':
        next = active < 0 ? from : from + 1;
        break;
      case 'ArrowUp':
        next = active < 0 ? from : from - 1;
        break;
      case 'PageDown':
        next = from + pageRows;
        break;
      case 'PageUp':
        next = from - pageRows;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = count - 1;
        break;
      case 'Enter':
      case ' ': {
        e.preventDefault();
        const row = active >= 0 ? rowAt(active) : undefined;
        if (row) {
          if (row.id !== selectedRef.current) cb.current.onSelect(row.id);
          if (e.key === 'Enter') onOpen(row.id);
        }
        return;
      }
      default:
        return;
    }
    e.preventDefault();
    moveTo(next);
  };

  const activeInView = active >= start && active < end && rowAt(active) !== undefined;
  const rows = [];
  for (let i = start; i < end; i++) {
    const row = rowAt(i);
    const optionId = `incident-option-${i}`;
    if (!row) {
      rows.push(
        <div
          key={`p${i}`}
          id={optionId}
          role="option"
          aria-selected={false}
          aria-posinset={i + 1}
          aria-setsize={count}
          aria-busy="true"
          className="incident-row incident-row-loading"
          style={{ top: i * ROW_HEIGHT }}
        >
          <span className="incident-row-bar" aria-hidden="true" />
          <span className="incident-row-main muted">Loading…</span>
        </div>,
      );
      continue;
    }
    const selected = row.id === selectedId;
    const color = groupColor(tx, row.group);
    const system = tx?.groups.get(row.group)?.system ?? false;
    const shownTags = row.tags.slice(0, 3);
    rows.push(
      <div
        key={row.id}
        id={optionId}
        role="option"
        data-incident-id={row.id}
        data-index={i}
        aria-selected={selected}
        aria-posinset={i + 1}
        aria-setsize={count}
        className={`incident-row${selected ? ' selected' : ''}${i === active ? ' active' : ''}${system ? ' system' : ''}`}
        style={{ top: i * ROW_HEIGHT }}
        onMouseDown={(e) => {
          // Keep focus on the listbox, not on the row.
          e.preventDefault();
          scrollRef.current?.focus({ preventScroll: true });
        }}
        onClick={() => {
          setActive(i);
          want.current = null;
          if (row.id !== selectedRef.current) cb.current.onSelect(row.id);
        }}
        onDoubleClick={() => onOpen(row.id)}
      >
        <span className="incident-row-bar" style={{ background: color }} aria-hidden="true" />
        <span className="incident-row-main">
          <span className="incident-row-line">
            <span className="incident-row-date">{row.display}</span>
            <span className="incident-row-category" title={groupLabel(tx, row.group)}>
              {system ? <span aria-hidden="true">▼ </span> : null}
              {categoryLabel(tx, row.category)}
            </span>
            {row.orderViolation ? <OrderViolationBadge compact /> : null}
          </span>
          <span className="incident-row-line incident-row-sub">
            <span className="incident-row-excerpt">{row.excerpt || <span className="muted">No narrative</span>}</span>
            {row.suspectName ? <span className="incident-row-suspect">{row.suspectName}</span> : null}
            {shownTags.map((t) => (
              <span key={t} className="tag">
                {t}
              </span>
            ))}
            {row.tags.length > shownTags.length ? (
              <span className="tag tag-more">+{row.tags.length - shownTags.length}</span>
            ) : null}
          </span>
        </span>
      </div>,
    );
  }

  return (
    <div
      ref={scrollRef}
      id="incident-list"
      className="incident-list"
      role="listbox"
      tabIndex={0}
      aria-label="Incidents, oldest first"
      aria-activedescendant={activeInView ? `incident-option-${active}` : undefined}
      aria-busy={total === null ? 'true' : undefined}
      data-total={total ?? ''}
      onKeyDown={onKeyDown}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div className="incident-list-spacer" role="presentation" style={{ height: count * ROW_HEIGHT }}>
        {rows}
      </div>
    </div>
  );
}
