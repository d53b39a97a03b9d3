import { useCallback, useEffect, useRef, useState } from 'react';
import { Spinner } from './components/Spinner';
import { TrainingBand } from './components/TrainingBand';
import {
  appStatus,
  asCommandError,
  isTauri,
  leaveTraining,
  onLocked,
  openTrainingDemo,
  type AppStatus,
  type Profile,
  type UnlockReport,
} from './ipc/commands';
import { Main, type Session } from './views/Main';
import { ProfileSetup } from './views/ProfileSetup';
import { RecoveryKey } from './views/RecoveryKey';
import { Setup } from './views/Setup';
import { Unlock } from './views/Unlock';

export type Screen =
  | { name: 'booting' }
  | { name: 'fatal'; message: string }
  | { name: 'setup'; status: AppStatus }
  | { name: 'recovery'; recoveryKey: string; profile: Profile; lockedMeanwhile: boolean }
  | { name: 'unlock'; notice: string | null }
  | { name: 'profile'; session: Session }
  | { name: 'main'; session: Session };

export const AUTO_LOCK_NOTICE =
  'Vigil locked itself after a period without activity or when the computer went to sleep.';

/** Decide the first screen from the backend's status. */
export function screenForStatus(status: AppStatus): Screen {
  if (!status.workspaceExists) return { name: 'setup', status };
  if (!status.unlocked) return { name: 'unlock', notice: null };
  const session: Session = {
    profile: status.profile,
    unlockReport: null,
    viaRecovery: status.unlockedByRecoveryKey,
  };
  if (status.needsProfile) return { name: 'profile', session };
  return { name: 'main', session };
}

export function App() {
  const [screen, setScreen] = useState<Screen>({ name: 'booting' });
  // The window works in a training workspace: a band on every screen.
  const [training, setTraining] = useState(false);
  const [demoPassphrase, setDemoPassphrase] = useState('');
  // Agency of the last profile seen in this window, for the lock screen title.
  const agency = useRef<string | null>(null);

  const boot = useCallback(async () => {
    setScreen({ name: 'booting' });
    if (!isTauri()) {
      setScreen({
        name: 'fatal',
        message: 'This page is the interface of the Vigil desktop app and only works inside it.',
      });
      return;
    }
    try {
      const status = await appStatus();
      setTraining(status.training);
      setDemoPassphrase(status.demoPassphrase);
      setScreen(screenForStatus(status));
    } catch (e) {
      setScreen({ name: 'fatal', message: asCommandError(e).message });
    }
  }, []);

  useEffect(() => {
    void boot();
  }, [boot]);

  useEffect(
    () =>
      onLocked(() => {
        setScreen((s) => {
          // Keep the one-time recovery key on screen; go to the lock screen after it.
          if (s.name === 'recovery') return { ...s, lockedMeanwhile: true };
          if (s.name === 'setup' || s.name === 'booting' || s.name === 'fatal') return s;
          if (s.name === 'unlock') return s;
          return { name: 'unlock', notice: AUTO_LOCK_NOTICE };
        });
      }),
    [],
  );

  const rememberProfile = (p: Profile | null) => {
    if (p?.agency) agency.current = p.agency;
  };

  const afterUnlock = async (report: UnlockReport, viaRecovery: boolean) => {
    rememberProfile(report.profile);
    const session: Session = { profile: report.profile, unlockReport: report, viaRecovery };
    let needsProfile = report.profile === null;
    try {
      needsProfile = (await appStatus()).needsProfile;
    } catch {
      /* keep the guess from the report */
    }
    setScreen(needsProfile ? { name: 'profile', session } : { name: 'main', session });
  };

  const openDemo = async () => {
    const status = await openTrainingDemo();
    setTraining(status.training);
    setDemoPassphrase(status.demoPassphrase);
    rememberProfile(status.profile);
    setScreen(screenForStatus(status));
  };

  const leave = async () => {
    try {
      await leaveTraining();
    } finally {
      void boot();
    }
  };

  const content = renderScreen();
  return training ? (
    <div className="training-frame">
      <TrainingBand />
      <div className="training-body">{content}</div>
    </div>
  ) : (
    content
  );

  function renderScreen() {
  switch (screen.name) {
    case 'booting':
      return (
        <div className="screen screen-centered" aria-busy="true">
          <p className="pane-note" role="status">
            <Spinner /> Starting Vigil…
          </p>
        </div>
      );
    case 'fatal':
      return (
        <div className="screen screen-centered">
          <main className="card card-narrow" id="main-content">
            <p className="app-mark">Vigil</p>
            <h1>Vigil cannot start</h1>
            <p role="alert" id="fatal-error" className="form-error">
              {screen.message}
            </p>
            <div className="form-actions">
              <button type="button" className="button button-primary" onClick={() => void boot()}>
                Try again
              </button>
            </div>
          </main>
        </div>
      );
    case 'setup':
      return (
        <Setup
          status={screen.status}
          onOpenDemo={openDemo}
          onCreated={(recoveryKey, profile) => {
            rememberProfile(profile);
            setScreen({ name: 'recovery', recoveryKey, profile, lockedMeanwhile: false });
          }}
        />
      );
    case 'recovery':
      return (
        <RecoveryKey
          recoveryKey={screen.recoveryKey}
          onContinue={() =>
            setScreen(
              screen.lockedMeanwhile
                ? { name: 'unlock', notice: AUTO_LOCK_NOTICE }
                : { name: 'main', session: { profile: screen.profile, unlockReport: null, viaRecovery: false } },
            )
          }
        />
      );
    case 'unlock':
      return (
        <Unlock
          training={training ? { passphrase: demoPassphrase, onLeave: () => void leave() } : null}
          agency={agency.current}
          notice={screen.notice}
          onUnlocked={(report, viaRecovery) => void afterUnlock(report, viaRecovery)}
        />
      );
    case 'profile':
      return (
        <ProfileSetup
          initial={screen.session.profile}
          onSaved={(profile) => {
            rememberProfile(profile);
            setScreen({ name: 'main', session: { ...screen.session, profile } });
          }}
        />
      );
    case 'main':
      return (
        <Main
          session={screen.session}
          training={training}
          onLeaveTraining={() => void leave()}
          onProfileChange={(profile) => {
            rememberProfile(profile);
            setScreen({ name: 'main', session: { ...screen.session, profile } });
          }}
          onLocked={() => setScreen({ name: 'unlock', notice: null })}
        />
      );
  }
}
}
