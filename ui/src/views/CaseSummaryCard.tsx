import { useEffect, useState } from 'react';
import { listIncidents, type IncidentSummary, type Person } from '../ipc/commands';
import { ROLE_HEADINGS, ROLE_LABELS, ROLE_ORDER } from '../lib/labels';
import { emptyFilter } from '../lib/timeline';

interface CaseSummaryCardProps {
  number: string;
  /** Bumped whenever incidents change. */
  version: number;
  people: Person[] | null;
  onShowTimeline(): void;
}

interface Counts {
  total: number;
  first: IncidentSummary | null;
  last: IncidentSummary | null;
}

/** "Incidents: 42, first …, last …; people: 4" for the Overview tab (two one-row queries). */
export function CaseSummaryCard({ number, version, people, onShowTimeline }: CaseSummaryCardProps) {
  const [counts, setCounts] = useState<Counts | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const filter = emptyFilter();
        const head = await listIncidents(number, filter, 0, 1);
        if (!head || typeof head.total !== 'number') throw new Error('no answer');
        let last = head.rows[0] ?? null;
        if (head.total > 1) last = (await listIncidents(number, filter, head.total - 1, 1)).rows[0] ?? last;
        if (live) {
          setCounts({ total: head.total, first: head.rows[0] ?? null, last });
          setFailed(false);
        }
      } catch {
        if (live) setFailed(true);
      }
    })();
    return () => {
      live = false;
    };
  }, [number, version]);

  if (failed) return null;

  const byRole = ROLE_ORDER.map((r) => ({ role: r, n: people?.filter((p) => p.role === r).length ?? 0 })).filter(
    (x) => x.n > 0,
  );

  return (
    <section aria-labelledby="summary-title" className="panel" id="case-summary">
      <div className="panel-title-row">
        <h2 id="summary-title" className="panel-title">
          Course of conduct
        </h2>
        <button type="button" className="button button-secondary button-small" onClick={onShowTimeline}>
          Open the timeline
        </button>
      </div>
      <dl className="facts">
        <div>
          <dt>Incidents</dt>
          <dd id="summary-incidents">{counts ? counts.total.toLocaleString('en') : '…'}</dd>
        </div>
        <div>
          <dt>People</dt>
          <dd>
            {people === null
              ? '…'
              : people.length === 0
                ? <span className="muted">None recorded</span>
                : `${people.length} (${byRole.map((x) => `${x.n} ${(x.n === 1 ? ROLE_LABELS : ROLE_HEADINGS)[x.role].toLowerCase()}`).join(', ')})`}
          </dd>
        </div>
        {counts && counts.first ? (
          <>
            <div>
              <dt>First incident</dt>
              <dd>{counts.first.display}</dd>
            </div>
            <div>
              <dt>Latest incident</dt>
              <dd>{counts.last?.display ?? counts.first.display}</dd>
            </div>
          </>
        ) : counts ? (
          <div className="span-2">
            <dt>Timeline</dt>
            <dd className="muted">No incidents yet. Add them on the Timeline tab (press N).</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
