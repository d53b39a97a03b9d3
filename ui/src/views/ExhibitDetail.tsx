import { ReviewNotesFor } from '../components/ReviewNotes';
import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { Banner } from '../components/Banner';
import { ExhibitPreview } from '../components/ExhibitPreview';
import { Spinner } from '../components/Spinner';
import {
  exportExhibit,
  getIncident,
  listLegal,
  type CustodyEvent,
  type Exhibit,
  type ExhibitRow,
  type ExportedExhibit,
  type Person,
} from '../ipc/commands';
import { formatBytes, formatDateTime } from '../lib/format';
import {
  CHECKLIST_KINDS,
  CUSTODY_KIND_LABELS,
  EVIDENCE_SOURCE_LABELS,
  EXHIBIT_KIND_LABELS,
  LEGAL_KIND_LABELS,
  plural,
  PRECISION_LABELS,
  ROLE_LABELS,
} from '../lib/labels';
import { asList } from '../lib/records';
import { categoryLabel, type TaxonomyIndex } from '../lib/timeline';

interface ExhibitDetailProps {
  number: string;
  exhibit: Exhibit;
  /** The register, to name the exhibits this one is linked to. */
  rows: ExhibitRow[];
  people: Person[] | null;
  tx: TaxonomyIndex | null;
  readOnly: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
  onEdit(): void;
  onRecordCustody(): void;
  onDerive(): void;
  onDelete(): void;
  /** Show another exhibit (by id or number). */
  onSelect(exhibit: string): void;
  /** Esc inside the pane: back to the register. */
  onBack?(): void;
  explain(e: unknown): string;
}

function Fact({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'span-2' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const none = <span className="muted">Not recorded</span>;

function triText(b: boolean | null): ReactNode {
  return b === null ? <span className="muted">Not checked</span> : b ? 'Yes' : 'No';
}

/** The full SHA-256, selectable, with a copy button. */
function HashValue({ sha256 }: { sha256: string }) {
  const [copied, setCopied] = useState<null | 'ok' | 'manual'>(null);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => setCopied(null), [sha256]);
  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(sha256);
      setCopied('ok');
    } catch {
      // Select it so Ctrl+C copies it.
      const el = ref.current;
      const sel = typeof window.getSelection === 'function' ? window.getSelection() : null;
      if (el && sel) {
        const range = document.createRange();
        range.selectNodeContents(el);
        sel.removeAllRanges();
        sel.addRange(range);
      }
      setCopied('manual');
    }
  };
  return (
    <div className="hash-block">
      <code ref={ref} id="exhibit-sha256" className="hash-full" data-testid="exhibit-sha256">
        {sha256}
      </code>
      <div className="hash-actions">
        <button type="button" className="button button-secondary button-tiny" aria-describedby="exhibit-sha256" onClick={() => void copy()}>
          Copy SHA-256
        </button>
        <span className="hint hash-copied" role="status">
          {copied === 'ok' ? 'Copied.' : copied === 'manual' ? 'Selected: press Ctrl+C to copy.' : ''}
        </span>
      </div>
    </div>
  );
}

function HashBadge({ event }: { event: CustodyEvent }) {
  if (event.hashCheck === 'matched')
    return (
      <span className="badge badge-hash-ok" data-hash="matched" title={event.hashSeen ?? undefined}>
        <span aria-hidden="true">✓ </span>hash matched
      </span>
    );
  if (event.hashCheck === 'mismatch')
    return (
      <span className="badge badge-hash-bad" data-hash="mismatch">
        <span aria-hidden="true">✗ </span>HASH MISMATCH
      </span>
    );
  return null;
}

/** The chain of custody, oldest first. */
function CustodyList({ exhibit }: { exhibit: Exhibit }) {
  const seqOf = new Map(exhibit.custody.map((e) => [e.id, e.seq]));
  const correctedBy = new Map<string, number>();
  for (const e of exhibit.custody) if (e.corrects) correctedBy.set(e.corrects, e.seq);
  return (
    <ol className="custody-list" data-testid="custody-list" id="custody-list" aria-label={`Chain of custody of ${exhibit.number}`}>
      {exhibit.custody.map((e) => {
        const move = e.from || e.to;
        return (
          <li
            key={e.id}
            className={`custody-event custody-${e.kind}${e.hashCheck === 'mismatch' ? ' custody-mismatch' : ''}`}
            data-seq={e.seq}
            data-kind={e.kind}
          >
            <div className="custody-head">
              <span className="custody-seq" aria-label={`Event ${e.seq}`}>
                {e.seq}
              </span>
              <strong className="custody-kind">{CUSTODY_KIND_LABELS[e.kind] ?? e.kind}</strong>
              <time className="custody-when" dateTime={e.at}>
                {formatDateTime(e.at)}
              </time>
              <HashBadge event={e} />
            </div>
            <dl className="custody-facts">
              <div>
                <dt>By</dt>
                <dd>{e.byWhom || none}</dd>
              </div>
              {move ? (
                <div>
                  <dt>From → to</dt>
                  <dd>
                    {e.from || <span className="muted">—</span>} <span aria-hidden="true">→</span>
                    <span className="visually-hidden"> to </span> {e.to || <span className="muted">—</span>}
                  </dd>
                </div>
              ) : null}
              {e.place ? (
                <div>
                  <dt>Place</dt>
                  <dd>{e.place}</dd>
                </div>
              ) : null}
              {e.purpose ? (
                <div>
                  <dt>Purpose</dt>
                  <dd>{e.purpose}</dd>
                </div>
              ) : null}
              {e.authority ? (
                <div>
                  <dt>Authority</dt>
                  <dd>{e.authority}</dd>
                </div>
              ) : null}
            </dl>
            {e.hashCheck === 'mismatch' ? (
              <p className="custody-warning">
                The file's SHA-256 did not match the one recorded at intake
                {e.hashSeen ? (
                  <>
                    : found <code className="hash-inline">{e.hashSeen}</code>
                  </>
                ) : null}
                . Run “Verify integrity” on the Overview tab and report it.
              </p>
            ) : null}
            {e.corrects ? <p className="custody-note">Corrects event {seqOf.get(e.corrects) ?? '(not found)'}.</p> : null}
            {correctedBy.has(e.id) ? <p className="custody-note muted">Corrected by event {correctedBy.get(e.id)}.</p> : null}
            {e.note ? <p className="custody-note pre-wrap">{e.note}</p> : null}
            <p className="custody-recorded muted">Recorded {formatDateTime(e.recordedAt)}</p>
          </li>
        );
      })}
    </ol>
  );
}

/** The selected exhibit: its file, preview, record, links and chain of custody. */
export function ExhibitDetail({
  number,
  exhibit,
  rows,
  people,
  tx,
  readOnly,
  headingRef,
  onEdit,
  onRecordCustody,
  onDerive,
  onDelete,
  onSelect,
  onBack,
  explain,
}: ExhibitDetailProps) {
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<ExportedExhibit | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [incidents, setIncidents] = useState<Map<string, ReactNode>>(() => new Map());
  const [legalText, setLegalText] = useState<string | null>(null);
  const explainRef = useRef(explain);
  explainRef.current = explain;
  const inp = exhibit.input;

  useEffect(() => {
    setExported(null);
    setExportError(null);
  }, [exhibit.id]);

  const incidentKey = inp.incidentIds.join(',');
  useEffect(() => {
    const ids = incidentKey ? incidentKey.split(',') : [];
    if (ids.length === 0) {
      setIncidents(new Map());
      return;
    }
    let live = true;
    void Promise.all(
      ids.map(async (id): Promise<[string, ReactNode]> => {
        try {
          const inc = await getIncident(number, id);
          if (!inc) return [id, null];
          return [
            id,
            <>
              <time dateTime={inc.occurred.from}>{inc.occurred.display}</time> · {categoryLabel(tx, inc.input.category)}
            </>,
          ];
        } catch {
          return [id, null];
        }
      }),
    ).then((found) => {
      if (live) setIncidents(new Map(found));
    });
    return () => {
      live = false;
    };
  }, [incidentKey, number, tx]);

  useEffect(() => {
    const id = inp.legalId;
    if (!id) {
      setLegalText(null);
      return;
    }
    let live = true;
    (async () => {
      try {
        const l = asList(await listLegal(number)).find((x) => x.id === id);
        if (live) setLegalText(l ? `${LEGAL_KIND_LABELS[l.input.kind]} to ${l.input.provider}${l.input.reference ? ` (${l.input.reference})` : ''}` : null);
      } catch {
        if (live) setLegalText(null);
      }
    })();
    return () => {
      live = false;
    };
  }, [inp.legalId, number]);

  const doExport = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const r = await exportExhibit(number, exhibit.id);
      if (r) setExported(r);
    } catch (e) {
      setExportError(explainRef.current(e));
    } finally {
      setExporting(false);
    }
  };

  const file = exhibit.file;
  const exportButton = file ? (
    <button
      type="button"
      className="button button-secondary button-small"
      data-action="export-exhibit"
      disabled={exporting}
      aria-describedby="exhibit-export-hint"
      onClick={() => void doExport()}
    >
      {exporting ? (
        <>
          <Spinner /> Exporting…
        </>
      ) : (
        'Export original…'
      )}
    </button>
  ) : null;

  const nameOf = (idOrNumber: string) => rows.find((r) => r.id === idOrNumber || r.number === idOrNumber)?.number ?? null;
  const derivedFromNumber = inp.derivedFrom ? nameOf(inp.derivedFrom) : null;
  const person = (id: string) => {
    const p = people?.find((x) => x.id === id);
    return p ? (
      <>
        {p.name} <span className="muted">({ROLE_LABELS[p.role].toLowerCase()})</span>
      </>
    ) : (
      <span className="muted">A person no longer in this case</span>
    );
  };

  return (
    <aside
      id="exhibit-detail"
      className="exhibit-detail"
      aria-labelledby="exhibit-detail-title"
      data-exhibit-id={exhibit.id}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onBack && !(e.target instanceof HTMLMediaElement)) {
          e.preventDefault();
          onBack();
        }
      }}
    >
      <div className="exhibit-detail-head">
        <div className="exhibit-detail-titles">
          <p className="exhibit-detail-kind">
            {EXHIBIT_KIND_LABELS[inp.kind] ?? inp.kind}
            {inp.physical ? ' · physical item' : ''}
          </p>
          <h3 id="exhibit-detail-title" tabIndex={-1} ref={headingRef}>
            <span className="mono">{exhibit.number}</span>
          </h3>
          <p className="exhibit-detail-description">{inp.description}</p>
          <ReviewNotesFor kind="exhibit" targets={[exhibit.number, exhibit.id]} />
        </div>
        {!readOnly ? (
          <div className="toolbar exhibit-actions">
            <button type="button" className="button button-primary button-small" data-action="record-custody" onClick={onRecordCustody}>
              Record custody event…
            </button>
            <button type="button" className="button button-secondary button-small" data-action="edit-exhibit" onClick={onEdit}>
              Edit…
            </button>
            {file ? (
              <button type="button" className="button button-secondary button-small" data-action="derive-exhibit" onClick={onDerive}>
                Make a redacted/cropped copy…
              </button>
            ) : null}
            <button type="button" className="button button-quiet button-small button-danger" data-action="delete-exhibit" onClick={onDelete}>
              Delete…
            </button>
          </div>
        ) : null}
      </div>

      {exhibit.gaps.length > 0 ? (
        <div className="exhibit-gaps" id="exhibit-gaps">
          <Banner tone="warning" title={`Capture checklist: ${plural(exhibit.gaps.length, 'gap')}`}>
            <ul className="gap-list">
              {exhibit.gaps.map((g) => (
                <li key={g}>{g.charAt(0).toUpperCase() + g.slice(1)}</li>
              ))}
            </ul>
          </Banner>
        </div>
      ) : null}

      {file ? (
        <section className="exhibit-section" aria-labelledby="exhibit-file-title">
          <h4 id="exhibit-file-title" className="exhibit-section-title">
            File
          </h4>
          <dl className="facts facts-compact">
            <Fact label="Original name" wide>
              <span className="break">{file.name}</span>
            </Fact>
            <Fact label="Type">
              <span className="mono">{file.mediaType}</span>
            </Fact>
            <Fact label="Size">
              {formatBytes(file.size)}
              {file.size >= 1024 ? <span className="muted"> ({file.size.toLocaleString('en')} bytes)</span> : null}
            </Fact>
            <Fact label="File's own modified time" wide>
              {file.modified ? <time dateTime={file.modified}>{formatDateTime(file.modified)}</time> : <span className="muted">Not given by the system</span>}
            </Fact>
            <Fact label="SHA-256 (at intake)" wide>
              <HashValue sha256={file.sha256} />
            </Fact>
          </dl>
          <ExhibitPreview key={exhibit.id} number={number} exhibitId={exhibit.id} file={file} exportButton={exportButton} />
          <div className="exhibit-export">
            {/* Files without a preview offer the button in the preview box already. */}
            {file.preview !== 'none' ? exportButton : null}
            <p id="exhibit-export-hint" className="hint">
              Writes the original file to a folder you choose. The copy is <strong>not encrypted</strong>: keep it safe.
            </p>
          </div>
          {exported ? (
            <Banner tone="success" id="exhibit-exported" title="Original exported" onDismiss={() => setExported(null)}>
              <p>
                Written to <span className="mono break">{exported.path}</span> ({formatBytes(exported.size)}). SHA-256{' '}
                <code className="hash-inline">{exported.sha256}</code>
                {exported.sha256 === file.sha256 ? ', the same as at intake.' : '.'}
              </p>
              <p>
                <strong>This copy is not encrypted.</strong> Keep it on encrypted or agency storage and delete it when it is no longer
                needed.
              </p>
            </Banner>
          ) : null}
          {exportError ? (
            <Banner tone="danger" urgent onDismiss={() => setExportError(null)}>
              The export failed: {exportError}
            </Banner>
          ) : null}
        </section>
      ) : (
        <p className="exhibit-physical-note">
          Physical item{inp.storedAt ? (
            <>
              , stored at <strong>{inp.storedAt}</strong>
            </>
          ) : (
            ': storage location not recorded'
          )}
          .
        </p>
      )}

      <section className="exhibit-section" aria-labelledby="exhibit-record-title">
        <h4 id="exhibit-record-title" className="exhibit-section-title">
          Record
        </h4>
        <dl className="facts facts-compact">
          <Fact label="Source">
            {EVIDENCE_SOURCE_LABELS[inp.source] ?? inp.source}
            {inp.sourceDetail ? <span className="block">{inp.sourceDetail}</span> : null}
            {inp.legalId ? <span className="block muted">Under {legalText ?? 'a legal-process record'}</span> : null}
          </Fact>
          <Fact label="Collected by">{inp.collectedBy || none}</Fact>
          <Fact label="Collected">
            {exhibit.collected ? (
              <>
                <time dateTime={exhibit.collected.from}>{exhibit.collected.display}</time>{' '}
                <span className="muted">({PRECISION_LABELS[exhibit.collected.precision] ?? exhibit.collected.precision})</span>
              </>
            ) : (
              none
            )}
          </Fact>
          <Fact label="Where collected">{inp.collectedWhere || none}</Fact>
          {inp.physical ? <Fact label="Stored at">{inp.storedAt || none}</Fact> : null}
          {CHECKLIST_KINDS.has(inp.kind) ? (
            <Fact label="Capture checklist" wide>
              <ul className="plain-list checklist-values">
                <li>Sender visible: {triText(inp.checklist.senderVisible)}</li>
                <li>Date and time visible: {triText(inp.checklist.timeVisible)}</li>
                <li>Original kept: {triText(inp.checklist.originalKept)}</li>
                <li>Device: {inp.checklist.device || <span className="muted">not recorded</span>}</li>
              </ul>
            </Fact>
          ) : null}
          {inp.notes ? (
            <Fact label="Notes" wide>
              <span className="pre-wrap">{inp.notes}</span>
            </Fact>
          ) : null}
          <Fact label="Recorded">
            <time dateTime={exhibit.createdAt}>{formatDateTime(exhibit.createdAt)}</time>
          </Fact>
          <Fact label="Last changed">
            <time dateTime={exhibit.updatedAt}>{formatDateTime(exhibit.updatedAt)}</time>
          </Fact>
        </dl>
      </section>

      <section className="exhibit-section" aria-labelledby="exhibit-links-title">
        <h4 id="exhibit-links-title" className="exhibit-section-title">
          Links
        </h4>
        <dl className="facts facts-compact facts-single">
          <Fact label="Incidents">
            {inp.incidentIds.length === 0 ? (
              <span className="muted">Not linked to any incident</span>
            ) : (
              <ul className="plain-list exhibit-incidents" id="exhibit-incidents">
                {inp.incidentIds.map((id) => (
                  <li key={id} data-incident-id={id}>
                    {incidents.has(id) ? (incidents.get(id) ?? <span className="muted">An incident no longer in this case</span>) : <span className="muted">Loading…</span>}
                  </li>
                ))}
              </ul>
            )}
          </Fact>
          <Fact label="People">
            {inp.personIds.length === 0 ? (
              <span className="muted">None linked</span>
            ) : (
              <ul className="plain-list">
                {inp.personIds.map((id) => (
                  <li key={id}>{person(id)}</li>
                ))}
              </ul>
            )}
          </Fact>
          {inp.derivedFrom ? (
            <Fact label="Made from">
              <button type="button" className="button button-link button-small exhibit-link" onClick={() => onSelect(inp.derivedFrom!)}>
                {derivedFromNumber ?? 'the original exhibit'}
              </button>
              {inp.derivation ? <span>: {inp.derivation}</span> : null}
            </Fact>
          ) : null}
          {exhibit.derived.length > 0 ? (
            <Fact label="Copies made from it">
              <ul className="plain-list inline-list">
                {exhibit.derived.map((n) => (
                  <li key={n}>
                    <button type="button" className="button button-link button-small exhibit-link" onClick={() => onSelect(n)}>
                      {n}
                    </button>
                  </li>
                ))}
              </ul>
            </Fact>
          ) : null}
        </dl>
      </section>

      <section className="exhibit-section" aria-labelledby="exhibit-custody-title">
        <div className="panel-title-row">
          <h4 id="exhibit-custody-title" className="exhibit-section-title">
            Chain of custody <span className="muted">({plural(exhibit.custody.length, 'event')})</span>
          </h4>
        </div>
        <CustodyList exhibit={exhibit} />
      </section>
    </aside>
  );
}
