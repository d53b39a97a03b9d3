import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);
// pdf.js needs a canvas; the preview is checked by the URL it is given.
vi.mock('../../components/PdfPreview', () => ({
  PDF_PREVIEW_PAGES: 3,
  PdfPreview: ({ url, restHint }: { url: string; restHint?: string }) => (
    <div data-testid="pdf-preview" data-url={url}>
      {restHint}
    </div>
  ),
}));

import * as commands from '../../ipc/commands';
import { deferred } from '../../test/commandsMock';
import { pagedIncidents, tx } from '../../test/fixtures';
import { rows as exhibitRows } from '../../test/evidenceFixtures';
import {
  CASE,
  californiaMatrix,
  emptyMatrix,
  FINGERPRINT,
  history,
  info,
  noStatuteGap,
  report,
  SHA_PACKET,
  signer,
  statutes,
  threatGap,
  warningGap,
} from '../../test/packetFixtures';
import { PacketTab } from '../PacketTab';

const m = vi.mocked(commands);
const explain = (e: unknown) => (e as { message: string }).message;

let progress: ((p: commands.PacketProgress) => void) | null = null;

function renderTab(props: Partial<Parameters<typeof PacketTab>[0]> = {}) {
  return render(<PacketTab number={CASE} readOnly={false} tx={tx} active recordsVersion={0} explain={explain} {...props} />);
}

const gapList = () => screen.getByTestId('gap-list');
const statuteBox = (name: RegExp) => within(screen.getByTestId('statute-choice')).getByRole('checkbox', { name });
const exportButton = () => document.querySelector<HTMLButtonElement>('[data-action="export-packet"]')!;
const previewButton = () => document.querySelector<HTMLButtonElement>('[data-action="preview-packet"]')!;
const matrixRow = (elementId: string) => document.querySelector<HTMLTableRowElement>(`tr[data-element-id="${elementId}"]`)!;

const ALL_SECTIONS = [
  'summary',
  'parties',
  'relationship',
  'chronology',
  'chart',
  'elements',
  'exhibits',
  'witnesses',
  'impact',
  'priorReports',
  'orders',
  'warnings',
  'legal',
  'risk',
  'recommendations',
  'photos',
];

describe('PacketTab', () => {
  beforeEach(() => {
    progress = null;
    m.onPacketProgress.mockImplementation((cb) => {
      progress = cb;
      return () => {
        progress = null;
      };
    });
    m.listStatutes.mockResolvedValue(statutes);
    m.elementsMatrix.mockResolvedValue(californiaMatrix);
    m.getPacketInfo.mockResolvedValue(info);
    m.packetHistory.mockResolvedValue(history);
    m.signingIdentity.mockResolvedValue(signer);
    m.listIncidents.mockImplementation(pagedIncidents(6));
    m.listExhibits.mockResolvedValue(exhibitRows);
  });

  it('charges the case under a statute and shows the gaps the core returns', async () => {
    const user = userEvent.setup();
    m.elementsMatrix.mockResolvedValue(emptyMatrix);
    renderTab();
    const ca = await waitFor(() => statuteBox(/California Penal Code/));
    // Labelled by the statute's label; the jurisdiction describes it.
    expect(ca).toHaveAccessibleName('California Penal Code § 646.9 — Stalking');
    expect(ca).toHaveAccessibleDescription(/California, United States/);
    expect(ca).not.toBeChecked();
    expect(statuteBox(/18 U\.S\.C/)).not.toBeChecked();
    expect(within(gapList()).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringContaining(noStatuteGap.message)]);
    expect(document.getElementById('packet-matrix-empty')).toHaveTextContent('No statute chosen yet');

    const save = deferred<commands.ElementsMatrix>();
    m.setCaseStatutes.mockReturnValue(save.promise);
    await user.click(ca);
    expect(m.setCaseStatutes).toHaveBeenCalledWith(CASE, ['us-ca-pc-646.9']);
    expect(ca).toBeChecked();
    await act(async () => save.resolve(californiaMatrix));

    const items = within(gapList()).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(threatGap.message);
    expect(items[1]).toHaveTextContent(warningGap.message);
    expect(document.getElementById('packet-gap-count')).toHaveTextContent('2 gaps, 1 serious');
    expect(document.getElementById('packet-matrix-empty')).toBeNull();
    expect(matrixRow('credibleThreat')).toBeInTheDocument();
  });

  it('puts serious gaps first and marks them apart from warnings', async () => {
    renderTab();
    await waitFor(() => expect(within(gapList()).getAllByRole('listitem')).toHaveLength(2));
    const [first, second] = within(gapList()).getAllByRole('listitem');
    expect(first).toHaveAttribute('data-level', 'serious');
    expect(first).toHaveClass('gap-serious');
    expect(first).toHaveTextContent(/^!Serious/);
    expect(second).toHaveAttribute('data-level', 'warning');
    expect(second).toHaveClass('gap-warning');
    expect(second).not.toHaveClass('gap-serious');
    expect(second).toHaveTextContent(/^iWarning/);

    // A gap about one element leads to its row.
    const user = userEvent.setup();
    await user.click(within(first!).getByRole('button', { name: /Show this element in the matrix/ }));
    expect(matrixRow('credibleThreat')).toHaveFocus();
  });

  it('shows each element with its support: NOT SUPPORTED, aggravators, and hand-made links apart from derived ones', async () => {
    renderTab();
    await waitFor(() => expect(matrixRow('harassOrFollow')).toBeInTheDocument());
    const conduct = matrixRow('harassOrFollow');
    const [incidents, exhibits] = Array.from(conduct.querySelectorAll('td'));
    expect(incidents).toHaveTextContent('6 incidents · 1 linked by hand');
    // The hand-made link first, then two found from the records, then the count of the rest.
    const shown = Array.from(incidents!.querySelectorAll('li'));
    expect(shown.map((li) => li.getAttribute('data-support-id'))).toEqual(['inc-2', 'inc-0', 'inc-1']);
    expect(within(shown[0]!).getByText('linked')).toHaveAttribute('title', 'Linked by hand');
    expect(within(shown[1]!).queryByText('linked')).toBeNull();
    expect(incidents).toHaveTextContent('and 3 more');
    expect(exhibits).toHaveTextContent(`2 exhibits · 1 linked by hand`);
    expect(within(conduct).queryByText('NOT SUPPORTED')).toBeNull();

    const threat = matrixRow('credibleThreat');
    expect(within(threat).getByText('NOT SUPPORTED')).toHaveClass('badge-unsupported');
    expect(within(threat).getAllByText('None')).toHaveLength(2);

    const order = matrixRow('orderInEffect');
    expect(within(order).getByText('Aggravator')).toBeInTheDocument();
    expect(order.previousElementSibling).toHaveTextContent('Aggravating factors');
  });

  it('links incidents and exhibits to an element kind, keeping each record’s other links', async () => {
    const user = userEvent.setup();
    renderTab();
    await waitFor(() => expect(matrixRow('credibleThreat')).toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Link incidents to “Credible threat”' }));
    let dialog = screen.getByRole('dialog', { name: 'Link incidents to “Credible threat”' });
    const boxes = await within(dialog).findAllByRole('checkbox');
    expect(boxes).toHaveLength(6);
    expect(boxes.every((b) => !(b as HTMLInputElement).checked)).toBe(true);
    await user.click(within(dialog).getByRole('checkbox', { name: /Incident 2 display/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /Incident 4 display/ }));
    const linkedMatrix = { ...californiaMatrix, gaps: [warningGap] };
    m.setElementLinks.mockResolvedValue(linkedMatrix);
    await user.click(within(dialog).getByRole('button', { name: 'Link 2 incidents' }));
    await waitFor(() => expect(m.setElementLinks).toHaveBeenCalledTimes(2));
    // inc-2 keeps its own links and gains "threat"; inc-4 had none.
    expect(m.setElementLinks).toHaveBeenNthCalledWith(1, CASE, 'incident', 'inc-2', ['courseOfConduct', 'fear', 'threat']);
    expect(m.setElementLinks).toHaveBeenNthCalledWith(2, CASE, 'incident', 'inc-4', ['threat']);
    await waitFor(() => expect(within(gapList()).getAllByRole('listitem')).toHaveLength(1));
    expect(document.querySelector('.matrix-status')).toHaveTextContent('2 incidents changed');

    // Unticking an exhibit linked by hand removes only that kind.
    m.setElementLinks.mockClear();
    await user.click(screen.getByRole('button', { name: 'Link exhibits to “Harassing course of conduct, or repeated following”' }));
    dialog = screen.getByRole('dialog', { name: 'Link exhibits to “Harassing course of conduct, or repeated following”' });
    const x2 = await within(dialog).findByRole('checkbox', { name: /2024-0173-E002/ });
    expect(x2).toBeChecked();
    await user.click(x2);
    await user.click(within(dialog).getByRole('button', { name: 'Link 0 exhibits' }));
    await waitFor(() => expect(m.setElementLinks).toHaveBeenCalledWith(CASE, 'exhibit', 'x2', []));
    expect(m.setElementLinks).toHaveBeenCalledTimes(1);
  });

  it('shows a progress bar while exporting, then the file, its pages and SHA-256', async () => {
    const user = userEvent.setup();
    renderTab();
    await waitFor(() => expect(exportButton()).toBeInTheDocument());
    await waitFor(() => expect(m.packetHistory).toHaveBeenCalledTimes(1));
    const run = deferred<commands.PacketReport | null>();
    m.exportPacket.mockReturnValue(run.promise);
    await user.click(screen.getByRole('radio', { name: /Defence discovery/ }));
    await user.click(exportButton());
    expect(m.exportPacket).toHaveBeenCalledWith(CASE, { profile: 'discovery', sections: [], statutes: [], paper: null });

    const bar = screen.getByRole('progressbar', { name: 'Making the packet' });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    act(() => progress?.({ stage: 'Drawing the pages', percent: 45 }));
    expect(bar).toHaveAttribute('aria-valuenow', '45');
    expect(bar).toHaveAttribute('aria-valuetext', 'Drawing the pages, 45%');
    expect(document.getElementById('packet-progress')).toHaveTextContent('Drawing the pages');
    // A second export cannot start meanwhile.
    await user.click(exportButton());
    expect(m.exportPacket).toHaveBeenCalledTimes(1);

    m.packetHistory.mockResolvedValue([{ at: '2026-03-22T10:00:00Z', by: 'Dana Whitfield', profile: 'discovery', pages: 24, file: 'x.pdf', sha256: SHA_PACKET }, ...history]);
    await act(async () => run.resolve(report));
    const result = screen.getByTestId('packet-result');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(result).toHaveTextContent(report.path);
    expect(result).toHaveTextContent('24');
    expect(within(result).getByTestId('packet-sha256').textContent).toBe(SHA_PACKET);
    expect(result).toHaveTextContent(/signed by CN=Dana Whitfield/);
    expect(result).toHaveTextContent('The integrity page lists what was withheld');
    await waitFor(() => expect(m.packetHistory).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(document.querySelectorAll('#packet-history-table tbody tr')).toHaveLength(3));
  });

  it('cancels a running preview through cancel_packet', async () => {
    const user = userEvent.setup();
    renderTab();
    await waitFor(() => expect(previewButton()).toBeInTheDocument());
    const run = deferred<number>();
    m.previewPacket.mockReturnValue(run.promise);
    m.cancelPacket.mockResolvedValue(undefined);
    await user.click(previewButton());
    expect(screen.getByRole('progressbar', { name: 'Making the preview' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(m.cancelPacket).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Cancelling…' })).toBeDisabled();
    await act(async () => run.reject({ kind: 'cancelled', message: 'Cancelled.' }));
    expect(document.getElementById('packet-notice')).toHaveTextContent('Preview cancelled.');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByTestId('pdf-preview')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when the save dialog is cancelled, and shows other failures', async () => {
    const user = userEvent.setup();
    renderTab();
    await waitFor(() => expect(exportButton()).toBeInTheDocument());
    m.exportPacket.mockResolvedValueOnce(null);
    await user.click(exportButton());
    await waitFor(() => expect(document.getElementById('packet-notice')).toHaveTextContent('Export cancelled: no file was written.'));
    expect(screen.queryByTestId('packet-result')).toBeNull();

    m.exportPacket.mockRejectedValueOnce({ kind: 'storageFull', message: 'The disk is full.' });
    await user.click(exportButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('The packet could not be made: The disk is full.');
  });

  it('puts the chosen copy, sections and paper into the options, and previews the same PDF from memory', async () => {
    const user = userEvent.setup();
    renderTab();
    await waitFor(() => expect(previewButton()).toBeInTheDocument());
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => [(r as HTMLInputElement).name, (r as HTMLInputElement).value])).toEqual([
      ['packet-profile', 'prosecutor'],
      ['packet-profile', 'discovery'],
      ['packet-profile', 'supervisor'],
      ['packet-profile', 'training'],
    ]);
    expect(screen.getByRole('radio', { name: /Prosecutor/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /Defence discovery/ })).toHaveAccessibleDescription(/confidential identifiers, addresses/);

    m.previewPacket.mockResolvedValue(23);
    await user.click(previewButton());
    expect(m.previewPacket).toHaveBeenLastCalledWith(CASE, { profile: 'prosecutor', sections: [], statutes: [], paper: null });
    const firstUrl = (await screen.findByTestId('pdf-preview')).getAttribute('data-url');
    expect(firstUrl).toMatch(/^vexhibit:\/\/localhost\/packet-preview\?v=\d+$/);
    expect(document.getElementById('packet-preview')).toHaveTextContent('Prosecutor copy, 23 pages.');
    expect(document.getElementById('packet-preview')).toHaveTextContent('same layout as the exported file');

    await user.click(screen.getByRole('radio', { name: /Training/ }));
    expect(document.getElementById('packet-preview')).toHaveTextContent('The options changed since');
    await user.click(screen.getByRole('checkbox', { name: 'Photo exhibits (full page)' }));
    await user.selectOptions(screen.getByLabelText('Paper'), 'a4');
    await user.click(previewButton());
    await waitFor(() =>
      expect(m.previewPacket).toHaveBeenLastCalledWith(CASE, {
        profile: 'training',
        sections: ALL_SECTIONS.filter((s) => s !== 'photos'),
        statutes: [],
        paper: 'a4',
      }),
    );
    // A new preview gets a new URL, so the web view does not show the old one.
    await waitFor(() => expect(screen.getByTestId('pdf-preview').getAttribute('data-url')).not.toBe(firstUrl));
    expect(document.getElementById('packet-preview')).not.toHaveTextContent('The options changed since');

    // With no section left there is nothing to make.
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    m.previewPacket.mockClear();
    await user.click(previewButton());
    expect(m.previewPacket).not.toHaveBeenCalled();
    expect(previewButton()).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText(/Choose at least one section/)).toBeInTheDocument();
  });

  it('saves the packet details and warns before export while they are unsaved', async () => {
    const user = userEvent.setup();
    renderTab();
    const charges = await screen.findByLabelText('Charges sought');
    expect(charges).toHaveValue(info.charges);
    await user.type(screen.getByLabelText('Victim-safety alert'), 'Do not disclose her address.');
    expect(document.querySelector('.packet-unsaved')).toHaveTextContent('unsaved changes');
    const saved = { ...info, safetyAlert: 'Do not disclose her address.' };
    m.savePacketInfo.mockResolvedValue(saved);
    await user.click(screen.getByRole('button', { name: 'Save details' }));
    expect(m.savePacketInfo).toHaveBeenCalledWith(CASE, saved);
    await waitFor(() => expect(document.getElementById('packet-info')).toHaveTextContent('Saved.'));
    expect(document.querySelector('.packet-unsaved')).toBeNull();
  });

  it('lists past exports and the signer with the fingerprint in groups of eight', async () => {
    renderTab();
    await waitFor(() => expect(document.querySelectorAll('#packet-history-table tbody tr')).toHaveLength(2));
    const cells = (i: number) => Array.from(document.querySelectorAll('#packet-history-table tbody tr')[i]!.querySelectorAll('td')).map((c) => c.textContent);
    expect(cells(0).slice(1)).toEqual(['Dana Whitfield (badge 4471)', 'Prosecutor', '23', `${CASE}-packet-prosecutor.pdf`, SHA_PACKET]);
    expect(cells(1)[2]).toBe('Defence discovery');
    expect(document.getElementById('packet-signer')).toHaveTextContent(signer.subject);
    expect(screen.getByTestId('signer-fingerprint').textContent).toBe(FINGERPRINT.match(/.{8}/g)!.join(' '));
  });

  it('explains an empty history', async () => {
    m.packetHistory.mockResolvedValue([]);
    renderTab();
    expect(await screen.findByText('No packet has been exported from this case yet.')).toBeInTheDocument();
  });

  it('keeps a review copy view-only but still lets it be exported', async () => {
    const user = userEvent.setup();
    renderTab({ readOnly: true });
    await waitFor(() => expect(matrixRow('harassOrFollow')).toBeInTheDocument());
    expect(document.getElementById('packet-read-only')).toHaveTextContent('review copy');
    expect(statuteBox(/California Penal Code/)).toBeDisabled();
    expect(screen.queryByRole('button', { name: /^Link incidents/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Link exhibits/ })).toBeNull();
    expect(screen.getByLabelText('Charges sought')).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: 'Save details' })).toBeNull();

    m.exportPacket.mockResolvedValue({ ...report, profile: 'prosecutor' });
    await user.click(exportButton());
    expect(await screen.findByTestId('packet-result')).toHaveTextContent(SHA_PACKET);
    expect(m.setCaseStatutes).not.toHaveBeenCalled();
    expect(m.savePacketInfo).not.toHaveBeenCalled();
  });

  it('reads the matrix again each time the tab is shown', async () => {
    const { rerender } = renderTab();
    await waitFor(() => expect(m.elementsMatrix).toHaveBeenCalledTimes(1));
    rerender(<PacketTab number={CASE} readOnly={false} tx={tx} active={false} recordsVersion={0} explain={explain} />);
    rerender(<PacketTab number={CASE} readOnly={false} tx={tx} active recordsVersion={0} explain={explain} />);
    await waitFor(() => expect(m.elementsMatrix).toHaveBeenCalledTimes(2));
    expect(m.elementsMatrix).toHaveBeenLastCalledWith(CASE);
  });
});
