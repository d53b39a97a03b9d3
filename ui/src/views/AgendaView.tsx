import { useCallback, useEffect, useState } from 'react';
import { Spinner } from '../components/Spinner';
import { addMinute, reviewAgenda, reviewRegister, type Agenda, type AgendaCase, type ReviewRecord } from '../ipc/commands';
import { formatDate } from '../lib/format';
import { plural } from '../lib/labels';

interface AgendaViewProps {
  onOpenCase(number: string): void;
  onClose(): void;
  explain(e: unknown): string;
}

function MinuteForm({ c, onSaved, explain }: { c: AgendaCase; onSaved(a: Agenda): void; explain(e: unknown): string }) {
  const [text, setText] = useState('');
  const [actions, setActions] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `minute-${c.caseNumber.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const a = await addMinute(
        c.caseNumber,
        text,
        actions.split('\n').map((x) => x.trim()).filter(Boolean),
      );
      setText('');
      setActions('');
      onSaved(a);
    } catch (e) {
      setError(explain(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <details className="minute-form">
      <summary>Record a minute</summary>
      <div className="field">
        <label htmlFor={`${id}-text`}>What was discussed</label>
        <textarea id={`${id}-text`} className="input" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-actions`}>Actions agreed (one per line)</label>
        <textarea id={`${id}-actions`} className="input" rows={2} value={actions} onChange={(e) => setActions(e.target.value)} />
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" className="button button-secondary" disabled={saving || !text.trim()} onClick={() => void save()}>
        {saving ? 'Saving…' : 'Save the minute'}
      </button>
    </details>
  );
}

/**
 * The unit review agenda: every open case in this workspace (usually review
 * copies), most pressing first, with what changed since the last review and
 * the minutes kept here.
 */
export function AgendaView({ onOpenCase, onClose, explain }: AgendaViewProps) {
  const [agenda, setAgenda] = useState<Agenda | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [register, setRegister] = useState<ReviewRecord[] | null>(null);

  const load = useCallback(async () => {
    try {
      setAgenda(await reviewAgenda());
      const r = await reviewRegister();
      setRegister(Array.isArray(r) ? r : []);
      setError(null);
    } catch (e) {
      setError(explain(e));
    }
  }, [explain]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="agenda-view" id="agenda-view">
      <div className="review-head">
        <div>
          <h1 className="review-title">Unit review agenda</h1>
          <p className="muted">{agenda ? `As of ${formatDate(agenda.today)}; most pressing first.` : ' '}</p>
        </div>
        <button type="button" className="button button-secondary" id="agenda-close" onClick={onClose}>
          Close agenda
        </button>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {agenda === null && !error ? (
        <p role="status">
          <Spinner /> Building the agenda…
        </p>
      ) : null}
      {agenda && agenda.cases.length === 0 ? (
        <div className="empty-state" id="agenda-empty">
          <h2>No open case to review</h2>
          <p>Receive the review copies investigators seal for you (Receive a case file…); each open case then appears here.</p>
        </div>
      ) : null}
      <ol className="agenda-list plain-list" id="agenda-list">
        {agenda?.cases.map((c) => (
          <li key={c.caseNumber} className="panel agenda-case" data-case={c.caseNumber}>
            <div className="panel-title-row">
              <h2 className="panel-title">
                <button type="button" className="link-button" onClick={() => onOpenCase(c.caseNumber)}>
                  <span className="mono">{c.caseNumber}</span> {c.title}
                </button>
              </h2>
              <span className={`badge risk-${c.riskLevel ?? 'none'}`}>Risk: {c.riskLevel ?? 'not assessed'}</span>
            </div>
            <dl className="facts">
              <div>
                <dt>Last reviewed</dt>
                <dd>{c.lastReviewed ? formatDate(c.lastReviewed) : 'Never'}</dd>
              </div>
              <div>
                <dt>Since then</dt>
                <dd>
                  {plural(c.newIncidents, 'new incident')}
                  {c.riskAtLastReview ? `; risk was ${c.riskAtLastReview}` : ''}
                </dd>
              </div>
              <div>
                <dt>Status</dt>
                <dd>
                  {c.status}
                  {c.reviewCopy ? ' (review copy)' : ''}
                </dd>
              </div>
              <div>
                <dt>Last decision</dt>
                <dd>
                  {c.lastDecision
                    ? `${c.lastDecision.decision === 'approve' ? 'Approved' : 'Returned'} ${formatDate(c.lastDecision.decidedAt)}`
                    : 'None'}
                </dd>
              </div>
            </dl>
            {c.overdue.length > 0 ? (
              <ul className="plain-list agenda-overdue">
                {c.overdue.map((d) => (
                  <li key={`${d.kind}-${d.label}`}>
                    <span className="badge badge-overdue">Overdue {formatDate(d.dueOn)}</span> {d.label}
                  </li>
                ))}
              </ul>
            ) : null}
            {c.minutes.length > 0 ? (
              <div className="agenda-minutes">
                <h3>Minutes</h3>
                <ul className="plain-list">
                  {c.minutes.slice(0, 3).map((m) => (
                    <li key={m.id}>
                      <strong>{formatDate(m.at)}</strong> ({m.by}): {m.text}
                      {m.actions.length > 0 ? (
                        <ul>
                          {m.actions.map((a) => (
                            <li key={a}>Action: {a}</li>
                          ))}
                        </ul>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <MinuteForm c={c} onSaved={setAgenda} explain={explain} />
          </li>
        ))}
      </ol>
      {register && register.length > 0 ? (
        <section className="panel" aria-labelledby="register-title" id="review-register">
          <h2 className="panel-title" id="register-title">
            Reviews you signed
          </h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Case</th>
                <th scope="col">Decision</th>
                <th scope="col">Signed by</th>
                <th scope="col">Comments</th>
                <th scope="col">Packet SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {register.map((r) => (
                <tr key={r.id}>
                  <td>{formatDate(r.decidedAt)}</td>
                  <td className="mono">{r.caseNumber}</td>
                  <td>{r.decision === 'approve' ? 'Approved' : 'Returned'}</td>
                  <td>{r.packetSigner}</td>
                  <td>{r.comments}</td>
                  <td className="mono" title={r.packetSha256}>
                    {r.packetSha256.slice(0, 16)}…
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
