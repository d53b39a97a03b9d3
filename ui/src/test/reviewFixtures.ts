// Test data for supervisor review, as the backend returns it.
import type { AppliedReview, Checklist, PacketReview, Review } from '../ipc/commands';

export const FINGERPRINT = '3fa9c0d1e2b34f5a6978c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5';

export const checklist: Checklist = {
  id: 'default',
  version: 1,
  title: 'Packet review before referral',
  items: [
    { id: 'elements', label: 'Every element is supported', help: '' },
    { id: 'exhibits', label: 'Every exhibit is accounted for', help: '' },
  ],
};

export function packetReview(p: Partial<PacketReview> = {}): PacketReview {
  return {
    file: 'RV-1-packet-prosecutor.pdf',
    sha256: 'ab'.repeat(32),
    size: 120_000,
    report: {
      ok: true,
      checks: [{ name: 'Signature', ok: true, detail: 'valid ECDSA P-256 / SHA-256 signature' }],
      signer: { subject: 'CN=Dana Reyes', fingerprint: FINGERPRINT },
      signedAt: '2026-11-30T10:00:00Z',
      manifest: {
        format: 'vigil-packet',
        version: 1,
        caseNumber: 'RV-1',
        caseId: 'c1',
        profile: 'prosecutor',
        exportedAt: '2026-11-30T10:00:00Z',
        exportedBy: 'Dana Reyes',
        chainSeq: 12,
        chainHead: 'cd'.repeat(32),
        certificateSha256: FINGERPRINT,
        statutes: [],
        incidents: 3,
        exhibits: [],
        withheld: [],
        pages: 9,
      },
    },
    trust: {
      state: 'unknown',
      named: { name: 'Dana Reyes', badge: '4471', unit: 'TMU', agency: 'Eastfield PD' },
      fingerprint: FINGERPRINT,
      grouped: '3FA9 C0D1 E2B3 4F5A 6978 C0D1 E2F3 A4B5 C6D7 E8F9 0A1B 2C3D 4E5F 6071 8293 A4B5',
      trustedFingerprints: [],
      message: 'Signed by Dana Reyes (badge 4471, TMU, Eastfield PD), whose certificate this workspace does not trust yet.',
    },
    approvable: false,
    blockers: ['The signer is not trusted yet: confirm the fingerprint with them, then trust it.'],
    dashboard: null,
    earlier: [],
    ...p,
  };
}

export function review(p: Partial<Review> = {}): Review {
  return {
    id: 'r1',
    packetSha256: 'ab'.repeat(32),
    packetFile: 'RV-1.pdf',
    caseId: 'c1',
    caseNumber: 'RV-1',
    profile: 'prosecutor',
    packetSignedAt: null,
    chainSeq: 12,
    packetSigner: { name: 'Dana Reyes', badge: '4471', unit: 'TMU', agency: 'Eastfield PD' },
    packetSignerFingerprint: FINGERPRINT,
    decision: 'return',
    summary: 'Not ready',
    comments: [
      { id: '1', anchor: { kind: 'exhibit', target: 'EX-1', label: 'Exhibit EX-1' }, text: 'Record where it is stored' },
      { id: '2', anchor: null, text: 'Add the victim statement' },
    ],
    checklistId: 'default',
    checklistVersion: 1,
    checklist: [],
    reviewer: { name: 'Sam Ortiz', badge: '210', unit: 'TMU', agency: 'Eastfield PD' },
    reviewerFingerprint: 'ef'.repeat(32),
    decidedAt: '2026-11-30T12:00:00Z',
    ...p,
  };
}

export function applied(done: string[] = [], p: Partial<Review> = {}): AppliedReview {
  const r = review(p);
  const points = r.comments.map((c) => ({ comment: c, done: done.includes(c.id), doneNote: done.includes(c.id) ? 'addressed 2026-12-01 by Dana Reyes' : '' }));
  return {
    review: r,
    appliedAt: '2026-11-30T13:00:00Z',
    appliedBy: 'Dana Reyes',
    fileSha256: '12'.repeat(32),
    points,
    open: r.decision === 'return' ? points.filter((x) => !x.done).length : 0,
  };
}
