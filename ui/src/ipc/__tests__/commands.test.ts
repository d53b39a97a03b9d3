import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => false) }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import * as commands from '../commands';

const invokeMock = vi.mocked(invoke);

describe('asCommandError', () => {
  it('passes a backend CommandError through', () => {
    expect(commands.asCommandError({ kind: 'validation', message: 'Give the case a title.' })).toEqual({
      kind: 'validation',
      message: 'Give the case a title.',
    });
  });

  it('turns strings, Errors and unknown kinds into kind "internal"', () => {
    expect(commands.asCommandError('command not found')).toEqual({ kind: 'internal', message: 'command not found' });
    expect(commands.asCommandError(new TypeError('x is undefined'))).toEqual({
      kind: 'internal',
      message: 'x is undefined',
    });
    expect(commands.asCommandError({ kind: 'somethingNew', message: 'New thing' })).toEqual({
      kind: 'internal',
      message: 'New thing',
    });
  });

  it('always gives the user a message', () => {
    for (const e of [undefined, null, 42, '', {}, { kind: 'internal', message: '' }]) {
      const err = commands.asCommandError(e);
      expect(err.kind).toBe('internal');
      expect(err.message.length).toBeGreaterThan(0);
    }
  });
});

describe('command wrappers', () => {
  beforeEach(() => {
    invokeMock.mockResolvedValue(null);
  });

  it('use the Rust command names and camelCase argument names', async () => {
    await commands.assessPassphrase('pw', null);
    expect(invokeMock).toHaveBeenLastCalledWith('assess_passphrase', { passphrase: 'pw', profile: null });

    await commands.unlockWithRecoveryKey('KEY');
    expect(invokeMock).toHaveBeenLastCalledWith('unlock_with_recovery_key', { recoveryKey: 'KEY' });

    const nc = { number: '1', title: 't', openedOn: null, assignedInvestigator: null, agencyReports: [] };
    await commands.createCase(nc);
    expect(invokeMock).toHaveBeenLastCalledWith('create_case', { case: nc });

    await commands.sealCase('2024-1', 'hand over pw', 'review');
    expect(invokeMock).toHaveBeenLastCalledWith('seal_case', {
      number: '2024-1',
      handoverPassphrase: 'hand over pw',
      mode: 'review',
    });

    await commands.receiveCase('hp');
    expect(invokeMock).toHaveBeenLastCalledWith('receive_case', { handoverPassphrase: 'hp' });

    await commands.changePassphrase('old', 'new');
    expect(invokeMock).toHaveBeenLastCalledWith('change_passphrase', { current: 'old', next: 'new' });

    await commands.updateCase('n', { title: 't', openedOn: '2024-01-01', assignedInvestigator: 'a', agencyReports: [] });
    expect(invokeMock).toHaveBeenLastCalledWith('update_case', {
      number: 'n',
      patch: { title: 't', openedOn: '2024-01-01', assignedInvestigator: 'a', agencyReports: [] },
    });

    await commands.saveSettings({ idleMinutes: 5 });
    expect(invokeMock).toHaveBeenLastCalledWith('save_settings', { settings: { idleMinutes: 5 } });

    await commands.lockWorkspace();
    expect(invokeMock).toHaveBeenLastCalledWith('lock_workspace', undefined);
  });

  it('reject with a normalised CommandError', async () => {
    invokeMock.mockRejectedValueOnce({ kind: 'wrongPassphrase', message: 'Wrong passphrase.' });
    await expect(commands.unlockWorkspace('x')).rejects.toEqual({ kind: 'wrongPassphrase', message: 'Wrong passphrase.' });

    invokeMock.mockRejectedValueOnce('Command unlock_workspace not found');
    await expect(commands.unlockWorkspace('x')).rejects.toEqual({
      kind: 'internal',
      message: 'Command unlock_workspace not found',
    });
  });

  it('pass a null result (dialog cancelled) through', async () => {
    invokeMock.mockResolvedValueOnce(null);
    await expect(commands.receiveCase('hp')).resolves.toBeNull();
  });
});

describe('onLocked', () => {
  it('does nothing outside Tauri', () => {
    const stop = commands.onLocked(() => {});
    expect(listen).not.toHaveBeenCalled();
    stop();
  });

  it('listens to vigil://locked inside Tauri and can stop listening', async () => {
    (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__ = {};
    try {
      const unlisten = vi.fn();
      let handler: (() => void) | undefined;
      vi.mocked(listen).mockImplementation(async (_name, h) => {
        handler = h as () => void;
        return unlisten;
      });
      const cb = vi.fn();
      const stop = commands.onLocked(cb);
      expect(listen).toHaveBeenCalledWith('vigil://locked', expect.any(Function));
      await Promise.resolve();
      await Promise.resolve();
      handler?.();
      expect(cb).toHaveBeenCalledTimes(1);
      stop();
      expect(unlisten).toHaveBeenCalled();
    } finally {
      delete (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__;
    }
  });
});
