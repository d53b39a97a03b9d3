import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { emptyFilter } from '../../lib/timeline';
import { incident, pagedIncidents, people, taxonomy } from '../../test/fixtures';
import { CaseView } from '../CaseView';

const m = vi.mocked(commands);
const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const detail: commands.CaseDetail = {
  header: {
    caseId: 'c1',
    number: '2024-0173',
    title: 'Harassment of M. Okafor',
    openedOn: '2024-02-14',
    assignedInvestigator: 'Dana Whitfield',
    agencyReports: [],
    status: 'active',
    createdAt: '2024-02-14T09:00:00Z',
    updatedAt: '2024-03-01T09:00:00Z',
  },
  readOnly: false,
  handover: null,
  auditEvents: 58,
  lastActivity: '2024-03-01T09:00:00Z',
  fileName: '2024-0173.vigil',
};

const histogram: commands.Histogram = {
  bucket: 'week',
  preferredKept: true,
  bars: [{ start: '2026-01-05', end: '2026-01-11', counts: { surveillance: 2, lifeInvasion: 1 }, total: 3, marks: [] }],
  total: 3,
  max: 3,
  markTotal: 0,
  groupTotals: { surveillance: 2, lifeInvasion: 1 },
};

describe('CaseView', () => {
  beforeEach(() => {
    m.getTaxonomy.mockResolvedValue(taxonomy);
    m.listPeople.mockResolvedValue(people);
    m.listTags.mockResolvedValue(['night']);
    m.incidentHistogram.mockResolvedValue(histogram);
    m.listIncidents.mockImplementation(pagedIncidents(3));
    m.getIncident.mockImplementation(async (_n, id) => incident(id));
  });

  it('has Overview, Protocol, Timeline, People, Risk, Management, Evidence and Packet tabs, switched with the arrow keys and Alt+1…8', async () => {
    const user = userEvent.setup();
    render(<CaseView detail={detail} onEdit={vi.fn()} onHandover={vi.fn()} />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Overview', 'Protocol', 'Timeline', 'People', 'Risk', 'Management', 'Evidence', 'Packet']);
    expect(document.querySelector('[data-tab="evidence"]')).toBe(byId('tab-evidence'));
    expect(document.querySelector('[data-tab="packet"]')).toBe(byId('tab-packet'));
    expect(byId('tab-overview')).toHaveAttribute('aria-selected', 'true');
    expect(byId('case-heading')).toBeVisible();
    await waitFor(() => expect(byId('summary-incidents')).toHaveTextContent('3'));

    await user.keyboard('{Alt>}3{/Alt}');
    expect(byId('tab-timeline')).toHaveAttribute('aria-selected', 'true');
    expect(byId('tab-timeline')).toHaveFocus();
    expect(byId('panel-overview')).not.toBeVisible();
    await waitFor(() => expect(byId('incident-count')).toHaveTextContent('3 incidents'));
    expect(m.incidentHistogram).toHaveBeenCalledWith('2024-0173', emptyFilter(), 'week');

    await user.keyboard('{ArrowRight}');
    expect(byId('tab-people')).toHaveAttribute('aria-selected', 'true');
    expect(byId('tab-people')).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'People' })).toHaveTextContent('Daniel Reyes');

    await user.keyboard('{Home}');
    expect(byId('tab-overview')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Alt>}4{/Alt}');
    expect(byId('tab-people')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{End}');
    expect(byId('tab-packet')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowLeft}');
    expect(byId('tab-evidence')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Alt>}8{/Alt}');
    expect(byId('tab-packet')).toHaveAttribute('aria-selected', 'true');
    expect(byId('tab-packet')).toHaveFocus();
    await user.keyboard('{Alt>}7{/Alt}');
    expect(byId('tab-evidence')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Alt>}2{/Alt}');
    expect(byId('tab-protocol')).toHaveAttribute('aria-selected', 'true');
  });

  it('opens "Add evidence" on the Evidence tab with the files dropped on the window', async () => {
    let drop: ((files: commands.PendingFile[]) => void) | null = null;
    m.onFilesDropped.mockImplementation((cb) => {
      drop = cb;
      return () => {};
    });
    m.onEvidenceProgress.mockReturnValue(() => {});
    m.listExhibits.mockResolvedValue([]);
    render(<CaseView detail={detail} onEdit={vi.fn()} onHandover={vi.fn()} />);
    await waitFor(() => expect(drop).not.toBeNull());
    act(() => drop?.([{ name: 'voicemail.m4a', size: 48_044 }]));
    const dialog = await screen.findByRole('dialog', { name: 'Add evidence' });
    expect(within(dialog).getByRole('list', { name: 'Files to add' })).toHaveTextContent('voicemail.m4a');
    expect(byId('tab-evidence')).toHaveAttribute('aria-selected', 'true');
    // The shell is not asked again: the drop said what it holds.
    expect(m.pendingEvidenceFiles).not.toHaveBeenCalled();
  });

  it('offers to add or import the first incidents of an empty case; N opens the form', async () => {
    const user = userEvent.setup();
    m.listIncidents.mockResolvedValue({ total: 0, rows: [] });
    m.incidentHistogram.mockResolvedValue({ ...histogram, bars: [], total: 0, max: 0, groupTotals: {} });
    render(<CaseView detail={detail} onEdit={vi.fn()} onHandover={vi.fn()} initialTab="timeline" />);
    const empty = await waitFor(() => {
      const el = byId('timeline-empty');
      expect(el).not.toBeNull();
      return el;
    });
    expect(empty).toHaveTextContent('No incidents yet');
    expect(within(empty).getByRole('button', { name: 'Add incident (N)' })).toBeInTheDocument();
    expect(within(empty).getByRole('button', { name: "Import a victim's log…" })).toBeInTheDocument();

    // N in a text field types an N; elsewhere it adds an incident.
    fireEvent.keyDown(byId('filter-text'), { key: 'n', code: 'KeyN' });
    expect(byId('incident-dialog')).toBeNull();
    await user.keyboard('n');
    expect(screen.getByRole('dialog', { name: 'Add incidents' })).toBeInTheDocument();
    expect(byId('incident-when')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(byId('incident-dialog')).toBeNull();

    await user.keyboard('{Control>}{Shift>}N{/Shift}{/Control}');
    expect(byId('incident-dialog')).not.toBeNull();
  });

  it('re-queries list and chart when filters change, and explains when nothing matches', async () => {
    const user = userEvent.setup();
    render(<CaseView detail={detail} onEdit={vi.fn()} onHandover={vi.fn()} initialTab="timeline" />);
    await waitFor(() => expect(byId('incident-count')).toHaveTextContent('3 incidents'));
    await waitFor(() => expect(document.querySelector('[data-group-chip="surveillance"]')).not.toBeNull());

    const chip = document.querySelector<HTMLButtonElement>('[data-group-chip="surveillance"]')!;
    expect(chip).toHaveAttribute('aria-pressed', 'false');
    expect(chip).toHaveTextContent('Surveillance');
    await user.click(chip);
    expect(chip).toHaveAttribute('aria-pressed', 'true');
    const bySurveillance = { ...emptyFilter(), groups: ['surveillance'] };
    await waitFor(() => expect(m.listIncidents).toHaveBeenCalledWith('2024-0173', bySurveillance, 0, 200));
    expect(m.incidentHistogram).toHaveBeenCalledWith('2024-0173', bySurveillance, 'week');

    m.listIncidents.mockResolvedValue({ total: 0, rows: [] });
    await user.type(byId('filter-text'), 'tyres');
    const withText = { ...bySurveillance, text: 'tyres' };
    await waitFor(() => expect(m.listIncidents).toHaveBeenCalledWith('2024-0173', withText, 0, 200));
    expect(m.incidentHistogram).toHaveBeenCalledWith('2024-0173', withText, 'week');
    // Typing is debounced: no query for the partial words.
    expect(m.listIncidents).not.toHaveBeenCalledWith('2024-0173', { ...bySurveillance, text: 'ty' }, 0, 200);

    const none = await waitFor(() => {
      const el = byId('timeline-no-match');
      expect(el).not.toBeNull();
      return el;
    });
    expect(none).toHaveTextContent('No incidents match these filters');
    expect(byId('incident-count')).toHaveTextContent('0 incidents match');
    m.listIncidents.mockImplementation(pagedIncidents(3));
    await user.click(within(none).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(byId('incident-count')).toHaveTextContent('3 incidents'));
    expect(byId<HTMLInputElement>('filter-text').value).toBe('');
    expect(chip).toHaveAttribute('aria-pressed', 'false');
  });

  it('shows the selected incident in full beside the list, and deletes it after confirmation', async () => {
    const user = userEvent.setup();
    m.deleteIncident.mockResolvedValue(undefined);
    render(<CaseView detail={detail} onEdit={vi.fn()} onHandover={vi.fn()} initialTab="timeline" />);
    await waitFor(() => expect(document.querySelector('[data-incident-id="inc-1"]')).not.toBeNull());
    await user.click(document.querySelector('#incident-list [data-incident-id="inc-1"]')!);

    const pane = byId('incident-detail');
    await waitFor(() => expect(pane).toHaveAttribute('data-incident-id', 'inc-1'));
    expect(pane).toHaveTextContent('Threats to the victim');
    expect(pane).toHaveTextContent('Sat 14 Mar 2026, 21:30');
    expect(pane.querySelector('.quote-suspect blockquote')).toHaveTextContent('I can see your light.');
    expect(pane).toHaveTextContent('Daniel Reyes (Phone records)');
    expect(pane).toHaveTextContent('Not reported');
    expect(m.getIncident).toHaveBeenCalledWith('2024-0173', 'inc-1');

    const calls = m.listIncidents.mock.calls.length;
    await user.click(byId('incident-delete'));
    const dialog = screen.getByRole('dialog', { name: 'Delete this incident?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete incident' }));
    await waitFor(() => expect(m.deleteIncident).toHaveBeenCalledWith('2024-0173', 'inc-1'));
    await waitFor(() => expect(m.listIncidents.mock.calls.length).toBeGreaterThan(calls));
    expect(byId('incident-detail')).toHaveTextContent('Select an incident');
  });

  it('exports and shows where the file went with its SHA-256', async () => {
    const user = userEvent.setup();
    m.exportIncidents.mockResolvedValue({ path: '/home/dana/2024-0173.csv', rows: 3, sha256: 'cd'.repeat(32) });
    render(<CaseView detail={detail} onEdit={vi.fn()} onHandover={vi.fn()} initialTab="timeline" />);
    await waitFor(() => expect(byId('incident-count')).toHaveTextContent('3 incidents'));
    await user.click(byId('export-button'));
    await user.click(screen.getByRole('menuitem', { name: 'Export as CSV…' }));
    await waitFor(() => expect(byId('timeline-notice')).toHaveTextContent('/home/dana/2024-0173.csv'));
    expect(m.exportIncidents).toHaveBeenCalledWith('2024-0173', 'csv');
    expect(byId('timeline-notice')).toHaveTextContent('cd'.repeat(32));
    expect(byId('timeline-notice')).toHaveTextContent('3 incidents');
  });

  it('offers no editing in a review copy', async () => {
    render(<CaseView detail={{ ...detail, readOnly: true }} onEdit={vi.fn()} onHandover={vi.fn()} initialTab="timeline" />);
    await waitFor(() => expect(byId('incident-count')).toHaveTextContent('3 incidents'));
    expect(byId('add-incident-button')).toBeNull();
    expect(byId('import-button')).toBeNull();
    fireEvent.keyDown(document.body, { key: 'n', code: 'KeyN' });
    expect(byId('incident-dialog')).toBeNull();
  });
});
