import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Banner } from '../components/Banner';
import { PassphraseInput } from '../components/PassphraseInput';
import { Spinner } from '../components/Spinner';
import {
  asCommandError,
  repairWorkspace,
  unlockWithRecoveryKey,
  unlockWorkspace,
  type RepairReport,
  type UnlockReport,
} from '../ipc/commands';

interface UnlockProps {
  onUnlocked(report: UnlockReport, viaRecovery: boolean): void;
  /** Agency name if known from earlier in this session (the backend does not tell it while locked). */
  agency?: string | null;
  /** Why the lock screen is shown, e.g. after an automatic lock. */
  notice?: string | null;
  /** A training workspace: its printed passphrase, and the way back to the real one. */
  training?: { passphrase: string; onLeave(): void } | null;
}

type Mode = 'passphrase' | 'recovery';

export function Unlock({ onUnlocked, agency = null, notice = null, training = null }: UnlockProps) {
  const [mode, setMode] = useState<Mode>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The register of cases is missing or damaged: repair is offered. */
  const [damaged, setDamaged] = useState(false);
  const [repaired, setRepaired] = useState<RepairReport | null>(null);
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
      const e = asCommandError(err);
      setDamaged(e.kind === 'workspaceDamaged');
      setError(e.message);
      selectAfterError.current = true;
      setBusy(false);
    }
  };

  const repair = async () => {
    const value = mode === 'passphrase' ? passphrase : recoveryKey.trim();
    if (busy || value === '') return;
    setBusy(true);
    setError(null);
    try {
      setRepaired(await repairWorkspace(value, mode === 'recovery'));
      setDamaged(false);
    } catch (err) {
      setError(asCommandError(err).message);
    } finally {
      setBusy(false);
    }
  };

  if (repaired) {
    return (
      <RepairResult
        report={repaired}
        onContinue={() =>
          onUnlocked(
            { failedAttempts: 0, firstFailedAt: null, lastFailedAt: null, profile: null, warnings: [] },
            mode === 'recovery',
          )
        }
      />
    );
  }

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
        {training ? (
          <Banner
            tone="warning"
            id="training-unlock"
            title="Training workspace"
            actions={
              <button type="button" className="button button-secondary button-small" id="leave-training-locked" onClick={training.onLeave}>
                Back to my own workspace
              </button>
            }
          >
            Fictional cases for class. The passphrase is <code className="mono">{training.passphrase}</code>.
          </Banner>
        ) : null}
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
          {damaged ? (
            <Banner tone="warning" id="repair-offer" title="The list of cases needs repair">
              Your case files are not affected. Vigil can rebuild the list from them: each case file is checked before it
              is taken back, and the damaged list is kept aside.
              <div className="form-actions">
                <button
                  id="repair-button"
                  type="button"
                  className="button button-primary"
                  disabled={busy}
                  onClick={() => void repair()}
                >
                  {busy ? (
                    <>
                      <Spinner /> Repairing…
                    </>
                  ) : (
                    'Repair the workspace'
                  )}
                </button>
              </div>
            </Banner>
          ) : null}

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

const OUTCOME_TEXT = {
  registered: 'Checked and restored',
  alreadyRegistered: 'Already in the list',
  refused: 'Not restored',
} as const;

/** What a repair found, file by file, before the cases open. */
function RepairResult({ report, onContinue }: { report: RepairReport; onContinue(): void }) {
  const refused = report.cases.filter((c) => c.outcome === 'refused').length;
  return (
    <div className="screen screen-centered">
      <main className="card card-wide" id="main-content">
        <p className="app-mark">Vigil</p>
        <h1>{report.rebuilt ? 'The list of cases was rebuilt' : 'The list of cases was sound'}</h1>
        {refused > 0 ? (
          <Banner tone="danger" title={`${refused} case file${refused === 1 ? '' : 's'} could not be restored`}>
            They were left untouched in the cases folder. Restore them from a backup, or ask the sender for a new copy.
          </Banner>
        ) : null}
        <table className="data-table" id="repair-report">
          <caption className="visually-hidden">Case files found</caption>
          <thead>
            <tr>
              <th scope="col">Case file</th>
              <th scope="col">Case</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {report.cases.map((c) => (
              <tr key={c.fileName}>
                <td className="mono">{c.fileName}</td>
                <td>{c.number ?? '—'}</td>
                <td>
                  {OUTCOME_TEXT[c.outcome]}
                  {c.detail ? <p className="hint">{c.detail}</p> : null}
                </td>
              </tr>
            ))}
            {report.cases.length === 0 ? (
              <tr>
                <td colSpan={3}>No case files were found in the cases folder.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
        {report.setAside ? (
          <p className="hint">
            The damaged list was kept as <span className="mono">{report.setAside}</span>.
          </p>
        ) : null}
        {report.notes.length > 0 ? (
          <ul className="plain-list" id="repair-notes">
            {report.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
        <div className="form-actions">
          <button id="repair-continue" type="button" className="button button-primary" onClick={onContinue} autoFocus>
            Open my cases
          </button>
        </div>
      </main>
    </div>
  );
}
