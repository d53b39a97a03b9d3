import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { todayIsoDate } from '../../lib/format';
import { ManagementTab } from '../ManagementTab';

const m = vi.mocked(commands);
const NUMBER = '2024-0173';

const detail = (status: commands.CaseStatus): commands.CaseDetail => ({
  header: {
    caseId: 'c1',
    number: NUMBER,
    title: 'Harassment of M. Okafor',
    openedOn: '2024-02-14',
    assignedInvestigator: 'Dana Whitfield',
    agencyReports: [],
    status,
    createdAt: '2024-02-14T09:00:00Z',
    updatedAt: '2024-03-01T09:00:00Z',
  },
  readOnly: false,
  handover: null,
  auditEvents: 58,
  lastActivity: '2024-03-01T09:00:00Z',
  fileName: '2024-0173.vigil',
});

const preservation: commands.LegalProcess = {
  id: 'l1',
  input: {
    kind: 'preservation',
    provider: 'Northshire Mobile',
    reference: 'NM-1',
    sentOn: '2026-01-10',
    expiresOn: '2026-04-10',
    returnedOn: null,
    status: 'sent',
    notes: 'Call records',
  },
};

function renderTab(props: Partial<Parameters<typeof ManagementTab>[0]> = {}) {
  return render(
    <ManagementTab
      number={NUMBER}
      readOnly={false}
      status="active"
      version={0}
      onDetailChanged={vi.fn()}
      onChanged={vi.fn()}
      explain={(e) => (e as { message: string }).message}
      {...props}
    />,
  );
}

describe('ManagementTab', () => {
  beforeEach(() => {
    m.statusHistory.mockResolvedValue([
      { id: 's1', from: 'assigned', to: 'active', reason: 'Detective assigned', changedAt: '2026-01-12T10:00:00Z', changedBy: 'Sgt. Kaur' },
    ]);
    m.listOrders.mockResolvedValue([]);
    m.listLegal.mockResolvedValue([preservation]);
    m.listPlan.mockResolvedValue([]);
    m.statusOptions.mockResolvedValue([
      { status: 'referred', needsReason: false },
      { status: 'closed', needsReason: true },
    ]);
  });

  it('changes the status, asking for a reason only where the move needs one', async () => {
    const user = userEvent.setup();
    const onDetailChanged = vi.fn();
    const onChanged = vi.fn();
    m.changeStatus.mockResolvedValue(detail('closed'));
    renderTab({ onDetailChanged, onChanged });
    await waitFor(() => expect(document.getElementById('status-history')).toHaveTextContent('Detective assigned'));
    expect(document.getElementById('status-current')).toHaveTextContent('Active');

    await user.click(document.getElementById('status-change')!);
    const dialog = screen.getByRole('dialog', { name: 'Change the case status' });
    await waitFor(() => expect(within(dialog).getAllByRole('radio')).toHaveLength(2));
    await user.click(within(dialog).getByRole('radio', { name: /Closed/ }));
    expect(within(dialog).getByRole('radio', { name: /Closed/ }).closest('label')).toHaveTextContent('reason required');
    expect(document.getElementById('status-reason')).toBeRequired();

    await user.click(document.getElementById('status-save')!);
    expect(m.changeStatus).not.toHaveBeenCalled();
    expect(document.getElementById('status-reason')).toHaveAttribute('aria-invalid', 'true');
    expect(document.getElementById('status-reason')).toHaveFocus();
    expect(dialog).toHaveTextContent('Give the reason for moving the case to closed.');

    await user.type(document.getElementById('status-reason')!, 'Suspect moved abroad; reopen on contact');
    await user.click(document.getElementById('status-save')!);
    expect(m.changeStatus).toHaveBeenCalledWith(NUMBER, 'closed', 'Suspect moved abroad; reopen on contact');
    await waitFor(() => expect(onDetailChanged).toHaveBeenCalledWith(detail('closed')));
    expect(onChanged).toHaveBeenCalled();
    expect(m.statusHistory).toHaveBeenCalledTimes(2);
  });

  it('does not ask for a reason where none is needed', async () => {
    const user = userEvent.setup();
    m.changeStatus.mockResolvedValue(detail('referred'));
    renderTab();
    await user.click(document.getElementById('status-change')!);
    await waitFor(() => expect(screen.getAllByRole('radio')).toHaveLength(2));
    await user.click(screen.getByRole('radio', { name: /Referred/ }));
    expect(document.getElementById('status-reason')).not.toBeRequired();
    await user.click(document.getElementById('status-save')!);
    expect(m.changeStatus).toHaveBeenCalledWith(NUMBER, 'referred', '');
  });

  it('renews a preservation request for 90 days from its old expiry', async () => {
    const user = userEvent.setup();
    const onChanged = vi.fn();
    m.renewLegal.mockResolvedValue([{ ...preservation, input: { ...preservation.input, status: 'renewed', expiresOn: '2026-07-09' } }]);
    renderTab({ onChanged });
    const row = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('#legal-table tr[data-legal-id="l1"]');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(row).toHaveTextContent('Northshire Mobile');
    await user.click(within(row).getByRole('button', { name: /Renew the preservation request to Northshire Mobile/ }));
    expect(m.renewLegal).toHaveBeenCalledWith(NUMBER, 'l1');
    await waitFor(() => expect(document.getElementById('management-notice')).toHaveTextContent('now runs until'));
    expect(onChanged).toHaveBeenCalled();
  });

  it('adds a protective order and a plan item with their dialogs', async () => {
    const user = userEvent.setup();
    const order: commands.ProtectiveOrder = {
      id: 'o1',
      input: { kind: 'civil', court: 'County Court', issuedOn: '2026-02-01', servedOn: null, expiresOn: '2026-08-01', terms: 'No contact' },
    };
    m.saveOrder.mockResolvedValue([order]);
    renderTab();
    await waitFor(() => expect(document.getElementById('order-add')).toBeInTheDocument());
    await user.click(document.getElementById('order-add')!);
    await user.selectOptions(document.getElementById('order-kind')!, 'civil');
    await user.type(document.getElementById('order-court')!, 'County Court');
    await user.clear(document.getElementById('order-issued')!);
    await user.click(document.getElementById('order-save')!);
    expect(m.saveOrder).not.toHaveBeenCalled();
    expect(document.getElementById('order-issued-error')).toHaveTextContent('Give the date the order was issued.');
    await user.type(document.getElementById('order-issued')!, '2026-02-01');
    await user.type(document.getElementById('order-terms')!, 'No contact');
    await user.click(document.getElementById('order-save')!);
    expect(m.saveOrder).toHaveBeenCalledWith(NUMBER, null, {
      kind: 'civil',
      court: 'County Court',
      issuedOn: '2026-02-01',
      servedOn: null,
      expiresOn: null,
      terms: 'No contact',
    });
    await waitFor(() => expect(document.querySelector('#orders-table tr[data-order-id="o1"]')).toHaveTextContent('Not served'));

    m.savePlanItem.mockResolvedValue([]);
    await user.click(document.getElementById('plan-add')!);
    await user.click(document.getElementById('plan-save')!);
    expect(m.savePlanItem).not.toHaveBeenCalled();
    expect(document.getElementById('plan-owner')).toHaveAttribute('aria-invalid', 'true');
    await user.type(document.getElementById('plan-owner')!, 'Northshire Advocacy');
    await user.selectOptions(document.getElementById('plan-status')!, 'requested');
    await user.type(document.getElementById('plan-due')!, '2026-03-01');
    await user.click(document.getElementById('plan-save')!);
    expect(m.savePlanItem).toHaveBeenCalledWith(NUMBER, null, {
      kind: 'advocate',
      owner: 'Northshire Advocacy',
      startOn: todayIsoDate(),
      dueOn: '2026-03-01',
      status: 'requested',
      outcome: '',
    });
  });
});
