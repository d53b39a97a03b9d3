import { useState } from 'react';
import { asCommandError, revealIdentifier, type Identifier } from '../ipc/commands';

interface ConfidentialValueProps {
  /** The case the identifier belongs to. */
  number: string;
  personId: string;
  identifier: Identifier;
  /** What the value is, for the Reveal button's name ("address"). */
  what: string;
  className?: string;
}

/**
 * An identifier's value. A confidential one arrives masked from the core;
 * "Reveal" asks the core for it (an audited event) and keeps it only while
 * this is on screen.
 */
export function ConfidentialValue({ number, personId, identifier, what, className }: ConfidentialValueProps) {
  const [revealed, setRevealed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!identifier.confidential) return <span className={className}>{identifier.value}</span>;

  const toggle = async () => {
    if (revealed !== null) {
      setRevealed(null);
      return;
    }
    if (!identifier.masked) {
      setRevealed(identifier.value);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setRevealed(await revealIdentifier(number, personId, identifier.id));
    } catch (e) {
      setError(asCommandError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className={`confidential${className ? ` ${className}` : ''}`} data-confidential="true">
      {revealed !== null ? (
        <span className="confidential-value">{revealed}</span>
      ) : (
        <span className="masked">
          <span aria-hidden="true">•••• </span>(confidential)
        </span>
      )}
      <button
        type="button"
        className="button button-quiet button-tiny reveal-toggle"
        aria-pressed={revealed !== null}
        aria-label={`Reveal confidential ${what}`}
        title="Revealing is recorded in the case's audit trail"
        disabled={busy}
        onClick={() => void toggle()}
      >
        {revealed !== null ? 'Hide' : 'Reveal'}
      </button>
      {error ? (
        <span className="form-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
