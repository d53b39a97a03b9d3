import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { incident, people, tx } from '../../test/fixtures';
import { IncidentFormDialog, inputFromValues, blankValues, parseTags } from '../IncidentFormDialog';

const m = vi.mocked(commands);

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

describe('IncidentFormDialog', () => {
  beforeEach(() => {
    m.parseWhen.mockImplementation(async (text) =>
      text.startsWith('3/14/2026')
        ? {
            when: { from: '2026-03-14T21:30:00Z', to: null, precision: 'exact', tz: 'Europe/London', display: 'Sat 14 Mar 2026, 21:30' },
            problem: null,
          }
        : { when: null, problem: `Vigil cannot read “${text}” as a date.` },
    );
    m.addIncident.mockImplementation(async (_n, input) => incident(`new-${m.addIncident.mock.calls.length}`, input));
  });

  it('starts at When and shows how the backend reads it, or the problem', async () => {
    const user = userEvent.setup();
    render(<IncidentFormDialog number="2024-0173" tx={tx} people={people} editing={null} onSaved={vi.fn()} onClose={vi.fn()} explain={String} />);
    const when = byId<HTMLInputElement>('incident-when');
    expect(when).toHaveFocus();
    await user.type(when, '3/14/2026 9:30pm');
    await waitFor(() => expect(byId('incident-when-parsed')).toHaveTextContent('Sat 14 Mar 2026, 21:30'));
    expect(byId('incident-when-parsed')).toHaveClass('when-ok');
    expect(m.parseWhen).toHaveBeenLastCalledWith('3/14/2026 9:30pm', expect.any(String));

    await user.clear(when);
    await user.type(when, 'sometime');
    await waitFor(() => expect(byId('incident-when-parsed')).toHaveTextContent('Vigil cannot read “sometime” as a date.'));
    expect(byId('incident-when-parsed')).toHaveClass('when-problem');
    expect(when).toHaveAttribute('aria-invalid', 'true');
  });

  it('Ctrl+Enter saves and starts the next incident, keeping category, method, suspect and source', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const onClose = vi.fn();
    render(<IncidentFormDialog number="2024-0173" tx={tx} people={people} editing={null} onSaved={onSaved} onClose={onClose} explain={String} />);

    await user.type(byId('incident-when'), '3/14/2026 9:30pm');
    await user.selectOptions(byId('incident-category'), 'threats');
    await user.selectOptions(byId('incident-method'), 'phoneCall');
    await user.type(byId('incident-location'), 'Home');
    await user.type(byId('incident-narrative'), 'He called and said he was outside.');
    await user.selectOptions(byId('incident-suspect'), 'p-suspect');
    // Ctrl+Enter inside the textarea saves (it does not add a line).
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(m.addIncident).toHaveBeenCalledTimes(1));
    const [number, input] = m.addIncident.mock.calls[0]!;
    expect(number).toBe('2024-0173');
    expect(input).toMatchObject({
      occurred: '3/14/2026 9:30pm',
      category: 'threats',
      method: 'phoneCall',
      locationText: 'Home',
      narrative: 'He called and said he was outside.',
      suspectId: 'p-suspect',
      source: 'victimInterview',
      discovered: '',
      reported: '',
      reportedTo: null,
    });
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();

    await waitFor(() => expect(byId('incident-saved-count')).toHaveTextContent('Saved — 1 added'));
    expect(byId<HTMLSelectElement>('incident-category').value).toBe('threats');
    expect(byId<HTMLSelectElement>('incident-method').value).toBe('phoneCall');
    expect(byId<HTMLSelectElement>('incident-suspect').value).toBe('p-suspect');
    expect(byId<HTMLTextAreaElement>('incident-narrative').value).toBe('');
    expect(byId<HTMLInputElement>('incident-location').value).toBe('');
    expect(byId<HTMLInputElement>('incident-when').value).toBe('');
    await waitFor(() => expect(byId('incident-when')).toHaveFocus());

    // A second one from the keyboard alone.
    await user.type(byId('incident-when'), '3/14/2026 10pm');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(byId('incident-saved-count')).toHaveTextContent('Saved — 2 added'));
    expect(m.addIncident.mock.calls[1]![1]).toMatchObject({ occurred: '3/14/2026 10pm', category: 'threats', method: 'phoneCall' });
  });

  it('keeps what was typed and shows the backend’s refusal', async () => {
    const user = userEvent.setup();
    m.addIncident.mockRejectedValue({ kind: 'validation', message: 'Choose a category.' });
    render(<IncidentFormDialog number="2024-0173" tx={tx} people={people} editing={null} onSaved={vi.fn()} onClose={vi.fn()} explain={(e) => (e as { message: string }).message} />);
    await user.type(byId('incident-narrative'), 'Something');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(byId('incident-error')).toHaveTextContent('Choose a category.'));
    expect(byId<HTMLTextAreaElement>('incident-narrative').value).toBe('Something');
    expect(byId('incident-saved-count')).toHaveTextContent('');
  });

  it('edits an incident prefilled from what was entered, and closes after saving', async () => {
    const user = userEvent.setup();
    const existing = incident('inc-7', { reportedTo: { agency: 'Northshire Police', officer: '', badge: '', reportNumber: 'NP-1' }, tags: ['night', 'car'] });
    m.updateIncident.mockImplementation(async (_n, id, input) => incident(id, input));
    const onClose = vi.fn();
    render(<IncidentFormDialog number="2024-0173" tx={tx} people={people} editing={existing} onSaved={vi.fn()} onClose={onClose} explain={String} />);
    expect(screen.getByRole('dialog', { name: 'Edit incident' })).toBeInTheDocument();
    expect(byId<HTMLInputElement>('incident-when').value).toBe('3/14/2026 9:30pm');
    expect(byId<HTMLSelectElement>('incident-category').value).toBe('threats');
    expect(byId<HTMLInputElement>('incident-tags').value).toBe('night, car');
    expect(byId<HTMLInputElement>('incident-rt-report').value).toBe('NP-1');
    expect(byId('incident-save-next')).toBeNull();

    await user.clear(byId('incident-narrative'));
    await user.type(byId('incident-narrative'), 'Corrected.');
    await user.click(byId('incident-save'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(m.updateIncident).toHaveBeenCalledWith(
      '2024-0173',
      'inc-7',
      expect.objectContaining({ narrative: 'Corrected.', tz: 'Europe/London', tags: ['night', 'car'] }),
    );
  });
});

describe('form values', () => {
  it('turns the form into an IncidentInput', () => {
    expect(parseTags(' night, car,, night ,')).toEqual(['night', 'car']);
    const input = inputFromValues({ ...blankValues(), occurred: ' early March 2026 ', children: 'no', rtBadge: ' 2231 ' }, 'Europe/London');
    expect(input.occurred).toBe('early March 2026');
    expect(input.childrenPresent).toBe(false);
    expect(input.reportedTo).toEqual({ agency: '', officer: '', badge: '2231', reportNumber: '' });
    expect(input.suspectId).toBeNull();
    expect(input.tz).toBe('Europe/London');
  });
});
