import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Banner } from '../components/Banner';
import { PassphraseInput } from '../components/PassphraseInput';
import { Spinner } from '../components/Spinner';
import {
  asCommandError,
  unlockWithRecoveryKey,
  unlockWorkspace,
  type UnlockReport,
} from '../ipc/commands';

interface UnlockProps {
  onUnlocked(report: UnlockReport, viaRecovery: boolean): void;
  /** Agency name if known from earlier in this session (the backend does not tell it while locked). */
  agency?: string | null;
  /** Why the lock screen is shown, e.g. after an automatic lock. */
  notice?: string | null;
}

type Mode = 'passphrase' | 'recovery';

export function Unlock({ onUnlocked, agency = null, notice = null }: UnlockProps) {
  const [mode, setMode] = useState<Mode>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const passRef = useRef<HTMLInputElement>(null);
  const keyRef = useRef<HTMLInputElement>(null);
  const selectAfterError = useRef(false);

  useEffect(() => {
    (mode === 'passphrase' ? passRef : keyRef).current?.focus();
  }, [mode]);

  useEffect(() => {
    // After a failed attempt (the field was disabled while busy): focus the
    // field again and select what was typed, ready to be overwritten.
    if (!busy && selectAfterError.current) {
      selectAfterError.current = false;
      const el = (mode === 'passphrase' ? passRef : keyRef).current;
      el?.focus();
      el?.select();
    }
  }, [busy, mode]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = mode === 'passphrase' ? passphrase : recoveryKey.trim();
    if (busy || value === '') return;
    setBusy(true);
    setError(null);
    try {
      const report =
        mode === 'passphrase' ? await unlockWorkspace(value) : await unlockWithRecoveryKey(value);
      onUnlocked(report, mode === 'recovery');
    } catch (err) {
      setError(asCommandError(err).message);
      selectAfterError.current = true;
      setBusy(false);
    }
  };

  const switchMode = () => {
    setError(null);
    setMode((m) => (m === 'passphrase' ? 'recovery' : 'passphrase'));
  };

  return (
    <div className="screen screen-centered">
      <main className="card card-narrow" id="main-content">
        <p className="app-mark">Vigil</p>
        <h1>{agency ? agency : 'Vigil is locked'}</h1>
        <p className="lead">
          {mode === 'passphrase'
            ? 'Enter your passphrase to open your cases.'
            : 'Enter the recovery key you stored when Vigil was set up.'}
        </p>
        {notice ? <Banner tone="info">{notice}</Banner> : null}
        <form className="form" onSubmit={submit} aria-busy={busy ? 'true' : undefined}>
          {mode === 'passphrase' ? (
            <div className="field">
              <label htmlFor="unlock-passphrase">Passphrase</label>
              <PassphraseInput
                id="unlock-passphrase"
                ref={passRef}
                value={passphrase}
                required
                autoFocus
                readOnly={busy}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby="unlock-error"
                onChange={(e) => setPassphrase(e.target.value)}
              />
            </div>
          ) : (
            <div className="field">
              <label htmlFor="unlock-recovery-key">Recovery key</label>
              <input
                id="unlock-recovery-key"
                ref={keyRef}
                className="input mono"
                type="text"
                value={recoveryKey}
                required
                autoComplete="off"
                autoCapitalize="off"
                autoCorrect="off"
                spellCheck={false}
                readOnly={busy}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby="unlock-error"
                onChange={(e) => setRecoveryKey(e.target.value)}
              />
            </div>
          )}

          <div id="unlock-error" role="alert" className="form-error">
            {error}
          </div>

          <div className="form-actions">
            <button id="unlock-submit" type="submit" className="button button-primary" disabled={busy}>
              {busy ? (
                <>
                  <Spinner /> Unlocking…
                </>
              ) : (
                'Unlock'
              )}
            </button>
            <button type="button" className="button button-link" onClick={switchMode} disabled={busy}>
              {mode === 'passphrase' ? 'Use recovery key instead' : 'Use passphrase instead'}
            </button>
          </div>
        </form>
      </main>
    </div>
  );
}
