import { useCallback, useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Spinner } from '../components/Spinner';
import { presentation, resetScenario, type Presentation } from '../ipc/commands';

interface PresenterViewProps {
  scenarioId: string;
  onClose(): void;
  /** The scenario's case was put back to its start. */
  onReset?(caseNumber: string): void;
  explain(e: unknown): string;
}

/**
 * The projector view of a scenario: one protocol step at a time in large,
 * high-contrast type, with why it matters, the questions, the victim's
 * scripted answers (shown when the class has asked) and the teaching
 * points. Keys: → or Space next, ← back, A show the answers, Esc leave.
 */
export function PresenterView({ scenarioId, onClose, onReset, explain }: PresenterViewProps) {
  const [data, setData] = useState<Presentation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [index, setIndex] = useState(-1); // -1: the scenario's opening slide
  const [revealed, setRevealed] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const [resetNote, setResetNote] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    presentation(scenarioId)
      .then(setData)
      .catch((e) => setError(explain(e)));
  }, [scenarioId, explain]);

  useEffect(() => {
    rootRef.current?.focus();
  }, [data]);

  const total = data?.steps.length ?? 0;
  const go = useCallback(
    (delta: number) => {
      setIndex((i) => Math.max(-1, Math.min(total - 1, i + delta)));
      setRevealed(false);
    },
    [total],
  );

  const reset = async () => {
    if (!data) return;
    await resetScenario(data.scenario.caseNumber);
    setConfirmReset(false);
    setIndex(-1);
    setRevealed(false);
    setResetNote(`Case ${data.scenario.caseNumber} is back at the start of the scenario.`);
    onReset?.(data.scenario.caseNumber);
    rootRef.current?.focus();
  };

  const onKey = (e: React.KeyboardEvent) => {
    if (confirmReset) return;
    if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ') {
      e.preventDefault();
      go(1);
    } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
      e.preventDefault();
      go(-1);
    } else if (e.key === 'a' || e.key === 'A') {
      e.preventDefault();
      setRevealed((r) => !r);
    } else if (e.key === 'Home') {
      e.preventDefault();
      setIndex(-1);
      setRevealed(false);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  const step = data && index >= 0 ? data.steps[index] : null;

  return (
    <div
      className="presenter"
      id="presenter"
      ref={rootRef}
      tabIndex={-1}
      onKeyDown={onKey}
      data-step={index + 1}
      aria-label="Presenter view"
    >
      <div className="presenter-bar">
        <span className="presenter-training">TRAINING</span>
        <span id="presenter-position" role="status">
          {data ? (index < 0 ? `Introduction · ${total} steps` : `Step ${index + 1} of ${total}`) : ''}
        </span>
        <span className="presenter-keys">→ next · ← back · A answers · Esc leave</span>
        <button type="button" className="button button-secondary button-small" id="presenter-reset" onClick={() => setConfirmReset(true)}>
          Reset scenario
        </button>
        <button type="button" className="button button-secondary button-small" id="presenter-close" onClick={onClose}>
          Leave
        </button>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {resetNote ? (
        <p className="presenter-note" role="status" id="presenter-reset-note">
          {resetNote}
        </p>
      ) : null}
      {!data && !error ? (
        <p role="status">
          <Spinner /> Preparing the presentation…
        </p>
      ) : null}
      {data && index < 0 ? (
        <section className="presenter-slide" id="presenter-intro">
          <p className="presenter-stage">Scenario · {data.scenario.stage}</p>
          <h1>{data.scenario.title}</h1>
          <p className="presenter-lead">{data.scenario.summary}</p>
          <h2>By the end of this scenario you can</h2>
          <ul>
            {data.scenario.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
          <p className="presenter-fiction">{data.scenario.fictional}</p>
        </section>
      ) : null}
      {step ? (
        <section className="presenter-slide" id="presenter-step" aria-labelledby="presenter-step-title">
          <p className="presenter-stage">{step.stage}</p>
          <h1 id="presenter-step-title">{step.label}</h1>
          <div className="presenter-columns">
            <div>
              <h2>Ask</h2>
              <ol className="presenter-questions">
                {step.questions.map((q) => (
                  <li key={q.itemId}>
                    <p className="presenter-question">{q.text}</p>
                    {revealed && q.says ? <p className="presenter-says">“{q.says}”</p> : null}
                    {revealed && q.reveals.length > 0 ? (
                      <ul className="presenter-reveals">
                        {q.reveals.map((r) => (
                          <li key={r}>Comes out: {r}</li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
              {step.questions.length > 0 && !revealed ? (
                <p className="presenter-hint">Let the class ask, then press A for the victim's answers.</p>
              ) : null}
            </div>
            <aside>
              <h2>Why it matters</h2>
              <p className="presenter-why">{step.why}</p>
              {step.teaching.length > 0 ? (
                <>
                  <h2>Teaching points</h2>
                  <ul className="presenter-teaching">
                    {step.teaching.map((t) => (
                      <li key={t}>{t}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </aside>
          </div>
        </section>
      ) : null}
      {confirmReset && data ? (
        <ConfirmDialog
          id="presenter-reset-confirm"
          title="Reset the scenario?"
          confirmLabel="Reset to the start"
          busyLabel="Resetting…"
          onConfirm={reset}
          onClose={() => {
            setConfirmReset(false);
            rootRef.current?.focus();
          }}
          explain={explain}
        >
          Case {data.scenario.caseNumber} goes back to how the scenario starts: everything recorded in it since is removed.
          Only training cases can be reset.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
