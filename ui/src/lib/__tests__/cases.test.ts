import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../ipc/commands';
import { filterCases, statusLabel } from '../cases';

const cases: CaseSummary[] = [
  { caseId: '1', number: '2024-0173', title: 'Harassment of M. Okafor', status: 'active', readOnly: false, lastActivity: '' },
  { caseId: '2', number: '2024-0190', title: 'Workplace contact', status: 'monitoring', readOnly: false, lastActivity: '' },
  { caseId: '3', number: '2023-1102', title: 'Online stalking', status: 'closed', readOnly: true, lastActivity: '' },
];

describe('filterCases', () => {
  it('returns everything for an empty query', () => {
    expect(filterCases(cases, '   ')).toHaveLength(3);
  });

  it('matches number, title and status label case-insensitively', () => {
    expect(filterCases(cases, '0190').map((c) => c.caseId)).toEqual(['2']);
    expect(filterCases(cases, 'OKAFOR').map((c) => c.caseId)).toEqual(['1']);
    expect(filterCases(cases, 'closed').map((c) => c.caseId)).toEqual(['3']);
    expect(filterCases(cases, 'review copy').map((c) => c.caseId)).toEqual(['3']);
  });

  it('requires every word to match', () => {
    expect(filterCases(cases, '2024 workplace').map((c) => c.caseId)).toEqual(['2']);
    expect(filterCases(cases, '2024 online')).toEqual([]);
  });
});

describe('statusLabel', () => {
  it('gives a readable word for each status', () => {
    expect(statusLabel('active')).toBe('Active');
    expect(statusLabel('monitoring')).toBe('Monitoring');
  });
});
