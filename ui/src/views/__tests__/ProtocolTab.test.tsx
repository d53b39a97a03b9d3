import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { exhibitInput, rows as exhibitRows, voicemail } from '../../test/evidenceFixtures';
import { incident, people, tx } from '../../test/fixtures';
import { ProtocolTab } from '../ProtocolTab';

const m = vi.mocked(commands);
const NUMBER = '2024-0173';

type Item = commands.ProtocolItem;
const item = (id: string, kind: Item['kind'], text: string, more: Partial<Item> = {}): Item => ({
  id,
  kind,
  text,
  help: '',
  requirement: 'required',
  options: [],
  role: null,
  record: null,
  ...more,
});

const protocol: commands.Protocol = {
  id: 'vigil-stalking',
  version: 1,
  label: 'Stalking response protocol',
  description: '',
  stages: [
    {
      id: 'firstContact',
      label: 'First contact',
      summary: '',
      steps: [
        {
          id: 'immediateSafety',
          label: 'Immediate safety',
          requirement: 'required',
          guidance: 'Find out whether the victim is in danger now.',
          why: 'Safety comes before any question about the case.',
          items: [
            item('victimSafeNow', 'yesNo', 'Is the victim safe right now?'),
            item('victimLocationNow', 'text', 'Where is the victim now?'),
            item('howOften', 'choice', 'How often?', { options: ['Daily', 'Weekly', 'Less often'], requirement: 'recommended' }),
            item('changes', 'checklist', 'What has the victim changed?', { options: ['Moved', 'New number'], requirement: 'optional' }),
            item('firstNoticed', 'date', 'When did it start?', { requirement: 'optional' }),
            item('callCount', 'number', 'How many calls?', { requirement: 'optional' }),
          ],
        },
        {
          id: 'records',
          label: 'People and records',
          requirement: 'recommended',
          guidance: 'Link the people and incidents.',
          why: 'They prove the pattern.',
          items: [
            item('victimPerson', 'person', 'Victim', { role: 'victim', requirement: 'recommended' }),
            item('earlierIncidents', 'incidents', 'Record each incident described', { requirement: 'recommended' }),
            item('screening', 'action', 'Complete the risk screening', { record: 'riskAssessment' }),
            item('evidenceKept', 'action', 'Record the evidence items', { record: 'evidence', requirement: 'optional' }),
          ],
        },
      ],
    },
    {
      id: 'detective',
      label: 'Detective follow-up',
      summary: '',
      steps: [
        {
          id: 'warning',
          label: 'Warning to the suspect',
          requirement: 'required',
          guidance: 'Decide on a warning.',
          why: 'A warning proves knowledge.',
          items: [item('warned', 'yesNo', 'Was the suspect warned?')],
        },
      ],
    },
  ],
};

function omission(stageId: string, stepId: string, stepLabel: string, itemId: string, text: string, requirement: 'required' | 'recommended'): commands.Omission {
  return { stageId, stepId, stepLabel, itemId, text, requirement };
}

function statusWith(omissions: commands.Omission[], extra: Partial<commands.ProtocolStatus> = {}): commands.ProtocolStatus {
  const req = (s: string) => omissions.filter((o) => o.stageId === s && o.requirement === 'required').length;
  const rec = (s: string) => omissions.filter((o) => o.stageId === s && o.requirement === 'recommended').length;
  return {
    protocolId: 'vigil-stalking',
    version: 1,
    newerVersion: null,
    answered: 0,
    total: 11,
    stages: [
      { stageId: 'firstContact', label: 'First contact', answered: 0, total: 10, requiredOpen: req('firstContact'), recommendedOpen: rec('firstContact') },
      { stageId: 'detective', label: 'Detective follow-up', answered: 0, total: 1, requiredOpen: req('detective'), recommendedOpen: rec('detective') },
    ],
    omissions,
    nextStep: omissions[0]?.stepId ?? null,
    orphaned: [],
    ...extra,
  };
}

const allOpen = [
  omission('firstContact', 'immediateSafety', 'Immediate safety', 'victimSafeNow', 'Is the victim safe right now?', 'required'),
  omission('firstContact', 'immediateSafety', 'Immediate safety', 'victimLocationNow', 'Where is the victim now?', 'required'),
  omission('firstContact', 'immediateSafety', 'Immediate safety', 'howOften', 'How often?', 'recommended'),
  omission('firstContact', 'records', 'People and records', 'victimPerson', 'Victim', 'recommended'),
  omission('firstContact', 'records', 'People and records', 'earlierIncidents', 'Record each incident described', 'recommended'),
  omission('firstContact', 'records', 'People and records', 'screening', 'Complete the risk screening', 'required'),
  omission('detective', 'warning', 'Warning to the suspect', 'warned', 'Was the suspect warned?', 'required'),
];

const view = (answers: commands.Answer[] = [], status = statusWith(allOpen)): commands.ProtocolView => ({ protocol, answers, status });

const stored = (itemId: string, a: commands.AnswerInput): commands.Answer => ({
  itemId,
  version: 1,
  ...a,
  answeredAt: '2026-03-01T10:00:00Z',
  answeredBy: 'Dana Whitfield',
});

function renderTab(props: Partial<Parameters<typeof ProtocolTab>[0]> = {}) {
  return render(
    <ProtocolTab
      number={NUMBER}
      readOnly={false}
      active
      tx={tx}
      people={people}
      onPeopleChanged={vi.fn()}
      onIncidentSaved={vi.fn()}
      onRecordsChanged={vi.fn()}
      explain={(e) => (e as { message: string }).message}
      {...props}
    />,
  );
}

const stepShown = () => document.querySelector('[data-step-id]')?.getAttribute('data-step-id');
const countEl = () => document.getElementById('omissions-count')!;

describe('ProtocolTab', () => {
  beforeEach(() => {
    m.getProtocol.mockResolvedValue(view());
    m.answerItem.mockImplementation(async (_n, itemId, a) => view([stored(itemId, a)]));
    m.listOrders.mockResolvedValue([]);
    m.listLegal.mockResolvedValue([]);
    m.listPlan.mockResolvedValue([]);
    m.riskHistory.mockResolvedValue({ assessments: [], changes: [] });
  });

  it('opens on the suggested step and renders each item by its kind', async () => {
    const user = userEvent.setup();
    m.getProtocol.mockResolvedValue(view([], statusWith(allOpen.slice(3))));
    renderTab();
    // status.nextStep is "records": the wizard opens there, not on step 1.
    await waitFor(() => expect(stepShown()).toBe('records'));
    expect(document.getElementById('wizard-position')).toHaveTextContent('Step 2 of 3');
    const step = document.querySelector<HTMLElement>('[data-step-id="records"]')!;
    expect(within(step).getByRole('heading', { name: 'People and records' })).toBeInTheDocument();
    expect(step).toHaveTextContent('Recommended');
    expect(step).toHaveTextContent('Why it matters');
    // person: a select of the case's people with that role, and "Add victim…".
    const personItem = document.querySelector<HTMLElement>('[data-item-id="victimPerson"]')!;
    const select = within(personItem).getByRole('combobox');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Link a victim in the case…', 'Miriam Okafor', 'Daniel Reyes (suspect)', 'Priya Shah (witness)']);
    expect(within(personItem).getByRole('button', { name: 'Add victim…' })).toBeInTheDocument();
    // incidents: add or link; action: by the record it creates; evidence: the register's exhibits to tick.
    const incidentsItem = document.querySelector<HTMLElement>('[data-item-id="earlierIncidents"]')!;
    expect(within(incidentsItem).getByRole('button', { name: 'Add incident…' })).toBeInTheDocument();
    expect(within(incidentsItem).getByRole('button', { name: 'Link existing…' })).toBeInTheDocument();
    expect(within(document.querySelector<HTMLElement>('[data-item-id="screening"]')!).getByRole('button', { name: 'Start risk assessment…' })).toBeInTheDocument();
    const evidenceItem = document.querySelector<HTMLElement>('[data-item-id="evidenceKept"]')!;
    expect(within(evidenceItem).queryByRole('checkbox', { name: 'Done' })).toBeNull();
    expect(within(evidenceItem).getByRole('button', { name: 'Add evidence…' })).toBeInTheDocument();

    await user.click(document.getElementById('wizard-back')!);
    expect(stepShown()).toBe('immediateSafety');
    expect(document.getElementById('wizard-step-title')).toHaveFocus();
    for (const v of ['yes', 'no', 'unknown']) expect(document.querySelector(`input[type="radio"][name="victimSafeNow"][value="${v}"]`)).not.toBeNull();
    expect(screen.getByRole('group', { name: /Is the victim safe right now\?/ })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Where is the victim now\?/ }).tagName).toBe('TEXTAREA');
    expect(within(screen.getByRole('group', { name: /How often\?/ })).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual([
      'Daily',
      'Weekly',
      'Less often',
    ]);
    expect(screen.getByRole('checkbox', { name: 'New number' })).toBeInTheDocument();
    expect(document.querySelector('[data-item-id="firstNoticed"] input[type="date"]')).not.toBeNull();
    expect(document.querySelector('[data-item-id="callCount"] input[type="number"]')).not.toBeNull();
  });

  it('saves a yes/no at once, with a "Saved" note, and takes the new status', async () => {
    const user = userEvent.setup();
    m.answerItem.mockResolvedValue(view([stored('victimSafeNow', { value: 'yes', values: [], note: '' })], statusWith(allOpen.slice(1))));
    renderTab();
    await waitFor(() => expect(stepShown()).toBe('immediateSafety'));
    expect(countEl()).toHaveAttribute('data-required', '4');

    await user.click(document.querySelector<HTMLInputElement>('input[name="victimSafeNow"][value="yes"]')!);
    expect(m.answerItem).toHaveBeenCalledTimes(1);
    expect(m.answerItem).toHaveBeenCalledWith(NUMBER, 'victimSafeNow', { value: 'yes', values: [], note: '' });
    const saved = document.querySelector('[data-item-id="victimSafeNow"] .item-save')!;
    expect(saved).toHaveAttribute('aria-live', 'polite');
    await waitFor(() => expect(saved).toHaveTextContent('Saved'));
    await waitFor(() => expect(countEl()).toHaveAttribute('data-required', '3'));
  });

  it('saves typed text once typing pauses, not on every key', async () => {
    const user = userEvent.setup();
    renderTab();
    await waitFor(() => expect(stepShown()).toBe('immediateSafety'));
    await user.type(screen.getByRole('textbox', { name: /Where is the victim now\?/ }), 'At work');
    expect(m.answerItem).not.toHaveBeenCalled();
    await waitFor(() => expect(m.answerItem).toHaveBeenCalledTimes(1), { timeout: 2000 });
    expect(m.answerItem).toHaveBeenCalledWith(NUMBER, 'victimLocationNow', { value: 'At work', values: [], note: '' });
  });

  it('shows a save error inline, next to the item', async () => {
    const user = userEvent.setup();
    m.answerItem.mockRejectedValue({ kind: 'validation', message: 'answer: answer yes, no or unknown' });
    renderTab();
    await waitFor(() => expect(stepShown()).toBe('immediateSafety'));
    await user.click(document.querySelector<HTMLInputElement>('input[name="victimSafeNow"][value="no"]')!);
    const item = document.querySelector<HTMLElement>('[data-item-id="victimSafeNow"]')!;
    await waitFor(() => expect(within(item).getByRole('alert')).toHaveTextContent('Not saved: answer: answer yes, no or unknown'));
  });

  it('counts open items from the status, grouped by stage, and jumps to one when it is picked', async () => {
    const user = userEvent.setup();
    renderTab();
    await waitFor(() => expect(stepShown()).toBe('immediateSafety'));
    const panel = document.getElementById('omissions-panel')!;
    expect(countEl()).toHaveAttribute('data-required', '4');
    expect(countEl()).toHaveAttribute('data-recommended', '3');
    expect(countEl()).toHaveTextContent('4 required, 3 recommended open');
    expect(within(panel).getByRole('heading', { name: /Detective follow-up/ })).toBeInTheDocument();

    await user.click(panel.querySelector<HTMLButtonElement>('[data-omission-item="warned"]')!);
    expect(stepShown()).toBe('warning');
    expect(document.querySelector('input[name="warned"][value="yes"]')).toHaveFocus();
    expect(document.getElementById('wizard-position')).toHaveTextContent('Step 3 of 3');
    expect(document.querySelector('[data-stage-id="detective"]')).toHaveAttribute('aria-expanded', 'true');
    expect(document.querySelector('[data-nav-step="warning"]')).toHaveAttribute('aria-current', 'step');

    await user.click(panel.querySelector<HTMLButtonElement>('[data-omission-item="screening"]')!);
    expect(stepShown()).toBe('records');
    expect(within(document.querySelector<HTMLElement>('[data-item-id="screening"]')!).getByRole('button', { name: 'Start risk assessment…' })).toHaveFocus();
  });

  it('moves with Next, Back, Alt+arrows and Page Down, and from the stage list', async () => {
    const user = userEvent.setup();
    renderTab();
    await waitFor(() => expect(stepShown()).toBe('immediateSafety'));
    expect(document.getElementById('wizard-back')).toBeDisabled();
    await user.click(document.getElementById('wizard-next')!);
    expect(stepShown()).toBe('records');
    fireEvent.keyDown(window, { key: 'ArrowRight', altKey: true });
    expect(stepShown()).toBe('warning');
    expect(document.getElementById('wizard-next')).toBeDisabled();
    fireEvent.keyDown(window, { key: 'ArrowLeft', altKey: true });
    expect(stepShown()).toBe('records');
    fireEvent.keyDown(document.body, { key: 'PageUp' });
    expect(stepShown()).toBe('immediateSafety');
    // Page Down inside a text field is left to the field.
    fireEvent.keyDown(screen.getByRole('textbox', { name: /Where is the victim now\?/ }), { key: 'PageDown' });
    expect(stepShown()).toBe('immediateSafety');

    await user.click(document.querySelector<HTMLButtonElement>('[data-stage-id="detective"]')!);
    expect(stepShown()).toBe('warning');
    const stageButton = document.querySelector<HTMLButtonElement>('[data-stage-id="firstContact"]')!;
    expect(stageButton).toHaveTextContent('3 required open, 3 recommended');
    await user.click(stageButton);
    await user.click(document.querySelector<HTMLButtonElement>('[data-nav-step="records"]')!);
    expect(stepShown()).toBe('records');
  });

  it('links a person and keeps a note', async () => {
    const user = userEvent.setup();
    renderTab();
    await waitFor(() => expect(stepShown()).toBe('immediateSafety'));
    await user.click(document.getElementById('wizard-next')!);

    const personItem = document.querySelector<HTMLElement>('[data-item-id="victimPerson"]')!;
    await user.selectOptions(within(personItem).getByRole('combobox'), 'p-victim');
    expect(m.answerItem).toHaveBeenLastCalledWith(NUMBER, 'victimPerson', { value: '', values: ['p-victim'], note: '' });
    expect(personItem).toHaveTextContent('Miriam Okafor (victim)');

    await user.click(within(personItem).getByRole('button', { name: 'Add a note' }));
    const note = within(personItem).getByRole('textbox', { name: 'Note' });
    expect(note).toHaveFocus();
    await user.type(note, 'Confirmed by phone');
    await waitFor(
      () => expect(m.answerItem).toHaveBeenLastCalledWith(NUMBER, 'victimPerson', { value: '', values: ['p-victim'], note: 'Confirmed by phone' }),
      { timeout: 2000 },
    );
  });

  it('adds an incident from the item and links the saved incident', async () => {
    const user = userEvent.setup();
    const saved = incident('inc-new');
    m.addIncident.mockResolvedValue(saved);
    m.parseWhen.mockResolvedValue({ when: saved.occurred, problem: null });
    const onIncidentSaved = vi.fn();
    renderTab({ onIncidentSaved });
    await waitFor(() => expect(stepShown()).toBe('immediateSafety'));
    await user.click(document.getElementById('wizard-next')!);
    const incidentsItem = document.querySelector<HTMLElement>('[data-item-id="earlierIncidents"]')!;
    await user.click(within(incidentsItem).getByRole('button', { name: 'Add incident…' }));
    const dialog = screen.getByRole('dialog', { name: 'Add incidents' });
    await user.type(within(dialog).getByLabelText(/When did it happen\?/), '3/14/2026 9:30pm');
    await user.selectOptions(within(dialog).getByLabelText(/Category/), 'threats');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(m.answerItem).toHaveBeenCalledWith(NUMBER, 'earlierIncidents', { value: '', values: ['inc-new'], note: '' }));
    expect(onIncidentSaved).toHaveBeenCalledWith(saved);
    expect(incidentsItem).toHaveTextContent('Sat 14 Mar 2026, 21:30 · Threats to the victim');
  });

  it('links exhibits of the register to an evidence item, and adds new evidence from it', async () => {
    const user = userEvent.setup();
    m.listExhibits.mockResolvedValue(exhibitRows);
    m.getProtocol.mockResolvedValue(view([stored('evidenceKept', { value: '', values: ['x1'], note: '' })]));
    const onEvidenceChanged = vi.fn();
    renderTab({ onEvidenceChanged });
    await waitFor(() => expect(stepShown()).toBe('immediateSafety'));
    await user.click(document.getElementById('wizard-next')!);
    const item = document.querySelector<HTMLElement>('[data-item-id="evidenceKept"]')!;
    await waitFor(() => expect(item).toHaveTextContent('1 exhibit linked'));
    const boxes = within(item).getAllByRole('checkbox');
    expect(boxes.map((b) => b.getAttribute('data-exhibit-number'))).toEqual(exhibitRows.map((r) => r.number));
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([true, false, false]);
    expect(within(item).queryByRole('checkbox', { name: 'Done' })).toBeNull();

    await user.click(within(item).getByRole('checkbox', { name: /E003/ }));
    expect(m.answerItem).toHaveBeenLastCalledWith(NUMBER, 'evidenceKept', { value: '', values: ['x1', 'x3'], note: '' });
    expect(item).toHaveTextContent('2 exhibits linked');
    await user.click(within(item).getByRole('checkbox', { name: /E001/ }));
    expect(m.answerItem).toHaveBeenLastCalledWith(NUMBER, 'evidenceKept', { value: '', values: ['x3'], note: '' });
    expect(item).toHaveTextContent('1 exhibit linked');

    // "Add evidence…" opens the add dialog; what it adds is linked.
    m.pendingEvidenceFiles.mockResolvedValue([]);
    m.onEvidenceProgress.mockReturnValue(() => {});
    m.onFilesDropped.mockReturnValue(() => {});
    const added: commands.Exhibit = { ...voicemail, id: 'x9', number: '2024-0173-E009', input: exhibitInput({ description: 'Letter', kind: 'physicalItem', physical: true }) };
    m.addExhibits.mockResolvedValue({ added: [added], cancelled: false });
    await user.click(within(item).getByRole('button', { name: 'Add evidence…' }));
    const dialog = screen.getByRole('dialog', { name: 'Add evidence' });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Physical item (no file)' }));
    await user.type(within(dialog).getByLabelText('Description'), 'Letter');
    await user.click(dialog.querySelector<HTMLButtonElement>('[data-action="add-exhibits"]')!);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(m.answerItem).toHaveBeenLastCalledWith(NUMBER, 'evidenceKept', { value: '', values: ['x3', 'x9'], note: '' });
    expect(onEvidenceChanged).toHaveBeenCalled();
    await waitFor(() => expect(item).toHaveTextContent('2 exhibits linked'));
    expect(within(item).getByRole('checkbox', { name: /E009/ })).toBeChecked();
  });

  it('puts the id of a risk assessment started from an action into the answer', async () => {
    const user = userEvent.setup();
    const catalog: commands.RiskCatalog = {
      id: 'vigil-risk',
      version: 1,
      label: 'Risk',
      factors: [{ id: 'threats', group: 'conduct', label: 'Threats to the victim', description: '' }],
      typologies: [],
    };
    const created: commands.RiskAssessment = {
      id: 'risk-1',
      assessor: 'Dana',
      input: { assessedOn: '2026-03-01', level: 'high', reasons: 'Threats', typology: null, factors: [], instruments: [], nextReview: null },
      nextReview: '2026-03-08',
      createdAt: '2026-03-01T10:00:00Z',
    };
    m.getRiskCatalog.mockResolvedValue(catalog);
    m.addRiskAssessment.mockResolvedValue({ assessments: [created], changes: [] });
    const onRecordsChanged = vi.fn();
    renderTab({ onRecordsChanged });
    await waitFor(() => expect(stepShown()).toBe('immediateSafety'));
    await user.click(document.getElementById('wizard-next')!);
    await user.click(screen.getByRole('button', { name: 'Start risk assessment…' }));
    const dialog = await screen.findByRole('dialog', { name: 'New risk assessment' });
    await waitFor(() => expect(within(dialog).getByRole('radio', { name: 'High' })).toBeInTheDocument());
    await user.click(within(dialog).getByRole('radio', { name: 'High' }));
    await user.type(within(dialog).getByLabelText(/Reasons for this level/), 'Threats');
    await user.click(within(dialog).getByRole('button', { name: 'Save assessment' }));
    await waitFor(() => expect(m.answerItem).toHaveBeenCalledWith(NUMBER, 'screening', { value: '', values: ['risk-1'], note: '' }));
    expect(onRecordsChanged).toHaveBeenCalledWith('risk');
    expect(document.querySelector('[data-item-id="screening"]')).toHaveTextContent('Risk assessment of');
  });

  it('offers a newer version, explains that answers are kept, and lists orphaned answers', async () => {
    const user = userEvent.setup();
    const orphan = stored('dangerMarkers', { value: 'Prior DV call', values: [], note: '' });
    m.getProtocol.mockResolvedValue(view([], statusWith(allOpen, { newerVersion: 2 })));
    m.upgradeProtocol.mockResolvedValue({ ...view([orphan], statusWith(allOpen, { version: 2, orphaned: [orphan] })), protocol: { ...protocol, version: 2 } });
    renderTab();
    const banner = await waitFor(() => {
      const el = document.getElementById('protocol-upgrade-banner');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(banner).toHaveTextContent('Version 2 of this protocol is available');
    await user.click(within(banner).getByRole('button', { name: 'Move this case to version 2' }));
    const dialog = screen.getByRole('dialog', { name: 'Move this case to version 2?' });
    expect(dialog).toHaveTextContent('Every answer already given is kept');
    expect(m.upgradeProtocol).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Move to version 2' }));
    expect(m.upgradeProtocol).toHaveBeenCalledWith(NUMBER);
    await waitFor(() => expect(document.getElementById('protocol-upgrade-banner')).toBeNull());
    const orphaned = document.getElementById('orphaned-answers')!;
    expect(orphaned).toHaveTextContent('Answers to items this version no longer has (1)');
    expect(orphaned).toHaveTextContent('Prior DV call');
  });

  it('flushes typed text when leaving the step before the pause', async () => {
    const user = userEvent.setup();
    renderTab();
    await waitFor(() => expect(stepShown()).toBe('immediateSafety'));
    await user.type(screen.getByRole('textbox', { name: /Where is the victim now\?/ }), 'Home');
    await act(async () => {
      fireEvent.keyDown(window, { key: 'ArrowRight', altKey: true });
    });
    expect(stepShown()).toBe('records');
    expect(m.answerItem).toHaveBeenCalledWith(NUMBER, 'victimLocationNow', { value: 'Home', values: [], note: '' });
  });

  it('shows answers read-only in a review copy', async () => {
    m.getProtocol.mockResolvedValue(view([stored('victimSafeNow', { value: 'no', values: [], note: 'Checked' })]));
    renderTab({ readOnly: true });
    await waitFor(() => expect(stepShown()).toBe('immediateSafety'));
    const radio = document.querySelector<HTMLInputElement>('input[name="victimSafeNow"][value="no"]')!;
    expect(radio).toBeChecked();
    expect(radio).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue('Checked');
    expect(screen.queryByRole('button', { name: 'Add a note' })).toBeNull();
  });
});
