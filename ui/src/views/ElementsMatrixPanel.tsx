import { useEffect, useRef, useState } from 'react';
import { Banner } from '../components/Banner';
import { Dialog } from '../components/Dialog';
import { Spinner } from '../components/Spinner';
import {
  listExhibits,
  setElementLinks,
  type ElementKind,
  type ElementRecord,
  type ElementRow,
  type ElementsMatrix,
  type ExhibitRow,
  type Statute,
  type Support,
} from '../ipc/commands';
import { ELEMENT_KIND_LABELS, EXHIBIT_KIND_LABELS, plural } from '../lib/labels';
import { asList } from '../lib/records';
import type { TaxonomyIndex } from '../lib/timeline';
import { IncidentPickerDialog } from './IncidentPickerDialog';

/** id of an element's row, so a gap can point at it. */
export function elementRowId(statuteId: string, elementId: string): string {
  return `element-${statuteId}-${elementId}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** Incidents and exhibits linked by hand to `kind`. */
function linkedTo(matrix: ElementsMatrix, record: ElementRecord, kind: ElementKind): string[] {
  return matrix.links.filter((l) => l.record === record && l.elements.includes(kind)).map((l) => l.id);
}

function kindsOf(matrix: ElementsMatrix, record: ElementRecord, id: string): ElementKind[] {
  return matrix.links.find((l) => l.record === record && l.id === id)?.elements ?? [];
}

const SHOWN = { incident: 3, exhibit: 5 } as const;

/** The records supporting an element: the count, the first few (hand-made links first) and how many more. */
function SupportCell({ items, record }: { items: Support[]; record: ElementRecord }) {
  if (items.length === 0) return <span className="muted">None</span>;
  const linked = items.filter((s) => s.linked).length;
  const ordered = [...items.filter((s) => s.linked), ...items.filter((s) => !s.linked)];
  const shown = ordered.slice(0, SHOWN[record]);
  const more = items.length - shown.length;
  return (
    <>
      <span className="matrix-count">
        {plural(items.length, record)}
        {linked > 0 ? <span className="muted"> · {linked} linked by hand</span> : null}
      </span>
      <ul className={record === 'exhibit' ? 'plain-list matrix-support matrix-exhibits' : 'plain-list matrix-support'}>
        {shown.map((s) => (
          <li key={s.id} data-support-id={s.id} data-linked={s.linked ? 'true' : 'false'}>
            <span className={record === 'exhibit' ? 'mono' : undefined}>{s.label}</span>
            {s.linked ? (
              <span className="chip-linked" title="Linked by hand">
                linked
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {more > 0 ? <span className="muted matrix-more">and {more.toLocaleString('en')} more</span> : null}
    </>
  );
}

/** Tick exhibits to link them by hand to a kind of proof. */
function ExhibitLinkDialog({
  number,
  title,
  selected,
  hint,
  onDone,
  onClose,
  explain,
}: {
  number: string;
  title: string;
  selected: string[];
  hint: string;
  onDone(ids: string[]): void;
  onClose(): void;
  explain(e: unknown): string;
}) {
  const [rows, setRows] = useState<ExhibitRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ticked, setTicked] = useState<string[]>(selected);
  const explainRef = useRef(explain);
  explainRef.current = explain;

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const list = asList(await listExhibits(number, null));
        if (live) setRows(list);
      } catch (e) {
        if (live) setError(explainRef.current(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [number]);

  const toggle = (id: string, on: boolean) => setTicked((prev) => (on ? [...prev, id] : prev.filter((x) => x !== id)));

  return (
    <Dialog id="exhibit-link-picker" title={title} onClose={onClose} className="dialog-wide">
      <div className="form">
        <p className="hint block">{hint}</p>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : rows === null ? (
          <p className="pane-note" role="status">
            <Spinner /> Loading the evidence register…
          </p>
        ) : rows.length === 0 ? (
          <p className="muted" role="status">
            The evidence register is empty. Add exhibits on the Evidence tab first.
          </p>
        ) : (
          <fieldset className="fieldset-plain">
            <legend className="visually-hidden">Exhibits</legend>
            <ul className="picker-list">
              {rows.map((x) => (
                <li key={x.id}>
                  <label className="checkbox picker-row">
                    <input
                      type="checkbox"
                      value={x.id}
                      data-exhibit-number={x.number}
                      checked={ticked.includes(x.id)}
                      onChange={(e) => toggle(x.id, e.target.checked)}
                    />
                    <span>
                      <span className="mono">{x.number}</span> · {EXHIBIT_KIND_LABELS[x.kind] ?? x.kind}
                      <span className="block muted picker-excerpt">{x.description}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <div className="form-actions">
          <button type="button" id="exhibit-link-done" className="button button-primary" disabled={rows === null && !error} onClick={() => onDone(ticked)}>
            Link {plural(ticked.length, 'exhibit')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Dialog>
  );
}

type Picking = null | { record: ElementRecord; row: ElementRow };

interface ElementsMatrixPanelProps {
  number: string;
  matrix: ElementsMatrix;
  readOnly: boolean;
  tx: TaxonomyIndex | null;
  /** The matrix the backend returned after links changed. */
  onMatrix(m: ElementsMatrix): void;
  /** Something failed part-way: load the matrix again. */
  onStale(): void;
  explain(e: unknown): string;
}

/**
 * Per charged statute, each element against the incidents and exhibits that
 * support it. Support is either linked by hand (a "linked" chip) or found by
 * the core from the records' own data. Links are to the kind of proof, so
 * one link counts for every statute of the case.
 */
export function ElementsMatrixPanel({ number, matrix, readOnly, tx, onMatrix, onStale, explain }: ElementsMatrixPanelProps) {
  const [picking, setPicking] = useState<Picking>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const save = async (record: ElementRecord, kind: ElementKind, ids: string[]) => {
    setPicking(null);
    const before = new Set(linkedTo(matrix, record, kind));
    const after = new Set(ids);
    const changed = [...new Set([...before, ...after])].filter((id) => before.has(id) !== after.has(id));
    if (changed.length === 0) return;
    setSaving(true);
    setError(null);
    setSaved(null);
    let last: ElementsMatrix | null = null;
    try {
      for (const id of changed) {
        const kinds = kindsOf(matrix, record, id);
        const next = after.has(id) ? [...kinds.filter((k) => k !== kind), kind] : kinds.filter((k) => k !== kind);
        last = await setElementLinks(number, record, id, next);
      }
      if (last) onMatrix(last);
      setSaved(`Links saved: ${plural(changed.length, record)} changed for “${ELEMENT_KIND_LABELS[kind]}”.`);
    } catch (e) {
      if (last) onMatrix(last);
      setError(explain(e));
      onStale();
    } finally {
      setSaving(false);
    }
  };

  const pickerHint = (row: ElementRow) =>
    `Ticked ones are linked by hand to “${ELEMENT_KIND_LABELS[row.element.kind]}”, so they count for this element in every statute charged. Records that support it from their own data need no link.`;

  return (
    <>
      <p className="hint block matrix-legend">
        <span className="chip-linked">linked</span> marks support you linked by hand; the rest was found from the records' own data.
        Links are to the kind of proof, so one link counts for every statute charged.
      </p>
      {error ? (
        <Banner tone="danger" urgent onDismiss={() => setError(null)}>
          The links could not all be saved: {error}
        </Banner>
      ) : null}
      <p className="hint block matrix-status" role="status">
        {saving ? (
          <>
            <Spinner /> Saving the links…
          </>
        ) : (
          (saved ?? '')
        )}
      </p>
      {matrix.statutes.map((s: Statute) => {
        const rows = matrix.rows.filter((r) => r.statuteId === s.id);
        const titleId = `matrix-${s.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
        const firstAggravator = rows.findIndex((r) => r.element.aggravator);
        const cols = readOnly ? 3 : 4;
        return (
          <section key={s.id} className="matrix-statute" aria-labelledby={titleId} data-statute-id={s.id}>
            <h4 id={titleId} className="matrix-statute-title">
              {s.label}
            </h4>
            <p className="hint block">
              {s.jurisdiction}
              {s.references.length > 0 ? ` · ${s.references.join('; ')}` : ''}
            </p>
            <div className="table-wrap">
              <table className="data-table matrix-table" aria-labelledby={titleId}>
                <thead>
                  <tr>
                    <th scope="col">Element</th>
                    <th scope="col">Incidents</th>
                    <th scope="col">Exhibits</th>
                    {!readOnly ? (
                      <th scope="col">
                        <span className="visually-hidden">Link records</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => {
                    const unsupported = r.incidents.length === 0 && r.exhibits.length === 0;
                    const label = r.element.label;
                    return [
                      i === firstAggravator ? (
                        <tr key={`${r.element.id}-group`} className="group-row">
                          <th scope="colgroup" colSpan={cols}>
                            Aggravating factors
                          </th>
                        </tr>
                      ) : null,
                      <tr
                        key={r.element.id}
                        id={elementRowId(r.statuteId, r.element.id)}
                        tabIndex={-1}
                        className={`matrix-row${unsupported ? ' matrix-unsupported' : ''}${r.element.aggravator ? ' matrix-aggravator' : ''}`}
                        data-element-id={r.element.id}
                        data-kind={r.element.kind}
                      >
                        <th scope="row" className="matrix-element">
                          <span className="matrix-element-head">
                            <span className="matrix-element-label">{label}</span>
                            {r.element.aggravator ? <span className="badge badge-aggravator">Aggravator</span> : null}
                            {unsupported ? (
                              <span className={r.element.aggravator ? 'badge badge-unsupported-quiet' : 'badge badge-unsupported'}>NOT SUPPORTED</span>
                            ) : null}
                          </span>
                          <span className="block matrix-element-text">{r.element.text}</span>
                          <span className="block muted matrix-kind">Proof: {ELEMENT_KIND_LABELS[r.element.kind] ?? r.element.kind}</span>
                        </th>
                        <td className="matrix-cell">
                          <SupportCell items={r.incidents} record="incident" />
                        </td>
                        <td className="matrix-cell">
                          <SupportCell items={r.exhibits} record="exhibit" />
                        </td>
                        {!readOnly ? (
                          <td className="cell-actions matrix-actions">
                            <button
                              type="button"
                              className="button button-secondary button-tiny"
                              data-action="link-element-incidents"
                              aria-disabled={saving || undefined}
                              aria-label={`Link incidents to “${label}”`}
                              onClick={() => !saving && setPicking({ record: 'incident', row: r })}
                            >
                              Link incidents…
                            </button>
                            <button
                              type="button"
                              className="button button-quiet button-tiny"
                              data-action="link-element-exhibits"
                              aria-disabled={saving || undefined}
                              aria-label={`Link exhibits to “${label}”`}
                              onClick={() => !saving && setPicking({ record: 'exhibit', row: r })}
                            >
                              Link exhibits…
                            </button>
                          </td>
                        ) : null}
                      </tr>,
                    ];
                  })}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}

      {picking?.record === 'incident' ? (
        <IncidentPickerDialog
          number={number}
          tx={tx}
          title={`Link incidents to “${picking.row.element.label}”`}
          selected={linkedTo(matrix, 'incident', picking.row.element.kind)}
          hint={pickerHint(picking.row)}
          explain={explain}
          onClose={() => setPicking(null)}
          onDone={(ids) => void save('incident', picking.row.element.kind, ids)}
        />
      ) : null}
      {picking?.record === 'exhibit' ? (
        <ExhibitLinkDialog
          number={number}
          title={`Link exhibits to “${picking.row.element.label}”`}
          selected={linkedTo(matrix, 'exhibit', picking.row.element.kind)}
          hint={pickerHint(picking.row)}
          explain={explain}
          onClose={() => setPicking(null)}
          onDone={(ids) => void save('exhibit', picking.row.element.kind, ids)}
        />
      ) : null}
    </>
  );
}
