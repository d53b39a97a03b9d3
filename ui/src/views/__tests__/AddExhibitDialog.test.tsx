import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { deferred } from '../../test/commandsMock';
import { CASE, screenshot, voicemail } from '../../test/evidenceFixtures';
import { people, tx } from '../../test/fixtures';
import { AddExhibitDialog } from '../AddExhibitDialog';

const m = vi.mocked(commands);
const explain = (e: unknown) => (e as { message: string }).message;

let progress: ((e: commands.IngestEvent) => void) | null = null;
let dropped: ((files: commands.PendingFile[]) => void) | null = null;

function renderDialog(props: Partial<Parameters<typeof AddExhibitDialog>[0]> = {}) {
  const onAdded = vi.fn();
  const onClose = vi.fn();
  const onChanged = vi.fn();
  render(
    <AddExhibitDialog
      number={CASE}
      people={people}
      tx={tx}
      explain={explain}
      onAdded={onAdded}
      onClose={onClose}
      onChanged={onChanged}
      {...props}
    />,
  );
  return { onAdded, onClose, onChanged, dialog: screen.getByRole('dialog', { name: props.derivedFrom ? `Make a copy of ${props.derivedFrom.number}` : 'Add evidence' }) };
}

const addButton = () => document.querySelector<HTMLButtonElement>('[data-action="add-exhibits"]')!;

describe('AddExhibitDialog', () => {
  beforeEach(() => {
    progress = null;
    dropped = null;
    m.onEvidenceProgress.mockImplementation((cb) => {
      progress = cb;
      return () => {
        progress = null;
      };
    });
    m.onFilesDropped.mockImplementation((cb) => {
      dropped = cb;
      return () => {
        dropped = null;
      };
    });
    m.pendingEvidenceFiles.mockResolvedValue([]);
    m.clearEvidenceFiles.mockResolvedValue(undefined);
    m.listLegal.mockResolvedValue([]);
  });

  it('shows a progress bar while the files are taken in, and cancels', async () => {
    const user = userEvent.setup();
    const { dialog, onAdded } = renderDialog();
    expect(within(dialog).getByText(/No files chosen/)).toBeInTheDocument();

    m.pickEvidenceFiles.mockResolvedValue([
      { name: 'IMG_1.PNG', size: 4_000_000 },
      { name: 'IMG_2.PNG', size: 6_000_000 },
    ]);
    await user.click(dialog.querySelector<HTMLButtonElement>('[data-action="choose-files"]')!);
    const files = await within(dialog).findByRole('list', { name: 'Files to add' });
    expect(within(files).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['IMG_1.PNG3.8 MB', 'IMG_2.PNG5.7 MB']);

    await user.type(within(dialog).getByLabelText('Description'), 'Screenshots of messages');
    const run = deferred<commands.AddExhibitsResult>();
    m.addExhibits.mockReturnValue(run.promise);
    await user.click(addButton());
    expect(addButton()).toHaveTextContent('Adding…');
    expect(m.addExhibits).toHaveBeenCalledWith(
      CASE,
      expect.objectContaining({
        description: 'Screenshots of messages',
        kind: 'screenshot',
        physical: false,
        derivedFrom: null,
        checklist: { senderVisible: null, timeVisible: null, originalKept: null, device: '' },
      }),
    );

    const bar = within(dialog).getByRole('progressbar', { name: 'Adding the files' });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    act(() => progress?.({ index: 2, count: 2, file: 'IMG_2.PNG', done: 3_000_000, total: 6_000_000 }));
    // 4 MB of the first file and 3 MB of the second: 70 % of the batch.
    expect(bar).toHaveAttribute('aria-valuenow', '70');
    expect(bar).toHaveAttribute('aria-valuetext', 'File 2 of 2, 70%');
    const box = document.getElementById('ingest-progress')!;
    expect(box).toHaveTextContent('File 2 of 2: IMG_2.PNG');
    expect(box).toHaveTextContent('70% · 6.7 MB of 9.5 MB');
    // While it runs the dialog cannot be closed.
    expect(within(dialog).getByRole('button', { name: 'Close dialog' })).toBeDisabled();

    m.cancelIngest.mockResolvedValue(undefined);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(m.cancelIngest).toHaveBeenCalledTimes(1);
    expect(within(dialog).getByRole('button', { name: 'Cancelling…' })).toBeDisabled();

    await act(async () => run.resolve({ added: [], cancelled: true }));
    await waitFor(() => expect(document.getElementById('exhibit-notice')).toHaveTextContent('Cancelled. Nothing was added'));
    expect(within(dialog).queryByRole('progressbar')).toBeNull();
    expect(within(dialog).getByText(/No files chosen/)).toBeInTheDocument();
    expect(onAdded).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog', { name: 'Add evidence' })).toBeInTheDocument();
  });

  it('adds the chosen file with its checklist and hands the new exhibit back', async () => {
    const user = userEvent.setup();
    m.pendingEvidenceFiles.mockResolvedValue([{ name: 'chat.txt', size: 38_211 }]);
    const { dialog, onAdded } = renderDialog();
    await within(dialog).findByText('chat.txt');
    await user.selectOptions(within(dialog).getByLabelText('Kind'), 'messageExport');
    await user.type(within(dialog).getByLabelText('Description'), 'WhatsApp chat export');
    const checklist = within(dialog).getByRole('group', { name: 'Capture checklist' });
    await user.click(within(within(checklist).getByRole('group', { name: "Sender's number or handle visible" })).getByRole('radio', { name: 'Yes' }));
    await user.click(within(within(checklist).getByRole('group', { name: 'Unedited original kept' })).getByRole('radio', { name: 'No' }));
    await user.type(within(checklist).getByLabelText('Device'), "Victim's iPhone");
    await user.click(within(dialog).getByRole('checkbox', { name: /Daniel Reyes/ }));

    const result = { added: [voicemail], cancelled: false };
    m.addExhibits.mockResolvedValue(result);
    await user.click(addButton());
    await waitFor(() => expect(onAdded).toHaveBeenCalledWith(result));
    expect(m.addExhibits).toHaveBeenCalledWith(
      CASE,
      expect.objectContaining({
        kind: 'messageExport',
        description: 'WhatsApp chat export',
        personIds: ['p-suspect'],
        checklist: { senderVisible: true, timeVisible: null, originalKept: false, device: "Victim's iPhone" },
      }),
    );
  });

  it("keeps the dialog open with the core's message when adding fails", async () => {
    const user = userEvent.setup();
    m.pendingEvidenceFiles.mockResolvedValueOnce([{ name: 'video.mp4', size: 900_000_000 }]);
    const { dialog, onAdded, onChanged, onClose } = renderDialog();
    await within(dialog).findByText('video.mp4');
    await user.type(within(dialog).getByLabelText('Description'), 'Doorbell camera video');
    m.addExhibits.mockRejectedValue({ kind: 'storageFull', message: 'The disk is full. Free some space and try again.' });
    await user.click(addButton());
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The disk is full. Free some space and try again.');
    expect(onAdded).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(onChanged).toHaveBeenCalled();
    expect(addButton()).toBeEnabled();
    expect(addButton()).toHaveTextContent('Add');
  });

  it('asks the capture checklist only for screenshots, message exports and call logs', async () => {
    const user = userEvent.setup();
    const { dialog } = renderDialog();
    const kind = within(dialog).getByLabelText('Kind');
    const options = within(kind)
      .getAllByRole('option')
      .map((o) => (o as HTMLOptionElement).value);
    expect(options).not.toContain('derived');
    const asked: string[] = [];
    for (const value of options) {
      await user.selectOptions(kind, value);
      if (within(dialog).queryByRole('group', { name: 'Capture checklist' })) asked.push(value);
    }
    expect(asked).toEqual(['screenshot', 'messageExport', 'callLog']);
  });

  it('records a physical item with where it is stored, and a provider return with its legal process', async () => {
    const user = userEvent.setup();
    m.listLegal.mockResolvedValue([
      {
        id: 'l1',
        input: { kind: 'warrant', provider: 'Northshire Mobile', reference: 'NP-W-118', sentOn: '2026-03-01', expiresOn: null, returnedOn: null, status: 'returned', notes: '' },
      },
    ]);
    const { dialog } = renderDialog();
    expect(within(dialog).queryByLabelText('Stored at')).toBeNull();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Physical item (no file)' }));
    expect(dialog.querySelector('[data-action="choose-files"]')).toBeNull();
    expect(within(dialog).getByLabelText('Kind')).toHaveValue('physicalItem');
    await user.type(within(dialog).getByLabelText('Stored at'), 'Locker 14');

    await user.selectOptions(within(dialog).getByLabelText('Source'), 'providerReturn');
    const legal = within(dialog).getByLabelText('Legal process');
    await waitFor(() => expect(within(legal).getAllByRole('option')).toHaveLength(2));
    expect(within(legal).getAllByRole('option')[1]).toHaveTextContent('Warrant to Northshire Mobile');
    await user.selectOptions(legal, 'l1');
    await user.type(within(dialog).getByLabelText('Description'), 'Phone handed over');
    m.addExhibits.mockResolvedValue({ added: [], cancelled: false });
    await user.click(addButton());
    expect(m.addExhibits).toHaveBeenCalledWith(
      CASE,
      expect.objectContaining({ physical: true, storedAt: 'Locker 14', source: 'providerReturn', legalId: 'l1', kind: 'physicalItem' }),
    );
    // A physical item has no files to take in: no progress bar.
    expect(within(dialog).queryByRole('progressbar')).toBeNull();
  });

  it('makes a derived copy: the kind is fixed and "What was done" is asked', async () => {
    const user = userEvent.setup();
    m.pendingEvidenceFiles.mockResolvedValue([{ name: 'redacted.png', size: 1000 }]);
    const { dialog } = renderDialog({ derivedFrom: screenshot });
    expect(dialog).toHaveTextContent(`Made from ${screenshot.number}`);
    expect(within(dialog).getByLabelText('Kind')).toBeDisabled();
    expect(within(dialog).getByLabelText('Kind')).toHaveValue('derived');
    expect(within(dialog).queryByRole('checkbox', { name: 'Physical item (no file)' })).toBeNull();
    const what = within(dialog).getByLabelText('What was done');
    expect(what).toHaveAttribute('aria-required', 'true');
    await user.type(within(dialog).getByLabelText('Description'), 'Redacted screenshot');
    await user.type(what, "Victim's address redacted");
    m.addExhibits.mockResolvedValue({ added: [], cancelled: false });
    await user.click(addButton());
    expect(m.addExhibits).toHaveBeenCalledWith(
      CASE,
      expect.objectContaining({ kind: 'derived', derivedFrom: 'x1', derivation: "Victim's address redacted", incidentIds: ['inc-1'] }),
    );
  });

  it('takes files dropped while it is open, and forgets unadded files when closed', async () => {
    const user = userEvent.setup();
    const { dialog, onClose } = renderDialog();
    await waitFor(() => expect(dropped).not.toBeNull());
    act(() => dropped?.([{ name: 'dropped.jpg', size: 2048 }]));
    expect(within(dialog).getByText('dropped.jpg')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalled();
    await waitFor(() => expect(m.clearEvidenceFiles).toHaveBeenCalled());
  });
});
