import { useId } from 'react';
import type { AgencyReport } from '../ipc/commands';

interface Props {
  value: AgencyReport[];
  onChange(next: AgencyReport[]): void;
  disabled?: boolean;
  idPrefix: string;
}

/** Small repeatable list of (agency, report number) rows. */
export function AgencyReportsEditor({ value, onChange, disabled = false, idPrefix }: Props) {
  const legendId = useId();
  const update = (i: number, patch: Partial<AgencyReport>) =>
    onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="fieldset agency-reports" aria-describedby={`${legendId}-hint`}>
      <legend>Agency report numbers</legend>
      <p id={`${legendId}-hint`} className="hint">
        Reference numbers other agencies gave this matter (optional).
      </p>
      {value.length > 0 ? (
        <ul className="report-rows">
          {value.map((r, i) => (
            <li key={i} className="report-row">
              <div className="field">
                <label htmlFor={`${idPrefix}-agency-${i}`}>Agency</label>
                <input
                  id={`${idPrefix}-agency-${i}`}
                  className="input"
                  value={r.agency}
                  disabled={disabled}
                  onChange={(e) => update(i, { agency: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${idPrefix}-report-${i}`}>Report number</label>
                <input
                  id={`${idPrefix}-report-${i}`}
                  className="input mono"
                  value={r.number}
                  disabled={disabled}
                  onChange={(e) => update(i, { number: e.target.value })}
                />
              </div>
              <button
                type="button"
                className="button button-quiet remove-row"
                disabled={disabled}
                aria-label={`Remove report number ${i + 1}${r.agency ? ` (${r.agency})` : ''}`}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <button
        type="button"
        className="button button-secondary"
        disabled={disabled}
        onClick={() => onChange([...value, { agency: '', number: '' }])}
      >
        Add report number
      </button>
    </fieldset>
  );
}

/** Drop rows where both fields are empty and trim the rest. */
export function cleanAgencyReports(rows: AgencyReport[]): AgencyReport[] {
  return rows
    .map((r) => ({ agency: r.agency.trim(), number: r.number.trim() }))
    .filter((r) => r.agency !== '' || r.number !== '');
}
