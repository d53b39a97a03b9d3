import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Banner } from '../components/Banner';
import { Icon } from '../components/Icon';
import { RatingText, RiskLevelBadge } from '../components/RiskLevelBadge';
import { RiskTrend } from '../components/RiskTrend';
import { Spinner } from '../components/Spinner';
import { getRiskCatalog, riskHistory, type RiskAssessment, type RiskCatalog, type RiskHistory } from '../ipc/commands';
import { daysUntil, formatDate, formatDateTime } from '../lib/format';
import { factorGroupLabel, plural, RISK_LEVEL_LABELS } from '../lib/labels';
import { groupFactors, newestRecorded, RiskFormDialog } from './RiskFormDialog';

interface RiskTabProps {
  number: string;
  readOnly: boolean;
  /** Bumped when an assessment was added elsewhere (the protocol). */
  version: number;
  /** An assessment was added here. */
  onChanged(): void;
  explain(e: unknown): string;
}

function NextReview({ date }: { date: string }) {
  const days = daysUntil(date);
  return (
    <span className="deadline">
      <time dateTime={date}>{formatDate(date)}</time>{' '}
      {days !== null && days < 0 ? (
        <span className="badge badge-overdue">Overdue</span>
      ) : days === 0 ? (
        <span className="badge badge-soon">Today</span>
      ) : days !== null && days <= 7 ? (
        <span className="badge badge-soon">in {plural(days, 'day')}</span>
      ) : null}
    </span>
  );
}

/** History of structured-judgement assessments, the latest in detail, and a new one. */
export function RiskTab({ number, readOnly, version, onChanged, explain }: RiskTabProps) {
  const [catalog, setCatalog] = useState<RiskCatalog | null>(null);
  const [history, setHistory] = useState<RiskHistory | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const explainRef = useRef(explain);
  explainRef.current = explain;

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const [c, h] = await Promise.all([getRiskCatalog(), riskHistory(number)]);
        if (!live) return;
        setCatalog(c ?? null);
        setHistory(h ?? { assessments: [], changes: [] });
        setError(null);
      } catch (e) {
        if (live) setError(explainRef.current(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [number, version, reload]);

  const factorLabel = useCallback(
    (id: string) => catalog?.factors.find((f) => f.id === id)?.label ?? id,
    [catalog],
  );
  const typologyLabel = (id: string | null) => (id ? (catalog?.typologies.find((t) => t.id === id)?.label ?? id) : null);

  const assessments = history?.assessments ?? [];
  const latest = assessments[0] ?? null;
  const previous = assessments[1] ?? null;
  const latestGroups = useMemo(() => groupFactors(catalog?.factors ?? []), [catalog]);

  const ratingOf = (a: RiskAssessment, id: string) => a.input.factors.find((f) => f.factorId === id) ?? null;

  return (
    <section className="risk" aria-labelledby="risk-title">
      <div className="timeline-toolbar">
        <h2 id="risk-title" className="timeline-title">
          Risk assessment
        </h2>
        {history ? <span className="incident-count">{plural(assessments.length, 'assessment')}</span> : null}
        {!readOnly ? (
          <div className="toolbar">
            <button type="button" id="risk-new" className="button button-primary" disabled={!catalog} onClick={() => setAdding(true)}>
              <Icon name="plus" /> New assessment
            </button>
          </div>
        ) : null}
      </div>
      <p className="hint block risk-explain">
        Structured professional judgement: each factor is rated with its source, and the assessor judges the level and gives
        reasons. Vigil computes no score. Risk changes: reassess after new incidents, order violations, release from custody
        or service of an order.
      </p>

      {notice ? (
        <Banner tone="success" id="risk-notice" onDismiss={() => setNotice(null)}>
          {notice}
        </Banner>
      ) : null}
      {error ? (
        <div className="pane-note" role="alert">
          <p className="form-error">{error}</p>
          <button type="button" className="button button-secondary" onClick={() => setReload((r) => r + 1)}>
            Try again
          </button>
        </div>
      ) : null}
      {!history && !error ? (
        <p className="pane-note" role="status">
          <Spinner /> Loading assessments…
        </p>
      ) : null}

      {history && !latest ? (
        <div className="empty-state" id="risk-empty">
          <h3>No risk assessment yet</h3>
          <p>Go through the risk-factor checklist with what you know, then judge the level. Re-assess as the case develops.</p>
          {!readOnly ? (
            <button type="button" className="button button-primary" disabled={!catalog} onClick={() => setAdding(true)}>
              Start the first assessment
            </button>
          ) : null}
        </div>
      ) : null}

      {latest ? (
        <div className="risk-grid">
          <section className="panel risk-latest" id="risk-latest" aria-labelledby="risk-latest-title">
            <h3 id="risk-latest-title" className="panel-title">
              Latest assessment
            </h3>
            <div className="risk-latest-level">
              <RiskLevelBadge level={latest.input.level} large />
              <span>
                {formatDate(latest.input.assessedOn)}, by {latest.assessor}
              </span>
            </div>
            <dl className="facts facts-compact">
              <div>
                <dt>Next review</dt>
                <dd>
                  <NextReview date={latest.nextReview} />
                </dd>
              </div>
              <div>
                <dt>Type of stalking</dt>
                <dd>{typologyLabel(latest.input.typology) ?? <span className="muted">Not judged</span>}</dd>
              </div>
              <div className="span-2">
                <dt>Reasons</dt>
                <dd className="pre-wrap">{latest.input.reasons}</dd>
              </div>
              {latest.input.instruments.length > 0 ? (
                <div className="span-2">
                  <dt>Other instruments</dt>
                  <dd>
                    <ul className="plain-list">
                      {latest.input.instruments.map((i, k) => (
                        <li key={k}>
                          <strong>{i.name}</strong>
                          {i.version ? ` ${i.version}` : ''}: {i.level}
                          <span className="muted">
                            {i.date ? `, ${formatDate(i.date)}` : ''}
                            {i.assessor ? `, ${i.assessor}` : ''}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
            </dl>
          </section>

          <section className="panel risk-trend-panel" aria-labelledby="risk-trend-title">
            <h3 id="risk-trend-title" className="panel-title">
              Level over time
            </h3>
            <RiskTrend assessments={assessments} />
            <h4 className="subheading">Factors that changed since the previous assessment</h4>
            <div id="risk-changes">
              {!previous ? (
                <p className="muted">This is the first assessment.</p>
              ) : history && history.changes.length === 0 ? (
                <p className="muted">No factor rating changed since {formatDate(previous.input.assessedOn)}.</p>
              ) : (
                <ul className="change-list">
                  {history?.changes.map((c) => (
                    <li key={c.factorId} data-factor-id={c.factorId}>
                      <span className="change-factor">{factorLabel(c.factorId)}</span>
                      <span className="change-move">
                        <RatingText rating={c.from} /> <span aria-hidden="true">→</span>
                        <span className="visually-hidden"> now </span> <RatingText rating={c.to} />
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </section>

          <section className="panel risk-factors-panel" aria-labelledby="risk-factors-title">
            <h3 id="risk-factors-title" className="panel-title">
              Factors at the latest assessment
            </h3>
            <div className="table-wrap">
              <table className="data-table" id="risk-factors">
                <thead>
                  <tr>
                    <th scope="col">Factor</th>
                    <th scope="col">Rating</th>
                    <th scope="col">Source</th>
                    <th scope="col">Learned</th>
                  </tr>
                </thead>
                {latestGroups.map((g) => (
                  <tbody key={g.group}>
                    <tr className="group-row">
                      <th scope="rowgroup" colSpan={4}>
                        {factorGroupLabel(g.group)}
                      </th>
                    </tr>
                    {g.factors.map((f) => {
                      const r = ratingOf(latest, f.id);
                      return (
                        <tr key={f.id} data-factor-id={f.id}>
                          <th scope="row" className="factor-cell">
                            {f.label}
                          </th>
                          <td>
                            <RatingText rating={r?.rating ?? null} />
                          </td>
                          <td>{r?.source || <span className="muted">—</span>}</td>
                          <td>{r?.date ? formatDate(r.date) : <span className="muted">—</span>}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                ))}
              </table>
            </div>
          </section>

          <section className="panel risk-history-panel" aria-labelledby="risk-history-title">
            <h3 id="risk-history-title" className="panel-title">
              All assessments, newest first
            </h3>
            <ol className="risk-history" id="risk-history">
              {assessments.map((a) => {
                const notable = a.input.factors.filter((f) => f.rating === 'present' || f.rating === 'partly');
                return (
                  <li key={a.id} data-assessment-id={a.id}>
                    <details>
                      <summary>
                        <RiskLevelBadge level={a.input.level} />
                        <span className="risk-history-date">{formatDate(a.input.assessedOn)}</span>
                        <span className="muted">{a.assessor}</span>
                        <span className="risk-history-reasons">{a.input.reasons}</span>
                      </summary>
                      <div className="risk-history-body">
                        <p className="pre-wrap">{a.input.reasons}</p>
                        <p className="muted">
                          Judged {RISK_LEVEL_LABELS[a.input.level].toLowerCase()}; next review {formatDate(a.nextReview)}; recorded{' '}
                          {formatDateTime(a.createdAt)}.
                        </p>
                        {notable.length > 0 ? (
                          <ul className="plain-list">
                            {notable.map((f) => (
                              <li key={f.factorId}>
                                <RatingText rating={f.rating} /> {factorLabel(f.factorId)}
                                {f.source ? <span className="muted"> ({f.source})</span> : null}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          <p className="muted">No factor rated present or partly present.</p>
                        )}
                      </div>
                    </details>
                  </li>
                );
              })}
            </ol>
          </section>
        </div>
      ) : null}

      {adding ? (
        <RiskFormDialog
          number={number}
          catalog={catalog}
          latest={latest}
          explain={explain}
          onClose={() => setAdding(false)}
          onSaved={(h) => {
            setAdding(false);
            setHistory(h);
            const n = newestRecorded(h);
            setNotice(
              n ? `Assessment saved: ${RISK_LEVEL_LABELS[n.input.level].toLowerCase()}, next review ${formatDate(n.nextReview)}.` : 'Assessment saved.',
            );
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
