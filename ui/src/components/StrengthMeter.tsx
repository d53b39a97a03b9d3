import type { PassphraseAssessment } from '../ipc/commands';

interface StrengthMeterProps {
  id: string;
  assessment: PassphraseAssessment | null;
  /** True while the shown assessment is for an earlier value (typing). */
  stale?: boolean;
  error?: string | null;
}

const STEPS = [0, 1, 2, 3, 4] as const;

/**
 * Five-step strength bar plus the backend's label and problems. Colour is
 * doubled by the text label, and the problem list is a polite live region.
 */
export function StrengthMeter({ id, assessment, stale = false, error = null }: StrengthMeterProps) {
  const score = assessment ? Math.max(0, Math.min(4, Math.round(assessment.score))) : 0;
  const label = assessment ? assessment.label : 'Not rated yet';
  const problems = assessment?.problems ?? [];
  return (
    <div className="strength" data-stale={stale ? 'true' : undefined}>
      <div className="strength-row">
        <div
          id={id}
          className={`strength-bar score-${assessment ? score : 'none'}`}
          role="meter"
          aria-label="Passphrase strength"
          aria-valuemin={0}
          aria-valuemax={4}
          aria-valuenow={score}
          aria-valuetext={`${label} (${score} of 4)`}
        >
          {STEPS.map((s) => (
            <span key={s} className={assessment && s <= score ? 'strength-step on' : 'strength-step'} />
          ))}
        </div>
        <span className="strength-label" aria-hidden="true">
          {label}
        </span>
      </div>
      <div aria-live="polite" className="strength-problems">
        {error ? <p className="field-error">{error}</p> : null}
        {problems.length > 0 ? (
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
