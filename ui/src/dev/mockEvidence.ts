// DEVELOPMENT ONLY. The evidence register for the mock backend (see
// mockBackend.ts): a few fixture exhibits per case (a screenshot with
// capture-checklist gaps, a voicemail, a physical tracker sent to the lab, a
// call log and a provider's PDF), the shell's pending files, ingest with
// progress events and cancel, custody, export and the number format. It
// mirrors the backend's rules closely enough to look at the UI. Previews are
// generated in memory and served as blob: URLs in place of `vexhibit:`.
import { emit } from '@tauri-apps/api/event';
import type {
  AttachedFile,
  CaptureChecklist,
  CaseDetail,
  CommandError,
  CustodyEvent,
  CustodyInput,
  CustodyKind,
  Exhibit,
  ExhibitCheck,
  ExhibitInput,
  ExhibitKind,
  ExhibitRow,
  IngestEvent,
  PendingFile,
} from '../ipc/commands';
import { parseWhenText } from './mockIncidents';

function fail(kind: CommandError['kind'], message: string): never {
  throw { kind, message } satisfies CommandError;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const CHECKLIST_KINDS = new Set<ExhibitKind>(['screenshot', 'messageExport', 'callLog']);

function gapsOf(kind: ExhibitKind, c: CaptureChecklist): string[] {
  if (!CHECKLIST_KINDS.has(kind)) return [];
  const g: string[] = [];
  if (c.senderVisible !== true) g.push("sender's number or handle not confirmed visible");
  if (c.timeVisible !== true) g.push('date and time not confirmed visible');
  if (c.originalKept !== true) g.push('unedited original not confirmed kept');
  if (!c.device.trim()) g.push('device it came from not recorded');
  return g;
}

/** A stand-in SHA-256 (64 hex digits) derived from a seed. */
function fakeSha(seed: string): string {
  let h = 2166136261;
  let out = '';
  for (let round = 0; out.length < 64; round++) {
    for (const ch of `${seed}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

// ---- preview bytes ---------------------------------------------------------------------

function screenshotSvg(): string {
  const bubble = (y: number, text: string, time: string) =>
    `<rect x="24" y="${y}" rx="14" width="300" height="58" fill="#e9e9eb"/><text x="40" y="${y + 26}" font-size="15" fill="#111">${text}</text><text x="40" y="${y + 46}" font-size="11" fill="#666">${time}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="375" height="520" font-family="sans-serif">
<rect width="375" height="520" fill="#fff"/><rect width="375" height="64" fill="#f6f6f6"/>
<text x="187" y="40" font-size="16" text-anchor="middle" fill="#111">+44 7700 900456</text>
${bubble(90, 'I know you moved. Nice blue door.', 'Tue 14:02')}
${bubble(160, 'You can change your number.', 'Tue 14:03')}
${bubble(230, "You can't change where you work.", 'Tue 14:05')}
${bubble(300, 'See you Friday.', 'Tue 22:41')}
</svg>`;
}

function toneWav(seconds: number): Uint8Array {
  const rate = 8000;
  const n = rate * seconds;
  const buf = new ArrayBuffer(44 + n * 2);
  const dv = new DataView(buf);
  const str = (o: number, s: string) => [...s].forEach((c, i) => dv.setUint8(o + i, c.charCodeAt(0)));
  str(0, 'RIFF');
  dv.setUint32(4, 36 + n * 2, true);
  str(8, 'WAVEfmt ');
  dv.setUint32(16, 16, true);
  dv.setUint16(20, 1, true);
  dv.setUint16(22, 1, true);
  dv.setUint32(24, rate, true);
  dv.setUint32(28, rate * 2, true);
  dv.setUint16(32, 2, true);
  dv.setUint16(34, 16, true);
  str(36, 'data');
  dv.setUint32(40, n * 2, true);
  for (let i = 0; i < n; i++) {
    const env = Math.min(1, i / 400, (n - i) / 400);
    dv.setInt16(44 + i * 2, Math.round(Math.sin((2 * Math.PI * 330 * i) / rate) * 6000 * env), true);
  }
  return new Uint8Array(buf);
}

const CALL_LOG = [
  'date,time,direction,number,duration',
  ...Array.from({ length: 40 }, (_, i) => {
    const d = 3 + Math.floor(i / 4);
    return `2026-03-${String(d).padStart(2, '0')},${String(7 + ((i * 5) % 16)).padStart(2, '0')}:${String((i * 13) % 60).padStart(2, '0')},incoming,withheld,${i % 3 === 0 ? '0:00 (missed)' : `0:${String(5 + ((i * 7) % 50)).padStart(2, '0')}`}`;
  }),
].join('\n');

/** A one-page PDF with a few lines of text (offsets are computed, so it is well formed). */
function tinyPdf(lines: string[]): string {
  const text = lines.map((l, i) => `BT /F1 12 Tf 56 ${760 - i * 18} Td (${l.replace(/[()\\]/g, '')}) Tj ET`).join('\n');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}

const PREVIEW_BYTES: Record<string, () => Blob> = {
  screenshot: () => new Blob([screenshotSvg()], { type: 'image/svg+xml' }),
  voicemail: () => new Blob([toneWav(3) as BlobPart], { type: 'audio/wav' }),
  calllog: () => new Blob([CALL_LOG], { type: 'text/plain' }),
  pdf: () =>
    new Blob(
      [
        tinyPdf([
          'Northshire Mobile Ltd - Law Enforcement Liaison',
          'Production under warrant NP-W-2026-118',
          'Subscriber: +44 7700 900456',
          'Registered to: D. Reyes, 9 Mill Lane, Northshire',
          'Activated: 2025-11-02. Top-ups in cash at Quickstop, High St.',
        ]),
      ],
      { type: 'application/pdf' },
    ),
};

// ---- fixtures ----------------------------------------------------------------------------

const ZONE = 'Europe/London';

function input(p: Partial<ExhibitInput>): ExhibitInput {
  return {
    number: '',
    description: '',
    kind: 'other',
    source: 'victim',
    sourceDetail: '',
    legalId: null,
    collectedBy: 'Dana Whitfield (badge 4471)',
    collected: '',
    tz: ZONE,
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

function file(name: string, size: number, mediaType: string, preview: AttachedFile['preview'], modified: string | null, previewNote = ''): AttachedFile {
  return { name, size, mediaType, sha256: fakeSha(name), modified, preview, previewNote };
}

function event(id: string, seq: number, kind: CustodyKind, at: string, byWhom: string, more: Partial<CustodyEvent> = {}): CustodyEvent {
  return {
    id,
    seq,
    kind,
    at,
    recordedAt: at,
    byWhom,
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

const DANA = 'Dana Whitfield (badge 4471)';

interface Stored extends Exhibit {
  /** Which generated bytes the preview serves. */
  bytes: string | null;
}

function make(id: string, number: string, i: ExhibitInput, f: AttachedFile | null, custody: CustodyEvent[], bytes: string | null): Stored {
  const w = i.collected ? parseWhenText(i.collected, i.tz).when : null;
  return {
    id,
    number,
    input: { ...i, number },
    collected: w,
    file: f,
    custody,
    gaps: gapsOf(i.kind, i.checklist),
    derived: [],
    deletable: custody.length <= 1,
    createdAt: custody[0]?.recordedAt ?? '2026-03-01T10:00:00Z',
    updatedAt: custody[custody.length - 1]?.recordedAt ?? '2026-03-01T10:00:00Z',
    bytes,
  };
}

function seed(number: string): Stored[] {
  if (number === '2024-0173') {
    const intake = (id: string, at: string, extra: Partial<CustodyEvent> = {}) =>
      event(`${id}-c1`, 1, 'intake', at, DANA, { to: DANA, place: 'Northshire Police, Stalking Unit', ...extra });
    return [
      make(
        'x1',
        `${number}-E001`,
        input({
          description: 'Screenshot of text messages from +44 7700 900456',
          kind: 'screenshot',
          collected: '3/10/2026 2:20pm',
          collectedWhere: "Victim's home",
          incidentIds: ['i7-3', 'i7-10'],
          personIds: ['p-victim', 'p-suspect'],
          checklist: { senderVisible: true, timeVisible: null, originalKept: false, device: '' },
          notes: 'The victim took the screenshot the evening the messages arrived.',
        }),
        file('IMG_2041.PNG', 1_482_113, 'image/png', 'image', '2026-03-10T13:02:11Z'),
        [intake('x1', '2026-03-10T14:25:00Z', { hashCheck: null })],
        'screenshot',
      ),
      make(
        'x2',
        `${number}-E002`,
        input({
          description: 'Voicemail left on the victim\'s phone: "you will regret going to the police"',
          kind: 'audio',
          collected: '2/12/2026 9:15am',
          collectedWhere: 'Northshire Police station, front desk',
          incidentIds: ['i7-10'],
          personIds: ['p-suspect'],
        }),
        file('voicemail-2026-02-11.wav', 48_044, 'audio/wav', 'audio', '2026-02-11T22:05:40Z'),
        [
          intake('x2', '2026-02-12T09:20:00Z'),
          event('x2-c2', 2, 'checkOut', '2026-02-20T10:00:00Z', DANA, {
            from: 'Evidence store',
            to: 'PC J. Adeyemi (badge 2231)',
            purpose: 'Transcription',
            hashCheck: 'matched',
            hashSeen: fakeSha('voicemail-2026-02-11.wav'),
          }),
          event('x2-c3', 3, 'checkIn', '2026-02-20T15:30:00Z', 'PC J. Adeyemi (badge 2231)', {
            from: 'PC J. Adeyemi (badge 2231)',
            to: 'Evidence store',
            hashCheck: 'matched',
            hashSeen: fakeSha('voicemail-2026-02-11.wav'),
          }),
        ],
        'voicemail',
      ),
      make(
        'x3',
        `${number}-E003`,
        input({
          description: 'GPS tracker found under the rear bumper of the victim\'s car',
          kind: 'tracker',
          source: 'officer',
          physical: true,
          collected: '3/2/2026 4:40pm',
          collectedWhere: "Victim's workplace car park",
          storedAt: 'Property store, locker 14',
          incidentIds: ['s7-5'],
          personIds: ['p-victim'],
          notes: 'Photographed in place before removal. Sealed in bag NP-EV-55102.',
        }),
        null,
        [
          intake('x3', '2026-03-02T17:10:00Z', { from: 'Found in place', to: 'Property store, locker 14' }),
          event('x3-c2', 2, 'labSubmission', '2026-03-04T09:00:00Z', DANA, {
            from: 'Property store, locker 14',
            to: 'Regional Digital Forensics Lab',
            place: 'Lab reception, Unit 4',
            purpose: 'Extract location history and account details',
            note: 'Lab reference RDFL-26-0311.',
          }),
        ],
        null,
      ),
      make(
        'x4',
        `${number}-E004`,
        input({
          description: "Call log exported from the victim's phone",
          kind: 'callLog',
          collected: '3/14/2026',
          collectedWhere: 'Northshire Police, interview room 2',
          personIds: ['p-victim'],
          checklist: { senderVisible: true, timeVisible: true, originalKept: true, device: "Victim's iPhone 13, +44 7700 900123" },
        }),
        file('calls-march.csv', CALL_LOG.length, 'text/csv', 'text', '2026-03-14T09:58:00Z'),
        [intake('x4', '2026-03-14T10:05:00Z')],
        'calllog',
      ),
      make(
        'x5',
        `${number}-E005`,
        input({
          description: 'Subscriber records for +44 7700 900456',
          kind: 'providerReturn',
          source: 'providerReturn',
          sourceDetail: 'Northshire Mobile',
          legalId: 'l2',
          collected: '3/18/2026',
        }),
        file('NM-return-0318.pdf', tinyPdf(['x']).length + 180, 'application/pdf', 'pdf', null),
        [intake('x5', '2026-03-18T11:00:00Z')],
        'pdf',
      ),
      make(
        'x6',
        `${number}-E006`,
        input({ description: 'Extraction report of the victim\'s phone (vendor format)', kind: 'deviceExtraction', source: 'otherAgency', sourceDetail: 'Regional Digital Forensics Lab' }),
        file('extraction.ufdr', 734_003_200, 'application/octet-stream', 'none', '2026-03-20T08:00:00Z', 'Vigil does not show this kind of file.'),
        [intake('x6', '2026-03-20T12:00:00Z')],
        null,
      ),
    ];
  }
  if (number === '2024-0190') {
    return [
      make(
        'y1',
        `${number}-E001`,
        input({ description: 'Photograph of flowers left at reception', kind: 'photo', collected: '3/3/2026 9am' }),
        file('flowers.jpg', 2_311_904, 'image/jpeg', 'image', '2026-03-03T08:55:00Z'),
        [
          event('y1-c1', 1, 'intake', '2026-03-03T09:10:00Z', DANA, { to: DANA }),
          event('y1-c2', 2, 'transfer', '2026-03-09T11:00:00Z', DANA, {
            from: DANA,
            to: 'Sgt. Kaur',
            purpose: 'Case review',
            hashCheck: 'mismatch',
            hashSeen: fakeSha('something else'),
          }),
        ],
        'screenshot',
      ),
    ];
  }
  return [];
}

function rowOf(e: Exhibit): ExhibitRow {
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

function formatNumber(pattern: string, caseNumber: string, n: number): string {
  return pattern.replace('{case}', caseNumber).replace(/\{n(?::0?(\d{1,2}))?\}/, (_m, w: string | undefined) => String(n).padStart(Number(w ?? 0), '0'));
}

function validateCustody(c: CustodyInput): void {
  const need = (ok: boolean, field: string, what: string) => {
    if (!ok) fail('validation', `${field}: ${what}`);
  };
  switch (c.kind) {
    case 'intake':
      fail('validation', 'kind: intake is recorded when the exhibit is taken in');
    // falls through (fail never returns)
    case 'transfer':
      need(!!c.to.trim(), 'to', 'say to whom or where it was transferred');
      need(!!c.purpose.trim(), 'purpose', 'say why it was transferred');
      break;
    case 'checkOut':
      need(!!c.purpose.trim(), 'purpose', 'say why it was checked out');
      break;
    case 'labSubmission':
      need(!!c.to.trim(), 'to', 'name the lab');
      need(!!c.purpose.trim(), 'purpose', 'say what the lab is asked to do');
      break;
    case 'returnToOwner':
      need(!!c.to.trim(), 'to', 'say to whom it was returned');
      break;
    case 'destruction':
      need(!!c.authority.trim(), 'authority', 'name the order or person that authorised the destruction');
      break;
    default:
  }
}

export interface EvidenceContext {
  detail(number: string): CaseDetail;
  actor(): string;
}

export interface EvidenceMock {
  handle(cmd: string, args: Record<string, unknown>): Promise<{ value: unknown } | undefined>;
  /** The preview URL for `<case>/<exhibit id>` (stands in for the `vexhibit:` protocol). */
  previewUrl(path: string): string;
  /** What `verify_case` re-hashes. */
  checks(number: string): ExhibitCheck[];
  /** Simulate files dropped on the window. */
  drop(files?: PendingFile[]): Promise<void>;
}

export function makeEvidenceHandler(scenario: string, ctx: EvidenceContext): EvidenceMock {
  const cases = new Map<string, Stored[]>();
  let format = '{case}-E{n:03}';
  let pending: PendingFile[] = [];
  let cancelled = false;
  let seq = 100;
  const blobUrls = new Map<string, string>();

  const listOf = (number: unknown): Stored[] => {
    const n = String(number);
    ctx.detail(n);
    let l = cases.get(n);
    if (!l) {
      l = scenario === 'empty' ? [] : seed(n);
      cases.set(n, l);
    }
    return l;
  };
  const writable = (number: unknown) => {
    if (ctx.detail(String(number)).readOnly) fail('readOnlyCase', 'This is a review copy; it cannot be changed.');
  };
  const find = (number: unknown, key: unknown): Stored => {
    const k = String(key);
    return listOf(number).find((e) => e.id === k || e.number === k) ?? fail('notFound', `There is no exhibit ${k} in this case.`);
  };
  const refresh = (list: Stored[]) => {
    for (const e of list) {
      e.derived = list.filter((x) => x.input.derivedFrom === e.id).map((x) => x.number);
      e.deletable = e.custody.length <= 1 && e.derived.length === 0;
      e.gaps = gapsOf(e.input.kind, e.input.checklist);
    }
  };
  const publicOf = (e: Stored): Exhibit => {
    const { bytes: _bytes, ...rest } = e;
    return structuredClone(rest);
  };
  const validate = (number: unknown, i: ExhibitInput, selfId: string | null) => {
    if (!i.description.trim()) fail('validation', 'description: say what the exhibit is');
    if (i.kind === 'derived' && !i.derivedFrom) fail('validation', 'derived from: a derived exhibit names the original it was made from');
    if (i.kind === 'derived' && !i.derivation.trim())
      fail('validation', 'what was done: say what was done to the original (redacted, cropped, converted…)');
    if (i.kind !== 'derived' && i.derivedFrom) fail('validation', 'kind: an exhibit made from another one has the kind "derived"');
    if (i.source === 'providerReturn' && !i.legalId) fail('validation', 'legal process: a provider return names the legal process it answered');
    if (i.number && listOf(number).some((e) => e.number === i.number && e.id !== selfId))
      fail('alreadyExists', `There is already an exhibit ${i.number} in this case.`);
    if (i.collected.trim() && !parseWhenText(i.collected, i.tz).when) fail('validation', 'collected: Vigil cannot read this date');
  };

  const handle = async (cmd: string, args: Record<string, unknown>): Promise<{ value: unknown } | undefined> => {
    switch (cmd) {
      case 'list_exhibits': {
        const inc = (args.incident as string | null) ?? null;
        return { value: listOf(args.number).filter((e) => !inc || e.input.incidentIds.includes(inc)).map(rowOf) };
      }
      case 'get_exhibit':
        return { value: publicOf(find(args.number, args.exhibit)) };
      case 'pick_evidence_files':
        await sleep(300);
        pending = [
          { name: 'IMG_2107.PNG', size: 2_411_725 },
          { name: 'IMG_2108.PNG', size: 1_907_310 },
          { name: 'WhatsApp Chat - Unknown.txt', size: 38_211 },
        ];
        return { value: pending };
      case 'pending_evidence_files':
        return { value: pending };
      case 'clear_evidence_files':
        pending = [];
        return { value: null };
      case 'cancel_ingest':
        cancelled = true;
        return { value: null };
      case 'add_exhibits': {
        writable(args.number);
        const base = args.input as ExhibitInput;
        const list = listOf(args.number);
        const files = base.physical ? [] : pending;
        pending = [];
        if (!base.physical && files.length === 0) fail('validation', 'Choose or drop the files to attach first.');
        cancelled = false;
        const added: Exhibit[] = [];
        const targets: Array<PendingFile | null> = base.physical ? [null] : files;
        for (const [k, f] of targets.entries()) {
          const one: ExhibitInput = {
            ...base,
            description: targets.length > 1 && f ? `${base.description.trim()} (${f.name})` : base.description.trim(),
            number: targets.length > 1 ? '' : base.number.trim(),
          };
          validate(args.number, one, null);
          if (f) {
            const total = f.size ?? 0;
            const steps = 12;
            for (let s = 0; s <= steps; s++) {
              const ev: IngestEvent = { index: k + 1, count: targets.length, file: f.name, done: Math.round((total * s) / steps), total };
              await emit('evidence-progress', ev);
              if (cancelled) return { value: { added, cancelled: true } };
              await sleep(110);
            }
          } else {
            await sleep(200);
          }
          const id = `x${++seq}`;
          const number = one.number || formatNumber(format, String(args.number), list.length + 1);
          const at = new Date().toISOString();
          const kind: AttachedFile['preview'] = f ? (/\.png$/i.test(f.name) ? 'image' : /\.txt$/i.test(f.name) ? 'text' : 'none') : 'none';
          const stored = make(
            id,
            number,
            { ...one, number },
            f ? file(f.name, f.size ?? 0, kind === 'image' ? 'image/png' : kind === 'text' ? 'text/plain' : 'application/octet-stream', kind, at) : null,
            [event(`${id}-c1`, 1, 'intake', at, one.collectedBy || ctx.actor(), { to: one.collectedBy || ctx.actor(), from: one.physical ? '' : f?.name ?? '' })],
            kind === 'image' ? 'screenshot' : kind === 'text' ? 'calllog' : null,
          );
          list.push(stored);
          refresh(list);
          added.push(publicOf(stored));
        }
        return { value: { added, cancelled: false } };
      }
      case 'update_exhibit': {
        writable(args.number);
        const e = find(args.number, args.exhibit);
        const i = { ...(args.input as ExhibitInput), physical: e.input.physical, derivedFrom: e.input.derivedFrom };
        if (e.input.kind === 'derived') i.kind = 'derived';
        validate(args.number, i, e.id);
        e.input = { ...i, number: i.number.trim() || e.number };
        e.number = e.input.number;
        e.collected = i.collected ? parseWhenText(i.collected, i.tz).when : null;
        e.updatedAt = new Date().toISOString();
        refresh(listOf(args.number));
        return { value: publicOf(e) };
      }
      case 'record_custody': {
        writable(args.number);
        const e = find(args.number, args.exhibit);
        const c = args.input as CustodyInput;
        validateCustody(c);
        if (e.custody.some((x) => x.kind === 'destruction') && !c.corrects)
          fail('validation', 'custody event: the exhibit was destroyed; only a correction can follow');
        const when = c.at.trim() ? parseWhenText(c.at, c.tz).when : null;
        if (c.at.trim() && !when) fail('validation', 'when: Vigil cannot read this date');
        await sleep(150);
        const now = new Date().toISOString();
        e.custody.push(
          event(`${e.id}-c${e.custody.length + 1}`, e.custody.length + 1, c.kind, when?.from ?? now, c.byWhom.trim() || ctx.actor(), {
            recordedAt: now,
            from: c.from.trim(),
            to: c.to.trim(),
            place: c.place.trim(),
            purpose: c.purpose.trim(),
            authority: c.authority.trim(),
            corrects: c.corrects,
            note: c.note.trim(),
            hashCheck: e.file ? 'matched' : null,
            hashSeen: e.file?.sha256 ?? null,
          }),
        );
        e.updatedAt = now;
        refresh(listOf(args.number));
        return { value: publicOf(e) };
      }
      case 'delete_exhibit': {
        writable(args.number);
        const e = find(args.number, args.exhibit);
        if (!String(args.reason ?? '').trim()) fail('validation', 'reason: say why the exhibit is removed');
        if (!e.deletable)
          fail(
            'validation',
            e.derived.length
              ? `exhibit: ${e.number} has derived exhibits (${e.derived.join(', ')}) and cannot be deleted`
              : `exhibit: ${e.number} has custody events after intake and can no longer be deleted; record its return or destruction instead`,
          );
        const list = listOf(args.number);
        list.splice(list.indexOf(e), 1);
        refresh(list);
        return { value: null };
      }
      case 'export_exhibit': {
        const e = find(args.number, args.exhibit);
        if (!e.file) fail('validation', 'exhibit: a physical item has no file to export');
        await sleep(400);
        return { value: { number: e.number, path: `/home/dana/Documents/Exports/${e.file.name}`, sha256: e.file.sha256, size: e.file.size } };
      }
      case 'get_exhibit_format':
        return { value: format };
      case 'set_exhibit_format': {
        const p = String(args.pattern ?? '').trim();
        if (!p || p.length > 64) fail('validation', 'exhibit number format: use 1 to 64 characters');
        if (!/\{n(:\d{1,2})?\}/.test(p)) fail('validation', 'exhibit number format: include {n} (or {n:03} for three digits) where the exhibit\'s sequence goes');
        if (/[{}]/.test(p.replace('{case}', '').replace(/\{n(:\d{1,2})?\}/, '')))
          fail('validation', 'exhibit number format: only {case}, {n} and {n:0W} can appear in braces');
        format = p;
        return { value: format };
      }
      default:
        return undefined;
    }
  };

  const previewUrl = (path: string): string => {
    const decoded = decodeURIComponent(path);
    const cut = decoded.lastIndexOf('/');
    const number = decoded.slice(0, cut);
    const id = decoded.slice(cut + 1);
    const e = (cases.get(number) ?? []).find((x) => x.id === id);
    const key = e?.bytes ?? 'missing';
    let url = blobUrls.get(key);
    if (!url) {
      const make = PREVIEW_BYTES[key];
      url = make ? URL.createObjectURL(make()) : `data:text/plain,not%20found`;
      blobUrls.set(key, url);
    }
    return url;
  };

  const checks = (number: string): ExhibitCheck[] =>
    listOf(number)
      .filter((e) => e.file)
      .map((e) => {
        const bad = e.custody.some((c) => c.hashCheck === 'mismatch');
        return {
          number: e.number,
          recorded: e.file!.sha256,
          found: bad ? fakeSha(`${e.id}-now`) : e.file!.sha256,
          ok: !bad,
          detail: bad ? 'The stored bytes do not match the SHA-256 recorded at intake.' : 'Matches the SHA-256 recorded at intake.',
        };
      });

  const drop = async (files?: PendingFile[]) => {
    pending = files ?? [
      { name: 'Screenshot 2026-03-21 at 22.14.03.png', size: 845_233 },
      { name: 'Screenshot 2026-03-21 at 22.15.41.png', size: 901_877 },
    ];
    await emit('files-dropped', pending);
  };

  return { handle, previewUrl, checks, drop };
}
