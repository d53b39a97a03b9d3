// DEVELOPMENT ONLY. A stand-in for the Rust backend so the UI can be looked at
// in a plain browser (`npm run dev` then open /?mock=setup|unlock|main|empty|big;
// "big" puts 10,000 incidents in case 2024-0173; evidence fixtures are in
// mockEvidence.ts, and `__vigilMock.dropFiles()` simulates a drop; the case
// packet is in mockPacket.ts). Case 2024-0173 follows
// version 1 of the shipped protocol with a version 2 available, and has risk
// assessments, orders, legal process and a plan; see mockManagement.ts.
// main.tsx imports this only behind `import.meta.env.DEV || MODE === 'mock'`,
// so it is not part of the production bundle.
import { emit } from '@tauri-apps/api/event';
import { mockIPC } from '@tauri-apps/api/mocks';
import type {
  AppStatus,
  ExhibitRow,
  CaseDetail,
  CaseSummary,
  CommandError,
  NewCase,
  PassphraseAssessment,
  Profile,
  UnlockReport,
  VerifyReport,
} from '../ipc/commands';
import { makeEvidenceHandler } from './mockEvidence';
import { makeIncidentHandler } from './mockIncidents';
import { makeManagementHandler } from './mockManagement';
import { makePacketHandler } from './mockPacket';

const MOCK_MARKER = 'vigil-dev-mock-backend';

function fail(kind: CommandError['kind'], message: string): never {
  throw { kind, message } satisfies CommandError;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isoAgo(ms: number): string {
  return new Date(Date.now() - ms).toISOString();
}

function assess(passphrase: string, profile: Profile | null): PassphraseAssessment {
  const problems: string[] = [];
  const words = passphrase.trim().split(/\s+/).filter(Boolean);
  if (passphrase.length < 16) problems.push('Use at least 16 characters; four or more unrelated words work well.');
  if (words.length < 3) problems.push('Use at least three words.');
  if (profile && profile.name && passphrase.toLowerCase().includes(profile.name.toLowerCase().split(' ')[0] ?? '#'))
    problems.push('Do not use your own name.');
  const score = Math.max(0, Math.min(4, Math.floor(passphrase.length / 6) - problems.length));
  const labels = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'];
  return { acceptable: problems.length === 0 && score >= 3, score, label: labels[score] ?? 'Very weak', problems };
}

export function installMockBackend(scenario: string): void {
  const profile: Profile = { name: 'Dana Whitfield', badge: '4471', unit: 'Stalking Unit', agency: 'Northshire Police' };
  const status: AppStatus = {
    workspaceDir: '/home/dana/.local/share/vigil',
    workspaceExists: scenario !== 'setup',
    unlocked: scenario === 'main' || scenario === 'empty' || scenario === 'big',
    needsProfile: false,
    idleMinutes: 15,
    profile: null,
    unlockedByRecoveryKey: false,
    training: false,
    demoPassphrase: 'Practice harbour lantern 7',
  };
  let idleMinutes = 15;
  let failed = 0;
  let firstFailedAt: string | null = null;
  let lastFailedAt: string | null = null;

  const details = new Map<string, CaseDetail>();
  const addCase = (d: CaseDetail) => details.set(d.header.number, d);
  if (scenario !== 'empty') {
    addCase({
      header: {
        caseId: 'c1',
        number: '2024-0173',
        title: 'Harassment of M. Okafor by former partner',
        openedOn: '2024-02-14',
        assignedInvestigator: 'Dana Whitfield',
        agencyReports: [
          { agency: 'Northshire Police', number: 'NP-24-88812' },
          { agency: 'Victim Support', number: 'VS/3391' },
        ],
        status: 'active',
        createdAt: isoAgo(86_400_000 * 40),
        updatedAt: isoAgo(3_600_000 * 2),
      },
      readOnly: false,
      handover: null,
      auditEvents: 58,
      lastActivity: isoAgo(3_600_000 * 2),
      fileName: '2024-0173.vigil',
    });
    addCase({
      header: {
        caseId: 'c2',
        number: '2024-0190',
        title: 'Unwanted contact, workplace (R. Lindqvist)',
        openedOn: '2024-03-02',
        assignedInvestigator: 'Dana Whitfield',
        agencyReports: [],
        status: 'monitoring',
        createdAt: isoAgo(86_400_000 * 20),
        updatedAt: isoAgo(86_400_000 * 3),
      },
      readOnly: false,
      handover: null,
      auditEvents: 21,
      lastActivity: isoAgo(86_400_000 * 3),
      fileName: '2024-0190.vigil',
    });
    addCase({
      header: {
        caseId: 'c3',
        number: '2023-1102',
        title: 'Online stalking, social media accounts',
        openedOn: '2023-11-20',
        assignedInvestigator: 'Sam Ortega',
        agencyReports: [{ agency: 'Cybercrime Unit', number: 'CC-5510' }],
        status: 'referred',
        createdAt: isoAgo(86_400_000 * 120),
        updatedAt: isoAgo(86_400_000 * 30),
      },
      readOnly: true,
      handover: { mode: 'review', sealedAt: isoAgo(86_400_000 * 30), sealedBy: 'Sam Ortega (badge 3310)' },
      auditEvents: 112,
      lastActivity: isoAgo(86_400_000 * 30),
      fileName: '2023-1102.review.vigil',
    });
  }

  const summary = (d: CaseDetail): CaseSummary => ({
    caseId: d.header.caseId,
    number: d.header.number,
    title: d.header.title,
    status: d.header.status,
    readOnly: d.readOnly,
    lastActivity: d.lastActivity,
  });

  const get = (number: string): CaseDetail => details.get(number) ?? fail('notFound', `There is no case ${number}.`);
  const requireUnlocked = () => {
    if (!status.unlocked) fail('workspaceLocked', 'Vigil is locked.');
  };

  const incidents = makeIncidentHandler(scenario);
  const management = makeManagementHandler(scenario, {
    detail: get,
    save: addCase,
    all: () => [...details.values()],
    actor: () => `${profile.name} (badge ${profile.badge})`,
  });

  const evidence = makeEvidenceHandler(scenario, {
    detail: get,
    actor: () => `${profile.name} (badge ${profile.badge})`,
  });

  const packet = makePacketHandler(scenario, {
    detail: get,
    actor: () => `${profile.name} (badge ${profile.badge})`,
    incidents: (number) => incidents.incidentsOf(number),
    exhibits: async (number) => ((await evidence.handle('list_exhibits', { number, incident: null }))?.value as ExhibitRow[]) ?? [],
  });

  mockIPC(
    async (cmd, raw) => {
      const args = (raw ?? {}) as Record<string, unknown>;
      const handled =
        (await incidents(cmd, args)) ?? (await management(cmd, args)) ?? (await evidence.handle(cmd, args)) ?? (await packet.handle(cmd, args));
      if (handled) {
        requireUnlocked();
        return handled.value;
      }
      switch (cmd) {
        case 'app_status':
          return { ...status, idleMinutes };
        case 'assess_passphrase':
          return assess(String(args.passphrase ?? ''), (args.profile as Profile | null) ?? null);
        case 'create_workspace':
          await sleep(900);
          status.workspaceExists = true;
          status.unlocked = true;
          Object.assign(profile, args.profile as Profile);
          return { recoveryKey: 'VGL1-7QX4-M2KD-P9ZT-HC3W-R8NB-4YFA-KJ6E-TS2V-XD5L' };
        case 'unlock_workspace':
        case 'unlock_with_recovery_key': {
          await sleep(600);
          const secret = String(args.passphrase ?? args.recoveryKey ?? '');
          if (secret === 'wrong' || secret.length < 4) {
            failed++;
            lastFailedAt = new Date().toISOString();
            firstFailedAt ??= lastFailedAt;
            if (failed >= 5) fail('tooManyAttempts', 'Too many wrong attempts. Wait 30 seconds before trying again.');
            fail(
              cmd === 'unlock_workspace' ? 'wrongPassphrase' : 'wrongPassphrase',
              cmd === 'unlock_workspace' ? 'That passphrase is not correct.' : 'That recovery key is not correct.',
            );
          }
          status.unlocked = true;
          const report: UnlockReport = {
            failedAttempts: failed || 3,
            firstFailedAt: firstFailedAt ?? isoAgo(3_600_000 * 14),
            lastFailedAt: lastFailedAt ?? isoAgo(3_600_000 * 13),
            profile,
            warnings: [],
          };
          failed = 0;
          firstFailedAt = lastFailedAt = null;
          return report;
        }
        case 'lock_workspace':
          status.unlocked = false;
          return null;
        case 'save_profile':
          requireUnlocked();
          Object.assign(profile, args.profile as Profile);
          return profile;
        case 'get_settings':
          return { idleMinutes };
        case 'save_settings': {
          const s = args.settings as { idleMinutes: number };
          if (s.idleMinutes < 1 || s.idleMinutes > 240) fail('validation', 'Choose between 1 and 240 minutes.');
          idleMinutes = s.idleMinutes;
          return { idleMinutes };
        }
        case 'change_passphrase':
          await sleep(700);
          if (args.current === 'wrong') fail('wrongPassphrase', 'The current passphrase is not correct.');
          return args.rotate ? 'VGL2-8J2K-4M7P-Q1RS-T5VW-X9YZ-A3BC-D6EF-G0HJ-K2LM-N4PQ-R7ST-U8VW-X1YZ' : null;
        case 'repair_workspace':
          await sleep(900);
          status.unlocked = true;
          return {
            rebuilt: true,
            setAside: null,
            cases: [...details.values()].map((d) => ({
              fileName: `${d.header.number}.vigil`,
              number: d.header.number,
              outcome: 'registered',
              detail: null,
            })),
            notes: [],
          };
        case 'list_unregistered_cases':
          requireUnlocked();
          return [];
        case 'touch':
          return null;
        case 'list_cases':
          requireUnlocked();
          return [...details.values()]
            .map(summary)
            .sort((a, b) => b.lastActivity.localeCompare(a.lastActivity));
        case 'create_case': {
          requireUnlocked();
          const c = args.case as NewCase;
          if (!/^\d{4}-\d{4}$/.test(c.number)) fail('validation', 'Case numbers look like 2024-0001.');
          if (details.has(c.number)) fail('alreadyExists', `Case ${c.number} already exists.`);
          if (!c.title) fail('validation', 'Give the case a title.');
          const now = new Date().toISOString();
          const d: CaseDetail = {
            header: {
              caseId: `c${details.size + 1}`,
              number: c.number,
              title: c.title,
              openedOn: c.openedOn ?? now.slice(0, 10),
              assignedInvestigator: c.assignedInvestigator ?? profile.name,
              agencyReports: c.agencyReports,
              status: 'reported',
              createdAt: now,
              updatedAt: now,
            },
            readOnly: false,
            handover: null,
            auditEvents: 1,
            lastActivity: now,
            fileName: `${c.number}.vigil`,
          };
          addCase(d);
          return summary(d);
        }
        case 'open_case':
          requireUnlocked();
          await sleep(120);
          return get(String(args.number));
        case 'update_case': {
          const d = get(String(args.number));
          if (d.readOnly) fail('readOnlyCase', 'This is a review copy; it cannot be edited.');
          const now = new Date().toISOString();
          const updated: CaseDetail = {
            ...d,
            header: { ...d.header, ...(args.patch as object), updatedAt: now },
            auditEvents: d.auditEvents + 1,
            lastActivity: now,
          };
          addCase(updated);
          return updated;
        }
        case 'verify_case': {
          await sleep(400);
          const d = get(String(args.number));
          const bad = d.header.number === '2024-0190';
          const report: VerifyReport = {
            number: d.header.number,
            ok: !bad,
            eventCount: d.auditEvents,
            chainHead: '9f2c4be1a07d55e3c6b18f0e2d7a4c9b3e1f6a8d0c2b4e6f8a1c3e5d7b9f0a2c',
            checks: [
              { name: 'File header and format version', ok: true, detail: 'Format 1' },
              { name: 'Encryption authentication', ok: true, detail: 'All records decrypt and authenticate' },
              {
                name: 'Audit chain',
                ok: !bad,
                detail: bad ? 'Event 17 does not link to event 16' : `${d.auditEvents} events, unbroken`,
              },
              { name: 'Signatures', ok: true, detail: 'Every event signed by a known investigator key' },
            ],
            exhibits: evidence.checks(d.header.number),
          };
          return report;
        }
        case 'seal_case':
          await sleep(500);
          return {
            path: `/home/dana/Documents/${String(args.number)}.${String(args.mode)}.vigil`,
            sha256: 'b5d4045c3f466fa91fe2cc6abe79232a1a57cdf104f7a26e716e0a1e2789df78',
            bytes: 1_482_113,
            mode: args.mode,
          };
        case 'receive_case':
          await sleep(500);
          if (args.handoverPassphrase === 'wrong')
            fail('wrongKeyOrNotCaseFile', 'The passphrase does not open this file, or it is not a Vigil case file.');
          return null;
        default:
          fail('internal', `Mock backend does not know ${cmd}`);
      }
    },
    { shouldMockEvents: true },
  );

  // Stand-in for the `vexhibit:` preview protocol: generated bytes as blob: URLs.
  const internals = (window as unknown as { __TAURI_INTERNALS__?: Record<string, unknown> }).__TAURI_INTERNALS__;
  if (internals) internals.convertFileSrc = (path: string) => (path === 'packet-preview' ? packet.previewUrl() : evidence.previewUrl(path));

  Object.assign(window as unknown as Record<string, unknown>, {
    __vigilMock: {
      marker: MOCK_MARKER,
      emitLocked: () => {
        status.unlocked = false;
        return emit('vigil://locked');
      },
      dropFiles: () => evidence.drop(),
    },
  });
}
