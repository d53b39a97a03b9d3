import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { Main, type Session } from '../Main';

const m = vi.mocked(commands);

const profile = { name: 'Dana Whitfield', badge: '4471', unit: 'Stalking Unit', agency: 'Northshire Police' };
const session: Session = { profile, unlockReport: null, viaRecovery: false };

const summaries: commands.CaseSummary[] = [
  { caseId: 'a', number: '2024-0001', title: 'First case', status: 'active', readOnly: false, lastActivity: '2024-06-01T10:00:00Z' },
  { caseId: 'b', number: '2024-0002', title: 'Second case', status: 'monitoring', readOnly: false, lastActivity: '2024-05-01T10:00:00Z' },
];

function detailOf(s: commands.CaseSummary): commands.CaseDetail {
  return {
    header: {
      caseId: s.caseId,
      number: s.number,
      title: s.title,
      openedOn: '2024-05-01',
      assignedInvestigator: 'Dana Whitfield',
      agencyReports: [],
      status: s.status,
      createdAt: '2024-05-01T10:00:00Z',
      updatedAt: '2024-05-01T10:00:00Z',
    },
    readOnly: s.readOnly,
    handover: null,
    auditEvents: 3,
    lastActivity: s.lastActivity,
    fileName: `${s.number}.vigil`,
  };
}

describe('Main', () => {
  beforeEach(() => {
    m.touch.mockResolvedValue(undefined);
    m.openCase.mockImplementation(async (n) => detailOf(summaries.find((s) => s.number === n)!));
  });

  it('offers to create the first case when there are none', async () => {
    m.listCases.mockResolvedValue([]);
    render(<Main session={session} onProfileChange={vi.fn()} onLocked={vi.fn()} />);
    const empty = await waitFor(() => {
      const el = document.getElementById('empty-state');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(empty).toHaveTextContent('No cases yet');
    await userEvent.setup().click(within(empty).getByRole('button', { name: 'Create the first case' }));
    expect(screen.getByRole('dialog', { name: 'New case' })).toBeInTheDocument();
  });

  it('lists cases, filters them, and opens one from the list', async () => {
    const user = userEvent.setup();
    m.listCases.mockResolvedValue(summaries);
    render(<Main session={session} onProfileChange={vi.fn()} onLocked={vi.fn()} />);
    await waitFor(() => expect(document.querySelectorAll('#case-list li')).toHaveLength(2));
    expect(document.getElementById('empty-state')).toHaveTextContent('No case open');

    await user.type(screen.getByLabelText('Filter cases'), 'second');
    expect(document.querySelectorAll('#case-list li')).toHaveLength(1);
    await user.clear(screen.getByLabelText('Filter cases'));

    await user.click(document.querySelector('[data-case-number="2024-0002"]')!);
    await waitFor(() => expect(document.getElementById('case-heading')).toHaveTextContent('2024-0002 — Second case'));
    expect(m.openCase).toHaveBeenCalledWith('2024-0002');
    expect(document.getElementById('empty-state')).toBeNull();
  });

  it('creates a case, then refreshes the list and opens it', async () => {
    const user = userEvent.setup();
    const created: commands.CaseSummary = { ...summaries[0]!, caseId: 'n', number: '2024-0003', title: 'New one' };
    m.listCases.mockResolvedValueOnce(summaries).mockResolvedValue([...summaries, created]);
    m.createCase.mockResolvedValue(created);
    m.openCase.mockResolvedValue(detailOf(created));
    render(<Main session={session} onProfileChange={vi.fn()} onLocked={vi.fn()} />);
    await waitFor(() => expect(document.querySelectorAll('#case-list li')).toHaveLength(2));

    await user.click(document.getElementById('new-case-button')!);
    expect(document.getElementById('case-investigator')).toHaveValue('Dana Whitfield');
    await user.type(document.getElementById('case-number')!, '2024-0003');
    await user.type(document.getElementById('case-title')!, 'New one');
    await user.click(document.getElementById('case-submit')!);

    await waitFor(() => expect(document.getElementById('case-heading')).toHaveTextContent('2024-0003'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.querySelector('[data-case-number="2024-0003"]')).not.toBeNull();
  });

  it('lists case files missing from the list and restores one after its checks', async () => {
    const user = userEvent.setup();
    const restored: commands.CaseSummary = { ...summaries[0]!, caseId: 'c', number: '2024-0009', title: 'Restored' };
    m.listCases.mockResolvedValueOnce(summaries).mockResolvedValue([...summaries, restored]);
    m.listUnregisteredCases
      .mockResolvedValueOnce([
        { fileName: '2024-0009.vigil', adoptable: true, reason: null },
        { fileName: 'other.vigil', adoptable: false, reason: 'it belongs to another workspace' },
      ])
      .mockResolvedValue([{ fileName: 'other.vigil', adoptable: false, reason: 'it belongs to another workspace' }]);
    m.adoptCase.mockResolvedValue(restored);
    m.openCase.mockResolvedValue(detailOf(restored));
    render(<Main session={session} onProfileChange={vi.fn()} onLocked={vi.fn()} />);
    const box = await waitFor(() => {
      const el = document.getElementById('unregistered-cases');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(box).toHaveTextContent('2 case files are not in the list');
    expect(box).toHaveTextContent('it belongs to another workspace');
    expect(within(box).getAllByRole('button')).toHaveLength(1);
    await user.click(within(box).getByRole('button', { name: 'Check and restore 2024-0009.vigil' }));
    expect(m.adoptCase).toHaveBeenCalledWith('2024-0009.vigil');
    await waitFor(() => expect(document.getElementById('case-heading')).toHaveTextContent('2024-0009'));
    await waitFor(() => expect(document.getElementById('unregistered-cases')).toHaveTextContent('1 case file is not in the list'));
  });

  it('warns about failed unlock attempts until dismissed', async () => {
    const user = userEvent.setup();
    m.listCases.mockResolvedValue([]);
    render(
      <Main
        session={{
          ...session,
          unlockReport: {
            failedAttempts: 3,
            firstFailedAt: '2024-06-01T08:00:00Z',
            lastFailedAt: '2024-06-01T09:30:00Z',
            profile,
            warnings: [],
          },
        }}
        onProfileChange={vi.fn()}
        onLocked={vi.fn()}
      />,
    );
    const banner = document.getElementById('failed-attempts-banner')!;
    expect(banner).toHaveTextContent(/3 failed unlock attempts since .*2024.*the last at .*2024/);
    await user.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(document.getElementById('failed-attempts-banner')).toBeNull();
  });

  it('shows no failed-attempts banner when there were none', async () => {
    m.listCases.mockResolvedValue([]);
    render(
      <Main
        session={{ ...session, unlockReport: { failedAttempts: 0, firstFailedAt: null, lastFailedAt: null, profile, warnings: [] } }}
        onProfileChange={vi.fn()}
        onLocked={vi.fn()}
      />,
    );
    await waitFor(() => expect(document.getElementById('empty-state')).not.toBeNull());
    expect(document.getElementById('failed-attempts-banner')).toBeNull();
  });

  it('after a recovery-key unlock, advises a new passphrase and opens the settings there', async () => {
    const user = userEvent.setup();
    m.listCases.mockResolvedValue([]);
    m.getSettings.mockResolvedValue({ idleMinutes: 15 });
    render(<Main session={{ ...session, viaRecovery: true }} onProfileChange={vi.fn()} onLocked={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Set a new passphrase' }));
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeInTheDocument();
    // The backend does not ask for the old passphrase after a recovery-key unlock.
    expect(document.getElementById('settings-current')).toBeNull();
    expect(document.getElementById('settings-new')).toHaveFocus();
  });

  it('locks with Ctrl+L and with the Lock button', async () => {
    m.listCases.mockResolvedValue([]);
    m.lockWorkspace.mockResolvedValue(undefined);
    const onLocked = vi.fn();
    render(<Main session={session} onProfileChange={vi.fn()} onLocked={onLocked} />);
    await waitFor(() => expect(document.getElementById('empty-state')).not.toBeNull());
    const lock = document.getElementById('lock-button')!;
    expect(lock).toHaveAttribute('aria-keyshortcuts', 'Control+L');
    fireEvent.keyDown(window, { key: 'l', ctrlKey: true });
    await waitFor(() => expect(onLocked).toHaveBeenCalledTimes(1));
    expect(m.lockWorkspace).toHaveBeenCalledTimes(1);
  });

  it('opens the new case dialog with Ctrl+N', async () => {
    m.listCases.mockResolvedValue(summaries);
    render(<Main session={session} onProfileChange={vi.fn()} onLocked={vi.fn()} />);
    fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
    expect(await screen.findByRole('dialog', { name: 'New case' })).toBeInTheDocument();
  });

  it('goes to the lock screen when a command finds the workspace locked', async () => {
    m.listCases.mockRejectedValue({ kind: 'workspaceLocked', message: 'Vigil is locked.' });
    const onLocked = vi.fn();
    render(<Main session={session} onProfileChange={vi.fn()} onLocked={onLocked} />);
    await waitFor(() => expect(onLocked).toHaveBeenCalled());
  });

  it('pings the idle timer on activity at most once per 20 seconds', async () => {
    m.listCases.mockResolvedValue([]);
    let now = 1_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    render(<Main session={session} onProfileChange={vi.fn()} onLocked={vi.fn()} />);
    await waitFor(() => expect(document.getElementById('empty-state')).not.toBeNull());
    fireEvent.keyDown(window, { key: 'a' });
    fireEvent.mouseDown(document.body);
    fireEvent.wheel(document.body);
    expect(m.touch).toHaveBeenCalledTimes(1);
    now += 20_000;
    fireEvent.mouseDown(document.body);
    expect(m.touch).toHaveBeenCalledTimes(2);
  });
});

describe('Main after an unlock that found the workspace older than expected', () => {
  beforeEach(() => {
    m.touch.mockResolvedValue(undefined);
  });

  it('says so, naming each case, until dismissed', async () => {
    const user = userEvent.setup();
    m.listCases.mockResolvedValue([]);
    render(
      <Main
        session={{
          ...session,
          unlockReport: {
            failedAttempts: 0,
            firstFailedAt: null,
            lastFailedAt: null,
            profile,
            warnings: ['case 2026-0042: this computer last recorded audit event 30, but the workspace holds only 12'],
          },
        }}
        onProfileChange={vi.fn()}
        onLocked={vi.fn()}
      />,
    );
    const banner = await screen.findByText(/looks older than this computer remembers/);
    expect(banner.closest('#rollback-banner')).toHaveTextContent('case 2026-0042');
    await user.click(within(banner.closest('#rollback-banner') as HTMLElement).getByRole('button', { name: /dismiss|close/i }));
    expect(document.getElementById('rollback-banner')).toBeNull();
  });
});
