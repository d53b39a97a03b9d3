import { act, fireEvent, render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { emptyFilter } from '../../lib/timeline';
import { pagedIncidents, tx } from '../../test/fixtures';
import { IncidentList, ROW_HEIGHT } from '../IncidentList';

const m = vi.mocked(commands);

function Harness({ onSelect, onOpen }: { onSelect?: (id: string) => void; onOpen?: (id: string) => void }) {
  const [selected, setSelected] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  return (
    <>
      <p id="total">{total ?? 'loading'}</p>
      <p id="selected">{selected ?? 'none'}</p>
      <IncidentList
        number="2024-0173"
        filter={emptyFilter()}
        version={0}
        tx={tx}
        selectedId={selected}
        onSelect={(id) => {
          setSelected(id);
          onSelect?.(id);
        }}
        onOpen={onOpen ?? vi.fn()}
        onTotal={setTotal}
        onError={vi.fn()}
        explain={(e) => String(e)}
      />
    </>
  );
}

const list = () => document.getElementById('incident-list')!;
const options = () => list().querySelectorAll('[role="option"]');

describe('IncidentList', () => {
  it('keeps only a window of rows in the DOM for 10,000 incidents and fetches pages as it scrolls', async () => {
    m.listIncidents.mockImplementation(pagedIncidents(10_000));
    render(<Harness />);
    await waitFor(() => expect(document.getElementById('total')).toHaveTextContent('10000'));
    await waitFor(() => expect(list().querySelector('[data-incident-id="inc-0"]')).not.toBeNull());

    expect(m.listIncidents).toHaveBeenCalledWith('2024-0173', emptyFilter(), 0, 200);
    expect(options().length).toBeGreaterThan(5);
    expect(options().length).toBeLessThan(200);
    expect(list().querySelectorAll('*').length).toBeLessThan(1500);
    // The scroll height stands for every incident.
    const spacer = list().firstElementChild as HTMLElement;
    expect(spacer.style.height).toBe(`${10_000 * ROW_HEIGHT}px`);
    // Only the first page was asked for.
    expect(m.listIncidents).toHaveBeenCalledTimes(1);

    // Scroll to the middle: the rows there are fetched (page 25 = offset 5000) and rendered.
    act(() => {
      list().scrollTop = 5000 * ROW_HEIGHT;
      fireEvent.scroll(list());
    });
    await waitFor(() => expect(list().querySelector('[data-incident-id="inc-5000"]')).not.toBeNull());
    expect(m.listIncidents).toHaveBeenCalledWith('2024-0173', emptyFilter(), 5000, 200);
    expect(list().querySelector('[data-incident-id="inc-0"]')).toBeNull();
    expect(options().length).toBeLessThan(200);
    const row = list().querySelector<HTMLElement>('[data-incident-id="inc-5000"]')!;
    expect(row.style.top).toBe(`${5000 * ROW_HEIGHT}px`);
    expect(row).toHaveAttribute('aria-posinset', '5001');
    expect(row).toHaveAttribute('aria-setsize', '10000');
  });

  it('moves the selection with the keyboard and tells the listbox which row is active', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    m.listIncidents.mockImplementation(pagedIncidents(10_000));
    render(<Harness onOpen={onOpen} />);
    await waitFor(() => expect(list().querySelector('[data-incident-id="inc-0"]')).not.toBeNull());

    list().focus();
    await user.keyboard('{ArrowDown}');
    expect(document.getElementById('selected')).toHaveTextContent('inc-0');
    expect(list()).toHaveAttribute('aria-activedescendant', 'incident-option-0');
    expect(document.getElementById('incident-option-0')).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.getElementById('selected')).toHaveTextContent('inc-2');
    expect(list()).toHaveAttribute('aria-activedescendant', 'incident-option-2');

    await user.keyboard('{ArrowUp}');
    expect(document.getElementById('selected')).toHaveTextContent('inc-1');

    // Page Down moves by a screenful (600px fallback viewport = 10 rows, minus one).
    await user.keyboard('{PageDown}');
    expect(document.getElementById('selected')).toHaveTextContent('inc-10');

    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith('inc-10');

    // End: the last row is on a page not loaded yet; it is fetched, then selected.
    await user.keyboard('{End}');
    await waitFor(() => expect(document.getElementById('selected')).toHaveTextContent('inc-9999'));
    expect(m.listIncidents).toHaveBeenCalledWith('2024-0173', emptyFilter(), 9800, 200);
    expect(list()).toHaveAttribute('aria-activedescendant', 'incident-option-9999');
    expect(options().length).toBeLessThan(200);

    await user.keyboard('{Home}');
    await waitFor(() => expect(document.getElementById('selected')).toHaveTextContent('inc-0'));
  });

  it('selects a clicked row', async () => {
    const user = userEvent.setup();
    m.listIncidents.mockImplementation(pagedIncidents(30));
    render(<Harness />);
    await waitFor(() => expect(list().querySelector('[data-incident-id="inc-3"]')).not.toBeNull());
    await user.click(list().querySelector('[data-incident-id="inc-3"]')!);
    expect(document.getElementById('selected')).toHaveTextContent('inc-3');
    const row = list().querySelector('[data-incident-id="inc-3"]')!;
    expect(row).toHaveTextContent('Incident 3 display');
    expect(row).toHaveTextContent('Unwanted calls');
    expect(row).toHaveTextContent('Daniel Reyes');
  });
});
