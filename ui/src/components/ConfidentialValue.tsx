import { useState } from 'react';

interface ConfidentialValueProps {
  value: string;
  confidential: boolean;
  /** What the value is, for the Reveal button's name ("address"). */
  what: string;
  className?: string;
}

/**
 * An identifier's value; a confidential one is masked until its own
 * "Reveal" toggle is pressed (and masked again when this unmounts).
 */
export function ConfidentialValue({ value, confidential, what, className }: ConfidentialValueProps) {
  const [revealed, setRevealed] = useState(false);
  if (!confidential) return <span className={className}>{value}</span>;
  return (
    <span className={`confidential${className ? ` ${className}` : ''}`} data-confidential="true">
      {revealed ? (
        <span className="confidential-value">{value}</span>
      ) : (
        <span className="masked">
          <span aria-hidden="true">•••• </span>(confidential)
        </span>
      )}
      <button
        type="button"
        className="button button-quiet button-tiny reveal-toggle"
        aria-pressed={revealed}
        aria-label={`Reveal confidential ${what}`}
        onClick={() => setRevealed((r) => !r)}
      >
        {revealed ? 'Hide' : 'Reveal'}
      </button>
    </span>
  );
}
