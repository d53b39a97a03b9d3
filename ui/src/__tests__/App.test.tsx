import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../ipc/commands', async (importOriginal) =>
  (await import('../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import { App } from '../App';
import * as commands from '../ipc/commands';

const m = vi.mocked(commands);

const base: commands.AppStatus = {
  workspaceDir: '/data/vigil',
  workspaceExists: true,
  unlocked: false,
  needsProfile: false,
  idleMinutes: 15,
  profile: null,
  unlockedByRecoveryKey: false,
  training: false,
  demoPassphrase: 'Practice harbour lantern 7',
};
const profile = { name: 'Dana Whitfield', badge: '4471', unit: 'Stalking Unit', agency: 'Northshire Police' };

describe('App boot', () => {
  let lockedCallback: (() => void) | null;

  beforeEach(() => {
    lockedCallback = null;
    m.isTauri.mockReturnValue(true);
    m.onLocked.mockImplementation((cb) => {
      lockedCallback = cb;
      return () => {};
    });
    m.listCases.mockResolvedValue([]);
    m.touch.mockResolvedValue(undefined);
  });

  it('starts the setup when there is no workspace', async () => {
    m.appStatus.mockResolvedValue({ ...base, workspaceExists: false });
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Set up Vigil on this computer' })).toBeInTheDocument();
    expect(screen.getByText('/data/vigil')).toBeInTheDocument();
  });

  it('asks for the passphrase when locked, then shows the main window', async () => {
    const user = userEvent.setup();
    m.appStatus.mockResolvedValueOnce(base).mockResolvedValue({ ...base, unlocked: true });
    m.unlockWorkspace.mockResolvedValue({ failedAttempts: 0, firstFailedAt: null, lastFailedAt: null, profile, warnings: [] });
    render(<App />);
    await user.type(await screen.findByLabelText('Passphrase'), 'my passphrase{Enter}');
    await waitFor(() => expect(document.getElementById('lock-button')).not.toBeNull());
    expect(document.getElementById('empty-state')).toHaveTextContent('No cases yet');
  });

  it('asks for the profile when the unlocked workspace has none', async () => {
    m.appStatus.mockResolvedValue({ ...base, unlocked: true, needsProfile: true });
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Who is using Vigil?' })).toBeInTheDocument();
    expect(document.getElementById('profile-name')).toBeInTheDocument();
  });

  it('goes to the lock screen when the backend locks by itself', async () => {
    m.appStatus.mockResolvedValue({ ...base, unlocked: true });
    render(<App />);
    await waitFor(() => expect(document.getElementById('lock-button')).not.toBeNull());
    act(() => lockedCallback?.());
    expect(await screen.findByLabelText('Passphrase')).toBeInTheDocument();
    expect(screen.getByText(/locked itself/)).toBeInTheDocument();
  });

  it('explains the problem when the backend cannot be reached', async () => {
    m.appStatus.mockRejectedValue({ kind: 'internal', message: 'The workspace folder is unreadable.' });
    render(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The workspace folder is unreadable.');
  });

  it('says so when opened outside the desktop app', async () => {
    m.isTauri.mockReturnValue(false);
    render(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/only works inside/);
    expect(m.appStatus).not.toHaveBeenCalled();
  });

  it('goes from setup through the recovery key to the main window', async () => {
    const user = userEvent.setup();
    m.appStatus.mockResolvedValue({ ...base, workspaceExists: false });
    m.assessPassphrase.mockResolvedValue({ acceptable: true, score: 4, label: 'Very strong', problems: [] });
    m.createWorkspace.mockResolvedValue({ recoveryKey: 'VGL1-KEY' });
    render(<App />);
    await user.type(await screen.findByLabelText('Full name'), 'Dana');
    await user.type(screen.getByLabelText('Badge or ID number'), '1');
    await user.type(screen.getByLabelText('Unit'), 'U');
    await user.type(screen.getByLabelText('Agency'), 'A');
    await user.type(document.getElementById('setup-passphrase')!, 'long enough passphrase');
    await user.type(document.getElementById('setup-confirm')!, 'long enough passphrase');
    await waitFor(() => expect(document.getElementById('setup-submit')).toBeEnabled());
    await user.click(document.getElementById('setup-submit')!);

    await waitFor(() => expect(document.getElementById('recovery-key')).toHaveTextContent('VGL1-KEY'));
    await user.click(document.getElementById('recovery-ack')!);
    await user.click(document.getElementById('recovery-continue')!);
    await waitFor(() => expect(document.getElementById('lock-button')).not.toBeNull());
  });
});
