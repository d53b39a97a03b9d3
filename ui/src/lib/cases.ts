import type { CaseStatus, CaseSummary } from '../ipc/commands';

const STATUS_LABELS: Record<CaseStatus, string> = {
  reported: 'Reported',
  preliminary: 'Preliminary',
  assigned: 'Assigned',
  active: 'Active',
  referred: 'Referred',
  filed: 'Filed',
  declined: 'Declined',
  returned: 'Returned',
  monitoring: 'Monitoring',
  dormant: 'Dormant',
  closed: 'Closed',
};

export function statusLabel(status: CaseStatus): string {
  return STATUS_LABELS[status] ?? status;
}

/** Case-insensitive match of every word of `query` against number, title and status. */
export function filterCases(cases: readonly CaseSummary[], query: string): CaseSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...cases];
  return cases.filter((c) => {
    const hay = `${c.number} ${c.title} ${statusLabel(c.status)} ${c.readOnly ? 'review copy' : ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
