import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Dialog } from '../components/Dialog';
import { Spinner } from '../components/Spinner';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { listIncidents, type IncidentSummary } from '../ipc/commands';
import { plural } from '../lib/labels';
import { categoryLabel, emptyFilter, type TaxonomyIndex } from '../lib/timeline';

interface IncidentPickerDialogProps {
  number: string;
  tx: TaxonomyIndex | null;
  title: string;
  /** Ids already linked (ticked to start with). */
  selected: string[];
  /** A line under the search field saying what ticking does. */
  hint?: ReactNode;
  /** The ids ticked when the user confirms, and the rows seen for them. */
  onDone(ids: string[], rows: IncidentSummary[]): void;
  onClose(): void;
  explain(e: unknown): string;
}

const LIMIT = 200;

/** Tick incidents already on the timeline to link them to a protocol item. */
export function IncidentPickerDialog({ number, tx, title, selected, hint, onDone, onClose, explain }: IncidentPickerDialogProps) {
  const [text, setText] = useState('');
  const settled = useDebouncedValue(text.trim(), 200);
  const [rows, setRows] = useState<IncidentSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [ticked, setTicked] = useState<string[]>(selected);
  const seen = useRef(new Map<string, IncidentSummary>());
  const explainRef = useRef(explain);
  explainRef.current = explain;

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const page = await listIncidents(number, { ...emptyFilter(), text: settled }, 0, LIMIT);
        if (!live) return;
        const list = page?.rows ?? [];
        for (const r of list) seen.current.set(r.id, r);
        setRows(list);
        setTotal(page?.total ?? list.length);
        setError(null);
      } catch (e) {
        if (live) setError(explainRef.current(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [number, settled]);

  const toggle = (id: string, on: boolean) => setTicked((prev) => (on ? [...prev, id] : prev.filter((x) => x !== id)));

  return (
    <Dialog id="incident-picker" title={title} onClose={onClose} className="dialog-wide">
      <div className="form">
        <div className="field">
          <label htmlFor="incident-picker-search">Find incidents</label>
          <input
            id="incident-picker-search"
            className="input"
            type="search"
            autoComplete="off"
            placeholder="Words in the narrative, place or category"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          {hint ? <p className="hint block">{hint}</p> : null}
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : rows === null ? (
          <p className="pane-note" role="status">
            <Spinner /> Loading incidents…
          </p>
        ) : rows.length === 0 ? (
          <p className="muted" role="status">
            {settled ? `No incident matches “${settled}”.` : 'This case has no incidents yet.'}
          </p>
        ) : (
          <fieldset className="fieldset-plain">
            <legend className="visually-hidden">Incidents</legend>
            <p className="hint" role="status">
              {total > rows.length ? `The first ${rows.length} of ${plural(total, 'incident')}; search to narrow down.` : plural(total, 'incident')}
            </p>
            <ul className="picker-list">
              {rows.map((r) => (
                <li key={r.id}>
                  <label className="checkbox picker-row">
                    <input type="checkbox" checked={ticked.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
                    <span>
                      <strong>{r.display}</strong> · {categoryLabel(tx, r.category)}
                      {r.excerpt ? <span className="block muted picker-excerpt">{r.excerpt}</span> : null}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <div className="form-actions">
          <button
            type="button"
            id="incident-picker-done"
            className="button button-primary"
            onClick={() => onDone(ticked, ticked.map((id) => seen.current.get(id)).filter((r): r is IncidentSummary => !!r))}
          >
            Link {plural(ticked.length, 'incident')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Dialog>
  );
}
