import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { Setup } from '../Setup';

const m = vi.mocked(commands);
const status: commands.AppStatus = {
  workspaceDir: '/home/dana/.local/share/vigil',
  workspaceExists: false,
  unlocked: false,
  needsProfile: false,
  idleMinutes: 15,
  profile: null,
  unlockedByRecoveryKey: false,
  training: false,
  demoPassphrase: 'Practice harbour lantern 7',
};

// Stand-in for the backend's rules: long enough = acceptable.
function fakeAssess(passphrase: string): commands.PassphraseAssessment {
  const ok = passphrase.length >= 20;
  return {
    acceptable: ok,
    score: ok ? 4 : 1,
    label: ok ? 'Very strong' : 'Weak',
    problems: ok ? [] : ['Use at least 20 characters.'],
  };
}

async function fillProfile(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Full name'), ' Dana Whitfield ');
  await user.type(screen.getByLabelText('Badge or ID number'), '4471');
  await user.type(screen.getByLabelText('Unit'), 'Stalking Unit');
  await user.type(screen.getByLabelText('Agency'), 'Northshire Police');
}

describe('Setup', () => {
  beforeEach(() => {
    m.assessPassphrase.mockImplementation(async (p) => fakeAssess(p));
  });

  it('shows the workspace folder and the passphrase explanation', () => {
    render(<Setup status={status} onCreated={vi.fn()} />);
    expect(screen.getByRole('heading', { name: 'Set up Vigil on this computer' })).toBeInTheDocument();
    expect(screen.getByText('/home/dana/.local/share/vigil')).toBeInTheDocument();
    expect(screen.getByText(/protects every case on this computer/)).toBeInTheDocument();
  });

  it('keeps Create disabled while the backend says the passphrase is not acceptable', async () => {
    const user = userEvent.setup();
    render(<Setup status={status} onCreated={vi.fn()} />);
    await fillProfile(user);
    const submit = document.getElementById('setup-submit')!;
    const pass = document.getElementById('setup-passphrase')!;
    const confirm = document.getElementById('setup-confirm')!;

    await user.type(pass, 'short pw');
    await user.type(confirm, 'short pw');
    expect(await screen.findByText('Use at least 20 characters.')).toBeInTheDocument();
    const meter = document.getElementById('passphrase-meter')!;
    expect(meter).toHaveAttribute('aria-valuenow', '1');
    expect(screen.getByText('Weak')).toBeInTheDocument();
    expect(submit).toBeDisabled();

    await user.type(pass, ' and much longer now');
    await user.clear(confirm);
    await user.type(confirm, 'short pw and much longer now');
    await waitFor(() => expect(submit).toBeEnabled());
    expect(meter).toHaveAttribute('aria-valuenow', '4');
    expect(screen.queryByText('Use at least 20 characters.')).not.toBeInTheDocument();
    // The profile goes along so the backend can reject passphrases built from it.
    expect(m.assessPassphrase).toHaveBeenLastCalledWith('short pw and much longer now', {
      name: 'Dana Whitfield',
      badge: '4471',
      unit: 'Stalking Unit',
      agency: 'Northshire Police',
    });
  });

  it('keeps Create disabled while the confirmation differs', async () => {
    const user = userEvent.setup();
    render(<Setup status={status} onCreated={vi.fn()} />);
    await fillProfile(user);
    await user.type(document.getElementById('setup-passphrase')!, 'a perfectly fine passphrase');
    await user.type(document.getElementById('setup-confirm')!, 'a perfectly fine passphrasE');
    expect(await screen.findByText('The two passphrases are not the same.')).toBeInTheDocument();
    await waitFor(() => expect(m.assessPassphrase).toHaveBeenCalled());
    expect(document.getElementById('setup-submit')).toBeDisabled();
  });

  it('creates the workspace and hands over the recovery key', async () => {
    const user = userEvent.setup();
    m.createWorkspace.mockResolvedValue({ recoveryKey: 'VGL1-AAAA-BBBB' });
    const onCreated = vi.fn();
    render(<Setup status={status} onCreated={onCreated} />);
    await fillProfile(user);
    await user.type(document.getElementById('setup-passphrase')!, 'a perfectly fine passphrase');
    await user.type(document.getElementById('setup-confirm')!, 'a perfectly fine passphrase');
    await waitFor(() => expect(document.getElementById('setup-submit')).toBeEnabled());
    await user.click(document.getElementById('setup-submit')!);

    const profile = { name: 'Dana Whitfield', badge: '4471', unit: 'Stalking Unit', agency: 'Northshire Police' };
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('VGL1-AAAA-BBBB', profile));
    expect(m.createWorkspace).toHaveBeenCalledWith(profile, 'a perfectly fine passphrase');
  });

  it('shows the backend error and lets the user try again', async () => {
    const user = userEvent.setup();
    m.createWorkspace.mockRejectedValue({ kind: 'readOnlyLocation', message: 'Vigil cannot write to that folder.' });
    render(<Setup status={status} onCreated={vi.fn()} />);
    await fillProfile(user);
    await user.type(document.getElementById('setup-passphrase')!, 'a perfectly fine passphrase');
    await user.type(document.getElementById('setup-confirm')!, 'a perfectly fine passphrase');
    await waitFor(() => expect(document.getElementById('setup-submit')).toBeEnabled());
    await user.click(document.getElementById('setup-submit')!);
    expect(await screen.findByText('Vigil cannot write to that folder.')).toBeInTheDocument();
    expect(document.getElementById('setup-submit')).toBeEnabled();
  });
});
