import { describe, expect, it } from 'vitest';
import type { Answer, Protocol, ProtocolItem } from '../../ipc/commands';
import { addDays, daysUntil } from '../format';
import {
  answersById,
  choiceAsRadios,
  flattenSteps,
  guessLegalKind,
  guessOrderKind,
  guessPlanKind,
  isGiven,
  sameAnswer,
  stepOfItem,
  stepState,
} from '../protocol';
import { newIdIn, optional } from '../records';

const item = (id: string, requirement: ProtocolItem['requirement'] = 'required', text = id): ProtocolItem => ({
  id,
  kind: 'yesNo',
  text,
  help: '',
  requirement,
  options: [],
  role: null,
  record: null,
});

const protocol: Protocol = {
  id: 'p',
  version: 1,
  label: 'P',
  description: '',
  stages: [
    {
      id: 'a',
      label: 'A',
      summary: '',
      steps: [
        { id: 's1', label: 'S1', requirement: 'required', guidance: '', why: '', items: [item('x'), item('y', 'optional')] },
        { id: 's2', label: 'S2', requirement: 'recommended', guidance: '', why: '', items: [item('z', 'recommended')] },
      ],
    },
    { id: 'b', label: 'B', summary: '', steps: [{ id: 's3', label: 'S3', requirement: 'optional', guidance: '', why: '', items: [] }] },
  ],
};

const answer = (itemId: string, value: string, values: string[] = []): Answer => ({
  itemId,
  version: 1,
  value,
  values,
  note: '',
  answeredAt: '2026-01-01T00:00:00Z',
  answeredBy: 'D',
});

describe('protocol helpers', () => {
  it('walks the steps in order across stages', () => {
    const flat = flattenSteps(protocol);
    expect(flat.map((f) => [f.step.id, f.index, f.stageIndex])).toEqual([
      ['s1', 0, 0],
      ['s2', 1, 0],
      ['s3', 2, 1],
    ]);
    expect(stepOfItem(protocol, 'z')).toBe('s2');
    expect(stepOfItem(protocol, 'gone')).toBeNull();
  });

  it('counts an answer as given only with a value or values', () => {
    expect(isGiven({ value: '  ', values: [] })).toBe(false);
    expect(isGiven({ value: 'no', values: [] })).toBe(true);
    expect(isGiven({ value: '', values: ['p1'] })).toBe(true);
    expect(sameAnswer({ value: 'a', values: ['1'], note: '' }, { value: 'a', values: ['1'], note: '' })).toBe(true);
    expect(sameAnswer({ value: 'a', values: ['1'], note: '' }, { value: 'a', values: ['2'], note: '' })).toBe(false);
  });

  it('tells how far a step is', () => {
    const s1 = protocol.stages[0]!.steps[0]!;
    expect(stepState(s1, answersById([]))).toBe('requiredOpen');
    expect(stepState(s1, answersById([answer('x', 'yes')]))).toBe('open');
    expect(stepState(s1, answersById([answer('x', 'yes'), answer('y', 'no')]))).toBe('done');
    expect(stepState(protocol.stages[1]!.steps[0]!, answersById([]))).toBe('empty');
  });

  it('guesses where a form should start from the item’s words', () => {
    expect(guessOrderKind(item('emergencyOrder', 'optional', 'Record the emergency protective order'))).toBe('emergency');
    expect(guessOrderKind(item('protectiveOrderRecord'))).toBe('temporary');
    expect(guessLegalKind(item('preservationRequests'))).toBe('preservation');
    expect(guessLegalKind(item('courtProcess', 'required', 'Record each subpoena, order or warrant'))).toBe('subpoena');
    expect(guessPlanKind(item('mentalHealthReferralRecord'))).toBe('mentalHealth');
    expect(guessPlanKind(item('immediateReferral', 'required', 'Record the referral made'))).toBe('advocate');
    expect(choiceAsRadios({ ...item('c'), kind: 'choice', options: ['a', 'b', 'c'] })).toBe(true);
    expect(choiceAsRadios({ ...item('c'), kind: 'choice', options: ['1', '2', '3', '4', '5', '6'] })).toBe(false);
  });
});

describe('dates and records', () => {
  it('adds calendar days without time-zone drift', () => {
    expect(addDays('2026-01-10', 90)).toBe('2026-04-10');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysUntil('2026-03-05', new Date(2026, 2, 1, 23, 0))).toBe(4);
    expect(daysUntil('2026-02-27', new Date(2026, 2, 1, 1, 0))).toBe(-2);
  });

  it('finds the record a save created', () => {
    expect(newIdIn([{ id: 'a' }], [{ id: 'a' }, { id: 'b' }])).toBe('b');
    expect(newIdIn([{ id: 'a' }], [{ id: 'a' }])).toBeNull();
    expect(optional('  ')).toBeNull();
    expect(optional(' 2026-01-01 ')).toBe('2026-01-01');
  });
});
