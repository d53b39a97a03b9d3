import { useEffect, useRef, useState } from 'react';
import { Banner } from '../components/Banner';
import { Icon } from '../components/Icon';
import { PdfPreview } from '../components/PdfPreview';
import { Spinner } from '../components/Spinner';
import {
  asCommandError,
  cancelPacket,
  exportPacket,
  onPacketProgress,
  packetPreviewUrl,
  previewPacket,
  type PacketOptions,
  type PacketProfile,
  type PacketProgress,
  type PacketReport,
  type PacketSection,
  type Paper,
  type SignerInfoSummary,
} from '../ipc/commands';
import { formatBytes } from '../lib/format';
import { optionsOf, PACKET_PROFILE_LABELS, PACKET_PROFILE_NOTES, PACKET_SECTION_LABELS, PAPER_LABELS, plural } from '../lib/labels';

const PROFILES = optionsOf(PACKET_PROFILE_LABELS);
const SECTIONS = optionsOf(PACKET_SECTION_LABELS);
const PAPERS = optionsOf(PAPER_LABELS);
const ALL_SECTIONS = SECTIONS.map((s) => s.value);

/** Busts the web view's cache of `packet-preview` across previews (and across cases). */
let previewSeq = 0;

type Running = null | { kind: 'preview' | 'export'; cancelling: boolean };

interface Preview {
  version: number;
  pages: number;
  profile: PacketProfile;
  /** The options it was made with, to say when they changed since. */
  key: string;
}

interface PacketExportPanelProps {
  number: string;
  /** The packet details form has unsaved changes (they would not be in the packet). */
  infoDirty: boolean;
  signer: SignerInfoSummary | null;
  /** A packet was written: the history changed. */
  onExported(report: PacketReport): void;
  explain(e: unknown): string;
}

/** Percent as a whole number from 0 to 100. */
function clampPercent(p: PacketProgress | null): number {
  const n = Number(p?.percent);
  return Number.isFinite(n) ? Math.max(0, Math.min(100, Math.round(n))) : 0;
}

/** The full SHA-256 with a copy button. */
function ReportHash({ sha256 }: { sha256: string }) {
  const [copied, setCopied] = useState<null | 'ok' | 'manual'>(null);
  const ref = useRef<HTMLElement>(null);
  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(sha256);
      setCopied('ok');
    } catch {
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
      <code ref={ref} id="packet-sha256" className="hash-full" data-testid="packet-sha256">
        {sha256}
      </code>
      <div className="hash-actions">
        <button type="button" className="button button-secondary button-tiny" aria-describedby="packet-sha256" onClick={() => void copy()}>
          Copy SHA-256
        </button>
        <span className="hint hash-copied" role="status">
          {copied === 'ok' ? 'Copied.' : copied === 'manual' ? 'Selected: press Ctrl+C to copy.' : ''}
        </span>
      </div>
    </div>
  );
}

/**
 * The packet's options (copy, sections, paper), Preview and Export with a
 * progress bar and Cancel, the result with its SHA-256, and the preview: the
 * first pages of the same PDF, made in memory.
 */
export function PacketExportPanel({ number, infoDirty, signer, onExported, explain }: PacketExportPanelProps) {
  const [profile, setProfile] = useState<PacketProfile>('prosecutor');
  const [sections, setSections] = useState<Set<PacketSection>>(() => new Set(ALL_SECTIONS));
  const [paper, setPaper] = useState<Paper | ''>('');
  const [running, setRunning] = useState<Running>(null);
  const [progress, setProgress] = useState<PacketProgress | null>(null);
  const [result, setResult] = useState<PacketReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const runningRef = useRef(false);
  const explainRef = useRef(explain);
  explainRef.current = explain;

  useEffect(() => {
    const off = onPacketProgress((p) => {
      if (runningRef.current && p) setProgress(p);
    });
    return () => {
      if (typeof off === 'function') off();
    };
  }, []);

  const noSections = sections.size === 0;
  const options: PacketOptions = {
    profile,
    // Empty means every section: send the list only when some are left out.
    sections: sections.size === ALL_SECTIONS.length ? [] : ALL_SECTIONS.filter((s) => sections.has(s)),
    statutes: [],
    paper: paper === '' ? null : paper,
  };
  const optionsKey = JSON.stringify(options);

  const toggleSection = (s: PacketSection, on: boolean) =>
    setSections((prev) => {
      const next = new Set(prev);
      if (on) next.add(s);
      else next.delete(s);
      return next;
    });

  const run = async (kind: 'preview' | 'export') => {
    if (runningRef.current || noSections) return;
    const opts = options;
    const key = optionsKey;
    runningRef.current = true;
    setRunning({ kind, cancelling: false });
    setProgress(null);
    setError(null);
    setNotice(null);
    if (kind === 'export') setResult(null);
    try {
      if (kind === 'preview') {
        const pages = await previewPacket(number, opts);
        previewSeq += 1;
        setPreview({ version: previewSeq, pages: Number(pages) || 0, profile: opts.profile, key });
      } else {
        const report = await exportPacket(number, opts);
        if (report) {
          setResult(report);
          onExported(report);
        } else {
          setNotice('Export cancelled: no file was written.');
        }
      }
    } catch (e) {
      if (asCommandError(e).kind === 'cancelled') {
        setNotice(kind === 'preview' ? 'Preview cancelled.' : 'Export cancelled: no file was written.');
      } else {
        setError(explainRef.current(e));
      }
    } finally {
      runningRef.current = false;
      setRunning(null);
      setProgress(null);
    }
  };

  const cancel = async () => {
    if (!running || running.cancelling) return;
    setRunning({ ...running, cancelling: true });
    try {
      await cancelPacket();
    } catch (e) {
      setError(explainRef.current(e));
      setRunning((r) => (r ? { ...r, cancelling: false } : r));
    }
  };

  const percent = clampPercent(progress);
  const stage = progress?.stage || (running?.kind === 'export' ? 'Waiting for you to choose where to save…' : 'Starting…');
  const stale = preview !== null && preview.key !== optionsKey;

  return (
    <>
      <section className="panel packet-export" aria-labelledby="packet-export-title" id="packet-export">
        <h3 id="packet-export-title" className="panel-title">
          Export the packet
        </h3>
        <div className="packet-options">
          <fieldset className="fieldset-plain packet-profiles" disabled={running !== null}>
            <legend className="legend-label">Copy</legend>
            {PROFILES.map((p) => (
              <label key={p.value} className="radio packet-profile">
                <input
                  type="radio"
                  name="packet-profile"
                  value={p.value}
                  checked={profile === p.value}
                  aria-describedby={`packet-profile-${p.value}-note`}
                  onChange={() => setProfile(p.value)}
                />
                <span>
                  <strong>{p.label}</strong>
                  <span id={`packet-profile-${p.value}-note`} className="block muted packet-profile-note">
                    {PACKET_PROFILE_NOTES[p.value]}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>

          <fieldset className="fieldset-plain packet-sections" disabled={running !== null} aria-describedby="packet-sections-hint">
            <legend className="legend-label">Sections</legend>
            <p id="packet-sections-hint" className="hint block">
              The cover, contents and integrity page are always included; empty sections are left out.
            </p>
            <div className="checkbox-columns packet-section-list">
              {SECTIONS.map((s) => (
                <label key={s.value} className="checkbox">
                  <input type="checkbox" value={s.value} checked={sections.has(s.value)} onChange={(e) => toggleSection(s.value, e.target.checked)} />
                  <span>{s.label}</span>
                </label>
              ))}
            </div>
            <div className="button-row">
              <button
                type="button"
                className="button button-quiet button-tiny"
                disabled={sections.size === ALL_SECTIONS.length}
                onClick={() => setSections(new Set(ALL_SECTIONS))}
              >
                Select all
              </button>
              <button type="button" className="button button-quiet button-tiny" disabled={noSections} onClick={() => setSections(new Set())}>
                Clear
              </button>
            </div>
          </fieldset>

          <div className="field packet-paper">
            <label htmlFor="packet-paper">Paper</label>
            <select
              id="packet-paper"
              className="input"
              value={paper}
              disabled={running !== null}
              onChange={(e) => setPaper(e.target.value as Paper | '')}
            >
              <option value="">The workspace's setting</option>
              {PAPERS.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
        </div>

        {infoDirty ? (
          <p className="form-note packet-unsaved">
            <Icon name="alert" /> The packet details have unsaved changes: save them first to include them.
          </p>
        ) : null}
        {noSections ? (
          <p className="hint block" role="status">
            <Icon name="alert" /> Choose at least one section.
          </p>
        ) : null}

        <div className="form-actions packet-actions">
          <button
            type="button"
            className="button button-secondary"
            data-action="preview-packet"
            aria-disabled={running !== null || noSections || undefined}
            onClick={() => void run('preview')}
          >
            {running?.kind === 'preview' ? (
              <>
                <Spinner /> Making the preview…
              </>
            ) : (
              'Preview'
            )}
          </button>
          <button
            type="button"
            className="button button-primary"
            data-action="export-packet"
            aria-disabled={running !== null || noSections || undefined}
            aria-describedby="packet-export-hint"
            onClick={() => void run('export')}
          >
            {running?.kind === 'export' ? (
              <>
                <Spinner /> Exporting…
              </>
            ) : (
              'Export…'
            )}
          </button>
          <span id="packet-export-hint" className="hint">
            Export asks where to save, then makes and signs the PDF. The file is <strong>not encrypted</strong>: keep it safe.
          </span>
        </div>

        {running ? (
          <div className="packet-progress ingest-progress" id="packet-progress">
            <p className="ingest-file" aria-live="polite">
              {progress ? stage : (
                <>
                  <Spinner /> {stage}
                </>
              )}
            </p>
            <div
              className="progress progress-large"
              role="progressbar"
              aria-label={running.kind === 'preview' ? 'Making the preview' : 'Making the packet'}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-valuetext={`${stage}, ${percent}%`}
            >
              <span className="progress-fill" style={{ width: `${percent}%` }} />
            </div>
            <div className="inline-row">
              <span className="ingest-numbers">{percent}%</span>
              <button
                type="button"
                className="button button-secondary button-small"
                data-action="cancel-packet"
                disabled={running.cancelling}
                onClick={() => void cancel()}
              >
                {running.cancelling ? 'Cancelling…' : 'Cancel'}
              </button>
            </div>
          </div>
        ) : null}

        {notice ? (
          <p className="form-note" role="status" id="packet-notice">
            {notice}
          </p>
        ) : null}
        {error ? (
          <Banner tone="danger" urgent onDismiss={() => setError(null)}>
            The packet could not be made: {error}
          </Banner>
        ) : null}

        {result ? (
          <div className="packet-result" data-testid="packet-result" id="packet-result">
            <Banner tone="success" title="Packet exported" onDismiss={() => setResult(null)}>
              <p>
                Written to <span className="mono break">{result.path}</span>.
              </p>
              <dl className="facts facts-compact packet-result-facts">
                <div>
                  <dt>Copy</dt>
                  <dd>{PACKET_PROFILE_LABELS[result.profile] ?? result.profile}</dd>
                </div>
                <div>
                  <dt>Pages</dt>
                  <dd>{result.pages.toLocaleString('en')}</dd>
                </div>
                <div>
                  <dt>Size</dt>
                  <dd>{formatBytes(result.bytes)}</dd>
                </div>
                <div className="span-2">
                  <dt>SHA-256 of the file</dt>
                  <dd>
                    <ReportHash sha256={result.sha256} />
                  </dd>
                </div>
              </dl>
              <p>
                The file is signed{signer ? ` by ${signer.subject}` : ''}: the signature covers the whole document, and{' '}
                <span className="mono">vigil packet verify</span> checks it and the embedded manifest. Any change after export
                breaks it.
              </p>
              {result.profile === 'discovery' ? <p>{PACKET_PROFILE_NOTES.discovery} The integrity page lists what was withheld.</p> : null}
              <p>
                <strong>The file is not encrypted.</strong> Keep it on agency storage and share it only through approved channels.
              </p>
            </Banner>
          </div>
        ) : null}
      </section>

      <section className="panel packet-preview" aria-labelledby="packet-preview-title" id="packet-preview">
        <h3 id="packet-preview-title" className="panel-title">
          Preview
        </h3>
        <p className="hint block">
          Made in memory with the options above: the same layout as the exported file, page for page. Nothing is written to disk.
        </p>
        {preview ? (
          <>
            <p className="packet-preview-summary" role="status">
              {PACKET_PROFILE_LABELS[preview.profile]} copy, {plural(preview.pages, 'page')}.
              {stale ? <strong className="packet-preview-stale"> The options changed since: preview again to see them.</strong> : null}
            </p>
            <PdfPreview
              url={packetPreviewUrl(preview.version)}
              name="the packet preview"
              restHint="Export the packet to read the rest."
              failText="The preview could not be shown here. Export the packet to read it in another program."
              fallback={null}
            />
          </>
        ) : (
          <p className="muted" id="packet-preview-empty">
            No preview yet. Choose “Preview” to see the first pages before exporting.
          </p>
        )}
      </section>
    </>
  );
}
