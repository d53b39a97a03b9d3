import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Banner } from '../components/Banner';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Icon } from '../components/Icon';
import { IncidentDetail } from '../components/IncidentDetail';
import { IncidentList, type IncidentListHandle } from '../components/IncidentList';
import { MenuButton } from '../components/MenuButton';
import { Spinner } from '../components/Spinner';
import { TimelineChart } from '../components/TimelineChart';
import { TimelineFilters } from '../components/TimelineFilters';
import {
  deleteIncident,
  exportIncidents,
  incidentHistogram,
  listTags,
  type Bucket,
  type ExportFormat,
  type ExportReport,
  type Histogram,
  type Incident,
  type IncidentFilter,
  type IncidentSummary,
  type Person,
} from '../ipc/commands';
import { plural } from '../lib/labels';
import { categoryLabel, emptyFilter, isFilterEmpty, type TaxonomyIndex } from '../lib/timeline';
import type { TimelineNotice } from './CaseView';

interface TimelineTabProps {
  number: string;
  readOnly: boolean;
  tx: TaxonomyIndex | null;
  people: Person[] | null;
  version: number;
  /** Select this incident (after it was saved). */
  focusIncident: { id: string; seq: number } | null;
  notice: TimelineNotice | null;
  onDismissNotice(): void;
  onAdd(): void;
  onEdit(incident: Incident): void;
  onImport(): void;
  /** Incidents changed here (deleted). */
  onChanged(): void;
  onExported(r: ExportReport): void;
  /** Bumped when exhibits change (the incident's evidence list reloads). */
  evidenceVersion?: number;
  /** Open an exhibit linked to the selected incident on the Evidence tab. */
  onOpenExhibit?(id: string): void;
  explain(e: unknown): string;
}

/** Filters, overview chart, the chronological list and the selected incident. */
export function TimelineTab({
  number,
  readOnly,
  tx,
  people,
  version,
  focusIncident,
  notice,
  onDismissNotice,
  onAdd,
  onEdit,
  onImport,
  onChanged,
  onExported,
  evidenceVersion = 0,
  onOpenExhibit,
  explain,
}: TimelineTabProps) {
  const [filter, setFilter] = useState<IncidentFilter>(emptyFilter);
  // The search text as typed, and as applied once typing pauses (at once when cleared).
  const [text, setText] = useState('');
  const [appliedText, setAppliedText] = useState('');
  const [bucket, setBucket] = useState<Bucket>('week');
  const [histogram, setHistogram] = useState<Histogram | null>(null);
  const [chartLoading, setChartLoading] = useState(false);
  const [chartError, setChartError] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [selectedRow, setSelectedRow] = useState<IncidentSummary | null>(null);
  const [openSeq, setOpenSeq] = useState(0);
  const [tags, setTags] = useState<string[]>([]);
  const [deleting, setDeleting] = useState<Incident | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const listRef = useRef<IncidentListHandle>(null);
  const explainRef = useRef(explain);
  explainRef.current = explain;

  useEffect(() => {
    const next = text.trim();
    if (next === appliedText) return;
    if (next === '') {
      setAppliedText('');
      return;
    }
    const t = setTimeout(() => setAppliedText(next), 250);
    return () => clearTimeout(t);
  }, [text, appliedText]);

  const applied = useMemo<IncidentFilter>(() => ({ ...filter, text: appliedText }), [filter, appliedText]);
  const appliedKey = JSON.stringify(applied);
  const filtered = !isFilterEmpty(applied);

  useEffect(() => {
    let live = true;
    setChartLoading(true);
    (async () => {
      try {
        const h = await incidentHistogram(number, JSON.parse(appliedKey) as IncidentFilter, bucket);
        if (!live) return;
        setHistogram(h ?? null);
        setChartError(null);
      } catch (e) {
        if (live) setChartError(explainRef.current(e));
      } finally {
        if (live) setChartLoading(false);
      }
    })();
    return () => {
      live = false;
    };
  }, [number, appliedKey, bucket, version]);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const t = await listTags(number);
        if (live) setTags(Array.isArray(t) ? t : []);
      } catch {
        /* the tag filter just stays empty */
      }
    })();
    return () => {
      live = false;
    };
  }, [number, version]);

  useEffect(() => {
    if (focusIncident) setSelectedId(focusIncident.id);
  }, [focusIncident]);

  const clearFilters = () => {
    setText('');
    setFilter(emptyFilter());
  };

  const doExport = useCallback(
    async (format: ExportFormat) => {
      setExporting(true);
      setExportError(null);
      try {
        const r = await exportIncidents(number, format);
        if (r) onExported(r);
      } catch (e) {
        setExportError(explainRef.current(e));
      } finally {
        setExporting(false);
      }
    },
    [number, onExported],
  );

  const nothingAtAll = total === 0 && !filtered;
  const nothingMatches = total === 0 && filtered;

  const countText =
    total === null ? 'Loading incidents…' : filtered ? `${plural(total, 'incident')} match` : plural(total, 'incident');

  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <div className="timeline-toolbar">
        <h2 id="timeline-title" className="timeline-title">
          Timeline
        </h2>
        <span id="incident-count" className="incident-count" role="status">
          {countText}
        </span>
        <div className="toolbar" role="toolbar" aria-label="Timeline actions">
          {!readOnly ? (
            <>
              <button
                type="button"
                id="add-incident-button"
                className="button button-primary"
                title="Add incident (N or Ctrl+Shift+N)"
                aria-keyshortcuts="N Control+Shift+N"
                onClick={onAdd}
              >
                <Icon name="plus" /> Add incident
              </button>
              <button type="button" id="import-button" className="button button-secondary" onClick={onImport}>
                Import log…
              </button>
            </>
          ) : null}
          <MenuButton
            id="export-button"
            disabled={exporting || total === 0}
            label={
              exporting ? (
                <>
                  <Spinner /> Exporting…
                </>
              ) : (
                <>
                  Export <span aria-hidden="true">▾</span>
                </>
              )
            }
            items={[
              { id: 'export-csv', label: 'Export as CSV…', onSelect: () => void doExport('csv') },
              { id: 'export-json', label: 'Export as JSON…', onSelect: () => void doExport('json') },
            ]}
          />
        </div>
      </div>

      {notice ? (
        <Banner tone={notice.tone} id="timeline-notice" title={notice.title} onDismiss={onDismissNotice}>
          {notice.body}
        </Banner>
      ) : null}
      {exportError ? (
        <Banner tone="danger" urgent onDismiss={() => setExportError(null)}>
          The export failed: {exportError}
        </Banner>
      ) : null}
      {listError ? (
        <Banner tone="danger" urgent onDismiss={() => setListError(null)}>
          The incidents could not be loaded: {listError}
        </Banner>
      ) : null}

      {nothingAtAll ? (
        <div id="timeline-empty" className="empty-state timeline-empty">
          <h3>No incidents yet</h3>
          <p>
            Record each act of the course of conduct as an incident: type them in as the victim tells you, or import the
            log the victim kept.
          </p>
          {!readOnly ? (
            <div className="button-row button-row-center">
              <button type="button" className="button button-primary" onClick={onAdd}>
                Add incident (N)
              </button>
              <button type="button" className="button button-secondary" onClick={onImport}>
                Import a victim's log…
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="timeline-body" hidden={nothingAtAll}>
        <TimelineFilters
          filter={filter}
          text={text}
          onTextChange={setText}
          onChange={setFilter}
          onClear={clearFilters}
          tx={tx}
          people={people}
          tags={tags}
        />
        <TimelineChart
          histogram={histogram}
          tx={tx}
          bucket={bucket}
          loading={chartLoading}
          error={chartError}
          onBucketChange={setBucket}
          onBarClick={(index) => listRef.current?.jumpTo(index)}
          onMarkClick={(id, index) => {
            setSelectedId(id);
            listRef.current?.jumpTo(index);
          }}
          onBrush={(from, to) => setFilter((f) => ({ ...f, from, to }))}
          zoomed={filter.from !== null || filter.to !== null}
          onWholeSpan={() => setFilter((f) => ({ ...f, from: null, to: null }))}
        />
        <div className={nothingMatches ? 'timeline-split timeline-split-empty' : 'timeline-split'}>
          <div className="timeline-list-pane">
            {nothingMatches ? (
              <div className="empty-state timeline-empty" id="timeline-no-match">
                <h3>No incidents match these filters</h3>
                <button type="button" className="button button-secondary" onClick={clearFilters}>
                  Clear filters
                </button>
              </div>
            ) : null}
            <div className="incident-list-frame" hidden={nothingMatches}>
              <IncidentList
                ref={listRef}
                number={number}
                filter={applied}
                version={version}
                tx={tx}
                selectedId={selectedId}
                onSelect={setSelectedId}
                onOpen={() => setOpenSeq((s) => s + 1)}
                onTotal={setTotal}
                onError={setListError}
                onSelectedRow={setSelectedRow}
                explain={explain}
              />
            </div>
          </div>
          {!nothingMatches ? (
            <IncidentDetail
              number={number}
              id={selectedId}
              version={version}
              tx={tx}
              people={people}
              readOnly={readOnly}
              onEdit={onEdit}
              onDelete={setDeleting}
              explain={explain}
              focusSeq={openSeq}
              onBack={() => listRef.current?.focus()}
              orderViolation={selectedRow !== null && selectedRow.id === selectedId && selectedRow.orderViolation}
              evidenceVersion={evidenceVersion}
              onOpenExhibit={onOpenExhibit}
            />
          ) : null}
        </div>
      </div>

      {deleting ? (
        <ConfirmDialog
          id="delete-incident-dialog"
          title="Delete this incident?"
          confirmLabel="Delete incident"
          busyLabel="Deleting…"
          explain={explain}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deleteIncident(number, deleting.id);
            setDeleting(null);
            setSelectedId(null);
            onChanged();
          }}
        >
          <p>
            <strong>{categoryLabel(tx, deleting.input.category)}</strong>, {deleting.occurred.display}.
          </p>
          <p className="hint">The deletion is recorded in the case's audit trail.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
