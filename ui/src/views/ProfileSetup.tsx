import { useState, type FormEvent } from 'react';
import { EMPTY_PROFILE, ProfileFields, trimProfile } from '../components/ProfileFields';
import { Spinner } from '../components/Spinner';
import { asCommandError, saveProfile, type Profile } from '../ipc/commands';

/** Shown after unlocking a workspace that has no investigator profile yet. */
export function ProfileSetup({ initial, onSaved }: { initial: Profile | null; onSaved(p: Profile): void }) {
  const [profile, setProfile] = useState<Profile>(initial ?? EMPTY_PROFILE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await saveProfile(trimProfile(profile)));
    } catch (err) {
      setError(asCommandError(err).message);
      setBusy(false);
    }
  };

  return (
    <div className="screen screen-centered">
      <main className="card card-wide" id="main-content">
        <p className="app-mark">Vigil</p>
        <h1>Who is using Vigil?</h1>
        <p className="lead">Your name, badge number and unit are recorded in each case's audit log.</p>
        <form className="form" onSubmit={submit} aria-busy={busy ? 'true' : undefined}>
          <fieldset className="fieldset" disabled={busy}>
            <legend>Your profile</legend>
            <ProfileFields prefix="profile" value={profile} onChange={setProfile} autoFocusFirst />
          </fieldset>
          <div id="profile-error" role="alert" className="form-error">
            {error}
          </div>
          <div className="form-actions">
            <button id="profile-submit" type="submit" className="button button-primary" disabled={busy}>
              {busy ? (
                <>
                  <Spinner /> Saving…
                </>
              ) : (
                'Save and continue'
              )}
            </button>
          </div>
        </form>
      </main>
    </div>
  );
}
