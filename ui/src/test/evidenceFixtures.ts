// Test data for the evidence register: exhibits as the backend returns them.
import type { CustodyEvent, Exhibit, ExhibitInput, ExhibitRow } from '../ipc/commands';

export const CASE = '2024-0173';
export const SHA_SCREENSHOT = '3fa9c0d1e2b34f5a6978c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5';
export const SHA_VOICEMAIL = '9b1d7e05c3a2f4e6d8b0a1c2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f70';
export const SHA_SEEN_BAD = '0000000000000000000000000000000000000000000000000000000000000bad';

export function exhibitInput(p: Partial<ExhibitInput> = {}): ExhibitInput {
  return {
    number: '',
    description: '',
    kind: 'other',
    source: 'victim',
    sourceDetail: '',
    legalId: null,
    collectedBy: 'Dana Whitfield',
    collected: '',
    tz: 'Europe/London',
    collectedWhere: '',
    storedAt: '',
    physical: false,
    incidentIds: [],
    personIds: [],
    checklist: { senderVisible: null, timeVisible: null, originalKept: null, device: '' },
    notes: '',
    derivedFrom: null,
    derivation: '',
    ...p,
  };
}

export function custody(id: string, seq: number, kind: CustodyEvent['kind'], more: Partial<CustodyEvent> = {}): CustodyEvent {
  return {
    id,
    seq,
    kind,
    at: `2026-03-${String(9 + seq).padStart(2, '0')}T10:00:00Z`,
    recordedAt: `2026-03-${String(9 + seq).padStart(2, '0')}T10:05:00Z`,
    byWhom: 'Dana Whitfield',
    from: '',
    to: '',
    place: '',
    purpose: '',
    authority: '',
    hashCheck: null,
    hashSeen: null,
    corrects: null,
    note: '',
    ...more,
  };
}

/** A screenshot with capture-checklist gaps, linked to one incident. */
export const screenshot: Exhibit = {
  id: 'x1',
  number: `${CASE}-E001`,
  input: exhibitInput({
    number: `${CASE}-E001`,
    description: 'Screenshot of text messages from +44 7700 900456',
    kind: 'screenshot',
    collected: '3/10/2026 2:20pm',
    incidentIds: ['inc-1'],
    personIds: ['p-suspect'],
    checklist: { senderVisible: true, timeVisible: null, originalKept: false, device: '' },
  }),
  collected: { from: '2026-03-10T14:20:00Z', to: null, precision: 'exact', tz: 'Europe/London', display: 'Tue 10 Mar 2026, 14:20' },
  file: {
    name: 'IMG_2041.PNG',
    size: 1_482_113,
    mediaType: 'image/png',
    sha256: SHA_SCREENSHOT,
    modified: '2026-03-10T13:02:11Z',
    preview: 'image',
    previewNote: '',
  },
  custody: [
    custody('c1', 1, 'intake', { to: 'Dana Whitfield' }),
    custody('c2', 2, 'checkOut', { from: 'Evidence store', to: 'PC Adeyemi', purpose: 'Transcription', hashCheck: 'matched', hashSeen: SHA_SCREENSHOT }),
    custody('c3', 3, 'checkIn', { from: 'PC Adeyemi', to: 'Evidence store', hashCheck: 'mismatch', hashSeen: SHA_SEEN_BAD }),
  ],
  gaps: ['date and time not confirmed visible', 'unedited original not confirmed kept', 'device it came from not recorded'],
  derived: [],
  deletable: false,
  createdAt: '2026-03-10T14:25:00Z',
  updatedAt: '2026-03-12T10:05:00Z',
};

/** A voicemail with only its intake (still deletable). */
export const voicemail: Exhibit = {
  id: 'x2',
  number: `${CASE}-E002`,
  input: exhibitInput({ number: `${CASE}-E002`, description: 'Voicemail: "you will regret going to the police"', kind: 'audio' }),
  collected: null,
  file: {
    name: 'voicemail.m4a',
    size: 48_044,
    mediaType: 'audio/mp4',
    sha256: SHA_VOICEMAIL,
    modified: null,
    preview: 'audio',
    previewNote: '',
  },
  custody: [custody('v1', 1, 'intake', { to: 'Dana Whitfield' })],
  gaps: [],
  derived: [],
  deletable: true,
  createdAt: '2026-03-11T09:00:00Z',
  updatedAt: '2026-03-11T09:00:00Z',
};

/** A physical tracker sent to the lab. */
export const tracker: Exhibit = {
  id: 'x3',
  number: `${CASE}-E003`,
  input: exhibitInput({
    number: `${CASE}-E003`,
    description: 'GPS tracker found under the rear bumper',
    kind: 'tracker',
    source: 'officer',
    physical: true,
    storedAt: 'Property store, locker 14',
  }),
  collected: null,
  file: null,
  custody: [
    custody('t1', 1, 'intake', { to: 'Property store, locker 14' }),
    custody('t2', 2, 'labSubmission', { from: 'Property store', to: 'Regional Digital Forensics Lab', purpose: 'Extract location history' }),
  ],
  gaps: [],
  derived: [],
  deletable: false,
  createdAt: '2026-03-02T17:10:00Z',
  updatedAt: '2026-03-04T09:00:00Z',
};

export function rowOf(e: Exhibit): ExhibitRow {
  return {
    id: e.id,
    number: e.number,
    kind: e.input.kind,
    description: e.input.description,
    physical: e.input.physical,
    sha256: e.file?.sha256 ?? null,
    size: e.file?.size ?? null,
    mediaType: e.file?.mediaType ?? null,
    incidentIds: e.input.incidentIds,
    custodyCount: e.custody.length,
    gapCount: e.gaps.length,
    collected: e.collected?.display ?? '',
  };
}

export const exhibits = [screenshot, voicemail, tracker];
export const rows = exhibits.map(rowOf);
