import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { CASE, exhibits, rows, screenshot, SHA_SCREENSHOT, SHA_SEEN_BAD, tracker, voicemail } from '../../test/evidenceFixtures';
import { incident, people, tx } from '../../test/fixtures';
import { EvidenceTab } from '../EvidenceTab';

const m = vi.mocked(commands);

function renderTab(props: Partial<Parameters<typeof EvidenceTab>[0]> = {}) {
  const onAdd = vi.fn();
  const onDerive = vi.fn();
  const onChanged = vi.fn();
  render(
    <EvidenceTab
      number={CASE}
      readOnly={false}
      people={people}
      tx={tx}
      version={0}
      focusExhibit={null}
      notice={null}
      onDismissNotice={vi.fn()}
      onAdd={onAdd}
      onDerive={onDerive}
      onChanged={onChanged}
      explain={(e) => (e as { message: string }).message}
      {...props}
    />,
  );
  return { onAdd, onDerive, onChanged };
}

const row = (number: string) => document.querySelector<HTMLTableRowElement>(`tr[data-exhibit-number="${number}"]`)!;
const detailTitle = () => document.getElementById('exhibit-detail-title');

describe('EvidenceTab', () => {
  beforeEach(() => {
    m.listExhibits.mockResolvedValue(rows);
    m.getExhibit.mockImplementation(async (_n, key) => exhibits.find((e) => e.id === key || e.number === key)!);
    m.getIncident.mockImplementation(async (_n, id) => incident(id));
    m.listLegal.mockResolvedValue([]);
  });

  it('explains an empty register and offers to add evidence', async () => {
    const user = userEvent.setup();
    m.listExhibits.mockResolvedValue([]);
    const { onAdd } = renderTab();
    const empty = await screen.findByRole('heading', { name: 'No evidence recorded yet' });
    expect(empty.parentElement).toHaveTextContent('SHA-256');
    expect(document.getElementById('exhibit-count')).toHaveTextContent('0 exhibits');
    const add = screen.getByRole('button', { name: 'Add evidence…' });
    expect(add).toHaveAttribute('data-action', 'add-evidence');
    await user.click(add);
    expect(onAdd).toHaveBeenCalledTimes(1);
    expect(m.listExhibits).toHaveBeenCalledWith(CASE, null);
  });

  it('lists the register by exhibit number with kind, size or "physical", counts and a gaps badge', async () => {
    renderTab();
    await waitFor(() => expect(row(screenshot.number)).not.toBeNull());
    expect(document.getElementById('exhibit-count')).toHaveTextContent('3 exhibits');
    const cells = (r: HTMLTableRowElement) => Array.from(r.cells).map((c) => c.textContent);
    expect(cells(row(screenshot.number))).toEqual([
      screenshot.number,
      'Screenshot',
      'Screenshot of text messages from +44 7700 9004563 gaps',
      'Tue 10 Mar 2026, 14:20',
      '1.4 MB',
      '1',
      '3',
    ]);
    expect(cells(row(voicemail.number))[1]).toBe('Audio recording');
    expect(cells(row(voicemail.number))[4]).toBe('47 KB');
    expect(within(row(voicemail.number)).queryByText(/gap/)).toBeNull();
    expect(cells(row(tracker.number))[4]).toBe('physical');
    expect(cells(row(tracker.number))[6]).toBe('2');
  });

  it('moves through the register with the arrow keys and shows the selected exhibit', async () => {
    const user = userEvent.setup();
    renderTab();
    // The first exhibit is selected to start with.
    await waitFor(() => expect(detailTitle()).toHaveTextContent(screenshot.number));
    expect(row(screenshot.number)).toHaveAttribute('aria-selected', 'true');
    expect(row(screenshot.number)).toHaveAttribute('tabindex', '0');
    expect(row(voicemail.number)).toHaveAttribute('tabindex', '-1');

    row(screenshot.number).focus();
    await user.keyboard('{ArrowDown}');
    expect(row(voicemail.number)).toHaveFocus();
    expect(row(voicemail.number)).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(detailTitle()).toHaveTextContent(voicemail.number));
    expect(within(screen.getByTestId('exhibit-preview')).getByLabelText('Play voicemail.m4a').tagName).toBe('AUDIO');

    await user.keyboard('{End}');
    expect(row(tracker.number)).toHaveFocus();
    await waitFor(() => expect(detailTitle()).toHaveTextContent(tracker.number));
    expect(screen.queryByTestId('exhibit-preview')).toBeNull();
    expect(document.getElementById('exhibit-detail')).toHaveTextContent('Physical item, stored at Property store, locker 14.');

    // Enter goes to the details.
    await user.keyboard('{Enter}');
    expect(detailTitle()).toHaveFocus();
  });

  it('shows the full SHA-256, the preview, the gaps and the chain of custody with its hash checks', async () => {
    const user = userEvent.setup();
    renderTab();
    await waitFor(() => expect(detailTitle()).toHaveTextContent(screenshot.number));
    const detail = document.getElementById('exhibit-detail')!;

    const hash = screen.getByTestId('exhibit-sha256');
    expect(hash.textContent).toBe(SHA_SCREENSHOT);
    expect(detail).toHaveTextContent('IMG_2041.PNG');
    expect(detail).toHaveTextContent('image/png');
    await user.click(screen.getByRole('button', { name: 'Copy SHA-256' }));
    await waitFor(() => expect(detail).toHaveTextContent('Copied.'));
    expect(await navigator.clipboard.readText()).toBe(SHA_SCREENSHOT);

    const img = within(screen.getByTestId('exhibit-preview')).getByRole('img', { name: 'Preview of IMG_2041.PNG' });
    expect(img.getAttribute('src')).toBe(`vexhibit://localhost/${encodeURIComponent(`${CASE}/x1`)}`);

    const gaps = document.getElementById('exhibit-gaps')!;
    expect(gaps).toHaveTextContent('Capture checklist: 3 gaps');
    expect(gaps).toHaveTextContent('Date and time not confirmed visible');

    const list = screen.getByTestId('custody-list');
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Intake');
    expect(items[1]).toHaveTextContent('Checked out');
    expect(items[1]).toHaveTextContent('Evidence store → to PC Adeyemi');
    expect(items[1]).toHaveTextContent('Transcription');
    expect(within(items[1]!).getByText('hash matched')).toBeInTheDocument();
    expect(within(items[2]!).getByText('HASH MISMATCH')).toBeInTheDocument();
    expect(items[2]).toHaveTextContent(SHA_SEEN_BAD);
    expect(within(items[0]!).queryByText(/hash/i)).toBeNull();

    // The linked incident is described by its time and category.
    await waitFor(() => expect(document.getElementById('exhibit-incidents')).toHaveTextContent('Sat 14 Mar 2026, 21:30 · Threats to the victim'));
  });

  it("records a custody event, showing the core's message when it is refused", async () => {
    const user = userEvent.setup();
    const { onChanged } = renderTab();
    await waitFor(() => expect(detailTitle()).toHaveTextContent(screenshot.number));
    await user.click(document.querySelector<HTMLButtonElement>('[data-action="record-custody"]')!);
    const dialog = screen.getByRole('dialog', { name: `Record custody event: ${screenshot.number}` });
    const kind = within(dialog).getByLabelText('Event');
    expect(within(kind).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Transfer',
      'Checked out',
      'Checked in',
      'Lab submission',
      'Returned to owner',
      'Destruction',
    ]);
    const corrects = within(dialog).getByLabelText('Corrects');
    expect(within(corrects).getAllByRole('option')).toHaveLength(4);

    m.recordCustody.mockRejectedValueOnce({ kind: 'validation', message: 'purpose: say why it was transferred' });
    await user.type(within(dialog).getByLabelText('To'), 'Sgt. Kaur');
    await user.click(within(dialog).getByRole('button', { name: 'Record event' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('purpose: say why it was transferred');
    expect(m.recordCustody).toHaveBeenLastCalledWith(CASE, 'x1', {
      kind: 'transfer',
      at: '',
      tz: expect.anything(),
      byWhom: '',
      from: '',
      to: 'Sgt. Kaur',
      place: '',
      purpose: '',
      authority: '',
      corrects: null,
      note: '',
    });
    expect(onChanged).not.toHaveBeenCalled();

    const saved = {
      ...screenshot,
      custody: [...screenshot.custody, { ...screenshot.custody[0]!, id: 'c4', seq: 4, kind: 'transfer' as const, to: 'Sgt. Kaur', purpose: 'Case review', hashCheck: 'matched' as const }],
    };
    m.recordCustody.mockResolvedValueOnce(saved);
    m.getExhibit.mockResolvedValue(saved);
    await user.type(within(dialog).getByLabelText('Purpose'), 'Case review');
    await user.click(dialog.querySelector<HTMLButtonElement>('[data-action="save-custody"]')!);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onChanged).toHaveBeenCalled();
    const items = within(screen.getByTestId('custody-list')).getAllByRole('listitem');
    expect(items).toHaveLength(4);
    expect(items[3]).toHaveTextContent('Transfer');
    expect(items[3]).toHaveTextContent('Case review');
  });

  it('exports the original and says the copy is unencrypted', async () => {
    const user = userEvent.setup();
    m.exportExhibit.mockResolvedValue({ number: screenshot.number, path: '/home/dana/Exports/IMG_2041.PNG', sha256: SHA_SCREENSHOT, size: 1_482_113 });
    renderTab();
    await waitFor(() => expect(detailTitle()).toHaveTextContent(screenshot.number));
    expect(document.getElementById('exhibit-export-hint')).toHaveTextContent('not encrypted');
    await user.click(screen.getAllByRole('button', { name: 'Export original…' })[0]!);
    const done = await waitFor(() => {
      const el = document.getElementById('exhibit-exported');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(m.exportExhibit).toHaveBeenCalledWith(CASE, 'x1');
    expect(done).toHaveTextContent('/home/dana/Exports/IMG_2041.PNG');
    expect(done).toHaveTextContent(SHA_SCREENSHOT);
    expect(done).toHaveTextContent('This copy is not encrypted.');
  });

  it('deletes only with a reason, and explains why an exhibit with custody cannot be deleted', async () => {
    const user = userEvent.setup();
    const { onChanged } = renderTab();
    await waitFor(() => expect(detailTitle()).toHaveTextContent(screenshot.number));
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    let dialog = screen.getByRole('dialog', { name: `${screenshot.number} cannot be deleted` });
    expect(dialog).toHaveTextContent('Custody events were recorded after it was taken in');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(m.deleteExhibit).not.toHaveBeenCalled();

    await user.click(row(voicemail.number));
    await waitFor(() => expect(detailTitle()).toHaveTextContent(voicemail.number));
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    dialog = screen.getByRole('dialog', { name: `Delete ${voicemail.number}?` });
    m.deleteExhibit.mockRejectedValueOnce({ kind: 'validation', message: 'reason: say why the exhibit is removed' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete exhibit' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('reason: say why the exhibit is removed');

    m.deleteExhibit.mockResolvedValueOnce(undefined);
    await user.type(within(dialog).getByLabelText('Reason for deleting'), 'Added to the wrong case');
    await user.click(within(dialog).getByRole('button', { name: 'Delete exhibit' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(m.deleteExhibit).toHaveBeenLastCalledWith(CASE, 'x2', 'Added to the wrong case');
    expect(onChanged).toHaveBeenCalled();
  });

  it('selects the exhibit another view asks for', async () => {
    const { rerender } = render(<></>);
    rerender(
      <EvidenceTab
        number={CASE}
        readOnly
        people={people}
        tx={tx}
        version={0}
        focusExhibit={{ id: 'x3', seq: 1 }}
        notice={null}
        onDismissNotice={vi.fn()}
        onAdd={vi.fn()}
        onDerive={vi.fn()}
        onChanged={vi.fn()}
        explain={(e) => String(e)}
      />,
    );
    await waitFor(() => expect(detailTitle()).toHaveTextContent(tracker.number));
    await waitFor(() => expect(detailTitle()).toHaveFocus());
    // A review copy: nothing to change.
    expect(screen.queryByRole('button', { name: 'Record custody event…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add evidence…' })).toBeNull();
  });
});
