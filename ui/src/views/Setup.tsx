import { useState, type FormEvent } from 'react';
import { PassphraseInput } from '../components/PassphraseInput';
import { EMPTY_PROFILE, ProfileFields, trimProfile } from '../components/ProfileFields';
import { Spinner } from '../components/Spinner';
import { StrengthMeter } from '../components/StrengthMeter';
import { usePassphraseAssessment } from '../hooks/usePassphraseAssessment';
import { asCommandError, createWorkspace, type AppStatus, type Profile } from '../ipc/commands';

interface SetupProps {
  status: AppStatus;
  onCreated(recoveryKey: string, profile: Profile): void;
  /** Open the training workspace instead (fictional cases for class). */
  onOpenDemo?(): Promise<void>;
}

/** First start: the investigator's profile and the workspace passphrase. */
export function Setup({ status, onCreated, onOpenDemo }: SetupProps) {
  const [demoBusy, setDemoBusy] = useState(false);
  const [demoError, setDemoError] = useState<string | null>(null);
  const openDemo = async () => {
    if (!onOpenDemo) return;
    setDemoBusy(true);
    setDemoError(null);
    try {
      await onOpenDemo();
    } catch (e) {
      setDemoError(asCommandError(e).message);
      setDemoBusy(false);
    }
  };
  const [profile, setProfile] = useState<Profile>(EMPTY_PROFILE);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trimmed = trimProfile(profile);
  const meter = usePassphraseAssessment(passphrase, trimmed);

  const mismatch = confirm !== '' && confirm !== passphrase;
  const canSubmit =
    !busy && passphrase !== '' && confirm === passphrase && meter.assessment !== null && meter.assessment.acceptable;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    setError(null);
    try {
      // The meter may still show the verdict for an earlier keystroke.
      if (!meter.isCurrent) {
        const fresh = await meter.assessNow();
        if (!fresh.acceptable) {
          setBusy(false);
          return;
        }
      }
      const created = await createWorkspace(trimmed, passphrase);
      onCreated(created.recoveryKey, trimmed);
    } catch (err) {
      setError(asCommandError(err).message);
      setBusy(false);
    }
  };

  return (
    <div className="screen screen-centered">
      <main className="card card-wide" id="main-content">
        <p className="app-mark">Vigil</p>
        <h1>Set up Vigil on this computer</h1>
        {onOpenDemo ? (
          <aside className="demo-offer" aria-labelledby="demo-title">
            <h2 id="demo-title">Teaching a class?</h2>
            <p>
              Open a separate training workspace with three fictional cases. It is marked TRAINING everywhere, and its
              passphrase is <code className="mono" id="demo-passphrase">{status.demoPassphrase}</code> for everyone.
            </p>
            <button type="button" id="open-demo" className="button button-secondary" disabled={demoBusy} onClick={() => void openDemo()}>
              {demoBusy ? (
                <>
                  <Spinner /> Opening the demo…
                </>
              ) : (
                'Open a training demo'
              )}
            </button>
            {demoError ? (
              <p className="form-error" role="alert">
                {demoError}
              </p>
            ) : null}
          </aside>
        ) : null}
        <p className="lead">
          Cases are stored encrypted in <code className="mono path">{status.workspaceDir}</code>
        </p>
        <form id="setup-form" className="form" onSubmit={submit} aria-busy={busy ? 'true' : undefined} noValidate={false}>
          <fieldset className="fieldset" disabled={busy}>
            <legend>About you</legend>
            <p className="hint">Your name, badge number and unit are recorded in each case's audit log.</p>
            <ProfileFields prefix="setup" value={profile} onChange={setProfile} autoFocusFirst />
          </fieldset>

          <fieldset className="fieldset" disabled={busy}>
            <legend>Passphrase</legend>
            <p className="hint" id="setup-passphrase-help">
              This passphrase protects every case on this computer. If you forget it, the only way back in is the
              recovery key shown on the next screen.
            </p>
            <div className="field">
              <label htmlFor="setup-passphrase">Passphrase</label>
              <PassphraseInput
                id="setup-passphrase"
                value={passphrase}
                required
                aria-describedby="setup-passphrase-help"
                onChange={(e) => setPassphrase(e.target.value)}
              />
              <StrengthMeter
                id="passphrase-meter"
                assessment={meter.assessment}
                stale={!meter.isCurrent}
                error={meter.error}
              />
            </div>
            <div className="field">
              <label htmlFor="setup-confirm">Confirm passphrase</label>
              <PassphraseInput
                id="setup-confirm"
                value={confirm}
                required
                aria-invalid={mismatch ? 'true' : undefined}
                aria-describedby={mismatch ? 'setup-confirm-error' : undefined}
                onChange={(e) => setConfirm(e.target.value)}
              />
              {mismatch ? (
                <p id="setup-confirm-error" className="field-error">
                  The two passphrases are not the same.
                </p>
              ) : null}
            </div>
          </fieldset>

          <div id="setup-error" role="alert" className="form-error">
            {error}
          </div>

          <div className="form-actions">
            <button id="setup-submit" type="submit" className="button button-primary" disabled={!canSubmit}>
              {busy ? (
                <>
                  <Spinner /> Creating workspace…
                </>
              ) : (
                'Create workspace'
              )}
            </button>
            {busy ? (
              <span className="busy-note" role="status">
                Encrypting the new workspace. This takes a moment.
              </span>
            ) : null}
          </div>
        </form>
      </main>
    </div>
  );
}
