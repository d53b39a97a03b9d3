import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { CaseOverview } from '../CaseOverview';

const m = vi.mocked(commands);

const detail: commands.CaseDetail = {
  header: {
    caseId: 'c1',
    number: '2024-0173',
    title: 'Harassment of M. Okafor',
    openedOn: '2024-02-14',
    assignedInvestigator: 'Dana Whitfield',
    agencyReports: [{ agency: 'Northshire Police', number: 'NP-24-88812' }],
    status: 'active',
    createdAt: '2024-02-14T09:00:00Z',
    updatedAt: '2024-03-01T09:00:00Z',
  },
  readOnly: false,
  handover: null,
  auditEvents: 58,
  lastActivity: '2024-03-01T09:00:00Z',
  fileName: '2024-0173.vigil',
};

const HEAD = '9f2c4be1a07d55e3c6b18f0e2d7a4c9b3e1f6a8d0c2b4e6f8a1c3e5d7b9f0a2c';

describe('CaseOverview', () => {
  it('shows the heading, status text and facts', () => {
    render(<CaseOverview detail={detail} onEdit={vi.fn()} onHandover={vi.fn()} />);
    const heading = document.getElementById('case-heading')!;
    expect(heading).toHaveTextContent('2024-0173');
    expect(heading).toHaveTextContent('Harassment of M. Okafor');
    expect(screen.getByText('Active')).toBeInTheDocument();
    expect(screen.getByText('NP-24-88812')).toBeInTheDocument();
    expect(screen.getByText('58')).toBeInTheDocument();
    expect(screen.getByText('2024-0173.vigil')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit details' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hand over…' })).toBeInTheDocument();
  });

  it('offers no editing for a review copy and says where it came from', () => {
    render(
      <CaseOverview
        detail={{
          ...detail,
          readOnly: true,
          handover: { mode: 'review', sealedAt: '2024-03-02T10:00:00Z', sealedBy: 'Sam Ortega' },
        }}
        onEdit={vi.fn()}
        onHandover={vi.fn()}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Edit details' })).not.toBeInTheDocument();
    expect(screen.getByText(/Received from Sam Ortega, sealed at .*It cannot be edited\./)).toBeInTheDocument();
  });

  it('lists failed checks with a cross and the word "Failed", not colour alone', async () => {
    const user = userEvent.setup();
    m.verifyCase.mockResolvedValue({
      number: '2024-0173',
      ok: false,
      eventCount: 58,
      chainHead: HEAD,
      checks: [
        { name: 'Encryption authentication', ok: true, detail: 'All records authenticate' },
        { name: 'Audit chain', ok: false, detail: 'Event 17 does not link to event 16' },
      ],
      exhibits: [
        { number: '2024-0173-E001', recorded: 'a'.repeat(64), found: 'a'.repeat(64), ok: true, detail: 'matches' },
        { number: '2024-0173-E002', recorded: 'b'.repeat(64), found: 'c'.repeat(64), ok: false, detail: 'The stored bytes do not match the SHA-256 recorded at intake.' },
      ],
    });
    render(<CaseOverview detail={detail} onEdit={vi.fn()} onHandover={vi.fn()} />);
    await user.click(document.getElementById('verify-button')!);

    const report = await waitFor(() => {
      const el = document.getElementById('verify-report');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(m.verifyCase).toHaveBeenCalledWith('2024-0173');
    expect(report).toHaveAttribute('data-ok', 'false');
    expect(report).toHaveTextContent('1 of 2 checks failed');
    const failed = report.querySelector('li[data-ok="false"]')!;
    expect(failed).toHaveTextContent('✗');
    expect(failed).toHaveTextContent('Audit chain');
    expect(failed).toHaveTextContent('Failed');
    expect(failed).toHaveTextContent('Event 17 does not link to event 16');
    expect(report.querySelector('li[data-ok="true"]')).toHaveTextContent('Passed');
    const head = report.querySelector('code')!;
    expect(head).toHaveAttribute('title', HEAD);
    expect(head.textContent!.length).toBeLessThan(HEAD.length);
    // Failing exhibit files are listed by number, with what was found.
    const exhibits = document.getElementById('verify-exhibits')!;
    expect(exhibits).toHaveTextContent('Evidence files that do not match (1 of 2)');
    expect(exhibits.querySelector('[data-exhibit-number="2024-0173-E002"]')).toHaveTextContent('The stored bytes do not match');
    expect(exhibits.querySelector('[data-exhibit-number="2024-0173-E002"]')).toHaveTextContent('c'.repeat(64));
    expect(exhibits.querySelector('[data-exhibit-number="2024-0173-E001"]')).toBeNull();
  });

  it('reports a clean verification', async () => {
    const user = userEvent.setup();
    m.verifyCase.mockResolvedValue({
      number: '2024-0173',
      ok: true,
      eventCount: 58,
      chainHead: HEAD,
      checks: [{ name: 'Audit chain', ok: true, detail: '' }],
      exhibits: [],
    });
    render(<CaseOverview detail={detail} onEdit={vi.fn()} onHandover={vi.fn()} />);
    await user.click(document.getElementById('verify-button')!);
    await waitFor(() => expect(document.getElementById('verify-report')).toHaveAttribute('data-ok', 'true'));
    expect(screen.getByText(/Integrity verified/)).toBeInTheDocument();
  });

  it('shows the message when verification cannot run', async () => {
    const user = userEvent.setup();
    m.verifyCase.mockRejectedValue({ kind: 'corrupt', message: 'The case file is damaged.' });
    render(<CaseOverview detail={detail} onEdit={vi.fn()} onHandover={vi.fn()} />);
    await user.click(document.getElementById('verify-button')!);
    await waitFor(() => expect(document.getElementById('verify-error')).toHaveTextContent('The case file is damaged.'));
    expect(document.getElementById('verify-report')).toBeNull();
  });
});
