import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RecoveryKey } from '../RecoveryKey';

const KEY = 'VGL1-7QX4-M2KD-P9ZT-HC3W';

describe('RecoveryKey', () => {
  it('shows exactly the key', () => {
    render(<RecoveryKey recoveryKey={KEY} onContinue={vi.fn()} />);
    expect(document.getElementById('recovery-key')!.textContent).toBe(KEY);
    expect(screen.getByText(/Shown only this once/)).toBeInTheDocument();
  });

  it('enables Continue only after the checkbox is ticked', async () => {
    const user = userEvent.setup();
    const onContinue = vi.fn();
    render(<RecoveryKey recoveryKey={KEY} onContinue={onContinue} />);
    const cont = screen.getByRole('button', { name: 'Continue' });
    expect(cont).toBeDisabled();
    await user.click(cont);
    expect(onContinue).not.toHaveBeenCalled();

    await user.click(screen.getByLabelText(/I have stored the recovery key somewhere safe/));
    expect(cont).toBeEnabled();
    await user.click(cont);
    expect(onContinue).toHaveBeenCalledTimes(1);

    await user.click(screen.getByLabelText(/I have stored the recovery key somewhere safe/));
    expect(cont).toBeDisabled();
  });

  it('copies the key to the clipboard and says so', async () => {
    const user = userEvent.setup();
    render(<RecoveryKey recoveryKey={KEY} onContinue={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(KEY);
    expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });

  it('prints through the browser print dialog', async () => {
    const user = userEvent.setup();
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    render(<RecoveryKey recoveryKey={KEY} onContinue={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
  });
});
