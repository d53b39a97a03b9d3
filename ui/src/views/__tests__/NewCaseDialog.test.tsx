import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { todayIsoDate } from '../../lib/format';
import { NewCaseDialog } from '../NewCaseDialog';

const m = vi.mocked(commands);

describe('NewCaseDialog', () => {
  it('starts on the case number with today and the profile name filled in', () => {
    render(<NewCaseDialog investigator="Dana Whitfield" onCreated={vi.fn()} onClose={vi.fn()} />);
    expect(screen.getByRole('dialog', { name: 'New case' })).toBeInTheDocument();
    expect(document.getElementById('case-number')).toHaveFocus();
    expect(document.getElementById('case-opened-on')).toHaveValue(todayIsoDate());
    expect(document.getElementById('case-investigator')).toHaveValue('Dana Whitfield');
  });

  it("shows the backend's validation message inline and keeps what was typed", async () => {
    const user = userEvent.setup();
    m.createCase.mockRejectedValue({ kind: 'alreadyExists', message: 'Case 2024-0001 already exists.' });
    const onCreated = vi.fn();
    render(<NewCaseDialog investigator="Dana" onCreated={onCreated} onClose={vi.fn()} />);
    await user.type(document.getElementById('case-number')!, '2024-0001');
    await user.type(document.getElementById('case-title')!, 'Harassment');
    await user.click(document.getElementById('case-submit')!);

    await waitFor(() => expect(document.getElementById('case-error')).toHaveTextContent('Case 2024-0001 already exists.'));
    expect(document.getElementById('case-number')).toHaveValue('2024-0001');
    expect(onCreated).not.toHaveBeenCalled();
    expect(document.getElementById('case-submit')).toBeEnabled();
  });

  it('sends the case with its agency reports and reports the new summary', async () => {
    const user = userEvent.setup();
    const summary: commands.CaseSummary = {
      caseId: 'x',
      number: '2024-0009',
      title: 'Online stalking',
      status: 'reported',
      readOnly: false,
      lastActivity: '2024-06-01T10:00:00Z',
    };
    m.createCase.mockResolvedValue(summary);
    const onCreated = vi.fn();
    render(<NewCaseDialog investigator="Dana" onCreated={onCreated} onClose={vi.fn()} />);
    await user.type(document.getElementById('case-number')!, ' 2024-0009 ');
    await user.type(document.getElementById('case-title')!, 'Online stalking');
    await user.clear(document.getElementById('case-opened-on')!);
    await user.type(document.getElementById('case-opened-on')!, '2024-05-30');
    await user.click(screen.getByRole('button', { name: 'Add report number' }));
    await user.type(screen.getByLabelText('Agency'), 'Northshire Police');
    await user.type(screen.getByLabelText('Report number'), 'NP-1');
    await user.click(screen.getByRole('button', { name: 'Add report number' })); // left empty: dropped
    await user.click(document.getElementById('case-submit')!);

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(summary));
    expect(m.createCase).toHaveBeenCalledWith({
      number: '2024-0009',
      title: 'Online stalking',
      openedOn: '2024-05-30',
      assignedInvestigator: 'Dana',
      agencyReports: [{ agency: 'Northshire Police', number: 'NP-1' }],
    });
  });

  it('closes on Escape and on Cancel', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<NewCaseDialog investigator="" onCreated={vi.fn()} onClose={onClose} />);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
