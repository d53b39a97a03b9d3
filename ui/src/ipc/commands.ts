// The only door to the backend. Every Tauri command the UI may call has one
// typed function here, and this is the only file that imports `invoke`.
// The wire types in ./bindings are generated from Rust by ts-rs.
import { invoke, isTauri as tauriIsTauri } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';

import type { AppStatus } from './bindings/AppStatus';
import type { CaseDetail } from './bindings/CaseDetail';
import type { CaseHeaderPatch } from './bindings/CaseHeaderPatch';
import type { CaseSummary } from './bindings/CaseSummary';
import type { CommandError } from './bindings/CommandError';
import type { ErrorKind } from './bindings/ErrorKind';
import type { HandoverMode } from './bindings/HandoverMode';
import type { NewCase } from './bindings/NewCase';
import type { PassphraseAssessment } from './bindings/PassphraseAssessment';
import type { Profile } from './bindings/Profile';
import type { SealReport } from './bindings/SealReport';
import type { Settings } from './bindings/Settings';
import type { UnlockReport } from './bindings/UnlockReport';
import type { VerifyReport } from './bindings/VerifyReport';
import type { WorkspaceCreated } from './bindings/WorkspaceCreated';

export type {
  AppStatus,
  CaseDetail,
  CaseHeaderPatch,
  CaseSummary,
  CommandError,
  ErrorKind,
  HandoverMode,
  NewCase,
  PassphraseAssessment,
  Profile,
  SealReport,
  Settings,
  UnlockReport,
  VerifyReport,
  WorkspaceCreated,
};
export type { AgencyReport } from './bindings/AgencyReport';
export type { CaseHeader } from './bindings/CaseHeader';
export type { CaseStatus } from './bindings/CaseStatus';
export type { HandoverInfo } from './bindings/HandoverInfo';
export type { VerifyCheck } from './bindings/VerifyCheck';

/** Name of the event the backend emits when it locks the workspace by itself. */
export const LOCKED_EVENT = 'vigil://locked';

// Every ErrorKind exactly once: tsc fails here when the Rust enum changes.
const ERROR_KINDS: Record<ErrorKind, true> = {
  wrongPassphrase: true,
  wrongKeyOrNotCaseFile: true,
  notVigilFile: true,
  newerFormat: true,
  corrupt: true,
  storageFull: true,
  readOnlyLocation: true,
  locked: true,
  tooManyAttempts: true,
  notFound: true,
  alreadyExists: true,
  validation: true,
  readOnlyCase: true,
  tampered: true,
  workspaceLocked: true,
  noWorkspace: true,
  workspaceExists: true,
  internal: true,
};

function isErrorKind(k: string): k is ErrorKind {
  return Object.prototype.hasOwnProperty.call(ERROR_KINDS, k);
}

/** True when running inside the Tauri web view (or under a Tauri IPC mock). */
export function isTauri(): boolean {
  if (tauriIsTauri()) return true;
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

/**
 * Normalise anything thrown by `invoke` (or by our own code) into a
 * CommandError. The backend rejects with `{kind, message}`; strings, Errors
 * and anything else become kind "internal" with a readable message.
 */
export function asCommandError(e: unknown): CommandError {
  if (e !== null && typeof e === 'object') {
    const o = e as { kind?: unknown; message?: unknown };
    if (typeof o.kind === 'string' && typeof o.message === 'string') {
      const kind: ErrorKind = isErrorKind(o.kind) ? o.kind : 'internal';
      return { kind, message: o.message || 'Something went wrong.' };
    }
    if (e instanceof Error) {
      return { kind: 'internal', message: e.message || 'Something went wrong.' };
    }
    if (typeof o.message === 'string' && o.message) {
      return { kind: 'internal', message: o.message };
    }
  }
  if (typeof e === 'string' && e.trim() !== '') {
    return { kind: 'internal', message: e };
  }
  return { kind: 'internal', message: 'Something went wrong. Please try again.' };
}

/** Call a command; every rejection is turned into a CommandError. */
async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw asCommandError(e);
  }
}

// ---- workspace -------------------------------------------------------------

export function appStatus(): Promise<AppStatus> {
  return call('app_status');
}

export function assessPassphrase(
  passphrase: string,
  profile: Profile | null,
): Promise<PassphraseAssessment> {
  return call('assess_passphrase', { passphrase, profile });
}

export function createWorkspace(profile: Profile, passphrase: string): Promise<WorkspaceCreated> {
  return call('create_workspace', { profile, passphrase });
}

export function unlockWorkspace(passphrase: string): Promise<UnlockReport> {
  return call('unlock_workspace', { passphrase });
}

export function unlockWithRecoveryKey(recoveryKey: string): Promise<UnlockReport> {
  return call('unlock_with_recovery_key', { recoveryKey });
}

export function lockWorkspace(): Promise<void> {
  return call('lock_workspace');
}

export function saveProfile(profile: Profile): Promise<Profile> {
  return call('save_profile', { profile });
}

export function getSettings(): Promise<Settings> {
  return call('get_settings');
}

export function saveSettings(settings: Settings): Promise<Settings> {
  return call('save_settings', { settings });
}

export function changePassphrase(current: string, next: string): Promise<void> {
  return call('change_passphrase', { current, next });
}

/** Activity ping for the idle auto-lock. Callers throttle it. */
export function touch(): Promise<void> {
  return call('touch');
}

// ---- cases -----------------------------------------------------------------

export function listCases(): Promise<CaseSummary[]> {
  return call('list_cases');
}

export function createCase(newCase: NewCase): Promise<CaseSummary> {
  return call('create_case', { case: newCase });
}

export function openCase(number: string): Promise<CaseDetail> {
  return call('open_case', { number });
}

export function updateCase(number: string, patch: CaseHeaderPatch): Promise<CaseDetail> {
  return call('update_case', { number, patch });
}

export function verifyCase(number: string): Promise<VerifyReport> {
  return call('verify_case', { number });
}

/** Seal a case for handover. The backend asks where to save; null = cancelled. */
export function sealCase(
  number: string,
  handoverPassphrase: string,
  mode: HandoverMode,
): Promise<SealReport | null> {
  return call('seal_case', { number, handoverPassphrase, mode });
}

/** Receive a sealed case file. The backend asks which file; null = cancelled. */
export function receiveCase(handoverPassphrase: string): Promise<CaseSummary | null> {
  return call('receive_case', { handoverPassphrase });
}

// ---- events ----------------------------------------------------------------

/**
 * Run `cb` when the backend locks the workspace by itself (idle, suspend).
 * Returns a function that stops listening. Outside Tauri it does nothing.
 */
export function onLocked(cb: () => void): () => void {
  if (!isTauri()) return () => {};
  let unlisten: UnlistenFn | null = null;
  let stopped = false;
  listen(LOCKED_EVENT, () => cb())
    .then((fn) => {
      if (stopped) fn();
      else unlisten = fn;
    })
    .catch(() => {
      /* no event system: nothing to listen to */
    });
  return () => {
    stopped = true;
    if (unlisten) {
      unlisten();
      unlisten = null;
    }
  };
}
