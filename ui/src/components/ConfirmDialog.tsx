import { useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';
import { Spinner } from './Spinner';

interface ConfirmDialogProps {
  id?: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  /** Runs the action; a rejection is shown in the dialog and keeps it open. */
  onConfirm(): Promise<void>;
  onClose(): void;
  explain(e: unknown): string;
  /** "primary" for a confirmation that destroys nothing. */
  tone?: 'danger' | 'primary';
}

/** "Are you sure?" for destructive (or weighty) actions. Focus starts on Cancel. */
export function ConfirmDialog({ id, title, children, confirmLabel, busyLabel, onConfirm, onClose, explain, tone = 'danger' }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(explain(e));
      setBusy(false);
    }
  };
  return (
    <Dialog id={id} title={title} onClose={onClose} busy={busy}>
      <div className="confirm-body">{children}</div>
      <div role="alert" className="form-error">
        {error}
      </div>
      <div className="form-actions dialog-footer">
        <button type="button" className="button button-secondary" onClick={onClose} disabled={busy} data-autofocus="">
          Cancel
        </button>
        <button type="button" className={tone === 'danger' ? 'button button-danger-solid' : 'button button-primary'} onClick={() => void confirm()} disabled={busy}>
          {busy ? (
            <>
              <Spinner /> {busyLabel}
            </>
          ) : (
            confirmLabel
          )}
        </button>
      </div>
    </Dialog>
  );
}
