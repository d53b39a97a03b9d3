import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { people } from '../../test/fixtures';
import { PeopleTab } from '../PeopleTab';

const m = vi.mocked(commands);
const SECRET = '14 Larch Close, Northshire';

function renderTab(onChanged = vi.fn()) {
  return render(
    <PeopleTab
      number="2024-0173"
      readOnly={false}
      people={people}
      error={null}
      onChanged={onChanged}
      onRetry={vi.fn()}
      explain={(e) => (e as { message: string }).message}
    />,
  );
}

describe('PeopleTab', () => {
  it('groups people by role with their relationship and identifiers', () => {
    renderTab();
    const victims = screen.getByRole('region', { name: /Victims/ });
    expect(within(victims).getByText('Miriam Okafor')).toBeInTheDocument();
    const suspects = screen.getByRole('region', { name: /Suspects/ });
    expect(suspects).toHaveTextContent('Daniel Reyes');
    expect(suspects).toHaveTextContent('Former partner');
    expect(suspects).toHaveTextContent('NX19 KLM');
    expect(screen.getByRole('region', { name: /Witnesses/ })).toHaveTextContent('Co-worker');
    expect(screen.queryByRole('region', { name: /Third parties/ })).toBeNull();
  });

  it('masks a confidential identifier until its own Reveal is pressed', async () => {
    const user = userEvent.setup();
    renderTab();
    expect(document.body).not.toHaveTextContent(SECRET);
    const item = document.querySelector('[data-identifier-id="i2"]')!;
    expect(item).toHaveTextContent('•••• (confidential)');
    expect(item).toHaveTextContent('ACP address');
    expect(document.getElementById('confidential-explain')).toHaveTextContent(/kept out of discovery copies/);
    // The non-confidential phone is shown as is.
    expect(document.querySelector('[data-identifier-id="i1"]')).toHaveTextContent('07700 900123');

    const reveal = within(item as HTMLElement).getByRole('button', { name: 'Reveal confidential address' });
    expect(reveal).toHaveAttribute('aria-pressed', 'false');
    // The value is not in the web view until the core is asked for it.
    m.revealIdentifier.mockResolvedValue(SECRET);
    await user.click(reveal);
    await waitFor(() => expect(reveal).toHaveAttribute('aria-pressed', 'true'));
    expect(m.revealIdentifier).toHaveBeenCalledWith('2024-0173', 'p-victim', 'i2');
    expect(item).toHaveTextContent(SECRET);
    await user.click(reveal);
    expect(reveal).toHaveAttribute('aria-pressed', 'false');
    expect(document.body).not.toHaveTextContent(SECRET);
  });

  it('searches identifiers after a pause and masks confidential hits', async () => {
    const user = userEvent.setup();
    m.searchIdentifiers.mockResolvedValue([
      { personId: 'p-victim', personName: 'Miriam Okafor', role: 'victim', identifier: people[0]!.identifiers[1]! },
    ]);
    renderTab();
    await user.type(screen.getByLabelText(/Find a phone number/), 'larch');
    await waitFor(() => expect(m.searchIdentifiers).toHaveBeenCalledWith('2024-0173', 'larch'));
    expect(m.searchIdentifiers).toHaveBeenCalledTimes(1);
    const hits = await screen.findByRole('list', { name: 'Matching identifiers' });
    expect(hits).toHaveTextContent('Miriam Okafor (victim)');
    expect(hits).toHaveTextContent('•••• (confidential)');
    expect(hits).not.toHaveTextContent(SECRET);
  });

  it('asks before deleting a person and reports a refusal', async () => {
    const user = userEvent.setup();
    m.deletePerson.mockRejectedValueOnce({ kind: 'validation', message: 'Daniel Reyes is linked to 12 incidents.' });
    const onChanged = vi.fn();
    renderTab(onChanged);
    await user.click(screen.getByRole('button', { name: 'Delete Daniel Reyes' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Daniel Reyes?' });
    expect(m.deletePerson).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Delete person' }));
    await waitFor(() => expect(dialog).toHaveTextContent('Daniel Reyes is linked to 12 incidents.'));
    expect(onChanged).not.toHaveBeenCalled();

    m.deletePerson.mockResolvedValueOnce(undefined);
    await user.click(within(dialog).getByRole('button', { name: 'Delete person' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(m.deletePerson).toHaveBeenLastCalledWith('2024-0173', 'p-suspect');
  });

  it('edits a person without ever receiving the masked value, and keeps it', async () => {
    const user = userEvent.setup();
    m.savePerson.mockImplementation(async () => people[0]!);
    renderTab(vi.fn());
    await user.click(screen.getByRole('button', { name: 'Edit Miriam Okafor' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Miriam Okafor' });
    const masked = document.getElementById('person-ident-value-1')!;
    expect(masked).toHaveValue('');
    expect(masked).toHaveAttribute('placeholder', 'Unchanged (type to replace)');
    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'Miriam A. Okafor');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(m.savePerson).toHaveBeenCalled());
    const sent = m.savePerson.mock.calls[0]![2];
    expect(sent.name).toBe('Miriam A. Okafor');
    expect(sent.identifiers[1]).toEqual({ kind: 'address', value: '', label: 'ACP address', confidential: true, keep: 'i2' });
    expect(sent.identifiers[0]).toEqual({ kind: 'phone', value: '07700 900123', label: 'mobile', confidential: false });
  });

  it('adds a person with a confidential identifier', async () => {
    const user = userEvent.setup();
    m.savePerson.mockImplementation(async (_n, _id, p) => ({ ...people[2]!, ...p, identifiers: [] }));
    const onChanged = vi.fn();
    renderTab(onChanged);
    await user.click(screen.getByRole('button', { name: /Add person/ }));
    const dialog = screen.getByRole('dialog', { name: 'Add a person' });
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'witness');
    await user.type(within(dialog).getByLabelText('Name'), 'Tom Becker');
    await user.selectOptions(within(dialog).getByLabelText('Relationship to the victim'), 'neighbour');
    await user.click(within(dialog).getByRole('button', { name: 'Add identifier' }));
    await user.selectOptions(document.getElementById('person-ident-kind-0')!, 'address');
    await user.type(document.getElementById('person-ident-value-0')!, '15 Larch Close');
    await user.click(within(dialog).getByLabelText('Confidential'));
    // Once ticked, the value is hidden on screen too.
    expect(document.getElementById('person-ident-value-0')).toHaveAttribute('type', 'password');
    await user.click(within(dialog).getByRole('button', { name: 'Add person' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(m.savePerson).toHaveBeenCalledWith('2024-0173', null, {
      role: 'witness',
      name: 'Tom Becker',
      relationship: 'neighbour',
      notes: '',
      identifiers: [{ kind: 'address', value: '15 Larch Close', label: '', confidential: true }],
    });
  });
});
