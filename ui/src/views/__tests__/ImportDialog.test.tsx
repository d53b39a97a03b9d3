import { render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import type { ImportPreview, ImportRowPreview } from '../../ipc/commands';
import { ImportDialog, PREVIEW_ROWS } from '../ImportDialog';

const m = vi.mocked(commands);
const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

function row(line: number, problems: string[] = []): ImportRowPreview {
  return {
    line,
    occurred: problems.length
      ? null
      : { from: '2026-01-06T19:45:00Z', to: null, precision: 'exact', tz: 'Europe/London', display: `Tue 6 Jan 2026, line ${line}` },
    description: `Description ${line}`,
    location: 'Home',
    problems,
  };
}

const columns: ImportPreview['columns'] = [
  { index: 0, header: 'Date', field: 'date' },
  { index: 1, header: 'Time', field: 'time' },
  { index: 2, header: 'What happened', field: 'description' },
  { index: 3, header: 'Notes', field: null },
];

const withProblem: ImportPreview = {
  fileName: 'pasted text',
  sha256: 'ab'.repeat(32),
  columns,
  rows: [row(2), row(3), row(4, ['There is no day 32 in January.'])],
  problemCount: 1,
};

const clean: ImportPreview = { ...withProblem, rows: [row(2), row(3), row(4)], problemCount: 0 };

describe('ImportDialog', () => {
  beforeEach(() => {
    m.importCancel.mockResolvedValue(undefined);
  });

  it('keeps Import disabled while a row has a problem, and shows the line numbers', async () => {
    const user = userEvent.setup();
    m.importFromText.mockResolvedValue(withProblem);
    m.importPreview.mockResolvedValue(clean);
    m.importCommit.mockResolvedValue({ imported: 3, sha256: 'ab'.repeat(32) });
    const onImported = vi.fn();
    render(<ImportDialog number="2024-0173" onClose={vi.fn()} onImported={onImported} explain={String} />);

    await user.type(byId('import-paste'), 'Date\tTime\tWhat happened\tNotes');
    await user.click(byId('import-paste-submit'));
    expect(m.importFromText).toHaveBeenCalledWith('Date\tTime\tWhat happened\tNotes', 'pasted text');

    await waitFor(() => expect(byId('import-summary')).toBeInTheDocument());
    expect(byId('import-summary')).toHaveTextContent(
      '2 rows ready, 1 problem — fix the file or the mapping; nothing is written until every row is fine.',
    );
    expect(byId('import-commit')).toBeDisabled();
    expect(byId('import-problems')).toHaveTextContent('line 4: There is no day 32 in January.');
    const bad = document.querySelector('tr[data-line="4"]')!;
    expect(bad).toHaveClass('row-problem');
    expect(bad).toHaveTextContent('There is no day 32 in January.');
    expect(document.querySelector('tr[data-line="2"]')).toHaveTextContent('Tue 6 Jan 2026, line 2');
    expect(document.body).toHaveTextContent('ab'.repeat(32));

    // The mapping is preselected from the backend's guess; changing it re-reads the file.
    expect(byId<HTMLSelectElement>('import-map-2').value).toBe('description');
    expect(byId<HTMLSelectElement>('import-map-3').value).toBe('');
    await user.selectOptions(byId('import-map-3'), 'location');
    await waitFor(() => expect(m.importPreview).toHaveBeenCalledWith(['date', 'time', 'description', 'location']));
    await waitFor(() => expect(byId('import-commit')).toBeEnabled());
    expect(byId('import-summary')).toHaveTextContent('3 rows ready to import.');
    expect(byId('import-problems')).toBeNull();

    await user.click(byId('import-commit'));
    await waitFor(() => expect(onImported).toHaveBeenCalledWith({ imported: 3, sha256: 'ab'.repeat(32) }));
    expect(m.importCommit).toHaveBeenCalledWith('2024-0173', ['date', 'time', 'description', 'location']);
  });

  it('shows the first rows and every problem row of a long file', async () => {
    const user = userEvent.setup();
    const rows = Array.from({ length: 10_000 }, (_, i) => row(i + 2, i === 9000 ? ['The date is empty.'] : []));
    m.importPickFile.mockResolvedValue({ ...withProblem, fileName: 'log.csv', rows, problemCount: 1 });
    render(<ImportDialog number="2024-0173" onClose={vi.fn()} onImported={vi.fn()} explain={String} />);
    await user.click(byId('import-choose'));
    await waitFor(() => expect(byId('import-summary')).toHaveTextContent('9,999 rows ready, 1 problem'));
    const shown = document.querySelectorAll('.import-rows tbody tr');
    expect(shown).toHaveLength(PREVIEW_ROWS + 1);
    expect(document.querySelector('tr[data-line="9002"]')).toHaveClass('row-problem');
    expect(byId('import-more-rows')).toHaveTextContent('…and 9,799 more rows.');
    expect(byId('import-problems')).toHaveTextContent('line 9002: The date is empty.');
  });

  it('forgets the pending file when going back or closing without importing', async () => {
    const user = userEvent.setup();
    m.importPickFile.mockResolvedValue(withProblem);
    const { unmount } = render(<ImportDialog number="2024-0173" onClose={vi.fn()} onImported={vi.fn()} explain={String} />);
    await user.click(byId('import-choose'));
    await waitFor(() => expect(byId('import-summary')).toBeInTheDocument());
    await user.click(document.querySelector<HTMLButtonElement>('.dialog-footer button')!); // Back
    expect(m.importCancel).toHaveBeenCalledTimes(1);
    expect(byId('import-choose')).toBeInTheDocument();

    await user.click(byId('import-choose'));
    await waitFor(() => expect(byId('import-summary')).toBeInTheDocument());
    unmount();
    expect(m.importCancel).toHaveBeenCalledTimes(2);
  });

  it('stays on the first step when the file dialog is cancelled', async () => {
    const user = userEvent.setup();
    m.importPickFile.mockResolvedValue(null);
    render(<ImportDialog number="2024-0173" onClose={vi.fn()} onImported={vi.fn()} explain={String} />);
    await user.click(byId('import-choose'));
    await waitFor(() => expect(byId('import-choose')).toBeEnabled());
    expect(byId('import-summary')).toBeNull();
  });
});
