import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { rows, screenshot, voicemail } from '../../test/evidenceFixtures';
import { incident, people, tx } from '../../test/fixtures';
import { IncidentDetail } from '../IncidentDetail';

const m = vi.mocked(commands);

describe('IncidentDetail evidence', () => {
  beforeEach(() => {
    m.getIncident.mockImplementation(async (_n, id) => incident(id));
  });

  it("lists the incident's exhibits by number and opens one", async () => {
    const user = userEvent.setup();
    m.listExhibits.mockResolvedValue(rows.slice(0, 2));
    const onOpenExhibit = vi.fn();
    render(
      <IncidentDetail
        number="2024-0173"
        id="inc-1"
        version={0}
        tx={tx}
        people={people}
        readOnly={false}
        onEdit={vi.fn()}
        onDelete={vi.fn()}
        explain={(e) => String(e)}
        onOpenExhibit={onOpenExhibit}
      />,
    );
    const list = await waitFor(() => {
      const el = document.getElementById('incident-exhibits');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(m.listExhibits).toHaveBeenCalledWith('2024-0173', 'inc-1');
    expect(within(list).getAllByRole('listitem').map((li) => li.getAttribute('data-exhibit-number'))).toEqual([screenshot.number, voicemail.number]);
    expect(list).toHaveTextContent('Screenshot: Screenshot of text messages');
    await user.click(screen.getByRole('button', { name: `Open exhibit ${voicemail.number} on the Evidence tab` }));
    expect(onOpenExhibit).toHaveBeenCalledWith('x2');
  });

  it('says when no exhibit is linked', async () => {
    m.listExhibits.mockResolvedValue([]);
    render(
      <IncidentDetail
        number="2024-0173"
        id="inc-2"
        version={0}
        tx={tx}
        people={people}
        readOnly
        onEdit={vi.fn()}
        onDelete={vi.fn()}
        explain={(e) => String(e)}
      />,
    );
    expect(await screen.findByText('No exhibits linked')).toBeInTheDocument();
  });
});
