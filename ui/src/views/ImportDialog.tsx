import { useEffect, useMemo, useRef, useState } from 'react';
import { Dialog } from '../components/Dialog';
import { Spinner } from '../components/Spinner';
import {
  importCancel,
  importCommit,
  importFromText,
  importPickFile,
  importPreview,
  type ImportField,
  type ImportPreview,
  type ImportResult,
  type ImportRowPreview,
} from '../ipc/commands';
import { IMPORT_FIELD_LABELS, optionsOf, plural } from '../lib/labels';

interface ImportDialogProps {
  number: string;
  onClose(): void;
  onImported(result: ImportResult): void;
  explain(e: unknown): string;
}

/** Rows shown in full before "…and N more rows" (problem rows are always shown, up to MAX_PROBLEM_ROWS). */
export const PREVIEW_ROWS = 200;
const MAX_PROBLEM_ROWS = 1000;
const MAX_PROBLEM_LINES = 500;

const FIELDS = optionsOf(IMPORT_FIELD_LABELS);

/** Which rows the preview table shows: the first 200, then only rows with problems. */
export function previewRows(rows: ImportRowPreview[]): { shown: ImportRowPreview[]; hidden: number } {
  const shown = rows.slice(0, PREVIEW_ROWS);
  let extraProblems = 0;
  for (let i = PREVIEW_ROWS; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.problems.length > 0 && extraProblems < MAX_PROBLEM_ROWS) {
      shown.push(r);
      extraProblems++;
    }
  }
  return { shown, hidden: rows.length - shown.length };
}

type Step = 'choose' | 'preview';

/**
 * Import a victim's own log (SPARC-style CSV or a pasted spreadsheet):
 * choose, check the column mapping and every row, then write all rows or
 * none. Nothing is written until every row reads cleanly.
 */
export function ImportDialog({ number, onClose, onImported, explain }: ImportDialogProps) {
  const [step, setStep] = useState<Step>('choose');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Array<ImportField | null>>([]);
  const [paste, setPaste] = useState('');
  const [busy, setBusy] = useState<null | 'pick' | 'paste' | 'map' | 'commit'>(null);
  const [error, setError] = useState<string | null>(null);
  const committed = useRef(false);
  const pending = useRef(false);
  const seq = useRef(0);
  const summaryRef = useRef<HTMLParagraphElement>(null);

  // Leaving without importing: tell the backend to forget the file.
  useEffect(
    () => () => {
      if (pending.current && !committed.current) void importCancel().catch(() => {});
    },
    [],
  );

  const show = (p: ImportPreview) => {
    pending.current = true;
    setPreview(p);
    setMapping(p.columns.map((c) => c.field));
    setStep('preview');
    setError(null);
    setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const pick = async () => {
    setBusy('pick');
    setError(null);
    try {
      const p = await importPickFile();
      if (p) show(p);
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(null);
    }
  };

  const fromText = async () => {
    if (paste.trim() === '') {
      setError('Paste the rows of the log first.');
      return;
    }
    setBusy('paste');
    setError(null);
    try {
      show(await importFromText(paste, 'pasted text'));
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(null);
    }
  };

  const remap = async (index: number, field: ImportField | null) => {
    const next = mapping.map((f, i) => (i === index ? field : f));
    setMapping(next);
    const n = ++seq.current;
    setBusy('map');
    setError(null);
    try {
      const p = await importPreview(next);
      if (n !== seq.current) return;
      setPreview(p);
    } catch (e) {
      if (n === seq.current) setError(explain(e));
    } finally {
      if (n === seq.current) setBusy(null);
    }
  };

  const back = () => {
    if (pending.current) void importCancel().catch(() => {});
    pending.current = false;
    setPreview(null);
    setMapping([]);
    setStep('choose');
    setError(null);
  };

  const commit = async () => {
    if (!preview) return;
    setBusy('commit');
    setError(null);
    try {
      const result = await importCommit(number, mapping);
      committed.current = true;
      pending.current = false;
      onImported(result);
    } catch (e) {
      setError(explain(e));
      setBusy(null);
    }
  };

  const rows = useMemo(() => (preview ? previewRows(preview.rows) : { shown: [], hidden: 0 }), [preview]);
  const problemLines = useMemo(() => {
    const out: Array<{ line: number; message: string }> = [];
    if (!preview) return out;
    for (const r of preview.rows) for (const m of r.problems) out.push({ line: r.line, message: m });
    return out;
  }, [preview]);

  const problemCount = preview?.problemCount ?? 0;
  const ready = preview ? preview.rows.filter((r) => r.problems.length === 0).length : 0;
  const canCommit = preview !== null && problemCount === 0 && preview.rows.length > 0 && busy === null;

  return (
    <Dialog id="import-dialog" title="Import a victim's log" onClose={onClose} busy={busy === 'commit'} className="dialog-xwide">
      {step === 'choose' ? (
        <div className="import-choose">
          <p className="lead-small">
            Import the log the victim kept (for example the SPARC incident and behaviour log): date, time, description,
            location, witnesses, police contacted, officer, badge and report number. The file's SHA-256 is recorded with
            every incident, so each one can be traced to its line.
          </p>
          <div className="import-options">
            <section className="import-option" aria-labelledby="import-file-title">
              <h3 id="import-file-title">From a file</h3>
              <p className="hint">A CSV file saved from a spreadsheet.</p>
              <button
                type="button"
                id="import-choose"
                className="button button-primary"
                onClick={() => void pick()}
                disabled={busy !== null}
                data-autofocus=""
              >
                {busy === 'pick' ? (
                  <>
                    <Spinner /> Opening…
                  </>
                ) : (
                  'Choose a file…'
                )}
              </button>
            </section>
            <section className="import-option" aria-labelledby="import-paste-title">
              <h3 id="import-paste-title">Paste</h3>
              <label htmlFor="import-paste" className="hint block">
                Copy the rows (with their header row) from a spreadsheet and paste them here.
              </label>
              <textarea
                id="import-paste"
                className="input mono"
                rows={6}
                value={paste}
                spellCheck={false}
                onChange={(e) => setPaste(e.target.value)}
              />
              <button
                type="button"
                id="import-paste-submit"
                className="button button-secondary"
                onClick={() => void fromText()}
                disabled={busy !== null}
              >
                {busy === 'paste' ? (
                  <>
                    <Spinner /> Reading…
                  </>
                ) : (
                  'Read the pasted rows'
                )}
              </button>
            </section>
          </div>
        </div>
      ) : preview ? (
        <div className="import-preview" aria-busy={busy === 'map' ? 'true' : undefined}>
          <dl className="facts facts-compact facts-single">
            <div>
              <dt>File</dt>
              <dd className="break">{preview.fileName}</dd>
            </div>
            <div>
              <dt>SHA-256</dt>
              <dd>
                <code className="hash break">{preview.sha256}</code>
              </dd>
            </div>
          </dl>

          <p
            id="import-summary"
            ref={summaryRef}
            tabIndex={-1}
            className={problemCount > 0 ? 'import-summary has-problems' : 'import-summary'}
            role="status"
          >
            {problemCount > 0
              ? `${plural(ready, 'row')} ready, ${plural(problemCount, 'problem')} — fix the file or the mapping; nothing is written until every row is fine.`
              : preview.rows.length === 0
                ? 'The file has no rows to import.'
                : `${plural(ready, 'row')} ready to import.`}
          </p>

          <h3 className="subheading" id="import-columns-title">
            Columns
          </h3>
          <ul className="import-mapping" aria-labelledby="import-columns-title">
            {preview.columns.map((c, i) => (
              <li key={c.index} className="field">
                <label htmlFor={`import-map-${i}`}>
                  <span className="muted">{c.index + 1}.</span> {c.header || <span className="muted">(no header)</span>}
                </label>
                <select
                  id={`import-map-${i}`}
                  className="input"
                  value={mapping[i] ?? ''}
                  disabled={busy === 'commit'}
                  onChange={(e) => void remap(i, (e.target.value || null) as ImportField | null)}
                >
                  <option value="">Ignore this column</option>
                  {FIELDS.map((f) => (
                    <option key={f.value} value={f.value}>
                      {f.label}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>

          {problemLines.length > 0 ? (
            <section aria-labelledby="import-problems-title" className="import-problems-box">
              <h3 id="import-problems-title" className="subheading">
                Problems
              </h3>
              <ul id="import-problems" className="import-problems">
                {problemLines.slice(0, MAX_PROBLEM_LINES).map((p, i) => (
                  <li key={i}>
                    line {p.line}: {p.message}
                  </li>
                ))}
              </ul>
              {problemLines.length > MAX_PROBLEM_LINES ? (
                <p className="hint">…and {plural(problemLines.length - MAX_PROBLEM_LINES, 'more problem')}.</p>
              ) : null}
            </section>
          ) : null}

          <h3 className="subheading">Rows</h3>
          <div className="import-rows-wrap">
            <table className="data-table import-rows">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">When</th>
                  <th scope="col">Description</th>
                  <th scope="col">Location</th>
                </tr>
              </thead>
              <tbody>
                {rows.shown.map((r) => (
                  <tr key={r.line} data-line={r.line} className={r.problems.length > 0 ? 'row-problem' : undefined}>
                    <td className="mono">{r.line}</td>
                    <td>
                      {r.occurred ? r.occurred.display : null}
                      {r.problems.length > 0 ? (
                        <ul className="row-problems">
                          {r.problems.map((m, i) => (
                            <li key={i}>
                              <span aria-hidden="true">⚠ </span>
                              {m}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                    <td className="import-description">{r.description}</td>
                    <td>{r.location}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.hidden > 0 ? (
            <p className="hint" id="import-more-rows">
              …and {plural(rows.hidden, 'more row')}.
            </p>
          ) : null}
        </div>
      ) : null}

      <div id="import-error" role="alert" className="form-error">
        {error}
      </div>

      <div className="form-actions dialog-footer sticky-footer">
        {step === 'preview' ? (
          <>
            <button
              type="button"
              id="import-back"
              className="button button-secondary"
              onClick={back}
              disabled={busy === 'commit'}
            >
              Back
            </button>
            <button
              type="button"
              id="import-commit"
              className="button button-primary"
              disabled={!canCommit}
              aria-describedby="import-summary"
              onClick={() => void commit()}
            >
              {busy === 'commit' ? (
                <>
                  <Spinner /> Importing…
                </>
              ) : (
                `Import ${plural(preview?.rows.length ?? 0, 'incident')}`
              )}
            </button>
          </>
        ) : null}
        <button type="button" className="button button-quiet" onClick={onClose} disabled={busy === 'commit'}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
