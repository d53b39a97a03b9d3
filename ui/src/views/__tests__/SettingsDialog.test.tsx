import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { SettingsDialog } from '../SettingsDialog';

const m = vi.mocked(commands);
const profile = { name: 'Dana Whitfield', badge: '4471', unit: 'Stalking Unit', agency: 'Northshire Police' };

describe('SettingsDialog', () => {
  beforeEach(() => {
    m.getSettings.mockResolvedValue({ idleMinutes: 15 });
    m.assessPassphrase.mockImplementation(async (p) => ({
      acceptable: p.length >= 12,
      score: p.length >= 12 ? 3 : 1,
      label: p.length >= 12 ? 'Strong' : 'Weak',
      problems: p.length >= 12 ? [] : ['Too short.'],
    }));
  });

  it('changes the passphrase with the current one and confirms it', async () => {
    const user = userEvent.setup();
    m.changePassphrase.mockResolvedValue(null);
    render(<SettingsDialog profile={profile} onProfileSaved={vi.fn()} onClose={vi.fn()} />);
    const save = document.getElementById('settings-passphrase-save')!;
    await user.type(document.getElementById('settings-current')!, 'old one');
    await user.type(document.getElementById('settings-new')!, 'new and long enough');
    await user.type(document.getElementById('settings-confirm')!, 'new and long enough');
    await waitFor(() => expect(save).toBeEnabled());
    await user.click(save);
    await waitFor(() =>
      expect(document.getElementById('settings-passphrase-result')).toHaveTextContent('Passphrase changed.'),
    );
    expect(m.changePassphrase).toHaveBeenCalledWith('old one', 'new and long enough', false);
    expect(document.getElementById('settings-new-recovery')).toBeNull();
    expect(document.getElementById('settings-current')).toHaveValue('');
  });

  it("shows the backend's message when the current passphrase is wrong", async () => {
    const user = userEvent.setup();
    m.changePassphrase.mockRejectedValue({ kind: 'wrongPassphrase', message: 'The current passphrase is not correct.' });
    render(<SettingsDialog profile={profile} onProfileSaved={vi.fn()} onClose={vi.fn()} />);
    await user.type(document.getElementById('settings-current')!, 'bad');
    await user.type(document.getElementById('settings-new')!, 'new and long enough');
    await user.type(document.getElementById('settings-confirm')!, 'new and long enough');
    await waitFor(() => expect(document.getElementById('settings-passphrase-save')).toBeEnabled());
    await user.click(document.getElementById('settings-passphrase-save')!);
    expect(await screen.findByRole('alert')).toHaveTextContent('The current passphrase is not correct.');
  });

  it('after a recovery-key unlock, needs no current passphrase', async () => {
    const user = userEvent.setup();
    m.changePassphrase.mockResolvedValue(null);
    const onChanged = vi.fn();
    render(
      <SettingsDialog
        profile={profile}
        onProfileSaved={vi.fn()}
        onClose={vi.fn()}
        unlockedWithRecovery
        onPassphraseChanged={onChanged}
      />,
    );
    expect(document.getElementById('settings-current')).toBeNull();
    await user.type(document.getElementById('settings-new')!, 'new and long enough');
    await user.type(document.getElementById('settings-confirm')!, 'new and long enough');
    await waitFor(() => expect(document.getElementById('settings-passphrase-save')).toBeEnabled());
    await user.click(document.getElementById('settings-passphrase-save')!);
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(m.changePassphrase).toHaveBeenCalledWith('', 'new and long enough', false);
  });

  it('replaces the keys on request and shows the new recovery key once', async () => {
    const user = userEvent.setup();
    const key = 'VGL2-8J2K-4M7P-Q1RS-T5VW-X9YZ-A3BC-D6EF-G0HJ-K2LM-N4PQ-R7ST-U8VW-X1YZ';
    m.changePassphrase.mockResolvedValue(key);
    render(<SettingsDialog profile={profile} onProfileSaved={vi.fn()} onClose={vi.fn()} />);
    await user.type(document.getElementById('settings-current')!, 'old one');
    await user.type(document.getElementById('settings-new')!, 'new and long enough');
    await user.type(document.getElementById('settings-confirm')!, 'new and long enough');
    await user.click(document.getElementById('settings-rotate')!);
    const save = document.getElementById('settings-passphrase-save')!;
    await waitFor(() => expect(save).toBeEnabled());
    expect(save).toHaveTextContent('Change passphrase and keys');
    await user.click(save);
    await waitFor(() => expect(document.getElementById('settings-recovery-key')).toHaveTextContent(key));
    expect(m.changePassphrase).toHaveBeenCalledWith('old one', 'new and long enough', true);
    expect(document.getElementById('settings-passphrase-result')).toHaveTextContent('the old one no longer works');
    expect(document.getElementById('settings-rotate')).not.toBeChecked();
  });

  it('loads and saves the auto-lock minutes', async () => {
    const user = userEvent.setup();
    m.saveSettings.mockResolvedValue({ idleMinutes: 30 });
    render(<SettingsDialog profile={profile} onProfileSaved={vi.fn()} onClose={vi.fn()} />);
    const idle = document.getElementById('settings-idle')!;
    await waitFor(() => expect(idle).toHaveValue(15));
    await user.clear(idle);
    await user.type(idle, '30');
    await user.click(document.getElementById('settings-idle-save')!);
    await waitFor(() => expect(m.saveSettings).toHaveBeenCalledWith({ idleMinutes: 30 }));
    expect(document.getElementById('settings-idle-result')).toHaveTextContent('30 minutes');
  });

  it('saves the profile and passes it up', async () => {
    const user = userEvent.setup();
    const saved = { ...profile, unit: 'Threat Unit' };
    m.saveProfile.mockResolvedValue(saved);
    const onProfileSaved = vi.fn();
    render(<SettingsDialog profile={profile} onProfileSaved={onProfileSaved} onClose={vi.fn()} />);
    await user.clear(document.getElementById('settings-unit')!);
    await user.type(document.getElementById('settings-unit')!, 'Threat Unit');
    await user.click(document.getElementById('settings-profile-save')!);
    await waitFor(() => expect(onProfileSaved).toHaveBeenCalledWith(saved));
    expect(m.saveProfile).toHaveBeenCalledWith(saved);
  });

  it("sets the exhibit-number format, showing the core's message when it is refused", async () => {
    const user = userEvent.setup();
    m.getExhibitFormat.mockResolvedValue('{case}-E{n:03}');
    render(<SettingsDialog profile={profile} onProfileSaved={vi.fn()} onClose={vi.fn()} />);
    const field = screen.getByLabelText('Exhibit number format');
    await waitFor(() => expect(field).toHaveValue('{case}-E{n:03}'));
    m.setExhibitFormat.mockRejectedValueOnce({
      kind: 'validation',
      message: 'exhibit number format: include {n} (or {n:03} for three digits) where the exhibit\'s sequence goes',
    });
    await user.clear(field);
    await user.type(field, 'EX-{{case}');
    await user.click(document.getElementById('settings-exhibit-format-save')!);
    expect(m.setExhibitFormat).toHaveBeenLastCalledWith('EX-{case}');
    await waitFor(() =>
      expect(document.getElementById('settings-exhibit-format-result')).toHaveTextContent('include {n} (or {n:03} for three digits)'),
    );
    expect(document.getElementById('settings-exhibit-format-result')).toHaveAttribute('role', 'alert');

    m.setExhibitFormat.mockResolvedValueOnce('EX-{case}-{n}');
    await user.type(field, '-{{n}');
    await user.click(document.getElementById('settings-exhibit-format-save')!);
    await waitFor(() =>
      expect(document.getElementById('settings-exhibit-format-result')).toHaveTextContent('New exhibits will be numbered with EX-{case}-{n}.'),
    );
  });
});
