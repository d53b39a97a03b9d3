import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Banner } from '../components/Banner';
import { Dialog } from '../components/Dialog';
import { Icon } from '../components/Icon';
import { Spinner } from '../components/Spinner';
import { deleteExhibit, getExhibit, listExhibits, type Exhibit, type ExhibitRow, type Person } from '../ipc/commands';
import { formatBytes } from '../lib/format';
import { EXHIBIT_KIND_LABELS, plural } from '../lib/labels';
import { nextListIndex } from '../lib/listNav';
import { asList } from '../lib/records';
import type { TaxonomyIndex } from '../lib/timeline';
import { AddExhibitDialog } from './AddExhibitDialog';
import { CustodyDialog } from './CustodyDialog';
import { ExhibitDetail } from './ExhibitDetail';

export interface EvidenceNotice {
  tone: 'success' | 'warning' | 'danger';
  title: string;
  body: ReactNode;
}

interface EvidenceTabProps {
  number: string;
  readOnly: boolean;
  people: Person[] | null;
  tx: TaxonomyIndex | null;
  /** Bumped whenever exhibits change (here or elsewhere): reload. */
  version: number;
  /** Select this exhibit (added, or opened from an incident); `seq` makes a repeat count. */
  focusExhibit: { id: string; seq: number } | null;
  notice: EvidenceNotice | null;
  onDismissNotice(): void;
  /** Open "Add evidence". */
  onAdd(): void;
  /** Open "Add evidence" for a redacted, cropped or converted copy of this exhibit. */
  onDerive(exhibit: Exhibit): void;
  /** Exhibits changed here (custody, edit, delete). */
  onChanged(): void;
  explain(e: unknown): string;
}

type Editing = null | { what: 'custody' | 'edit' | 'delete'; exhibit: Exhibit };

/** Asks why; the core refuses an empty reason and says so. */
function DeleteExhibitDialog({
  number,
  exhibit,
  onDeleted,
  onClose,
  explain,
}: {
  number: string;
  exhibit: Exhibit;
  onDeleted(): void;
  onClose(): void;
  explain(e: unknown): string;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!exhibit.deletable) {
    return (
      <Dialog id="delete-exhibit-dialog" title={`${exhibit.number} cannot be deleted`} onClose={onClose}>
        <div className="confirm-body">
          {exhibit.derived.length > 0 ? (
            <p>
              Copies were made from it ({exhibit.derived.join(', ')}), and a copy must always lead back to its original.
            </p>
          ) : (
            <p>
              Custody events were recorded after it was taken in, so it is part of the case's history. Record its return to
              the owner or its destruction instead.
            </p>
          )}
          <p className="hint">An exhibit can be deleted only while nothing but its intake is recorded (for example one added by mistake).</p>
        </div>
        <div className="form-actions dialog-footer">
          <button type="button" className="button button-primary" onClick={onClose} data-autofocus="">
            Close
          </button>
        </div>
      </Dialog>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await deleteExhibit(number, exhibit.id, reason.trim());
      onDeleted();
    } catch (err) {
      setError(explain(err));
      setBusy(false);
    }
  };

  return (
    <Dialog id="delete-exhibit-dialog" title={`Delete ${exhibit.number}?`} onClose={onClose} busy={busy}>
      <form className="form" onSubmit={submit} noValidate>
        <div className="confirm-body">
          <p>
            <strong>{exhibit.number}</strong>: {exhibit.input.description}
            {exhibit.file ? ` (${exhibit.file.name}, ${formatBytes(exhibit.file.size)})` : ''}.
          </p>
          <p className="hint">Its file and record leave the case. The deletion, the reason and the file's SHA-256 stay in the audit trail.</p>
        </div>
        <div className="field">
          <label htmlFor="delete-exhibit-reason">Reason for deleting</label>
          <textarea
            id="delete-exhibit-reason"
            className="input"
            rows={2}
            value={reason}
            disabled={busy}
            data-autofocus=""
            placeholder="e.g. Added to the wrong case"
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <div role="alert" className="form-error">
          {error}
        </div>
        <div className="form-actions dialog-footer">
          <button type="button" className="button button-secondary" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-danger-solid" data-action="confirm-delete-exhibit" disabled={busy}>
            {busy ? (
              <>
                <Spinner /> Deleting…
              </>
            ) : (
              'Delete exhibit'
            )}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * The evidence register: every exhibit of the case by number, and the
 * selected one in full (file, preview, record, links, chain of custody).
 */
export function EvidenceTab({
  number,
  readOnly,
  people,
  tx,
  version,
  focusExhibit,
  notice,
  onDismissNotice,
  onAdd,
  onDerive,
  onChanged,
  explain,
}: EvidenceTabProps) {
  const [rows, setRows] = useState<ExhibitRow[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [exhibit, setExhibit] = useState<Exhibit | null>(null);
  const [detailError, setDetailError] = useState<string | null>(null);
  const [detailLoading, setDetailLoading] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [openSeq, setOpenSeq] = useState(0);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const explainRef = useRef(explain);
  explainRef.current = explain;

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const list = asList(await listExhibits(number, null));
        if (!live) return;
        setRows(list);
        setListError(null);
        setSelectedId((sel) => (sel && list.some((r) => r.id === sel) ? sel : (list[0]?.id ?? null)));
      } catch (e) {
        if (live) setListError(explainRef.current(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [number, version, reload]);

  // Another view asked for an exhibit (just added, or opened from an incident).
  useEffect(() => {
    if (!focusExhibit) return;
    setSelectedId(focusExhibit.id);
    setOpenSeq((s) => s + 1);
  }, [focusExhibit]);

  // The selected exhibit in full, after a short pause so holding an arrow key does not fetch every row.
  useEffect(() => {
    if (!selectedId) {
      setExhibit(null);
      setDetailError(null);
      setDetailLoading(false);
      return;
    }
    let live = true;
    setDetailLoading(true);
    const t = setTimeout(async () => {
      try {
        const ex = await getExhibit(number, selectedId);
        if (!live) return;
        setExhibit(ex ?? null);
        setDetailError(null);
      } catch (e) {
        if (!live) return;
        setExhibit(null);
        setDetailError(explainRef.current(e));
      } finally {
        if (live) setDetailLoading(false);
      }
    }, 60);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [number, selectedId, version, reload]);

  // Focus the detail heading once per request, when the record is there.
  const focusedSeq = useRef(0);
  useEffect(() => {
    if (openSeq === focusedSeq.current || !exhibit || exhibit.id !== selectedId) return;
    focusedSeq.current = openSeq;
    headingRef.current?.focus();
  }, [openSeq, exhibit, selectedId]);

  const select = useCallback((id: string, focus = false) => {
    setSelectedId(id);
    if (focus) rowRefs.current.get(id)?.focus();
  }, []);

  /** Select by id or exhibit number (links in the detail pane). */
  const selectAny = (idOrNumber: string) => {
    const row = rows?.find((r) => r.id === idOrNumber || r.number === idOrNumber);
    if (row) select(row.id, true);
  };

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    if (e.altKey || e.ctrlKey || e.metaKey || !rows) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      setOpenSeq((s) => s + 1);
      return;
    }
    const next = nextListIndex(e.key, index, rows.length);
    if (next === null) return;
    e.preventDefault();
    const row = rows[next];
    if (row) select(row.id, true);
  };

  const changed = () => {
    setReload((r) => r + 1);
    onChanged();
  };

  const shown = exhibit && exhibit.id === selectedId ? exhibit : null;
  const empty = rows !== null && rows.length === 0;
  const tabIndexId = selectedId && rows?.some((r) => r.id === selectedId) ? selectedId : (rows?.[0]?.id ?? null);

  return (
    <section className="evidence" aria-labelledby="evidence-title">
      <div className="timeline-toolbar">
        <h2 id="evidence-title" className="timeline-title">
          Evidence
        </h2>
        <span className="incident-count" id="exhibit-count" role="status">
          {rows === null ? 'Loading the register…' : plural(rows.length, 'exhibit')}
        </span>
        {!readOnly && !empty ? (
          <div className="toolbar">
            <button type="button" id="add-evidence-button" className="button button-primary" data-action="add-evidence" onClick={onAdd}>
              <Icon name="plus" /> Add evidence…
            </button>
          </div>
        ) : null}
      </div>

      {notice ? (
        <Banner tone={notice.tone} id="evidence-notice" title={notice.title} onDismiss={onDismissNotice}>
          {notice.body}
        </Banner>
      ) : null}
      {listError ? (
        <div className="pane-note" role="alert">
          <p className="form-error">The register could not be loaded: {listError}</p>
          <button type="button" className="button button-secondary button-small" onClick={() => setReload((r) => r + 1)}>
            Try again
          </button>
        </div>
      ) : null}
      {rows === null && !listError ? (
        <p className="pane-note" role="status">
          <Spinner /> Loading the evidence register…
        </p>
      ) : null}

      {empty ? (
        <div className="empty-state timeline-empty" id="evidence-empty">
          <h3>No evidence recorded yet</h3>
          <p>
            Keep every screenshot, message export, voicemail, call log, photograph and physical item here. Files are copied into
            the encrypted case file with their SHA-256; each exhibit gets a number and its own chain of custody.
          </p>
          {!readOnly ? (
            <>
              <p>You can also drop files on this window.</p>
              <div className="button-row button-row-center">
                <button type="button" className="button button-primary" data-action="add-evidence" onClick={onAdd}>
                  <Icon name="plus" /> Add evidence…
                </button>
              </div>
            </>
          ) : null}
        </div>
      ) : null}

      {rows && rows.length > 0 ? (
        <div className="evidence-split">
          <div className="register-pane">
            <table className="data-table register-table" role="grid" aria-label="Evidence register" aria-readonly="true" id="evidence-register">
              <thead>
                <tr>
                  <th scope="col">Exhibit</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Description</th>
                  <th scope="col">Collected</th>
                  <th scope="col">Size</th>
                  <th scope="col" className="register-count" title="Linked incidents">
                    <span aria-hidden="true">Inc.</span>
                    <span className="visually-hidden">Incidents</span>
                  </th>
                  <th scope="col" className="register-count" title="Custody events">
                    <span aria-hidden="true">Cust.</span>
                    <span className="visually-hidden">Custody events</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => {
                  const selected = r.id === selectedId;
                  return (
                    <tr
                      key={r.id}
                      ref={(el) => {
                        if (el) rowRefs.current.set(r.id, el);
                        else rowRefs.current.delete(r.id);
                      }}
                      data-exhibit-number={r.number}
                      data-exhibit-id={r.id}
                      className={selected ? 'register-row selected' : 'register-row'}
                      aria-selected={selected}
                      tabIndex={r.id === tabIndexId ? 0 : -1}
                      onClick={() => select(r.id, true)}
                      onDoubleClick={() => setOpenSeq((s) => s + 1)}
                      onKeyDown={(e) => onRowKey(e, i)}
                    >
                      <td className="mono register-number">{r.number}</td>
                      <td>{EXHIBIT_KIND_LABELS[r.kind] ?? r.kind}</td>
                      <td className="register-description">
                        <span className="register-description-text">{r.description}</span>
                        {r.gapCount > 0 ? (
                          <span className="badge badge-soon badge-gaps" title="Capture-checklist gaps">
                            {plural(r.gapCount, 'gap')}
                          </span>
                        ) : null}
                      </td>
                      <td className="register-collected">{r.collected || <span className="muted">—</span>}</td>
                      <td className="register-size">{r.physical ? <span className="muted">physical</span> : r.size !== null ? formatBytes(r.size) : '—'}</td>
                      <td className="register-count">{r.incidentIds.length}</td>
                      <td className="register-count">{r.custodyCount}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p className="hint block register-hint">Arrow keys move through the register; Enter goes to the exhibit's details.</p>
          </div>
          {shown ? (
            <ExhibitDetail
              number={number}
              exhibit={shown}
              rows={rows}
              people={people}
              tx={tx}
              readOnly={readOnly}
              headingRef={headingRef}
              onEdit={() => setEditing({ what: 'edit', exhibit: shown })}
              onRecordCustody={() => setEditing({ what: 'custody', exhibit: shown })}
              onDerive={() => onDerive(shown)}
              onDelete={() => setEditing({ what: 'delete', exhibit: shown })}
              onSelect={selectAny}
              onBack={() => selectedId && rowRefs.current.get(selectedId)?.focus()}
              explain={explain}
            />
          ) : (
            <aside id="exhibit-detail" className="exhibit-detail exhibit-detail-empty" aria-label="Exhibit details" aria-busy={detailLoading}>
              {detailError ? (
                <p className="form-error" role="alert">
                  {detailError}
                </p>
              ) : selectedId ? (
                <p className="pane-note" role="status">
                  <Spinner /> Loading the exhibit…
                </p>
              ) : (
                <p className="muted">Select an exhibit to see its file, record and chain of custody.</p>
              )}
            </aside>
          )}
        </div>
      ) : null}

      {editing?.what === 'custody' ? (
        <CustodyDialog
          number={number}
          exhibit={editing.exhibit}
          explain={explain}
          onClose={() => setEditing(null)}
          onSaved={(ex) => {
            setEditing(null);
            setExhibit(ex);
            changed();
          }}
        />
      ) : null}
      {editing?.what === 'edit' ? (
        <AddExhibitDialog
          number={number}
          people={people ?? []}
          tx={tx}
          editing={editing.exhibit}
          explain={explain}
          onClose={() => setEditing(null)}
          onSaved={(ex) => {
            setEditing(null);
            setExhibit(ex);
            changed();
          }}
        />
      ) : null}
      {editing?.what === 'delete' ? (
        <DeleteExhibitDialog
          number={number}
          exhibit={editing.exhibit}
          explain={explain}
          onClose={() => setEditing(null)}
          onDeleted={() => {
            const gone = editing.exhibit.id;
            const i = rows?.findIndex((r) => r.id === gone) ?? -1;
            const next = rows?.filter((r) => r.id !== gone) ?? [];
            setEditing(null);
            setRows(next);
            setExhibit(null);
            setSelectedId(next[Math.min(Math.max(i, 0), next.length - 1)]?.id ?? null);
            changed();
          }}
        />
      ) : null}
    </section>
  );
}
