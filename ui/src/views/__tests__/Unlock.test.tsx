import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { deferred } from '../../test/commandsMock';
import { Unlock } from '../Unlock';

const m = vi.mocked(commands);
const report: commands.UnlockReport = { failedAttempts: 0, firstFailedAt: null, lastFailedAt: null, profile: null, warnings: [] };

describe('Unlock', () => {
  it('focuses the passphrase field on arrival', () => {
    render(<Unlock onUnlocked={vi.fn()} />);
    expect(document.getElementById('unlock-passphrase')).toHaveFocus();
  });

  it("shows the backend's message, keeps the field and selects what was typed", async () => {
    const user = userEvent.setup();
    m.unlockWorkspace.mockRejectedValue({ kind: 'wrongPassphrase', message: 'That passphrase is not correct.' });
    const onUnlocked = vi.fn();
    render(<Unlock onUnlocked={onUnlocked} />);

    const field = screen.getByLabelText('Passphrase') as HTMLInputElement;
    await user.type(field, 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('id', 'unlock-error');
    expect(alert).toHaveTextContent('That passphrase is not correct.');
    expect(m.unlockWorkspace).toHaveBeenCalledWith('correct horse');
    expect(field).toHaveValue('correct horse');
    await waitFor(() => expect(field).toHaveFocus());
    expect(field.selectionStart).toBe(0);
    expect(field.selectionEnd).toBe('correct horse'.length);
    expect(onUnlocked).not.toHaveBeenCalled();
  });

  it('offers repair when the list of cases is damaged, then shows each file before opening', async () => {
    const user = userEvent.setup();
    m.unlockWorkspace.mockRejectedValue({ kind: 'workspaceDamaged', message: 'The register of cases cannot be used.' });
    m.repairWorkspace.mockResolvedValue({
      rebuilt: true,
      setAside: '/ws/workspace.db.damaged-20261201T100000',
      cases: [
        { fileName: 'A-1.vigil', number: 'A-1', outcome: 'registered', detail: null },
        { fileName: 'B-2.vigil', number: null, outcome: 'refused', detail: 'B-2.vigil is damaged (1 page(s) fail their authentication check)' },
      ],
      notes: ['Set the profile again.'],
    });
    const onUnlocked = vi.fn();
    render(<Unlock onUnlocked={onUnlocked} />);
    expect(document.getElementById('repair-offer')).toBeNull();
    await user.type(screen.getByLabelText('Passphrase'), 'correct horse{Enter}');
    expect(await screen.findByText('The list of cases needs repair')).toBeInTheDocument();
    await user.click(document.getElementById('repair-button')!);
    expect(m.repairWorkspace).toHaveBeenCalledWith('correct horse', false);
    const table = await waitFor(() => {
      const el = document.getElementById('repair-report');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(table).toHaveTextContent('A-1.vigilA-1Checked and restored');
    expect(table).toHaveTextContent('Not restored');
    expect(screen.getByText('1 case file could not be restored')).toBeInTheDocument();
    expect(document.getElementById('repair-notes')).toHaveTextContent('Set the profile again.');
    expect(onUnlocked).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Open my cases' }));
    expect(onUnlocked).toHaveBeenCalledWith(expect.objectContaining({ failedAttempts: 0 }), false);
  });

  it('shows the waiting time the backend gives after too many attempts', async () => {
    const user = userEvent.setup();
    m.unlockWorkspace.mockRejectedValue({
      kind: 'tooManyAttempts',
      message: 'Too many wrong attempts. Wait 30 seconds.',
    });
    render(<Unlock onUnlocked={vi.fn()} />);
    await user.type(screen.getByLabelText('Passphrase'), 'x{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many wrong attempts. Wait 30 seconds.');
  });

  it('is busy while unlocking and reports success', async () => {
    const user = userEvent.setup();
    const pending = deferred<commands.UnlockReport>();
    m.unlockWorkspace.mockReturnValue(pending.promise);
    const onUnlocked = vi.fn();
    const { container } = render(<Unlock onUnlocked={onUnlocked} />);

    await user.type(screen.getByLabelText('Passphrase'), 'pw{Enter}');
    const form = container.querySelector('form')!;
    expect(form).toHaveAttribute('aria-busy', 'true');
    expect(document.getElementById('unlock-submit')).toBeDisabled();

    pending.resolve({ ...report, failedAttempts: 2 });
    await waitFor(() => expect(onUnlocked).toHaveBeenCalledWith({ ...report, failedAttempts: 2 }, false));
  });

  it('can unlock with the recovery key instead', async () => {
    const user = userEvent.setup();
    m.unlockWithRecoveryKey.mockResolvedValue(report);
    const onUnlocked = vi.fn();
    render(<Unlock onUnlocked={onUnlocked} />);

    await user.click(screen.getByRole('button', { name: 'Use recovery key instead' }));
    const keyField = screen.getByLabelText('Recovery key');
    expect(keyField).toHaveFocus();
    await user.type(keyField, '  ABCD-EFGH  {Enter}');

    await waitFor(() => expect(onUnlocked).toHaveBeenCalledWith(report, true));
    expect(m.unlockWithRecoveryKey).toHaveBeenCalledWith('ABCD-EFGH');
    expect(m.unlockWorkspace).not.toHaveBeenCalled();
  });
});
