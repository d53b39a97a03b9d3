import { useCallback, useEffect, useState } from 'react';
import { Banner } from '../components/Banner';
import { Spinner } from '../components/Spinner';
import { debrief, exportDebrief, trainingScenarios, type Debrief, type ScenarioSummary } from '../ipc/commands';

interface TrainingViewProps {
  onPresent(scenarioId: string): void;
  onOpenCase(number: string): void;
  onClose(): void;
  explain(e: unknown): string;
}

function DebriefPanel({ d, explain }: { d: Debrief; explain(e: unknown): string }) {
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    try {
      const p = await exportDebrief(d.caseNumber);
      if (p) setSaved(p);
    } catch (e) {
      setError(explain(e));
    }
  };
  return (
    <section className="panel debrief" id="debrief" aria-labelledby="debrief-title">
      <div className="panel-title-row">
        <h2 className="panel-title" id="debrief-title">
          Debrief of case {d.caseNumber}: {d.found} of {d.total} found ({d.percent}%)
        </h2>
        <button type="button" className="button button-secondary button-small" id="export-debrief" onClick={() => void save()}>
          Save as PDF…
        </button>
      </div>
      <div className="debrief-meter" aria-hidden="true">
        <span style={{ width: `${d.percent}%` }} />
      </div>
      {saved ? (
        <Banner tone="success" id="debrief-saved">
          Saved as <span className="mono">{saved}</span> (training copy, watermarked on every page).
        </Banner>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {d.areas.map((a) => (
        <div key={a.key} className="debrief-area" data-area={a.key}>
          <h3>
            {a.title}: {a.found} of {a.total}
          </h3>
          <ul className="plain-list">
            {a.lines.map((l) => (
              <li key={l.label} className={l.found ? 'debrief-found' : 'debrief-missed'}>
                <span className="debrief-mark">{l.found ? '✓ Found' : '✗ Missed'}</span> {l.label}
                {!l.found && l.why ? <p className="debrief-why">Why it matters: {l.why}</p> : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** The training scenarios: present one on the projector, open its case, or debrief a trainee's work. */
export function TrainingView({ onPresent, onOpenCase, onClose, explain }: TrainingViewProps) {
  const [list, setList] = useState<ScenarioSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<Debrief | null>(null);
  const [loading, setLoading] = useState<string | null>(null);

  useEffect(() => {
    trainingScenarios()
      .then((l) => setList(Array.isArray(l) ? l : []))
      .catch((e) => setError(explain(e)));
  }, [explain]);

  const showDebrief = useCallback(
    async (number: string) => {
      setLoading(number);
      setError(null);
      try {
        setShown(await debrief(number));
      } catch (e) {
        setError(explain(e));
      } finally {
        setLoading(null);
      }
    },
    [explain],
  );

  return (
    <div className="training-view" id="training-view">
      <div className="review-head">
        <div>
          <h1 className="review-title">Training scenarios</h1>
          <p className="muted">Fictional cases for teaching the stalking protocol. Each is a case in this training workspace.</p>
        </div>
        <button type="button" className="button button-secondary" onClick={onClose}>
          Close
        </button>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {list === null && !error ? (
        <p role="status">
          <Spinner /> Loading the scenarios…
        </p>
      ) : null}
      <ol className="plain-list scenario-list">
        {(list ?? []).map((s) => (
          <li key={s.id} className="panel scenario" data-scenario={s.id}>
            <div className="panel-title-row">
              <h2 className="panel-title">
                {s.title} <span className="badge">{s.stage}</span>
              </h2>
              <span className="mono">{s.caseNumber}</span>
            </div>
            <p>{s.summary}</p>
            <p className="muted">{s.fictional}</p>
            {s.logPath ? (
              <p className="scenario-log">
                The victim's own log, to import on the case's Timeline tab (Import log…):{' '}
                <code className="mono path">{s.logPath}</code>
              </p>
            ) : null}
            <div className="toolbar">
              <button type="button" className="button button-primary" data-action="present" onClick={() => onPresent(s.id)}>
                Present
              </button>
              <button type="button" className="button button-secondary" data-action="open-case" onClick={() => onOpenCase(s.caseNumber)}>
                Open case {s.caseNumber}
              </button>
              <button
                type="button"
                className="button button-secondary"
                data-action="debrief"
                disabled={loading !== null}
                onClick={() => void showDebrief(s.caseNumber)}
              >
                {loading === s.caseNumber ? 'Checking…' : 'Debrief'}
              </button>
            </div>
            {shown && shown.caseNumber === s.caseNumber ? <DebriefPanel d={shown} explain={explain} /> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
