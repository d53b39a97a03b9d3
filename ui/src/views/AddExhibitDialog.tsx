import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Dialog } from '../components/Dialog';
import { Icon } from '../components/Icon';
import { Spinner } from '../components/Spinner';
import { WhenField } from '../components/WhenField';
import {
  addExhibits,
  cancelIngest,
  clearEvidenceFiles,
  getIncident,
  listLegal,
  onEvidenceProgress,
  onFilesDropped,
  pendingEvidenceFiles,
  pickEvidenceFiles,
  updateExhibit,
  type AddExhibitsResult,
  type EvidenceSource,
  type Exhibit,
  type ExhibitInput,
  type ExhibitKind,
  type IngestEvent,
  type LegalProcess,
  type PendingFile,
  type Person,
} from '../ipc/commands';
import { formatBytes, formatDate } from '../lib/format';
import {
  CHECKLIST_KINDS,
  EVIDENCE_SOURCE_LABELS,
  EXHIBIT_KIND_LABELS,
  LEGAL_KIND_LABELS,
  optionsOf,
  plural,
  ROLE_LABELS,
} from '../lib/labels';
import { asList } from '../lib/records';
import { categoryLabel, type TaxonomyIndex } from '../lib/timeline';
import { browserTimeZone } from '../lib/tz';
import { IncidentPickerDialog } from './IncidentPickerDialog';

interface AddExhibitDialogProps {
  number: string;
  people: Person[];
  tx: TaxonomyIndex | null;
  /** Files dropped on the window (the shell holds their paths). */
  initialFiles?: PendingFile[] | null;
  /** Make a redacted, cropped or converted copy of this exhibit. */
  derivedFrom?: Exhibit | null;
  /** Edit this exhibit instead of adding one. */
  editing?: Exhibit | null;
  /** Incidents ticked to start with. */
  defaultIncidentIds?: string[];
  /** Exhibits were added (also when the user cancelled part-way and some were). */
  onAdded?(result: AddExhibitsResult): void;
  /** The edited exhibit. */
  onSaved?(exhibit: Exhibit): void;
  /** Something may have been written although the dialog stays open (a batch that failed part-way). */
  onChanged?(): void;
  onClose(): void;
  explain(e: unknown): string;
}

type Tri = 'yes' | 'no' | 'unknown';

interface Values {
  number: string;
  description: string;
  kind: ExhibitKind;
  source: EvidenceSource;
  sourceDetail: string;
  legalId: string;
  collectedBy: string;
  collected: string;
  collectedWhere: string;
  storedAt: string;
  physical: boolean;
  incidentIds: string[];
  personIds: string[];
  senderVisible: Tri;
  timeVisible: Tri;
  originalKept: Tri;
  device: string;
  notes: string;
  derivation: string;
}

/** Kinds offered in the select: a derived copy is made from an exhibit's detail pane. */
const KINDS = optionsOf(EXHIBIT_KIND_LABELS).filter((o) => o.value !== 'derived');
const SOURCES = optionsOf(EVIDENCE_SOURCE_LABELS);
/** Kinds that stay as chosen when "Physical item" is ticked. */
const PHYSICAL_KINDS: ReadonlySet<ExhibitKind> = new Set<ExhibitKind>(['physicalItem', 'tracker', 'deviceExtraction', 'document', 'other']);

const toTri = (b: boolean | null): Tri => (b === null ? 'unknown' : b ? 'yes' : 'no');
const fromTri = (t: Tri): boolean | null => (t === 'unknown' ? null : t === 'yes');

const CHECKS: Array<{ key: 'senderVisible' | 'timeVisible' | 'originalKept'; label: string }> = [
  { key: 'senderVisible', label: "Sender's number or handle visible" },
  { key: 'timeVisible', label: 'Date and time visible' },
  { key: 'originalKept', label: 'Unedited original kept' },
];
const TRI_LABELS: Array<[Tri, string]> = [
  ['yes', 'Yes'],
  ['no', 'No'],
  ['unknown', 'Not checked'],
];

function initialValues(editing: Exhibit | null, derivedFrom: Exhibit | null, incidentIds: string[]): Values {
  const i = editing?.input ?? null;
  const from = derivedFrom?.input ?? null;
  return {
    number: i?.number ?? '',
    description: i?.description ?? '',
    kind: i?.kind ?? (derivedFrom ? 'derived' : 'screenshot'),
    source: i?.source ?? 'victim',
    sourceDetail: i?.sourceDetail ?? '',
    legalId: i?.legalId ?? '',
    collectedBy: i?.collectedBy ?? '',
    collected: i?.collected ?? '',
    collectedWhere: i?.collectedWhere ?? '',
    storedAt: i?.storedAt ?? '',
    physical: i?.physical ?? false,
    incidentIds: i ? [...i.incidentIds] : from ? [...from.incidentIds] : [...incidentIds],
    personIds: i ? [...i.personIds] : from ? [...from.personIds] : [],
    senderVisible: toTri(i?.checklist.senderVisible ?? null),
    timeVisible: toTri(i?.checklist.timeVisible ?? null),
    originalKept: toTri(i?.checklist.originalKept ?? null),
    device: i?.checklist.device ?? '',
    notes: i?.notes ?? '',
    derivation: i?.derivation ?? '',
  };
}

/** Bytes done and to do across the batch, from the last progress event. */
export function batchProgress(p: IngestEvent | null, batch: PendingFile[]): { percent: number; done: number; total: number } {
  const sizes = batch.map((f) => f.size);
  const known = sizes.every((s): s is number => typeof s === 'number');
  if (!p) {
    const total = known ? (sizes as number[]).reduce((a, b) => a + b, 0) : 0;
    return { percent: 0, done: 0, total };
  }
  let done = p.done;
  let total = p.total;
  if (known && batch.length === p.count) {
    const all = sizes as number[];
    total = all.reduce((a, b) => a + b, 0);
    done = all.slice(0, Math.max(0, p.index - 1)).reduce((a, b) => a + b, 0) + p.done;
  }
  const percent =
    total > 0
      ? Math.min(100, Math.floor((done * 100) / total))
      : p.count > 0
        ? Math.min(100, Math.floor(((p.index - 1) * 100) / p.count))
        : 0;
  return { percent, done: Math.min(done, total || done), total };
}

/**
 * Add evidence: the files chosen (native dialog) or dropped on the window,
 * each becoming one exhibit, or one physical item; with where it came from,
 * who collected it and when, links to incidents and people and, for
 * screenshots, message exports and call logs, the capture checklist. Files
 * are taken in by the core with a progress bar and can be cancelled.
 * Also edits an exhibit's record (not its file), and makes derived copies.
 */
export function AddExhibitDialog({
  number,
  people,
  tx,
  initialFiles = null,
  derivedFrom = null,
  editing = null,
  defaultIncidentIds = [],
  onAdded,
  onSaved,
  onChanged,
  onClose,
  explain,
}: AddExhibitDialogProps) {
  const [v, setV] = useState<Values>(() => initialValues(editing, derivedFrom, defaultIncidentIds));
  const [files, setFiles] = useState<PendingFile[]>(() => initialFiles ?? []);
  const [picking, setPicking] = useState(false);
  const [running, setRunning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [progress, setProgress] = useState<IngestEvent | null>(null);
  const [batch, setBatch] = useState<PendingFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [legal, setLegal] = useState<LegalProcess[] | null>(null);
  const [legalError, setLegalError] = useState<string | null>(null);
  const [picker, setPicker] = useState(false);
  const [incidentLabels, setIncidentLabels] = useState<Map<string, ReactNode>>(() => new Map());
  const [tz] = useState(() => editing?.input.tz ?? browserTimeZone());
  const runningRef = useRef(false);
  const explainRef = useRef(explain);
  explainRef.current = explain;

  const adding = editing === null;
  const derived = derivedFrom !== null || editing?.input.kind === 'derived';
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((prev) => ({ ...prev, [k]: value }));

  // The shell holds the chosen files: show what it has (unless the drop just told us).
  useEffect(() => {
    if (!adding || initialFiles) return;
    let live = true;
    (async () => {
      try {
        const list = asList(await pendingEvidenceFiles());
        if (live) setFiles(list);
      } catch {
        /* nothing pending */
      }
    })();
    return () => {
      live = false;
    };
    // Only when the dialog opens.
  }, []);

  // Files dropped while the dialog is open replace the choice (as they do in the shell).
  useEffect(() => {
    if (!adding) return;
    const off = onFilesDropped((dropped) => {
      if (runningRef.current) return;
      setFiles(dropped);
      setNotice(null);
      if (dropped.length > 0) setV((prev) => ({ ...prev, physical: false }));
    });
    return () => {
      if (typeof off === 'function') off();
    };
  }, [adding]);

  useEffect(() => {
    if (!adding) return;
    const off = onEvidenceProgress((e) => {
      if (runningRef.current && e) setProgress(e);
    });
    return () => {
      if (typeof off === 'function') off();
    };
  }, [adding]);

  // The legal process a provider return came under.
  const needsLegal = v.source === 'providerReturn';
  useEffect(() => {
    if (!needsLegal || legal !== null) return;
    let live = true;
    (async () => {
      try {
        const list = asList(await listLegal(number));
        if (live) setLegal(list);
      } catch (e) {
        if (live) setLegalError(explainRef.current(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [needsLegal, legal, number]);

  // How linked incidents read in their chips.
  const incidentKey = v.incidentIds.join(',');
  useEffect(() => {
    const missing = v.incidentIds.filter((id) => !incidentLabels.has(id));
    if (missing.length === 0) return;
    let live = true;
    void Promise.all(
      missing.map(async (id): Promise<[string, ReactNode]> => {
        try {
          const inc = await getIncident(number, id);
          return [
            id,
            inc ? (
              <>
                <strong>{inc.occurred.display}</strong> · {categoryLabel(tx, inc.input.category)}
              </>
            ) : (
              <span className="muted">An incident no longer in this case</span>
            ),
          ];
        } catch {
          return [id, <span className="muted">An incident no longer in this case</span>];
        }
      }),
    ).then((found) => {
      if (!live) return;
      setIncidentLabels((prev) => {
        const next = new Map(prev);
        for (const [id, label] of found) next.set(id, label);
        return next;
      });
    });
    return () => {
      live = false;
    };
    // `incidentLabels` is read, not watched: refetching when it changes would loop.
  }, [incidentKey, number, tx]);

  const syncFiles = async () => {
    try {
      setFiles(asList(await pendingEvidenceFiles()));
    } catch {
      setFiles([]);
    }
  };

  const chooseFiles = async () => {
    if (picking || running) return;
    setPicking(true);
    setError(null);
    setNotice(null);
    try {
      const list = asList(await pickEvidenceFiles());
      setFiles(list);
      if (list.length > 0) set('physical', false);
    } catch (e) {
      setError(explain(e));
    } finally {
      setPicking(false);
    }
  };

  const removeFiles = async () => {
    setFiles([]);
    try {
      await clearEvidenceFiles();
    } catch {
      /* the next add would say nothing is chosen */
    }
  };

  const togglePhysical = (on: boolean) => {
    setV((prev) => ({ ...prev, physical: on, kind: on && !PHYSICAL_KINDS.has(prev.kind) ? 'physicalItem' : prev.kind }));
    if (on && files.length > 0) void removeFiles();
  };

  const dismiss = () => {
    if (running) return;
    // Forget files chosen or dropped but not added, so they are not added later by surprise.
    if (adding) void Promise.resolve().then(() => clearEvidenceFiles()).catch(() => {});
    onClose();
  };

  const inputOf = (): ExhibitInput => {
    const checklist = CHECKLIST_KINDS.has(v.kind);
    return {
      number: v.number.trim(),
      description: v.description.trim(),
      kind: derived ? 'derived' : v.kind,
      source: v.source,
      sourceDetail: v.sourceDetail.trim(),
      legalId: v.source === 'providerReturn' && v.legalId ? v.legalId : null,
      collectedBy: v.collectedBy.trim(),
      collected: v.collected.trim(),
      tz,
      collectedWhere: v.collectedWhere.trim(),
      storedAt: v.physical ? v.storedAt.trim() : '',
      physical: v.physical,
      incidentIds: v.incidentIds,
      personIds: v.personIds,
      checklist: checklist
        ? { senderVisible: fromTri(v.senderVisible), timeVisible: fromTri(v.timeVisible), originalKept: fromTri(v.originalKept), device: v.device.trim() }
        : { senderVisible: null, timeVisible: null, originalKept: null, device: '' },
      notes: v.notes.trim(),
      derivedFrom: editing ? editing.input.derivedFrom : (derivedFrom?.id ?? null),
      derivation: derived ? v.derivation.trim() : '',
    };
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (running) return;
    setError(null);
    setNotice(null);
    const input = inputOf();
    if (editing) {
      setRunning(true);
      try {
        const saved = await updateExhibit(number, editing.id, input);
        onSaved?.(saved);
      } catch (err) {
        setError(explain(err));
        setRunning(false);
      }
      return;
    }
    setBatch(v.physical ? [] : files);
    setProgress(null);
    setCancelling(false);
    runningRef.current = true;
    setRunning(true);
    try {
      const result = await addExhibits(number, input);
      runningRef.current = false;
      const added = asList(result?.added);
      if (result?.cancelled && added.length === 0) {
        setRunning(false);
        setProgress(null);
        setNotice('Cancelled. Nothing was added: the file in progress left nothing behind. Choose the files again to add them.');
        await syncFiles();
        return;
      }
      onAdded?.({ added, cancelled: !!result?.cancelled });
    } catch (err) {
      runningRef.current = false;
      setError(explain(err));
      setRunning(false);
      setProgress(null);
      onChanged?.();
      if (!v.physical) await syncFiles();
    }
  };

  const cancel = async () => {
    if (cancelling) return;
    setCancelling(true);
    try {
      await cancelIngest();
    } catch (e) {
      setError(explain(e));
      setCancelling(false);
    }
  };

  const title = editing ? `Edit exhibit ${editing.number}` : derivedFrom ? `Make a copy of ${derivedFrom.number}` : 'Add evidence';
  const showChecklist = CHECKLIST_KINDS.has(derived ? 'derived' : v.kind);
  const showNumber = !!editing || v.physical || files.length <= 1;
  const totalSize = files.reduce((a, f) => a + (f.size ?? 0), 0);
  const bp = batchProgress(progress, batch);
  const others = people;

  let submitLabel: ReactNode = 'Add';
  if (editing) submitLabel = running ? (
    <>
      <Spinner /> Saving…
    </>
  ) : (
    'Save changes'
  );
  else if (running) submitLabel = (
    <>
      <Spinner /> Adding…
    </>
  );

  return (
    <>
      <Dialog id="exhibit-dialog" title={title} onClose={dismiss} busy={running} className="dialog-wide">
        <form id="exhibit-form" className="form" onSubmit={submit} noValidate aria-busy={running ? 'true' : undefined}>
          <fieldset className="fieldset-plain" disabled={running}>
            {adding ? (
              <section className="exhibit-files" aria-labelledby="exhibit-files-title">
                <div className="panel-title-row">
                  <h3 id="exhibit-files-title" className="subheading exhibit-files-title">
                    {v.physical ? 'Physical item' : derived ? 'The copy' : 'Files'}
                  </h3>
                  {!derived ? (
                    <label className="checkbox exhibit-physical">
                      <input type="checkbox" id="exhibit-physical" checked={v.physical} onChange={(e) => togglePhysical(e.target.checked)} />
                      <span>Physical item (no file)</span>
                    </label>
                  ) : null}
                </div>
                {v.physical ? (
                  <p className="hint block">
                    Record an object kept in the property store (a tracker, a letter, a gift). It gets one exhibit number and its
                    own chain of custody.
                  </p>
                ) : (
                  <>
                    {files.length === 0 ? (
                      <p className="muted exhibit-files-empty" id="exhibit-files-empty">
                        {derived
                          ? 'Choose the redacted, cropped or converted file. The original stays as it is.'
                          : 'No files chosen. Choose them here or drop them on the window. Each file becomes its own exhibit.'}
                      </p>
                    ) : (
                      <>
                        <ul className="pending-files" aria-label="Files to add" id="exhibit-files-list">
                          {files.map((f, i) => (
                            <li key={`${f.name}-${i}`} className="pending-file">
                              <span className="pending-file-name">{f.name}</span>
                              <span className="muted pending-file-size">{f.size === null ? 'not a readable file' : formatBytes(f.size)}</span>
                            </li>
                          ))}
                        </ul>
                        <p className="hint block">
                          {files.length > 1
                            ? `${plural(files.length, 'file')}, ${formatBytes(totalSize)}: each becomes its own exhibit, with the file name added to its description.`
                            : 'The file is copied into the case file, encrypted, and its SHA-256 recorded.'}
                        </p>
                      </>
                    )}
                    <div className="button-row exhibit-files-actions">
                      <button
                        type="button"
                        id="exhibit-choose-files"
                        className="button button-secondary"
                        data-action="choose-files"
                        data-autofocus={files.length === 0 ? '' : undefined}
                        disabled={picking || running}
                        onClick={() => void chooseFiles()}
                      >
                        {picking ? (
                          <>
                            <Spinner /> Choosing…
                          </>
                        ) : files.length > 0 ? (
                          'Choose other files…'
                        ) : derived ? (
                          'Choose the file…'
                        ) : (
                          'Choose files…'
                        )}
                      </button>
                      {files.length > 0 ? (
                        <button type="button" className="button button-quiet button-small" onClick={() => void removeFiles()}>
                          Remove {files.length === 1 ? 'the file' : 'all'}
                        </button>
                      ) : null}
                    </div>
                  </>
                )}
              </section>
            ) : (
              <p className="hint block">
                {editing?.file
                  ? `The file (${editing.file.name}) and its SHA-256 never change; only the record about it does.`
                  : 'A physical item: its record can be changed; custody events are recorded separately.'}
              </p>
            )}

            {derivedFrom ? (
              <p className="derived-note" id="exhibit-derived-from">
                Made from <strong>{derivedFrom.number}</strong>: {derivedFrom.input.description}
              </p>
            ) : null}

            <div className="field-row">
              <div className="field">
                <label htmlFor="exhibit-kind">Kind</label>
                <select
                  id="exhibit-kind"
                  className="input"
                  value={derived ? 'derived' : v.kind}
                  disabled={derived}
                  aria-describedby={derived ? 'exhibit-kind-hint' : undefined}
                  onChange={(e) => set('kind', e.target.value as ExhibitKind)}
                >
                  {derived ? (
                    <option value="derived">{EXHIBIT_KIND_LABELS.derived}</option>
                  ) : (
                    KINDS.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))
                  )}
                </select>
                {derived ? (
                  <p id="exhibit-kind-hint" className="hint">
                    A copy made from another exhibit.
                  </p>
                ) : null}
              </div>
              {showNumber ? (
                <div className="field">
                  <label htmlFor="exhibit-number">Exhibit number</label>
                  <input
                    id="exhibit-number"
                    className="input mono"
                    type="text"
                    autoComplete="off"
                    spellCheck={false}
                    value={v.number}
                    placeholder={editing ? undefined : 'Next number'}
                    aria-describedby="exhibit-number-hint"
                    onChange={(e) => set('number', e.target.value)}
                  />
                  <p id="exhibit-number-hint" className="hint">
                    {editing ? 'Change it only to match a label already on the item.' : "Left empty: the next number in your agency's format."}
                  </p>
                </div>
              ) : null}
            </div>

            <div className="field">
              <label htmlFor="exhibit-description">Description</label>
              <input
                id="exhibit-description"
                className="input"
                type="text"
                autoComplete="off"
                value={v.description}
                data-autofocus={!adding || files.length > 0 || v.physical ? '' : undefined}
                placeholder="e.g. Screenshot of WhatsApp messages from the suspect's number"
                onChange={(e) => set('description', e.target.value)}
              />
            </div>

            {derived ? (
              <div className="field">
                <label htmlFor="exhibit-derivation">What was done</label>
                <input
                  id="exhibit-derivation"
                  className="input"
                  type="text"
                  autoComplete="off"
                  required
                  aria-required="true"
                  aria-describedby="exhibit-derivation-hint"
                  value={v.derivation}
                  onChange={(e) => set('derivation', e.target.value)}
                />
                <p id="exhibit-derivation-hint" className="hint">
                  Required: for example “victim's address redacted”, “cropped to the message”, “converted to PDF”.
                </p>
              </div>
            ) : null}

            <div className="field-row">
              <div className="field">
                <label htmlFor="exhibit-source">Source</label>
                <select id="exhibit-source" className="input" value={v.source} onChange={(e) => set('source', e.target.value as EvidenceSource)}>
                  {SOURCES.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="exhibit-source-detail">Source detail</label>
                <input
                  id="exhibit-source-detail"
                  className="input"
                  type="text"
                  autoComplete="off"
                  placeholder="Agency, witness or provider"
                  value={v.sourceDetail}
                  onChange={(e) => set('sourceDetail', e.target.value)}
                />
              </div>
            </div>
            {needsLegal ? (
              <div className="field">
                <label htmlFor="exhibit-legal">Legal process</label>
                <select
                  id="exhibit-legal"
                  className="input"
                  value={v.legalId}
                  aria-describedby="exhibit-legal-hint"
                  disabled={legal === null}
                  onChange={(e) => set('legalId', e.target.value)}
                >
                  <option value="">{legal === null ? 'Loading…' : legal.length === 0 ? 'No legal process recorded' : 'Choose the request it answers…'}</option>
                  {(legal ?? []).map((l) => (
                    <option key={l.id} value={l.id}>
                      {LEGAL_KIND_LABELS[l.input.kind]} to {l.input.provider}, sent {formatDate(l.input.sentOn)}
                      {l.input.reference ? ` (${l.input.reference})` : ''}
                    </option>
                  ))}
                </select>
                <p id="exhibit-legal-hint" className="hint">
                  {legalError
                    ? `The legal process could not be loaded: ${legalError}`
                    : legal && legal.length === 0
                      ? 'Record the subpoena, warrant or order on the Management tab first.'
                      : 'The subpoena, warrant or order the provider answered.'}
                </p>
              </div>
            ) : null}

            <div className="field-row">
              <div className="field">
                <label htmlFor="exhibit-collected-by">Collected by</label>
                <input
                  id="exhibit-collected-by"
                  className="input"
                  type="text"
                  autoComplete="off"
                  placeholder="You, if left empty"
                  value={v.collectedBy}
                  onChange={(e) => set('collectedBy', e.target.value)}
                />
              </div>
              <WhenField
                id="exhibit-collected"
                label="Collected when"
                value={v.collected}
                onChange={(t) => set('collected', t)}
                tz={tz}
                emptyHint='For example "today 14:20" or "3/14/2026 9:30pm".'
              />
            </div>
            <div className="field">
              <label htmlFor="exhibit-collected-where">Where collected</label>
              <input
                id="exhibit-collected-where"
                className="input"
                type="text"
                autoComplete="off"
                value={v.collectedWhere}
                onChange={(e) => set('collectedWhere', e.target.value)}
              />
            </div>
            {v.physical ? (
              <div className="field">
                <label htmlFor="exhibit-stored-at">Stored at</label>
                <input
                  id="exhibit-stored-at"
                  className="input"
                  type="text"
                  autoComplete="off"
                  placeholder="e.g. Property store, locker 14"
                  value={v.storedAt}
                  onChange={(e) => set('storedAt', e.target.value)}
                />
              </div>
            ) : null}

            {showChecklist ? (
              <fieldset className="fieldset checklist" id="exhibit-checklist">
                <legend>Capture checklist</legend>
                <p className="hint block">
                  A capture that shows who sent it and when, with the original kept, is hard to challenge. Anything not
                  confirmed is listed as a gap.
                </p>
                {CHECKS.map((c) => (
                  <fieldset key={c.key} className="fieldset-plain checklist-row">
                    <legend className="checklist-question">{c.label}</legend>
                    <div className="checklist-options">
                      {TRI_LABELS.map(([value, label]) => (
                        <label key={value} className="radio radio-pill">
                          <input
                            type="radio"
                            name={`exhibit-${c.key}`}
                            value={value}
                            checked={v[c.key] === value}
                            onChange={() => set(c.key, value)}
                          />
                          <span>{label}</span>
                        </label>
                      ))}
                    </div>
                  </fieldset>
                ))}
                <div className="field">
                  <label htmlFor="exhibit-device">Device</label>
                  <input
                    id="exhibit-device"
                    className="input"
                    type="text"
                    autoComplete="off"
                    placeholder="e.g. Victim's iPhone 13, +44 7700 900123"
                    value={v.device}
                    onChange={(e) => set('device', e.target.value)}
                  />
                </div>
              </fieldset>
            ) : null}

            <fieldset className="fieldset-plain field">
              <legend className="legend-label">Incidents</legend>
              {v.incidentIds.length === 0 ? (
                <p className="muted item-empty">Not linked to any incident.</p>
              ) : (
                <ul className="link-chips" aria-label="Linked incidents">
                  {v.incidentIds.map((id) => (
                    <li key={id} className="link-chip" data-linked-id={id}>
                      <span className="link-chip-text">{incidentLabels.get(id) ?? <span className="muted">Loading the incident…</span>}</span>
                      <button
                        type="button"
                        className="icon-button chip-remove"
                        aria-label="Unlink this incident"
                        title="Unlink"
                        onClick={() => set('incidentIds', v.incidentIds.filter((x) => x !== id))}
                      >
                        <span aria-hidden="true">×</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <div>
                <button type="button" className="button button-secondary button-small" data-action="link-incidents" onClick={() => setPicker(true)}>
                  Link incidents…
                </button>
              </div>
            </fieldset>

            <fieldset className="fieldset-plain field">
              <legend className="legend-label">People</legend>
              {others.length === 0 ? (
                <p className="hint">Add people on the People tab to link them here.</p>
              ) : (
                <div className="checkbox-columns">
                  {others.map((p) => (
                    <label key={p.id} className="checkbox">
                      <input
                        type="checkbox"
                        checked={v.personIds.includes(p.id)}
                        onChange={(e) =>
                          set('personIds', e.target.checked ? [...v.personIds, p.id] : v.personIds.filter((x) => x !== p.id))
                        }
                      />
                      <span>
                        {p.name} <span className="muted">({ROLE_LABELS[p.role].toLowerCase()})</span>
                      </span>
                    </label>
                  ))}
                </div>
              )}
            </fieldset>

            <div className="field">
              <label htmlFor="exhibit-notes">Notes</label>
              <textarea id="exhibit-notes" className="input" rows={3} value={v.notes} onChange={(e) => set('notes', e.target.value)} />
            </div>
          </fieldset>

          <div className="exhibit-footer">
            {notice ? (
              <p className="form-note" role="status" id="exhibit-notice">
                {notice}
              </p>
            ) : null}
            <div id="exhibit-error" role="alert" className="form-error">
              {error}
            </div>

            {running && adding && !v.physical ? (
              <div className="ingest-progress" id="ingest-progress">
                <p className="ingest-file">
                  {progress ? (
                    <>
                      File {progress.index} of {progress.count}: <span className="mono break">{progress.file}</span>
                    </>
                  ) : (
                    <>
                      <Spinner /> Starting…
                    </>
                  )}
                </p>
                <div
                  className="progress progress-large"
                  role="progressbar"
                  aria-label="Adding the files"
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={bp.percent}
                  aria-valuetext={progress ? `File ${progress.index} of ${progress.count}, ${bp.percent}%` : 'Starting'}
                >
                  <span className="progress-fill" style={{ width: `${bp.percent}%` }} />
                </div>
                <p className="ingest-numbers" aria-live="off">
                  {bp.percent}% · {formatBytes(bp.done)} of {formatBytes(bp.total)}
                </p>
              </div>
            ) : null}

            <div className="form-actions">
              <button type="submit" id="exhibit-save" className="button button-primary" data-action="add-exhibits" disabled={running}>
                {submitLabel}
              </button>
              {running && adding ? (
                <button type="button" id="ingest-cancel" className="button button-secondary" data-action="cancel-ingest" disabled={cancelling} onClick={() => void cancel()}>
                  {cancelling ? 'Cancelling…' : 'Cancel'}
                </button>
              ) : (
                <button type="button" className="button button-secondary" onClick={dismiss} disabled={running}>
                  Cancel
                </button>
              )}
              {adding && !running && !v.physical && files.length === 0 ? (
                <span className="hint">
                  <Icon name="alert" /> Choose the files first, or tick “Physical item”.
                </span>
              ) : null}
            </div>
          </div>
        </form>
      </Dialog>
      {picker ? (
        <IncidentPickerDialog
          number={number}
          tx={tx}
          title="Link incidents to this evidence"
          selected={v.incidentIds}
          explain={explain}
          onClose={() => setPicker(false)}
          onDone={(ids, rows) => {
            setIncidentLabels((prev) => {
              const next = new Map(prev);
              for (const r of rows)
                next.set(
                  r.id,
                  <>
                    <strong>{r.display}</strong> · {categoryLabel(tx, r.category)}
                  </>,
                );
              return next;
            });
            set('incidentIds', ids);
            setPicker(false);
          }}
        />
      ) : null}
    </>
  );
}
