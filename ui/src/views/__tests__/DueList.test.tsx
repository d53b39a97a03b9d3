import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { Main, type Session } from '../Main';

const m = vi.mocked(commands);
const session: Session = {
  profile: { name: 'Dana Whitfield', badge: '4471', unit: 'Stalking Unit', agency: 'Northshire Police' },
  unlockReport: null,
  viaRecovery: false,
};

const summary: commands.CaseSummary = {
  caseId: 'a',
  number: '2024-0173',
  title: 'Harassment of M. Okafor',
  status: 'active',
  readOnly: false,
  lastActivity: '2026-03-01T10:00:00Z',
};

const detail: commands.CaseDetail = {
  header: {
    caseId: 'a',
    number: '2024-0173',
    title: 'Harassment of M. Okafor',
    openedOn: '2026-01-05',
    assignedInvestigator: 'Dana Whitfield',
    agencyReports: [],
    status: 'active',
    createdAt: '2026-01-05T10:00:00Z',
    updatedAt: '2026-03-01T10:00:00Z',
  },
  readOnly: false,
  handover: null,
  auditEvents: 3,
  lastActivity: '2026-03-01T10:00:00Z',
  fileName: '2024-0173.vigil',
};

const due: commands.DueItem[] = [
  {
    caseNumber: '2024-0173',
    caseTitle: 'Harassment of M. Okafor',
    kind: 'reassessment',
    label: 'Reassess risk (last judged high)',
    dueOn: '2026-02-27',
    overdue: true,
  },
  {
    caseNumber: '2024-0190',
    caseTitle: 'Unwanted contact, workplace',
    kind: 'preservationExpiring',
    label: 'Preservation letter to Northshire Mobile runs out: renew or serve process',
    dueOn: '2026-03-20',
    overdue: false,
  },
];

describe('Due list', () => {
  beforeEach(() => {
    m.touch.mockResolvedValue(undefined);
    m.listCases.mockResolvedValue([summary]);
    m.openCase.mockResolvedValue(detail);
  });

  it('counts due and overdue items in the header and marks the overdue ones', async () => {
    const user = userEvent.setup();
    m.dueList.mockResolvedValue(due);
    render(<Main session={session} onProfileChange={vi.fn()} onLocked={vi.fn()} />);
    const button = document.getElementById('due-button')!;
    await waitFor(() => expect(button).toHaveAttribute('data-count', '2'));
    expect(button).toHaveAttribute('data-overdue', '1');
    expect(button).toHaveAccessibleName('Due: 2 items in the next 30 days, 1 overdue');
    expect(button).toHaveTextContent('1 overdue');

    await user.click(button);
    const list = await screen.findByRole('dialog', { name: 'Due in the next 30 days' });
    expect(list.id).toBe('due-list');
    const rows = within(list).getAllByRole('button').filter((b) => b.classList.contains('due-row'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('OVERDUE');
    expect(rows[0]).toHaveTextContent('2024-0173');
    expect(rows[0]).toHaveTextContent('Reassess risk (last judged high)');
    expect(rows[1]).not.toHaveTextContent('OVERDUE');

    // Choosing one opens its case on the tab where it is dealt with.
    await user.click(rows[0]!);
    expect(m.openCase).toHaveBeenCalledWith('2024-0173');
    await waitFor(() => expect(document.getElementById('tab-risk')).toHaveAttribute('aria-selected', 'true'));
    expect(document.getElementById('due-list')).toBeNull();
  });

  it('says when nothing is due', async () => {
    const user = userEvent.setup();
    m.dueList.mockResolvedValue([]);
    render(<Main session={session} onProfileChange={vi.fn()} onLocked={vi.fn()} />);
    await waitFor(() => expect(document.getElementById('due-button')).toHaveAttribute('data-count', '0'));
    await user.click(document.getElementById('due-button')!);
    expect(await screen.findByText('Nothing due in the next 30 days.')).toBeInTheDocument();
    expect(document.getElementById('due-button')).not.toHaveTextContent('overdue');
  });
});
