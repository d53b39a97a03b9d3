import { useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { PassphraseInput } from '../components/PassphraseInput';
import { Spinner } from '../components/Spinner';
import { asCommandError, sealCase, type HandoverMode, type SealReport } from '../ipc/commands';
import { formatBytes } from '../lib/format';

interface HandoverDialogProps {
  number: string;
  title: string;
  onClose(): void;
  /** Called after a file was written (the case list may have changed). */
  onSealed(report: SealReport): void;
}

export function HandoverDialog({ number, title, onClose, onSealed }: HandoverDialogProps) {
  const [mode, setMode] = useState<HandoverMode>('transfer');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<SealReport | null>(null);

  const mismatch = confirm !== '' && confirm !== passphrase;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || passphrase === '' || passphrase !== confirm) return;
    setBusy(true);
    setError(null);
    try {
      const result = await sealCase(number, passphrase, mode);
      if (result) {
        setReport(result);
        onSealed(result);
      }
    } catch (err) {
      setError(asCommandError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog id="handover-dialog" title={`Hand over case ${number}`} onClose={onClose} busy={busy}>
      {report ? (
        <div className="seal-result" id="seal-result">
          <p role="status">
            <span aria-hidden="true">✓ </span>
            {report.mode === 'transfer' ? 'Transfer file written.' : 'Review copy written.'} Give the recipient the
            file and, by another channel, the handover passphrase.
          </p>
          <dl className="facts facts-single">
            <div>
              <dt>File</dt>
              <dd className="mono break">{report.path}</dd>
            </div>
            <div>
              <dt>SHA-256</dt>
              <dd className="mono break hash" id="seal-sha256">
                {report.sha256}
              </dd>
            </div>
            <div>
              <dt>Size</dt>
              <dd>{formatBytes(report.bytes)}</dd>
            </div>
          </dl>
          <p className="hint">Tell the recipient this SHA-256 by another channel too: it lets them check that the file they received is exactly this one.</p>
          <div className="form-actions">
            <button type="button" className="button button-primary" data-autofocus="" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={submit} aria-busy={busy ? 'true' : undefined}>
          <p className="lead-small">{title}</p>
          <fieldset className="fieldset" disabled={busy}>
            <legend>What to hand over</legend>
            <label className="radio">
              <input
                type="radio"
                name="handover-mode"
                value="transfer"
                data-autofocus=""
                checked={mode === 'transfer'}
                onChange={() => setMode('transfer')}
              />
              <span>
                <strong>Transfer the case</strong>
                <span className="hint block">The recipient takes over the case and can keep working on it.</span>
              </span>
            </label>
            <label className="radio">
              <input
                type="radio"
                name="handover-mode"
                value="review"
                checked={mode === 'review'}
                onChange={() => setMode('review')}
              />
              <span>
                <strong>Supervisor review copy (read-only)</strong>
                <span className="hint block">The recipient can read and verify the case but not change it.</span>
              </span>
            </label>
          </fieldset>
          <fieldset className="fieldset" disabled={busy}>
            <legend>Handover passphrase</legend>
            <p className="hint" id="handover-help">
              The file is encrypted with this passphrase. Give it to the recipient by another channel (in person or by
              phone), never together with the file.
            </p>
            <div className="field">
              <label htmlFor="handover-passphrase">Handover passphrase</label>
              <PassphraseInput
                id="handover-passphrase"
                value={passphrase}
                required
                aria-describedby="handover-help"
                onChange={(e) => setPassphrase(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="handover-confirm">Confirm handover passphrase</label>
              <PassphraseInput
                id="handover-confirm"
                value={confirm}
                required
                aria-invalid={mismatch ? 'true' : undefined}
                onChange={(e) => setConfirm(e.target.value)}
              />
              {mismatch ? <p className="field-error">The two passphrases are not the same.</p> : null}
            </div>
          </fieldset>
          <div id="handover-error" role="alert" className="form-error">
            {error}
          </div>
          <div className="form-actions">
            <button
              id="handover-submit"
              type="submit"
              className="button button-primary"
              disabled={busy || passphrase === '' || passphrase !== confirm}
            >
              {busy ? (
                <>
                  <Spinner /> Sealing…
                </>
              ) : (
                'Choose where to save…'
              )}
            </button>
            <button type="button" className="button button-secondary" onClick={onClose} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
