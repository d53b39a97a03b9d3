// Shared test data for the case tabs (taxonomy, people, incidents).
import type {
  Incident,
  IncidentInput,
  IncidentPage,
  IncidentSummary,
  Person,
  Taxonomy,
} from '../ipc/commands';
import { indexTaxonomy } from '../lib/timeline';

export const taxonomy: Taxonomy = {
  id: 'slii',
  version: 1,
  label: 'SLII',
  groups: [
    { id: 'surveillance', label: 'Surveillance', color: '#3a7bc8', system: false },
    { id: 'lifeInvasion', label: 'Life invasion', color: '#d99a1e', system: false },
    { id: 'intimidation', label: 'Intimidation', color: '#a45fd0', system: false },
    { id: 'interference', label: 'Interference', color: '#d1442b', system: false },
    { id: 'system', label: 'Court and police', color: '#7d8793', system: true },
  ],
  categories: [
    { id: 'following', group: 'surveillance', label: 'Following', description: '' },
    { id: 'unwantedCalls', group: 'lifeInvasion', label: 'Unwanted calls', description: '' },
    { id: 'unwantedMessages', group: 'lifeInvasion', label: 'Unwanted texts or messages', description: '' },
    { id: 'threats', group: 'intimidation', label: 'Threats to the victim', description: '' },
    { id: 'physicalAttack', group: 'interference', label: 'Physical attack', description: '' },
    { id: 'orderServed', group: 'system', label: 'Order served', description: '' },
  ],
};

export const tx = indexTaxonomy(taxonomy);

export const people: Person[] = [
  {
    id: 'p-victim',
    role: 'victim',
    name: 'Miriam Okafor',
    relationship: 'self',
    notes: '',
    identifiers: [
      { id: 'i1', kind: 'phone', value: '07700 900123', label: 'mobile', confidential: false, masked: false },
      // As the core sends it: the value withheld.
      { id: 'i2', kind: 'address', value: '', label: 'ACP address', confidential: true, masked: true },
    ],
    createdAt: '2026-01-05T10:00:00Z',
    updatedAt: '2026-01-05T10:00:00Z',
  },
  {
    id: 'p-suspect',
    role: 'suspect',
    name: 'Daniel Reyes',
    relationship: 'exPartner',
    notes: 'Delivery driver.',
    identifiers: [{ id: 'i3', kind: 'vehicle', value: 'NX19 KLM', label: 'Ford Focus', confidential: false, masked: false }],
    createdAt: '2026-01-05T10:00:00Z',
    updatedAt: '2026-01-05T10:00:00Z',
  },
  {
    id: 'p-witness',
    role: 'witness',
    name: 'Priya Shah',
    relationship: 'coworker',
    notes: '',
    identifiers: [],
    createdAt: '2026-01-05T10:00:00Z',
    updatedAt: '2026-01-05T10:00:00Z',
  },
];

/** Summary of incident number `i` of a generated list. */
export function summaryAt(i: number): IncidentSummary {
  const from = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
  return {
    id: `inc-${i}`,
    from,
    to: null,
    precision: 'exact',
    display: `Incident ${i} display`,
    category: i % 2 ? 'unwantedCalls' : 'following',
    group: i % 2 ? 'lifeInvasion' : 'surveillance',
    excerpt: `Excerpt of incident ${i}`,
    suspectName: 'Daniel Reyes',
    tags: i % 3 === 0 ? ['night'] : [],
    source: 'victimInterview',
    orderViolation: false,
  };
}

/** A list_incidents stand-in over `total` generated incidents. */
export function pagedIncidents(total: number) {
  return async (_n: string, _f: unknown, offset: number, limit: number): Promise<IncidentPage> => {
    const rows: IncidentSummary[] = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) rows.push(summaryAt(i));
    return { total, rows };
  };
}

export const baseInput: IncidentInput = {
  occurred: '3/14/2026 9:30pm',
  discovered: '',
  reported: '',
  tz: 'Europe/London',
  category: 'threats',
  method: 'phoneCall',
  locationText: 'Home',
  placeType: 'victimHome',
  jurisdiction: '',
  narrative: 'He called and said he was outside.',
  suspectWords: 'I can see your light.',
  weapons: '',
  childrenPresent: null,
  suspectId: 'p-suspect',
  attribution: 'phoneRecords',
  witnessIds: [],
  fearLevel: 'high',
  victimWords: '',
  victimChanges: '',
  reportedTo: null,
  source: 'victimInterview',
  tags: ['night'],
};

export function incident(id: string, input: Partial<IncidentInput> = {}): Incident {
  return {
    id,
    input: { ...baseInput, ...input },
    occurred: {
      from: '2026-03-14T21:30:00Z',
      to: null,
      precision: 'exact',
      tz: 'Europe/London',
      display: 'Sat 14 Mar 2026, 21:30',
    },
    discovered: null,
    reported: null,
    group: 'intimidation',
    sourceSha256: null,
    sourceLine: null,
    createdAt: '2026-03-15T09:00:00Z',
    updatedAt: '2026-03-15T09:00:00Z',
  };
}
