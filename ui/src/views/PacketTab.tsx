import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Banner } from '../components/Banner';
import { Icon } from '../components/Icon';
import { Spinner } from '../components/Spinner';
import {
  elementsMatrix,
  getPacketInfo,
  listStatutes,
  packetHistory,
  savePacketInfo,
  setCaseStatutes,
  signingIdentity,
  type ElementsMatrix,
  type Gap,
  type PacketExport,
  type PacketInfo,
  type PacketProfile,
  type SignerInfoSummary,
  type Statute,
} from '../ipc/commands';
import { formatDateTime, groupHex } from '../lib/format';
import { PACKET_PROFILE_LABELS, plural } from '../lib/labels';
import { asList } from '../lib/records';
import type { TaxonomyIndex } from '../lib/timeline';
import { ElementsMatrixPanel, elementRowId } from './ElementsMatrixPanel';
import { PacketExportPanel } from './PacketExportPanel';

interface PacketTabProps {
  number: string;
  readOnly: boolean;
  tx: TaxonomyIndex | null;
  /** True while the tab is shown: the matrix and history are read again each time it is. */
  active: boolean;
  /** Bumped when incidents or exhibits change elsewhere. */
  recordsVersion: number;
  explain(e: unknown): string;
}

const EMPTY_INFO: PacketInfo = { charges: '', custody: '', safetyAlert: '', summary: '', relationship: '', recommendations: '' };

const INFO_FIELDS: Array<{ key: keyof PacketInfo; label: string; rows: number; hint: string }> = [
  { key: 'charges', label: 'Charges sought', rows: 0, hint: 'For the cover sheet, e.g. “Stalking, PC 646.9(b); violation of a protective order, PC 273.6”.' },
  { key: 'custody', label: "Suspect's custody status", rows: 0, hint: 'e.g. “In custody since 3/21, arraignment 3/24” or “At large”.' },
  { key: 'safetyAlert', label: 'Victim-safety alert', rows: 2, hint: 'Printed prominently on the cover: what the prosecutor must know before any release decision.' },
  { key: 'summary', label: 'Summary', rows: 6, hint: 'One page: who, the relationship, how long, the pattern, the current risk, and what you ask for.' },
  { key: 'relationship', label: 'Relationship history', rows: 4, hint: 'How they know each other, how it ended, earlier incidents and reports.' },
  { key: 'recommendations', label: 'Recommendations', rows: 4, hint: 'Recommended charges, release conditions and protective-order terms.' },
];

function sameInfo(a: PacketInfo, b: PacketInfo): boolean {
  return INFO_FIELDS.every((f) => a[f.key] === b[f.key]);
}

/** Serious gaps first; each kept in the order the core gave. */
function orderGaps(gaps: Gap[]): Gap[] {
  return [...gaps.filter((g) => g.level === 'serious'), ...gaps.filter((g) => g.level !== 'serious')];
}

function profileLabel(p: string): string {
  return PACKET_PROFILE_LABELS[p as PacketProfile] ?? p;
}

/**
 * The prosecutor's case packet: the statutes the case is charged under, the
 * elements matrix with its gaps, the packet's own narrative, the export
 * (with a preview of the same PDF) and the history of exports with the
 * certificate they are signed with. A review copy can still be exported.
 */
export function PacketTab({ number, readOnly, tx, active, recordsVersion, explain }: PacketTabProps) {
  const [statutes, setStatutes] = useState<Statute[] | null>(null);
  const [matrix, setMatrix] = useState<ElementsMatrix | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [shown, setShown] = useState(0);
  const [pendingIds, setPendingIds] = useState<string[] | null>(null);
  const [statuteSaving, setStatuteSaving] = useState(false);
  const [statuteError, setStatuteError] = useState<string | null>(null);

  const [info, setInfo] = useState<PacketInfo | null>(null);
  const [draft, setDraft] = useState<PacketInfo>(EMPTY_INFO);
  const [infoError, setInfoError] = useState<string | null>(null);
  const [infoSaving, setInfoSaving] = useState(false);
  const [infoSaved, setInfoSaved] = useState(false);

  const [history, setHistory] = useState<PacketExport[] | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [signer, setSigner] = useState<SignerInfoSummary | null>(null);
  const [signerError, setSignerError] = useState<string | null>(null);

  const matrixSeq = useRef(0);
  const explainRef = useRef(explain);
  explainRef.current = explain;

  // Read the matrix again each time the tab is shown: incidents, exhibits and the protocol feed it.
  useEffect(() => {
    if (active) setShown((s) => s + 1);
  }, [active]);

  useEffect(() => {
    if (shown === 0) return;
    let live = true;
    const seq = ++matrixSeq.current;
    (async () => {
      try {
        const [list, m] = await Promise.all([listStatutes(), elementsMatrix(number)]);
        if (!live) return;
        setStatutes(asList(list));
        if (seq === matrixSeq.current) {
          setMatrix(m ?? null);
          setPendingIds(null);
        }
        setLoadError(null);
      } catch (e) {
        if (live) setLoadError(explainRef.current(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [number, recordsVersion, reload, shown]);

  const loadHistory = useCallback(async () => {
    try {
      setHistory(asList(await packetHistory(number)));
      setHistoryError(null);
    } catch (e) {
      setHistoryError(explainRef.current(e));
    }
  }, [number]);

  useEffect(() => {
    if (shown === 0) return;
    void loadHistory();
  }, [loadHistory, shown]);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const i = await getPacketInfo(number);
        if (!live) return;
        const value = { ...EMPTY_INFO, ...(i ?? {}) };
        setInfo(value);
        setDraft(value);
        setInfoError(null);
      } catch (e) {
        if (live) setInfoError(explainRef.current(e));
      }
    })();
    (async () => {
      try {
        const s = await signingIdentity();
        if (live) setSigner(s ?? null);
      } catch (e) {
        if (live) setSignerError(explainRef.current(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [number]);

  const chosenIds = pendingIds ?? matrix?.statutes.map((s) => s.id) ?? [];
  // Statutes the case is charged under that are no longer installed stay listed (and can be removed).
  const choices: Statute[] = [...(statutes ?? []), ...(matrix?.statutes ?? []).filter((s) => !statutes?.some((x) => x.id === s.id))];

  const toggleStatute = async (id: string, on: boolean) => {
    if (readOnly) return;
    const next = choices.filter((s) => (s.id === id ? on : chosenIds.includes(s.id))).map((s) => s.id);
    setPendingIds(next);
    setStatuteError(null);
    setStatuteSaving(true);
    const seq = ++matrixSeq.current;
    try {
      const m = await setCaseStatutes(number, next);
      if (seq !== matrixSeq.current) return;
      if (m) setMatrix(m);
      setPendingIds(null);
      setStatuteSaving(false);
    } catch (e) {
      if (seq !== matrixSeq.current) return;
      setPendingIds(null);
      setStatuteSaving(false);
      setStatuteError(explainRef.current(e));
      setReload((r) => r + 1);
    }
  };

  const onMatrix = useCallback((m: ElementsMatrix) => {
    matrixSeq.current += 1;
    setMatrix(m);
    setPendingIds(null);
  }, []);

  const saveInfo = async (e: FormEvent) => {
    e.preventDefault();
    if (readOnly || infoSaving || !infoDirty) return;
    setInfoSaving(true);
    setInfoError(null);
    setInfoSaved(false);
    try {
      const saved = { ...EMPTY_INFO, ...((await savePacketInfo(number, draft)) ?? draft) };
      setInfo(saved);
      setDraft(saved);
      setInfoSaved(true);
    } catch (err) {
      setInfoError(explainRef.current(err));
    } finally {
      setInfoSaving(false);
    }
  };

  const showElement = (g: Gap) => {
    if (!g.statuteId || !g.elementId) return;
    const row = document.getElementById(elementRowId(g.statuteId, g.elementId));
    row?.focus();
  };

  const gaps = matrix ? orderGaps(matrix.gaps) : [];
  const serious = gaps.filter((g) => g.level === 'serious').length;
  const infoDirty = info !== null && !sameInfo(info, draft);
  const statuteLabel = (id: string | null) => (id ? (matrix?.statutes.find((s) => s.id === id)?.label ?? null) : null);

  return (
    <section className="packet" aria-labelledby="packet-title">
      <div className="timeline-toolbar">
        <h2 id="packet-title" className="timeline-title">
          Case packet
        </h2>
        {matrix ? (
          <span className="incident-count" id="packet-gap-count">
            {gaps.length === 0 ? 'No gaps' : `${plural(gaps.length, 'gap')}${serious > 0 ? `, ${serious} serious` : ''}`}
          </span>
        ) : null}
      </div>
      <p className="hint block packet-explain">
        The prosecutor's packet: choose the offences, check each element against what supports it, close the gaps, then export a
        signed PDF. The elements are paraphrased for investigators; the prosecutor's reading of the statute governs.
      </p>
      {readOnly ? (
        <Banner tone="info" id="packet-read-only">
          This is a review copy: the statutes, links and packet details can be read but not changed. You can still preview and
          export the packet.
        </Banner>
      ) : null}

      {loadError ? (
        <div className="pane-note" role="alert">
          <p className="form-error">The elements matrix could not be loaded: {loadError}</p>
          <button type="button" className="button button-secondary button-small" onClick={() => setReload((r) => r + 1)}>
            Try again
          </button>
        </div>
      ) : null}
      {(statutes === null || matrix === null) && !loadError ? (
        <p className="pane-note" role="status">
          <Spinner /> Loading the statutes and the elements matrix…
        </p>
      ) : null}

      {statutes !== null && matrix !== null ? (
        <>
          <section className="panel" aria-labelledby="packet-statutes-title" id="packet-statutes">
            <h3 id="packet-statutes-title" className="panel-title">
              Statutes
            </h3>
            {choices.length === 0 ? (
              <p className="muted" id="packet-no-statutes">
                No statute profiles are installed. An administrator adds the agency's own with{' '}
                <span className="mono">vigil statute use FILE</span>.
              </p>
            ) : (
              <fieldset className="fieldset-plain statute-choice" data-testid="statute-choice" disabled={readOnly} aria-describedby="packet-statutes-hint">
                <legend className="legend-label">Offences the case is charged under</legend>
                <p id="packet-statutes-hint" className="hint block">
                  {readOnly ? 'View only in a review copy.' : 'Tick every offence the case is charged under; the matrix and the packet follow.'}
                </p>
                <ul className="plain-list statute-list">
                  {choices.map((s) => {
                    const labelId = `statute-${s.id}-label`.replace(/[^A-Za-z0-9_-]/g, '_');
                    const descId = `statute-${s.id}-desc`.replace(/[^A-Za-z0-9_-]/g, '_');
                    const installed = statutes.some((x) => x.id === s.id);
                    return (
                      <li key={s.id}>
                        <label className="checkbox statute-option">
                          <input
                            type="checkbox"
                            value={s.id}
                            checked={chosenIds.includes(s.id)}
                            aria-labelledby={labelId}
                            aria-describedby={descId}
                            onChange={(e) => void toggleStatute(s.id, e.target.checked)}
                          />
                          <span>
                            <strong id={labelId}>{s.label}</strong>
                            <span id={descId} className="block muted statute-meta">
                              {s.jurisdiction}
                              {installed ? '' : ' · no longer installed'}. {s.summary}
                            </span>
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            )}
            <p className="hint block" role="status">
              {statuteSaving ? (
                <>
                  <Spinner /> Saving…
                </>
              ) : (
                ''
              )}
            </p>
            {statuteError ? (
              <Banner tone="danger" urgent onDismiss={() => setStatuteError(null)}>
                The statutes could not be saved: {statuteError}
              </Banner>
            ) : null}
          </section>

          <section className="panel" aria-labelledby="packet-gaps-title" id="packet-gaps">
            <h3 id="packet-gaps-title" className="panel-title">
              Gaps in the proof
            </h3>
            {gaps.length === 0 ? (
              <p className="packet-no-gaps" id="packet-no-gaps">
                <Icon name="check" /> No gaps found: every element of the statutes charged has support.
              </p>
            ) : (
              <p className="hint block">
                {serious > 0
                  ? `${plural(serious, 'serious gap')}: an element is unproven as things stand.`
                  : 'No serious gaps; the warnings below mark thin proof.'}
              </p>
            )}
            <ul className="gap-items" data-testid="gap-list" aria-labelledby="packet-gaps-title">
              {gaps.map((g, i) => {
                const where = statuteLabel(g.statuteId);
                return (
                  <li key={`${g.code}-${g.statuteId ?? ''}-${g.elementId ?? ''}-${i}`} className={`gap-item gap-${g.level}`} data-level={g.level} data-code={g.code}>
                    <span className="gap-icon" aria-hidden="true">
                      {g.level === 'serious' ? '!' : 'i'}
                    </span>
                    <span className="gap-body">
                      <span className={`req-tag ${g.level === 'serious' ? 'req-required' : 'req-recommended'}`}>{g.level === 'serious' ? 'Serious' : 'Warning'}</span>{' '}
                      <span className="gap-message">{g.message}</span>
                      {g.statuteId && g.elementId ? (
                        <>
                          {' '}
                          <button
                            type="button"
                            className="button button-link button-small gap-show"
                            aria-label={`Show this element in the matrix${where ? ` (${where})` : ''}`}
                            onClick={() => showElement(g)}
                          >
                            Show in the matrix
                          </button>
                        </>
                      ) : null}
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>

          <section className="panel" aria-labelledby="packet-matrix-title" id="packet-matrix">
            <h3 id="packet-matrix-title" className="panel-title">
              Elements matrix
            </h3>
            {matrix.statutes.length === 0 ? (
              <div className="empty-state packet-matrix-empty" id="packet-matrix-empty">
                <h4>No statute chosen yet</h4>
                <p>Tick the offences the case is charged under above to see each element and the incidents and exhibits that support it.</p>
              </div>
            ) : (
              <ElementsMatrixPanel
                number={number}
                matrix={matrix}
                readOnly={readOnly}
                tx={tx}
                onMatrix={onMatrix}
                onStale={() => setReload((r) => r + 1)}
                explain={explain}
              />
            )}
          </section>
        </>
      ) : null}

      <section className="panel" aria-labelledby="packet-info-title" id="packet-info">
        <h3 id="packet-info-title" className="panel-title">
          Packet details
        </h3>
        {info === null && !infoError ? (
          <p className="pane-note" role="status">
            <Spinner /> Loading the packet details…
          </p>
        ) : null}
        {info !== null ? (
          <form className="form packet-info-form" onSubmit={saveInfo} noValidate>
            <p className="hint block">
              {readOnly ? 'View only in a review copy.' : 'Your own words for the cover sheet and the narrative sections. Empty fields are left out.'}
            </p>
            <div className="field-grid">
              {INFO_FIELDS.map((f) => {
                const id = `packet-${f.key}`;
                const common = {
                  id,
                  className: 'input',
                  value: draft[f.key],
                  readOnly,
                  'aria-describedby': `${id}-hint`,
                  onChange: (e: { target: { value: string } }) => {
                    setDraft((d) => ({ ...d, [f.key]: e.target.value }));
                    setInfoSaved(false);
                  },
                };
                return (
                  <div key={f.key} className={f.rows > 2 ? 'field span-2' : 'field'}>
                    <label htmlFor={id}>{f.label}</label>
                    {f.rows === 0 ? <input type="text" autoComplete="off" {...common} /> : <textarea rows={f.rows} {...common} />}
                    <p id={`${id}-hint`} className="hint block">
                      {f.hint}
                    </p>
                  </div>
                );
              })}
            </div>
            {infoError ? (
              <p className="form-error" role="alert">
                {infoError}
              </p>
            ) : null}
            {!readOnly ? (
              <div className="form-actions">
                <button type="submit" className="button button-primary" data-action="save-packet-info" aria-disabled={infoSaving || !infoDirty || undefined}>
                  {infoSaving ? (
                    <>
                      <Spinner /> Saving…
                    </>
                  ) : (
                    'Save details'
                  )}
                </button>
                {infoDirty ? (
                  <button type="button" className="button button-secondary" onClick={() => setDraft(info)}>
                    Discard changes
                  </button>
                ) : null}
                <span className="hint" role="status">
                  {infoSaved ? 'Saved.' : infoDirty ? 'Unsaved changes.' : ''}
                </span>
              </div>
            ) : null}
          </form>
        ) : infoError ? (
          <p className="form-error" role="alert">
            The packet details could not be loaded: {infoError}
          </p>
        ) : null}
      </section>

      <PacketExportPanel number={number} infoDirty={infoDirty} signer={signer} onExported={() => void loadHistory()} explain={explain} />

      <section className="panel" aria-labelledby="packet-history-title" id="packet-history">
        <h3 id="packet-history-title" className="panel-title">
          Export history
        </h3>
        {historyError ? (
          <div className="pane-note" role="alert">
            <p className="form-error">The export history could not be loaded: {historyError}</p>
            <button type="button" className="button button-secondary button-small" onClick={() => void loadHistory()}>
              Try again
            </button>
          </div>
        ) : null}
        {history === null && !historyError ? (
          <p className="pane-note" role="status">
            <Spinner /> Loading the export history…
          </p>
        ) : null}
        {history && history.length === 0 ? <p className="muted">No packet has been exported from this case yet.</p> : null}
        {history && history.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table packet-history-table" id="packet-history-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">By</th>
                  <th scope="col">Copy</th>
                  <th scope="col">Pages</th>
                  <th scope="col">File</th>
                  <th scope="col">SHA-256</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={`${h.at}-${h.sha256}`} data-sha256={h.sha256}>
                    <td className="deadline">
                      <time dateTime={h.at}>{formatDateTime(h.at)}</time>
                    </td>
                    <td>{h.by}</td>
                    <td>{profileLabel(h.profile)}</td>
                    <td className="register-count">{h.pages.toLocaleString('en')}</td>
                    <td className="packet-file">{h.file}</td>
                    <td>
                      <code className="hash-inline">{h.sha256}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}

        <h4 className="subheading">Signing certificate</h4>
        {signer ? (
          <dl className="facts facts-compact facts-single packet-signer" id="packet-signer">
            <div>
              <dt>Subject</dt>
              <dd className="break">{signer.subject}</dd>
            </div>
            <div>
              <dt>SHA-256 fingerprint</dt>
              <dd>
                <code className="hash-inline fingerprint" data-testid="signer-fingerprint">
                  {groupHex(signer.fingerprint)}
                </code>
                <span className="block hint">Read it out in groups to whoever checks a packet, so they know it came from you.</span>
              </dd>
            </div>
          </dl>
        ) : signerError ? (
          <p className="form-error" role="alert">
            The signing certificate could not be read: {signerError}
          </p>
        ) : (
          <p className="pane-note" role="status">
            <Spinner /> Reading the signing certificate…
          </p>
        )}
      </section>
    </section>
  );
}
