import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { Spinner } from '../components/Spinner';
import { StatusBadge } from '../components/StatusBadge';
import { changeStatus, statusOptions, type CaseDetail, type CaseStatus, type StatusOption } from '../ipc/commands';
import { statusLabel } from '../lib/cases';
import { asList } from '../lib/records';

interface StatusDialogProps {
  number: string;
  current: CaseStatus;
  onChanged(detail: CaseDetail): void;
  onClose(): void;
  explain(e: unknown): string;
}

/** What each move means, in a line. */
const STATUS_HINTS: Partial<Record<CaseStatus, string>> = {
  preliminary: 'Patrol is doing the preliminary investigation.',
  assigned: 'A detective has the case.',
  active: 'Under active investigation.',
  referred: 'Sent to the prosecutor for a charging decision.',
  filed: 'The prosecutor filed charges.',
  declined: 'The prosecutor declined to file.',
  returned: 'The prosecutor sent it back for more investigation.',
  monitoring: 'Orders, supervision or release conditions are being watched.',
  dormant: 'Nothing happening now; reassess on a set date.',
  closed: 'Closed or retired. Say why, and what would reopen it.',
};

/** Move the case along its lifecycle; some moves need a reason. */
export function StatusDialog({ number, current, onChanged, onClose, explain }: StatusDialogProps) {
  const [options, setOptions] = useState<StatusOption[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [to, setTo] = useState<CaseStatus | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reasonMissing, setReasonMissing] = useState(false);
  const [choiceMissing, setChoiceMissing] = useState(false);
  const explainRef = useRef(explain);
  explainRef.current = explain;

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const o = asList(await statusOptions(number));
        if (live) setOptions(o);
      } catch (e) {
        if (live) setLoadError(explainRef.current(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [number]);

  const chosen = options?.find((o) => o.status === to) ?? null;
  const needsReason = chosen?.needsReason ?? false;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!chosen) {
      setChoiceMissing(true);
      return;
    }
    if (needsReason && reason.trim() === '') {
      setReasonMissing(true);
      document.getElementById('status-reason')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const d = await changeStatus(number, chosen.status, reason.trim());
      onChanged(d);
    } catch (err) {
      setError(explain(err));
      setBusy(false);
    }
  };

  return (
    <Dialog id="status-dialog" title="Change the case status" onClose={onClose} busy={busy}>
      <form id="status-form" className="form" onSubmit={submit} noValidate aria-busy={busy ? 'true' : undefined}>
        <p className="status-now">
          Now: <StatusBadge status={current} />
        </p>
        {loadError ? (
          <p className="form-error" role="alert">
            The possible statuses could not be loaded: {loadError}
          </p>
        ) : options === null ? (
          <p className="pane-note" role="status">
            <Spinner /> Loading…
          </p>
        ) : options.length === 0 ? (
          <p className="muted">A {statusLabel(current).toLowerCase()} case cannot move to another status.</p>
        ) : (
          <fieldset className="fieldset" disabled={busy} aria-describedby={choiceMissing ? 'status-choice-error' : undefined}>
            <legend>Move the case to</legend>
            <div className="status-options">
              {options.map((o, i) => (
                <label key={o.status} className="radio status-option">
                  <input
                    type="radio"
                    name="status-to"
                    value={o.status}
                    checked={to === o.status}
                    data-autofocus={i === 0 ? '' : undefined}
                    onChange={() => {
                      setTo(o.status);
                      setChoiceMissing(false);
                      setReasonMissing(false);
                    }}
                  />
                  <span>
                    <strong>{statusLabel(o.status)}</strong>
                    {o.needsReason ? <span className="muted"> — reason required</span> : null}
                    {STATUS_HINTS[o.status] ? <span className="block hint">{STATUS_HINTS[o.status]}</span> : null}
                  </span>
                </label>
              ))}
            </div>
            {choiceMissing ? (
              <p id="status-choice-error" className="field-error">
                Choose the new status.
              </p>
            ) : null}
          </fieldset>
        )}
        <div className="field">
          <label htmlFor="status-reason">
            Reason
            {needsReason ? <span className="required-mark" aria-hidden="true"> *</span> : <span className="muted"> (optional)</span>}
          </label>
          <textarea
            id="status-reason"
            className="input"
            rows={3}
            required={needsReason}
            aria-required={needsReason ? 'true' : undefined}
            aria-invalid={reasonMissing ? 'true' : undefined}
            aria-describedby="status-reason-hint"
            disabled={busy}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              if (e.target.value.trim()) setReasonMissing(false);
            }}
          />
          <p id="status-reason-hint" className={reasonMissing ? 'field-error' : 'hint'}>
            {reasonMissing
              ? `Give the reason for moving the case to ${statusLabel(chosen?.status ?? current).toLowerCase()}.`
              : needsReason
                ? 'This move needs a reason; it is kept in the status history and the audit trail.'
                : 'Kept in the status history and the audit trail.'}
          </p>
        </div>
        <div id="status-error" role="alert" className="form-error">
          {error}
        </div>
        <div className="form-actions">
          <button id="status-save" type="submit" className="button button-primary" disabled={busy || !options || options.length === 0}>
            {busy ? (
              <>
                <Spinner /> Saving…
              </>
            ) : (
              'Change status'
            )}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
