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
