import { useState, type FormEvent } from 'react';
import { AgencyReportsEditor, cleanAgencyReports } from '../components/AgencyReportsEditor';
import { Spinner } from '../components/Spinner';
import { asCommandError, type AgencyReport } from '../ipc/commands';

export interface CaseFormValues {
  number: string;
  title: string;
  openedOn: string;
  assignedInvestigator: string;
  agencyReports: AgencyReport[];
}

interface CaseFormProps {
  /** id prefix: `${prefix}-number`, `-title`, `-opened-on`, `-investigator`, `-submit`, `-error`. */
  prefix: string;
  initial: CaseFormValues;
  /** Show the case number field (new cases only; the number never changes). */
  withNumber: boolean;
  submitLabel: string;
  busyLabel: string;
  onSubmit(values: CaseFormValues): Promise<void>;
  onCancel(): void;
  onBusyChange?(busy: boolean): void;
}

/** Fields shared by "New case" and "Edit details". Validation is the backend's. */
export function CaseForm({
  prefix,
  initial,
  withNumber,
  submitLabel,
  busyLabel,
  onSubmit,
  onCancel,
  onBusyChange,
}: CaseFormProps) {
  const [v, setV] = useState<CaseFormValues>(initial);
  const [busy, setBusyState] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setBusy = (b: boolean) => {
    setBusyState(b);
    onBusyChange?.(b);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        number: v.number.trim(),
        title: v.title.trim(),
        openedOn: v.openedOn,
        assignedInvestigator: v.assignedInvestigator.trim(),
        agencyReports: cleanAgencyReports(v.agencyReports),
      });
    } catch (err) {
      setError(asCommandError(err).message);
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} aria-busy={busy ? 'true' : undefined} noValidate>
      <fieldset className="fieldset-plain" disabled={busy}>
        {withNumber ? (
          <div className="field">
            <label htmlFor={`${prefix}-number`}>Case number</label>
            <input
              id={`${prefix}-number`}
              className="input mono"
              type="text"
              required
              aria-required="true"
              autoComplete="off"
              data-autofocus=""
              value={v.number}
              aria-describedby={`${prefix}-error`}
              onChange={(e) => setV({ ...v, number: e.target.value })}
            />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${prefix}-title`}>Title</label>
          <input
            id={`${prefix}-title`}
            className="input"
            type="text"
            required
            aria-required="true"
            autoComplete="off"
            data-autofocus={withNumber ? undefined : ''}
            value={v.title}
            aria-describedby={`${prefix}-title-hint`}
            onChange={(e) => setV({ ...v, title: e.target.value })}
          />
          <p id={`${prefix}-title-hint`} className="hint">
            A short working title, for example "Harassment of J. Doe".
          </p>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${prefix}-opened-on`}>Opened on</label>
            <input
              id={`${prefix}-opened-on`}
              className="input"
              type="date"
              value={v.openedOn}
              onChange={(e) => setV({ ...v, openedOn: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${prefix}-investigator`}>Assigned investigator</label>
            <input
              id={`${prefix}-investigator`}
              className="input"
              type="text"
              autoComplete="off"
              value={v.assignedInvestigator}
              onChange={(e) => setV({ ...v, assignedInvestigator: e.target.value })}
            />
          </div>
        </div>
        <AgencyReportsEditor
          idPrefix={prefix}
          value={v.agencyReports}
          onChange={(agencyReports) => setV({ ...v, agencyReports })}
        />
      </fieldset>

      <div id={`${prefix}-error`} role="alert" className="form-error">
        {error}
      </div>

      <div className="form-actions">
        <button id={`${prefix}-submit`} type="submit" className="button button-primary" disabled={busy}>
          {busy ? (
            <>
              <Spinner /> {busyLabel}
            </>
          ) : (
            submitLabel
          )}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
