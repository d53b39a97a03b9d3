import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { todayIsoDate } from '../../lib/format';
import { RiskTab } from '../RiskTab';

const m = vi.mocked(commands);
const NUMBER = '2024-0173';

const catalog: commands.RiskCatalog = {
  id: 'vigil-risk',
  version: 1,
  label: 'Vigil stalking risk factors',
  factors: [
    { id: 'priorIntimate', group: 'relationship', label: 'Former or current partner', description: 'Was in a relationship with the victim.' },
    { id: 'threats', group: 'conduct', label: 'Threats to the victim', description: 'Threatened harm.' },
    { id: 'weapons', group: 'suspect', label: 'Access to weapons', description: 'Has or can get weapons.' },
  ],
  typologies: [
    { id: 'rejected', label: 'Rejected', description: 'Pursues a former partner after the relationship ends.' },
    { id: 'resentful', label: 'Resentful', description: 'Feels wronged and sets out to frighten.' },
  ],
};

function assessment(id: string, assessedOn: string, level: commands.RiskLevel, ratings: Record<string, commands.Rating>): commands.RiskAssessment {
  return {
    id,
    assessor: 'Dana Whitfield',
    input: {
      assessedOn,
      level,
      reasons: `Reasons ${id}`,
      typology: 'rejected',
      factors: Object.entries(ratings).map(([factorId, rating]) => ({ factorId, rating, source: 'Victim', date: '' })),
      instruments: [],
      nextReview: null,
    },
    nextReview: '2026-03-09',
    createdAt: `${assessedOn}T10:00:00Z`,
  };
}

const latest = assessment('r2', '2026-03-02', 'high', { priorIntimate: 'present', threats: 'present', weapons: 'unknown' });
const earlier = assessment('r1', '2026-01-10', 'moderate', { priorIntimate: 'present', threats: 'partly', weapons: 'absent' });
const history: commands.RiskHistory = {
  assessments: [latest, earlier],
  changes: [
    { factorId: 'threats', from: 'partly', to: 'present' },
    { factorId: 'weapons', from: 'absent', to: 'unknown' },
  ],
};

function renderTab(onChanged = vi.fn()) {
  render(<RiskTab number={NUMBER} readOnly={false} version={0} onChanged={onChanged} explain={(e) => (e as { message: string }).message} />);
}

describe('RiskTab', () => {
  beforeEach(() => {
    m.getRiskCatalog.mockResolvedValue(catalog);
    m.riskHistory.mockResolvedValue(history);
  });

  it('shows the latest assessment, the trend, what changed and the history newest first', async () => {
    renderTab();
    const latestPanel = await waitFor(() => {
      const el = document.getElementById('risk-latest');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(latestPanel.querySelector('[data-level="high"]')).toHaveTextContent('High');
    expect(latestPanel).toHaveTextContent('Reasons r2');
    expect(latestPanel).toHaveTextContent('Rejected');
    expect(document.getElementById('risk-trend')).toHaveAccessibleName(/Judged risk level over time/);
    expect(document.querySelectorAll('#risk-trend circle')).toHaveLength(2);
    const changes = document.getElementById('risk-changes')!;
    expect(changes.querySelector('[data-factor-id="threats"]')).toHaveTextContent('Threats to the victimPartly → now Present');
    expect(changes.querySelector('[data-factor-id="weapons"]')).toHaveTextContent('Absent');
    expect(document.querySelector('#risk-factors tr[data-factor-id="threats"]')).toHaveTextContent('Present');
    const rows = [...document.querySelectorAll('#risk-history > li')].map((li) => li.getAttribute('data-assessment-id'));
    expect(rows).toEqual(['r2', 'r1']);
    expect(screen.getByText(/Vigil computes no score/)).toBeInTheDocument();
  });

  it('requires reasons and a judged level, then sends every factor rating', async () => {
    const user = userEvent.setup();
    const onChanged = vi.fn();
    const created = { ...assessment('r3', todayIsoDate(), 'imminent', {}), createdAt: '2099-01-01T00:00:00Z' };
    m.addRiskAssessment.mockResolvedValue({ assessments: [created, latest, earlier], changes: [] });
    renderTab(onChanged);
    await waitFor(() => expect(document.getElementById('risk-new')).toBeEnabled());
    await user.click(document.getElementById('risk-new')!);
    const form = document.getElementById('risk-form')!;
    expect(form).toHaveTextContent('No score is computed');
    expect(document.getElementById('risk-date')).toHaveValue(todayIsoDate());
    // Every factor starts Unknown, in a fieldset of four choices.
    const threats = within(form.querySelector<HTMLElement>('[data-factor-id="threats"]')!);
    expect(threats.getByRole('group', { name: 'Threats to the victim' })).toBeInTheDocument();
    expect(threats.getByRole('radio', { name: 'Unknown' })).toBeChecked();
    expect(threats.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['present', 'partly', 'absent', 'unknown']);

    await user.click(threats.getByRole('radio', { name: 'Present' }));
    await user.type(threats.getByRole('textbox', { name: /Source for/ }), 'Voicemail');
    await user.click(within(form.querySelector<HTMLElement>('[data-factor-id="weapons"]')!).getByRole('radio', { name: 'Partly' }));
    await user.selectOptions(document.getElementById('risk-typology')!, 'resentful');
    expect(document.getElementById('risk-typology-description')).toHaveTextContent('Feels wronged and sets out to frighten.');

    // No level, no reasons: nothing is sent.
    await user.click(document.getElementById('risk-save')!);
    expect(m.addRiskAssessment).not.toHaveBeenCalled();
    expect(document.getElementById('risk-reasons')).toHaveAttribute('aria-invalid', 'true');
    expect(form).toHaveTextContent('Choose the level you judge.');

    await user.click(document.querySelector<HTMLInputElement>('input[name="risk-level"][value="imminent"]')!);
    await user.click(document.getElementById('risk-save')!);
    expect(m.addRiskAssessment).not.toHaveBeenCalled();
    expect(document.getElementById('risk-reasons')).toHaveAttribute('aria-invalid', 'true');
    expect(document.getElementById('risk-reasons-hint')).toHaveTextContent('Say why you judged this level');

    await user.type(document.getElementById('risk-reasons')!, '  Threatened to kill her tonight.  ');
    expect(document.getElementById('risk-next-review-hint')).toHaveTextContent('1 day for imminent');
    await user.click(document.getElementById('risk-save')!);
    expect(m.addRiskAssessment).toHaveBeenCalledWith(NUMBER, {
      assessedOn: todayIsoDate(),
      level: 'imminent',
      reasons: 'Threatened to kill her tonight.',
      typology: 'resentful',
      factors: [
        { factorId: 'priorIntimate', rating: 'unknown', source: '', date: '' },
        { factorId: 'threats', rating: 'present', source: 'Voicemail', date: '' },
        { factorId: 'weapons', rating: 'partly', source: '', date: '' },
      ],
      instruments: [],
      nextReview: null,
    });
    await waitFor(() => expect(document.getElementById('risk-form')).toBeNull());
    expect(onChanged).toHaveBeenCalled();
    expect(document.getElementById('risk-notice')).toHaveTextContent('Assessment saved: imminent');
  });

  it('records an external instrument by its result only, and can start from the last ratings', async () => {
    const user = userEvent.setup();
    m.addRiskAssessment.mockResolvedValue(history);
    renderTab();
    await waitFor(() => expect(document.getElementById('risk-new')).toBeEnabled());
    await user.click(document.getElementById('risk-new')!);
    expect(document.getElementById('risk-instruments')).toHaveTextContent("Record only the result; do not copy the instrument's questions.");
    await user.click(screen.getByRole('button', { name: /Start from the ratings of/ }));
    expect(document.querySelector('input[name="factor-threats"][value="present"]')).toBeChecked();
    expect(document.querySelector('input[name="factor-weapons"][value="unknown"]')).toBeChecked();

    await user.click(document.getElementById('risk-add-instrument')!);
    await user.type(document.getElementById('instrument-name-0')!, 'S-DASH');
    await user.click(document.querySelector<HTMLInputElement>('input[name="risk-level"][value="high"]')!);
    await user.type(document.getElementById('risk-reasons')!, 'Escalating.');
    await user.click(document.getElementById('risk-save')!);
    // An instrument needs the result it gave.
    expect(m.addRiskAssessment).not.toHaveBeenCalled();
    expect(document.getElementById('instrument-level-0')).toHaveAttribute('aria-invalid', 'true');
    await user.type(document.getElementById('instrument-level-0')!, 'High risk');
    await user.click(document.getElementById('risk-save')!);
    expect(m.addRiskAssessment).toHaveBeenCalledTimes(1);
    const sent = m.addRiskAssessment.mock.calls[0]![1];
    expect(sent.instruments).toEqual([{ name: 'S-DASH', version: '', date: '', assessor: '', level: 'High risk' }]);
    expect(sent.typology).toBe('rejected');
  });
});
