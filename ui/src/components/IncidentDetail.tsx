import { ReviewNotesFor } from './ReviewNotes';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { getIncident, listExhibits, type ExhibitRow, type Incident, type Person, type When } from '../ipc/commands';
import { formatDateTime, truncateMiddle } from '../lib/format';
import {
  ATTRIBUTION_LABELS,
  EXHIBIT_KIND_LABELS,
  FEAR_LEVEL_LABELS,
  METHOD_LABELS,
  PLACE_TYPE_LABELS,
  PRECISION_LABELS,
  SOURCE_LABELS,
} from '../lib/labels';
import { asList } from '../lib/records';
import { categoryLabel, groupColor, groupLabel, type TaxonomyIndex } from '../lib/timeline';
import { OrderViolationBadge } from './IncidentList';
import { Spinner } from './Spinner';

interface IncidentDetailProps {
  number: string;
  id: string | null;
  /** Bumped when incidents change: reload. */
  version: number;
  tx: TaxonomyIndex | null;
  people: Person[] | null;
  readOnly: boolean;
  onEdit(incident: Incident): void;
  onDelete(incident: Incident): void;
  explain(e: unknown): string;
  /** Focus the heading once the record is shown (after Enter in the list). */
  focusSeq?: number;
  /** Esc inside the pane: back to the list. */
  onBack?(): void;
  /** It happened while a served protective order was in force. */
  orderViolation?: boolean;
  /** Bumped when exhibits change: reload the incident's evidence. */
  evidenceVersion?: number;
  /** Open one of the incident's exhibits (on the Evidence tab). */
  onOpenExhibit?(id: string): void;
}

function WhenText({ when }: { when: When }) {
  return (
    <>
      <time dateTime={when.from}>{when.display}</time>{' '}
      <span className="muted">({PRECISION_LABELS[when.precision] ?? when.precision})</span>
    </>
  );
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

/** The selected incident's full record, beside the list. */
export function IncidentDetail({
  number,
  id,
  version,
  tx,
  people,
  readOnly,
  onEdit,
  onDelete,
  explain,
  focusSeq = 0,
  onBack,
  orderViolation = false,
  evidenceVersion = 0,
  onOpenExhibit,
}: IncidentDetailProps) {
  const [incident, setIncident] = useState<Incident | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const explainRef = useRef(explain);
  explainRef.current = explain;

  useEffect(() => {
    if (!id) {
      setIncident(null);
      setError(null);
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    // A short pause so holding an arrow key in the list does not fetch every row.
    const t = setTimeout(async () => {
      try {
        const inc = await getIncident(number, id);
        if (!live) return;
        setIncident(inc);
        setError(null);
      } catch (e) {
        if (!live) return;
        setIncident(null);
        setError(explainRef.current(e));
      } finally {
        if (live) setLoading(false);
      }
    }, 60);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [number, id, version]);

  // The exhibits linked to this incident.
  const [exhibits, setExhibits] = useState<{ for: string; rows: ExhibitRow[] | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!id) {
      setExhibits(null);
      return;
    }
    let live = true;
    (async () => {
      try {
        const rows = asList(await listExhibits(number, id));
        if (live) setExhibits({ for: id, rows, error: null });
      } catch (e) {
        if (live) setExhibits({ for: id, rows: null, error: explainRef.current(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [number, id, evidenceVersion]);

  // Focus the heading once per request (Enter in the list), when the record is there.
  const focusedSeq = useRef(focusSeq);
  useEffect(() => {
    if (focusSeq === focusedSeq.current || !incident || incident.id !== id) return;
    focusedSeq.current = focusSeq;
    headingRef.current?.focus();
  }, [focusSeq, incident, id]);

  const personName = (pid: string | null) =>
    pid ? (people?.find((p) => p.id === pid)?.name ?? <span className="muted">Unknown person</span>) : null;

  if (!id) {
    return (
      <aside id="incident-detail" className="incident-detail incident-detail-empty" aria-label="Incident details">
        <p className="muted">Select an incident to see its full record. Use the arrow keys in the list.</p>
      </aside>
    );
  }

  const shown = incident && incident.id === id ? incident : null;
  if (!shown) {
    return (
      <aside id="incident-detail" className="incident-detail" aria-label="Incident details" aria-busy={loading}>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : (
          <p className="pane-note" role="status">
            <Spinner /> Loading the incident…
          </p>
        )}
      </aside>
    );
  }

  const inp = shown.input;
  const group = tx?.categories.get(inp.category)?.group ?? shown.group;
  const witnesses = inp.witnessIds.map((w) => personName(w));
  const rt = inp.reportedTo;

  return (
    <aside
      id="incident-detail"
      className="incident-detail"
      aria-labelledby="incident-detail-title"
      aria-busy={loading ? 'true' : undefined}
      data-incident-id={shown.id}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onBack) {
          e.preventDefault();
          onBack();
        }
      }}
    >
      <div className="incident-detail-head">
        <div>
          <p className="incident-detail-group">
            <span className="swatch" style={{ background: groupColor(tx, group) }} aria-hidden="true" />
            {groupLabel(tx, group)}
          </p>
          <h3 id="incident-detail-title" tabIndex={-1} ref={headingRef}>
            {categoryLabel(tx, inp.category)}
          </h3>
          <p className="incident-detail-when">
            <WhenText when={shown.occurred} />
          </p>
          {orderViolation ? (
            <p className="incident-detail-violation" id="incident-order-violation">
              <OrderViolationBadge />
            </p>
          ) : null}
          <ReviewNotesFor kind="incident" targets={[shown.id]} />
        </div>
        {!readOnly ? (
          <div className="toolbar">
            <button type="button" id="incident-edit" className="button button-secondary button-small" onClick={() => onEdit(shown)}>
              Edit
            </button>
            <button
              type="button"
              id="incident-delete"
              className="button button-quiet button-small button-danger"
              onClick={() => onDelete(shown)}
            >
              Delete…
            </button>
          </div>
        ) : null}
      </div>

      {inp.narrative ? <p className="narrative">{inp.narrative}</p> : <p className="muted">No narrative recorded.</p>}

      {inp.suspectWords ? (
        <figure className="quote quote-suspect">
          <figcaption>Suspect's words, verbatim</figcaption>
          <blockquote>{inp.suspectWords}</blockquote>
        </figure>
      ) : null}

      <dl className="facts facts-compact">
        <Fact label="Discovered">{shown.discovered ? <WhenText when={shown.discovered} /> : none}</Fact>
        <Fact label="Reported">{shown.reported ? <WhenText when={shown.reported} /> : none}</Fact>
        <Fact label="Method">{METHOD_LABELS[inp.method] ?? inp.method}</Fact>
        <Fact label="Place">{PLACE_TYPE_LABELS[inp.placeType] ?? inp.placeType}</Fact>
        <Fact label="Location" wide>
          {inp.locationText || none}
          {inp.jurisdiction ? <span className="muted"> — jurisdiction: {inp.jurisdiction}</span> : null}
        </Fact>
        <Fact label="Suspect">
          {inp.suspectId ? (
            <>
              {personName(inp.suspectId)}{' '}
              <span className="muted">({ATTRIBUTION_LABELS[inp.attribution] ?? inp.attribution})</span>
            </>
          ) : (
            <span className="muted">Not identified</span>
          )}
        </Fact>
        <Fact label="Witnesses">
          {witnesses.length > 0 ? (
            <ul className="plain-list">
              {witnesses.map((w, i) => (
                <li key={inp.witnessIds[i]}>{w}</li>
              ))}
            </ul>
          ) : (
            <span className="muted">None</span>
          )}
        </Fact>
        <Fact label="Weapons">{inp.weapons || <span className="muted">None mentioned</span>}</Fact>
        <Fact label="Children present">
          {inp.childrenPresent === null ? none : inp.childrenPresent ? 'Yes' : 'No'}
        </Fact>
        <Fact label="Victim's fear">{FEAR_LEVEL_LABELS[inp.fearLevel] ?? inp.fearLevel}</Fact>
        <Fact label="What the victim changed">{inp.victimChanges || none}</Fact>
      </dl>

      {inp.victimWords ? (
        <figure className="quote quote-victim">
          <figcaption>Victim's words</figcaption>
          <blockquote>{inp.victimWords}</blockquote>
        </figure>
      ) : null}

      <dl className="facts facts-compact">
        <Fact label="Reported to" wide>
          {rt && (rt.agency || rt.officer || rt.badge || rt.reportNumber) ? (
            <>
              {rt.agency || 'Agency not recorded'}
              {rt.officer ? `, officer ${rt.officer}` : ''}
              {rt.badge ? ` (badge ${rt.badge})` : ''}
              {rt.reportNumber ? (
                <>
                  , report <span className="mono">{rt.reportNumber}</span>
                </>
              ) : null}
            </>
          ) : (
            <span className="muted">Not reported</span>
          )}
        </Fact>
        <Fact label="Source" wide>
          {SOURCE_LABELS[inp.source] ?? inp.source}
          {shown.sourceSha256 ? (
            <span className="block muted">
              Imported from victim log, SHA-256{' '}
              <code className="hash" title={shown.sourceSha256}>
                {truncateMiddle(shown.sourceSha256, 12, 8)}
              </code>
              {shown.sourceLine !== null ? `, line ${shown.sourceLine}` : ''}
            </span>
          ) : null}
        </Fact>
        <Fact label="Tags" wide>
          {inp.tags.length > 0 ? (
            <span className="tag-list">
              {inp.tags.map((t) => (
                <span key={t} className="tag">
                  {t}
                </span>
              ))}
            </span>
          ) : (
            <span className="muted">None</span>
          )}
        </Fact>
        <Fact label="Evidence" wide>
          {exhibits?.for !== shown.id ? (
            <span className="muted">Loading…</span>
          ) : exhibits.error ? (
            <span className="field-error">{exhibits.error}</span>
          ) : !exhibits.rows || exhibits.rows.length === 0 ? (
            <span className="muted">No exhibits linked</span>
          ) : (
            <ul className="plain-list incident-exhibits" id="incident-exhibits">
              {exhibits.rows.map((x) => (
                <li key={x.id} data-exhibit-number={x.number}>
                  {onOpenExhibit ? (
                    <button
                      type="button"
                      className="button button-link button-small exhibit-link"
                      aria-label={`Open exhibit ${x.number} on the Evidence tab`}
                      onClick={() => onOpenExhibit(x.id)}
                    >
                      <span className="mono">{x.number}</span>
                    </button>
                  ) : (
                    <span className="mono">{x.number}</span>
                  )}{' '}
                  <span className="muted">{EXHIBIT_KIND_LABELS[x.kind] ?? x.kind}:</span> {x.description}
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact label="Recorded">
          <time dateTime={shown.createdAt}>{formatDateTime(shown.createdAt)}</time>
        </Fact>
        <Fact label="Last changed">
          <time dateTime={shown.updatedAt}>{formatDateTime(shown.updatedAt)}</time>
        </Fact>
      </dl>
    </aside>
  );
}
