import { TrustedSigners } from '../components/TrustedSigners';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { PassphraseInput } from '../components/PassphraseInput';
import { EMPTY_PROFILE, ProfileFields, trimProfile } from '../components/ProfileFields';
import { Spinner } from '../components/Spinner';
import { StrengthMeter } from '../components/StrengthMeter';
import { usePassphraseAssessment } from '../hooks/usePassphraseAssessment';
import {
  asCommandError,
  changePassphrase,
  getExhibitFormat,
  getSettings,
  saveProfile,
  saveSettings,
  setExhibitFormat,
  type Profile,
} from '../ipc/commands';
import { RecoveryKeyBox } from './RecoveryKey';
import { applyTheme, loadTheme, saveTheme, type ThemeChoice } from '../lib/theme';

interface SettingsDialogProps {
  profile: Profile | null;
  onProfileSaved(p: Profile): void;
  onClose(): void;
  /** Open with the focus on the change-passphrase section. */
  focusPassphrase?: boolean;
  /** The session was unlocked with the recovery key. */
  unlockedWithRecovery?: boolean;
  onPassphraseChanged?(): void;
}

type Outcome = { ok: boolean; text: string } | null;

function Result({ id, outcome }: { id: string; outcome: Outcome }) {
  return (
    <div id={id} role={outcome && !outcome.ok ? 'alert' : 'status'} className={outcome?.ok ? 'form-ok' : 'form-error'}>
      {outcome ? (
        <>
          {outcome.ok ? <span aria-hidden="true">✓ </span> : null}
          {outcome.text}
        </>
      ) : null}
    </div>
  );
}

export function SettingsDialog({
  profile,
  onProfileSaved,
  onClose,
  focusPassphrase = false,
  unlockedWithRecovery = false,
  onPassphraseChanged,
}: SettingsDialogProps) {
  const explainSigner = useCallback((e: unknown) => asCommandError(e).message, []);
  const [busy, setBusy] = useState<null | 'profile' | 'idle' | 'passphrase' | 'exhibits'>(null);

  // Profile
  const [prof, setProf] = useState<Profile>(profile ?? EMPTY_PROFILE);
  const [profOutcome, setProfOutcome] = useState<Outcome>(null);
  const submitProfile = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('profile');
    setProfOutcome(null);
    try {
      const saved = await saveProfile(trimProfile(prof));
      setProf(saved);
      onProfileSaved(saved);
      setProfOutcome({ ok: true, text: 'Profile saved.' });
    } catch (err) {
      setProfOutcome({ ok: false, text: asCommandError(err).message });
    } finally {
      setBusy(null);
    }
  };

  // Idle auto-lock
  const [idle, setIdle] = useState('');
  const [idleLoaded, setIdleLoaded] = useState(false);
  const [idleOutcome, setIdleOutcome] = useState<Outcome>(null);
  useEffect(() => {
    let live = true;
    getSettings()
      .then((s) => {
        if (!live) return;
        setIdle(String(s.idleMinutes));
        setIdleLoaded(true);
      })
      .catch((err: unknown) => {
        if (live) setIdleOutcome({ ok: false, text: asCommandError(err).message });
      });
    return () => {
      live = false;
    };
  }, []);
  const submitIdle = async (e: FormEvent) => {
    e.preventDefault();
    const minutes = Number(idle);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240) {
      setIdleOutcome({ ok: false, text: 'Enter a whole number of minutes between 1 and 240.' });
      return;
    }
    setBusy('idle');
    setIdleOutcome(null);
    try {
      const saved = await saveSettings({ idleMinutes: minutes });
      setIdle(String(saved.idleMinutes));
      setIdleOutcome({ ok: true, text: `Vigil now locks after ${saved.idleMinutes} minutes without activity.` });
    } catch (err) {
      setIdleOutcome({ ok: false, text: asCommandError(err).message });
    } finally {
      setBusy(null);
    }
  };

  // Exhibit numbers (the pattern's rules are the core's: its message is shown)
  const [pattern, setPattern] = useState('');
  const [patternLoaded, setPatternLoaded] = useState(false);
  const [patternOutcome, setPatternOutcome] = useState<Outcome>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const p = await getExhibitFormat();
        if (!live) return;
        setPattern(typeof p === 'string' ? p : '');
        setPatternLoaded(true);
      } catch (err) {
        if (live) setPatternOutcome({ ok: false, text: asCommandError(err).message });
      }
    })();
    return () => {
      live = false;
    };
  }, []);
  const submitPattern = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('exhibits');
    setPatternOutcome(null);
    try {
      const saved = await setExhibitFormat(pattern.trim());
      setPattern(saved);
      setPatternOutcome({ ok: true, text: `New exhibits will be numbered with ${saved}.` });
    } catch (err) {
      setPatternOutcome({ ok: false, text: asCommandError(err).message });
    } finally {
      setBusy(null);
    }
  };

  // Change passphrase
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [passOutcome, setPassOutcome] = useState<Outcome>(null);
  const [rotate, setRotate] = useState(false);
  const [newRecoveryKey, setNewRecoveryKey] = useState<string | null>(null);
  const meter = usePassphraseAssessment(next, profile);
  const mismatch = confirm !== '' && confirm !== next;
  // After a recovery-key unlock the backend does not ask for the current passphrase.
  const needsCurrent = !unlockedWithRecovery;
  const canChange =
    busy === null &&
    (!needsCurrent || current !== '') &&
    next !== '' &&
    confirm === next &&
    meter.assessment?.acceptable === true;
  const submitPassphrase = async (e: FormEvent) => {
    e.preventDefault();
    if (!canChange) return;
    setBusy('passphrase');
    setPassOutcome(null);
    try {
      if (!meter.isCurrent) {
        const fresh = await meter.assessNow();
        if (!fresh.acceptable) return;
      }
      const rk = await changePassphrase(needsCurrent ? current : '', next, rotate);
      setCurrent('');
      setNext('');
      setConfirm('');
      setRotate(false);
      setNewRecoveryKey(rk);
      setPassOutcome({
        ok: true,
        text: rk
          ? 'Passphrase and workspace key changed. Store the new recovery key below: the old one no longer works.'
          : 'Passphrase changed. Use the new one from now on.',
      });
      onPassphraseChanged?.();
    } catch (err) {
      setPassOutcome({ ok: false, text: asCommandError(err).message });
    } finally {
      setBusy(null);
    }
  };

  // Theme (stored locally; holds no case content)
  const [theme, setTheme] = useState<ThemeChoice>(() => loadTheme());
  const chooseTheme = (t: ThemeChoice) => {
    setTheme(t);
    saveTheme(t);
    applyTheme(t);
  };

  return (
    <Dialog id="settings-dialog" title="Settings" onClose={onClose} busy={busy !== null} className="dialog-wide">
      <section className="settings-section" aria-labelledby="settings-profile-title">
        <h3 id="settings-profile-title">Your profile</h3>
        <form className="form" onSubmit={submitProfile} aria-busy={busy === 'profile' ? 'true' : undefined}>
          <ProfileFields
            prefix="settings"
            value={prof}
            onChange={setProf}
            disabled={busy === 'profile'}
            autoFocusFirst={!focusPassphrase}
          />
          <Result id="settings-profile-result" outcome={profOutcome} />
          <div className="form-actions">
            <button type="submit" id="settings-profile-save" className="button button-secondary" disabled={busy !== null}>
              {busy === 'profile' ? (
                <>
                  <Spinner /> Saving…
                </>
              ) : (
                'Save profile'
              )}
            </button>
          </div>
        </form>
      </section>

      <section className="settings-section" aria-labelledby="settings-lock-title">
        <h3 id="settings-lock-title">Automatic lock</h3>
        <form className="form" onSubmit={submitIdle} aria-busy={busy === 'idle' ? 'true' : undefined}>
          <div className="field field-inline">
            <label htmlFor="settings-idle">Lock after this many minutes without activity</label>
            <input
              id="settings-idle"
              className="input input-number"
              type="number"
              inputMode="numeric"
              min={1}
              max={240}
              step={1}
              required
              value={idle}
              disabled={!idleLoaded || busy === 'idle'}
              onChange={(e) => setIdle(e.target.value)}
            />
            <button
              type="submit"
              id="settings-idle-save"
              className="button button-secondary"
              disabled={!idleLoaded || busy !== null}
            >
              Save
            </button>
          </div>
          <Result id="settings-idle-result" outcome={idleOutcome} />
        </form>
      </section>

      <section className="settings-section" aria-labelledby="settings-exhibits-title">
        <h3 id="settings-exhibits-title">Exhibit numbers</h3>
        <form className="form" onSubmit={submitPattern} aria-busy={busy === 'exhibits' ? 'true' : undefined}>
          <div className="field">
            <label htmlFor="settings-exhibit-format">Exhibit number format</label>
            <div className="inline-row">
              <input
                id="settings-exhibit-format"
                className="input mono input-pattern"
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={pattern}
                disabled={!patternLoaded || busy === 'exhibits'}
                aria-describedby="settings-exhibit-format-hint settings-exhibit-format-result"
                onChange={(e) => setPattern(e.target.value)}
              />
              <button type="submit" id="settings-exhibit-format-save" className="button button-secondary" disabled={!patternLoaded || busy !== null}>
                Save
              </button>
            </div>
            <p id="settings-exhibit-format-hint" className="hint">
              Your agency's format for new exhibit numbers: <code>{'{case}'}</code> is the case number and{' '}
              <code>{'{n:03}'}</code> the running number with three digits, for example <code>{'{case}-E{n:03}'}</code>. Numbers
              already given do not change.
            </p>
          </div>
          <Result id="settings-exhibit-format-result" outcome={patternOutcome} />
        </form>
      </section>

      <section className="settings-section" aria-labelledby="settings-pass-title">
        <h3 id="settings-pass-title">Change passphrase</h3>
        <form className="form" onSubmit={submitPassphrase} aria-busy={busy === 'passphrase' ? 'true' : undefined}>
          <fieldset className="fieldset-plain" disabled={busy === 'passphrase'}>
            {needsCurrent ? (
              <div className="field">
                <label htmlFor="settings-current">Current passphrase</label>
                <PassphraseInput
                  id="settings-current"
                  value={current}
                  required
                  data-autofocus={focusPassphrase ? '' : undefined}
                  onChange={(e) => setCurrent(e.target.value)}
                />
              </div>
            ) : (
              <p className="hint" id="settings-recovery-note">
                You unlocked Vigil with the recovery key, so the old passphrase is not needed. Choose a new one.
              </p>
            )}
            <div className="field">
              <label htmlFor="settings-new">New passphrase</label>
              <PassphraseInput
                id="settings-new"
                value={next}
                required
                aria-describedby={needsCurrent ? undefined : 'settings-recovery-note'}
                data-autofocus={focusPassphrase && !needsCurrent ? '' : undefined}
                onChange={(e) => setNext(e.target.value)}
              />
              <StrengthMeter
                id="settings-passphrase-meter"
                assessment={meter.assessment}
                stale={!meter.isCurrent}
                error={meter.error}
              />
            </div>
            <div className="field">
              <label htmlFor="settings-confirm">Confirm new passphrase</label>
              <PassphraseInput
                id="settings-confirm"
                value={confirm}
                required
                aria-invalid={mismatch ? 'true' : undefined}
                onChange={(e) => setConfirm(e.target.value)}
              />
              {mismatch ? <p className="field-error">The two passphrases are not the same.</p> : null}
            </div>
            <label className="checkbox">
              <input
                id="settings-rotate"
                type="checkbox"
                checked={rotate}
                aria-describedby="settings-rotate-hint"
                onChange={(e) => setRotate(e.target.checked)}
              />
              <span>Also replace the workspace key and the recovery key</span>
            </label>
            <p id="settings-rotate-hint" className="hint">
              Choose this if the old passphrase, a copy of the key file or the recovery key may be known to someone. The
              list of cases is re-encrypted and a new recovery key is shown once; the old one stops working.
            </p>
          </fieldset>
          <Result id="settings-passphrase-result" outcome={passOutcome} />
          {newRecoveryKey ? (
            <div className="recovery" id="settings-new-recovery">
              <RecoveryKeyBox recoveryKey={newRecoveryKey} id="settings-recovery-key" />
              <p className="hint">
                Store it on paper or in your agency’s password safe, away from this laptop. Vigil cannot show it again.
              </p>
            </div>
          ) : null}
          <div className="form-actions">
            <button type="submit" id="settings-passphrase-save" className="button button-secondary" disabled={!canChange}>
              {busy === 'passphrase' ? (
                <>
                  <Spinner /> Changing…
                </>
              ) : rotate ? (
                'Change passphrase and keys'
              ) : (
                'Change passphrase'
              )}
            </button>
          </div>
        </form>
      </section>

      <section className="settings-section" aria-labelledby="settings-signers-title">
        <h3 id="settings-signers-title">Trusted signers</h3>
        <TrustedSigners explain={explainSigner} />
      </section>

      <section className="settings-section" aria-labelledby="settings-theme-title">
        <h3 id="settings-theme-title">Appearance</h3>
        <fieldset className="fieldset-plain theme-choice">
          <legend className="visually-hidden">Theme</legend>
          {(
            [
              ['system', 'Same as the system'],
              ['light', 'Light'],
              ['dark', 'Dark'],
            ] as const
          ).map(([value, label]) => (
            <label className="radio" key={value}>
              <input
                type="radio"
                name="theme"
                value={value}
                checked={theme === value}
                onChange={() => chooseTheme(value)}
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
      </section>

      <div className="form-actions dialog-footer">
        <button type="button" className="button button-primary" onClick={onClose} disabled={busy !== null}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
