import { useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { PassphraseInput } from '../components/PassphraseInput';
import { Spinner } from '../components/Spinner';
import { asCommandError, receiveCase, type CaseSummary } from '../ipc/commands';

interface ReceiveDialogProps {
  onReceived(summary: CaseSummary): void;
  onClose(): void;
}

export function ReceiveDialog({ onReceived, onClose }: ReceiveDialogProps) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || passphrase === '') return;
    setBusy(true);
    setError(null);
    try {
      const summary = await receiveCase(passphrase);
      setBusy(false);
      if (summary) onReceived(summary);
      // null: the file dialog was cancelled; stay here.
    } catch (err) {
      setError(asCommandError(err).message);
      setBusy(false);
    }
  };

  return (
    <Dialog id="receive-dialog" title="Receive a case file" onClose={onClose} busy={busy}>
      <form className="form" onSubmit={submit} aria-busy={busy ? 'true' : undefined}>
        <p className="hint" id="receive-help">
          Enter the handover passphrase the sender gave you, then choose the case file.
        </p>
        <div className="field">
          <label htmlFor="receive-passphrase">Handover passphrase</label>
          <PassphraseInput
            id="receive-passphrase"
            value={passphrase}
            required
            data-autofocus=""
            readOnly={busy}
            aria-describedby="receive-help receive-error"
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </div>
        <div id="receive-error" role="alert" className="form-error">
          {error}
        </div>
        <div className="form-actions">
          <button id="receive-submit" type="submit" className="button button-primary" disabled={busy || passphrase === ''}>
            {busy ? (
              <>
                <Spinner /> Opening…
              </>
            ) : (
              'Choose case file…'
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
