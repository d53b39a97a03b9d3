// Test data for the Packet tab: statutes, matrices and exports as the backend
// returns them. Support and gaps are written out by hand, never worked out here.
import type { ElementsMatrix, Gap, PacketExport, PacketInfo, PacketReport, SignerInfoSummary, Statute, Support } from '../ipc/commands';

export const CASE = '2024-0173';
export const SHA_PACKET = 'c0ffee11d2b34f5a6978c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5';
export const FINGERPRINT = '3fa9c0d1e2b34f5a6978c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5';

export const california: Statute = {
  id: 'us-ca-pc-646.9',
  version: 1,
  label: 'California Penal Code § 646.9 — Stalking',
  jurisdiction: 'California, United States',
  summary: 'Harassing or repeatedly following a person and making a credible threat.',
  references: ['Cal. Penal Code § 646.9', 'CALCRIM No. 1301'],
  elements: [
    { id: 'harassOrFollow', kind: 'courseOfConduct', label: 'Harassing course of conduct, or repeated following', text: 'Two or more acts.', aggravator: false },
    { id: 'credibleThreat', kind: 'threat', label: 'Credible threat', text: 'A threat with the apparent ability to carry it out.', aggravator: false },
    { id: 'reasonableFear', kind: 'fear', label: 'Reasonable fear', text: 'The victim actually and reasonably feared.', aggravator: false },
    { id: 'orderInEffect', kind: 'orderInForce', label: 'Court order in effect', text: 'A court order forbidding the conduct was in effect.', aggravator: true },
  ],
};

export const federal: Statute = {
  id: 'us-18-usc-2261a',
  version: 1,
  label: '18 U.S.C. § 2261A — Stalking (federal)',
  jurisdiction: 'United States (federal)',
  summary: 'A course of conduct across state lines.',
  references: ['18 U.S.C. § 2261A'],
  elements: [{ id: 'federalNexus', kind: 'interstate', label: 'Federal connection', text: 'Travel across borders or use of the mail or internet.', aggravator: false }],
};

export const statutes: Statute[] = [california, federal];

export const noStatuteGap: Gap = {
  code: 'noStatute',
  level: 'serious',
  message: 'No statute is chosen: choose the offences the case is charged under to see what each element needs.',
  statuteId: null,
  elementId: null,
};

/** The case before any statute is chosen. */
export const emptyMatrix: ElementsMatrix = { statutes: [], rows: [], gaps: [noStatuteGap], links: [] };

const inc = (n: number, linked = false): Support => ({ record: 'incident', id: `inc-${n}`, label: `Incident ${n} display — Following`, linked });
const exh = (n: number, linked = false): Support => ({ record: 'exhibit', id: `x${n}`, label: `${CASE}-E00${n}`, linked });

export const warningGap: Gap = {
  code: 'noExhibit',
  level: 'warning',
  message: `${california.label}: “Reasonable fear” rests on accounts alone; no exhibit corroborates it.`,
  statuteId: california.id,
  elementId: 'reasonableFear',
};

export const threatGap: Gap = {
  code: 'noThreat',
  level: 'serious',
  message: `${california.label}: the element “Credible threat” needs a threat, and no incident or exhibit records one.`,
  statuteId: california.id,
  elementId: 'credibleThreat',
};

/** Charged under California: six acts (one linked by hand), no threat, fear without exhibits. */
export const californiaMatrix: ElementsMatrix = {
  statutes: [california],
  rows: [
    { statuteId: california.id, element: california.elements[0]!, incidents: [inc(0), inc(1), inc(2, true), inc(3), inc(4), inc(5)], exhibits: [exh(1), exh(2, true)] },
    { statuteId: california.id, element: california.elements[1]!, incidents: [], exhibits: [] },
    { statuteId: california.id, element: california.elements[2]!, incidents: [inc(1)], exhibits: [] },
    { statuteId: california.id, element: california.elements[3]!, incidents: [], exhibits: [] },
  ],
  // The core's order: the warning first, to show the serious one is put first.
  gaps: [warningGap, threatGap],
  links: [
    { record: 'exhibit', id: 'x2', elements: ['courseOfConduct'] },
    { record: 'incident', id: 'inc-2', elements: ['courseOfConduct', 'fear'] },
  ],
};

export const info: PacketInfo = {
  charges: 'Stalking, PC 646.9',
  custody: 'At large',
  safetyAlert: '',
  summary: 'Former partner; 60 incidents since January.',
  relationship: '',
  recommendations: '',
};

export const history: PacketExport[] = [
  { at: '2026-03-20T10:15:00Z', by: 'Dana Whitfield (badge 4471)', profile: 'prosecutor', pages: 23, file: `${CASE}-packet-prosecutor.pdf`, sha256: SHA_PACKET },
  { at: '2026-03-14T09:00:00Z', by: 'Dana Whitfield (badge 4471)', profile: 'discovery', pages: 21, file: `${CASE}-packet-discovery.pdf`, sha256: FINGERPRINT },
];

export const signer: SignerInfoSummary = { subject: 'CN=Dana Whitfield,OU=Stalking Unit,O=Northshire Police', fingerprint: FINGERPRINT };

export const report: PacketReport = {
  path: `/home/dana/Documents/${CASE}-packet-discovery.pdf`,
  sha256: SHA_PACKET,
  pages: 24,
  bytes: 412_331,
  profile: 'discovery',
};
