import { render, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { emptyFilter } from '../../lib/timeline';
import { incident, summaryAt, tx } from '../../test/fixtures';
import { IncidentDetail } from '../IncidentDetail';
import { IncidentList } from '../IncidentList';

const m = vi.mocked(commands);

describe('order violations on the timeline', () => {
  it('marks a row that happened while an order was in force, in words and with an icon', async () => {
    m.listIncidents.mockResolvedValue({ total: 2, rows: [summaryAt(0), { ...summaryAt(1), orderViolation: true }] });
    const onSelectedRow = vi.fn();
    render(
      <IncidentList
        number="2024-0173"
        filter={emptyFilter()}
        version={0}
        tx={tx}
        selectedId="inc-1"
        onSelect={vi.fn()}
        onOpen={vi.fn()}
        onTotal={vi.fn()}
        onError={vi.fn()}
        onSelectedRow={onSelectedRow}
        explain={String}
      />,
    );
    await waitFor(() => expect(document.querySelector('[data-incident-id="inc-1"]')).not.toBeNull());
    const violating = document.querySelector('[data-incident-id="inc-1"]')!;
    expect(violating).toHaveTextContent('Order in force — violation');
    expect(violating.querySelector('[data-order-violation] svg')).not.toBeNull();
    expect(document.querySelector('[data-incident-id="inc-0"]')).not.toHaveTextContent('violation');
    await waitFor(() => expect(onSelectedRow).toHaveBeenCalledWith(expect.objectContaining({ id: 'inc-1', orderViolation: true })));
  });

  it('shows the mark in the detail pane', async () => {
    m.getIncident.mockResolvedValue(incident('inc-1'));
    render(
      <IncidentDetail
        number="2024-0173"
        id="inc-1"
        version={0}
        tx={tx}
        people={[]}
        readOnly={false}
        onEdit={vi.fn()}
        onDelete={vi.fn()}
        explain={String}
        orderViolation
      />,
    );
    await waitFor(() => expect(document.getElementById('incident-order-violation')).toHaveTextContent('Order in force — violation'));
  });
});
