// DEVELOPMENT ONLY. The case packet for the mock backend (see mockBackend.ts):
// the statute profiles Vigil ships (read from ../assets), each case's charged
// statutes, hand-made element links and packet details, an elements matrix
// with gaps worked out roughly as the core does, preview and export with
// progress events and cancel (a small generated PDF served as a blob: URL in
// place of `vexhibit://localhost/packet-preview`), the export history and a
// signing certificate. The real rules are the backend's.
import { emit } from '@tauri-apps/api/event';
import caToml from '../../../assets/statutes/ca-pc-646-9.toml?raw';
import modelToml from '../../../assets/statutes/model-stalking-code.toml?raw';
import s2aToml from '../../../assets/statutes/uk-pha-1997-s2a.toml?raw';
import s4aToml from '../../../assets/statutes/uk-pha-1997-s4a.toml?raw';
import federalToml from '../../../assets/statutes/us-18-usc-2261a.toml?raw';
import type {
  CaseDetail,
  CommandError,
  ElementKind,
  ElementLink,
  ElementRow,
  ElementsMatrix,
  ExhibitRow,
  Gap,
  Incident,
  PacketExport,
  PacketInfo,
  PacketOptions,
  PacketProfile,
  PacketProgress,
  PacketReport,
  SignerInfoSummary,
  Statute,
  StatuteElement,
  Support,
} from '../ipc/commands';
import { TAXONOMY } from './mockIncidents';
import { parseMiniToml } from './miniToml';

function fail(kind: CommandError['kind'], message: string): never {
  throw { kind, message } satisfies CommandError;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Raw = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): Raw[] => (Array.isArray(v) ? (v as Raw[]) : []);

function toStatute(text: string): Statute {
  const raw = parseMiniToml(text);
  const el = (e: Raw, aggravator: boolean): StatuteElement => ({
    id: str(e.id),
    kind: str(e.kind) as ElementKind,
    label: str(e.label),
    text: str(e.text),
    aggravator,
  });
  return {
    id: str(raw.id),
    version: Number(raw.version ?? 1),
    label: str(raw.label),
    jurisdiction: str(raw.jurisdiction),
    summary: str(raw.summary),
    references: Array.isArray(raw.references) ? (raw.references as string[]) : [],
    elements: [...list(raw.element).map((e) => el(e, false)), ...list(raw.aggravator).map((e) => el(e, true))],
  };
}

const STATUTES: Statute[] = [caToml, federalToml, s2aToml, s4aToml, modelToml].map(toStatute);

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

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  try {
    const d = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
    return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return fakeSha(String(bytes.length));
  }
}

// ---- the matrix, roughly as the core works it out ----------------------------------------

const THREAT_CATEGORIES = new Set(['threats', 'threatsOthers']);
const KNOWLEDGE_CATEGORIES = new Set(['warningDelivered', 'orderServed']);
const ORDER_CATEGORIES = new Set(['poViolation']);
const CATEGORY_LABEL = new Map(TAXONOMY.categories.map((c) => [c.id, c.label]));

function derived(i: Incident, kind: ElementKind): boolean {
  const cat = i.input.category;
  const act = !!i.input.suspectId && i.input.attribution !== 'unknown' && (i.group !== 'system' || ORDER_CATEGORIES.has(cat));
  switch (kind) {
    case 'courseOfConduct':
    case 'directedAt':
      return act;
    case 'threat':
      return THREAT_CATEGORIES.has(cat);
    case 'knowledge':
      return KNOWLEDGE_CATEGORIES.has(cat);
    case 'fear':
      return !['none', 'unknown'].includes(i.input.fearLevel) || i.input.victimWords.trim() !== '';
    case 'orderInForce':
      return ORDER_CATEGORIES.has(cat);
    default:
      return false;
  }
}

type LinkKey = `${'incident' | 'exhibit'}:${string}`;

interface PacketCase {
  statutes: string[];
  links: Map<LinkKey, ElementKind[]>;
  info: PacketInfo;
  history: PacketExport[];
}

function buildMatrix(c: PacketCase, incidents: Incident[], exhibits: ExhibitRow[]): ElementsMatrix {
  const statutes = c.statutes.map((id) => STATUTES.find((s) => s.id === id)).filter((s): s is Statute => !!s);
  const has = (record: 'incident' | 'exhibit', id: string, k: ElementKind) => (c.links.get(`${record}:${id}`) ?? []).includes(k);
  const sorted = [...incidents].sort((a, b) => a.occurred.from.localeCompare(b.occurred.from));
  const cache = new Map<ElementKind, { inc: Support[]; ex: Support[] }>();
  const supportFor = (k: ElementKind) => {
    const hit = cache.get(k);
    if (hit) return hit;
    const inc: Support[] = [];
    const ids = new Set<string>();
    for (const i of sorted) {
      const l = has('incident', i.id, k);
      if (l || derived(i, k)) {
        inc.push({ record: 'incident', id: i.id, label: `${i.occurred.display} — ${CATEGORY_LABEL.get(i.input.category) ?? i.input.category}`, linked: l });
        ids.add(i.id);
      }
    }
    const ex: Support[] = [];
    for (const e of exhibits) {
      const l = has('exhibit', e.id, k);
      if (l || e.incidentIds.some((x) => ids.has(x))) ex.push({ record: 'exhibit', id: e.id, label: e.number, linked: l });
    }
    const out = { inc, ex };
    cache.set(k, out);
    return out;
  };
  const rows: ElementRow[] = statutes.flatMap((s) =>
    s.elements.map((element) => {
      const { inc, ex } = supportFor(element.kind);
      return { statuteId: s.id, element, incidents: inc, exhibits: ex };
    }),
  );
  const gaps: Gap[] = [];
  const gap = (code: string, level: Gap['level'], message: string, statuteId: string | null = null, elementId: string | null = null) =>
    gaps.push({ code, level, message, statuteId, elementId });
  if (statutes.length === 0)
    gap('noStatute', 'serious', 'No statute is chosen: choose the offences the case is charged under to see what each element needs.');
  const acts = supportFor('courseOfConduct').inc.length;
  if (acts < 2)
    gap(
      'fewActs',
      'serious',
      `Only ${acts} act(s) are attributed to the suspect: a course of conduct needs at least two. Name the suspect and how it is known it was them on each incident.`,
    );
  if (supportFor('fear').inc.length === 0)
    gap('noFear', 'serious', "Fear or distress is documented for none of the incidents: record the victim's fear level and own words.");
  if (supportFor('knowledge').inc.length === 0)
    gap(
      'notToldToStop',
      'warning',
      'Nothing shows the suspect was told to stop (a request from the victim, a warning or a served order): knowledge is often the hardest element to prove.',
    );
  for (const s of statutes)
    for (const el of s.elements.filter((e) => !e.aggravator)) {
      const row = rows.find((r) => r.statuteId === s.id && r.element.id === el.id)!;
      const none = row.incidents.length === 0 && row.exhibits.length === 0;
      if (el.kind === 'threat' && none)
        gap('noThreat', 'serious', `${s.label}: the element “${el.label}” needs a threat, and no incident or exhibit records one.`, s.id, el.id);
      else if (none && el.kind !== 'courseOfConduct' && el.kind !== 'fear')
        gap('unsupported', 'serious', `${s.label}: nothing supports “${el.label}” yet.`, s.id, el.id);
      else if (row.incidents.length > 0 && row.exhibits.length === 0)
        gap('noExhibit', 'warning', `${s.label}: “${el.label}” rests on accounts alone; no exhibit corroborates it.`, s.id, el.id);
    }
  const links: ElementLink[] = [...c.links.entries()]
    .filter(([, kinds]) => kinds.length > 0)
    .map(([key, kinds]) => {
      const cut = key.indexOf(':');
      return { record: key.slice(0, cut), id: key.slice(cut + 1), elements: [...kinds].sort() };
    })
    .sort((a, b) => `${a.record}:${a.id}`.localeCompare(`${b.record}:${b.id}`));
  return { statutes, rows, gaps, links };
}

// ---- a small PDF -------------------------------------------------------------------------

const ASCII: Record<string, string> = { '—': '-', '–': '-', '§': 'S.', '’': "'", '‘': "'", '“': '"', '”': '"', '…': '...', '·': '-' };

function ascii(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, (c) => ASCII[c] ?? '?').replace(/[()\\]/g, '');
}

function wrap(text: string, width = 88): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of ascii(text).split(/\s+/)) {
    if (line && line.length + w.length + 1 > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}

/** Pages of text lines (a line starting "# " is a heading) as a well-formed PDF. */
function makePdf(pages: string[][], size: [number, number], footer: (n: number, total: number) => string, watermark: string | null): Uint8Array {
  const [w, h] = size;
  const objs: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>'];
  const kids: number[] = [];
  pages.forEach((lines, p) => {
    let y = h - 64;
    const ops: string[] = [];
    if (watermark) ops.push(`q 0.85 g BT /F2 40 Tf 0.7071 0.7071 -0.7071 0.7071 ${w / 2 - 230} ${h / 2 - 160} Tm (${ascii(watermark)}) Tj ET Q`);
    for (const l of lines) {
      const heading = l.startsWith('# ');
      const size = heading ? 15 : 10.5;
      if (heading) y -= 6;
      ops.push(`BT /${heading ? 'F2' : 'F1'} ${size} Tf 56 ${y} Td (${ascii(heading ? l.slice(2) : l)}) Tj ET`);
      y -= heading ? 24 : 15;
    }
    ops.push(`BT /F1 8 Tf 56 30 Td (${ascii(footer(p + 1, pages.length))}) Tj ET`);
    const stream = ops.join('\n');
    objs.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    const contents = objs.length;
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Contents ${contents} 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>`);
    kids.push(objs.length);
  });
  objs[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const COPY_LABEL: Record<PacketProfile, string> = {
  prosecutor: 'PROSECUTOR COPY',
  discovery: 'DEFENCE DISCOVERY COPY',
  supervisor: 'SUPERVISOR REVIEW COPY',
  training: 'TRAINING — NOT EVIDENCE',
};

// ---- seed data -----------------------------------------------------------------------------

const DAY = 86_400_000;
const isoAgo = (ms: number) => new Date(Date.now() - ms).toISOString();

function seed(number: string): PacketCase {
  const empty: PacketInfo = { charges: '', custody: '', safetyAlert: '', summary: '', relationship: '', recommendations: '' };
  if (number === '2024-0173')
    return {
      statutes: ['uk-pha-1997-s4a', 'model-stalking-code'],
      links: new Map<LinkKey, ElementKind[]>([
        ['exhibit:x2', ['fear', 'threat']],
        ['exhibit:x3', ['courseOfConduct', 'directedAt']],
        ['exhibit:x4', ['courseOfConduct']],
      ]),
      info: {
        charges: 'Stalking involving fear of violence, Protection from Harassment Act 1997 s.4A',
        custody: 'Arrested 21 March; released on police bail with conditions not to contact the victim',
        safetyAlert: 'The suspect found the victim after she moved. Do not disclose her new address; contact her only through the IDVA.',
        summary:
          'Daniel Reyes (34) and Miriam Okafor (31) separated in October 2025. Since January 2026 he has contacted, followed and watched her on more than 250 occasions, placed a GPS tracker on her car and left a voicemail threatening her for going to the police. Risk was assessed as high on 14 March. We ask for a charge under s.4A and a remand in custody, or strict bail conditions with an exclusion zone.',
        relationship: 'Together for four years, living together for two. The victim ended the relationship after he checked her phone and followed her to work.',
        recommendations: 'Charge s.4A. Oppose bail; if granted, conditions: no contact direct or indirect, exclusion zone around Larch Close and Northshire General, surrender of vehicle tracker devices. Apply for a stalking protection order.',
      },
      history: [
        { at: isoAgo(DAY * 2 + 3_600_000 * 5), by: 'Dana Whitfield (badge 4471)', profile: 'prosecutor', pages: 23, file: '2024-0173-packet-prosecutor.pdf', sha256: fakeSha('2024-0173-prosecutor') },
        { at: isoAgo(DAY * 6), by: 'Dana Whitfield (badge 4471)', profile: 'supervisor', pages: 21, file: '2024-0173-packet-supervisor.pdf', sha256: fakeSha('2024-0173-supervisor') },
      ],
    };
  if (number === '2023-1102')
    return {
      statutes: ['model-stalking-code'],
      links: new Map(),
      info: { ...empty, charges: 'Stalking (model code)', summary: 'Online stalking through several social-media accounts; referred to the Cybercrime Unit.' },
      history: [{ at: isoAgo(DAY * 31), by: 'Sam Ortega (badge 3310)', profile: 'prosecutor', pages: 14, file: '2023-1102-packet-prosecutor.pdf', sha256: fakeSha('2023-1102') }],
    };
  return { statutes: [], links: new Map(), info: empty, history: [] };
}

// ---- commands ------------------------------------------------------------------------------

export interface PacketContext {
  detail(number: string): CaseDetail;
  actor(): string;
  incidents(number: string): Incident[];
  exhibits(number: string): Promise<ExhibitRow[]>;
}

export interface PacketMock {
  handle(cmd: string, args: Record<string, unknown>): Promise<{ value: unknown } | undefined>;
  /** The last preview as a blob: URL (stands in for `vexhibit://localhost/packet-preview`). */
  previewUrl(): string;
}

export function makePacketHandler(scenario: string, ctx: PacketContext): PacketMock {
  const cases = new Map<string, PacketCase>();
  let cancelled = false;
  let preview: string | null = null;

  const caseOf = (number: unknown): PacketCase => {
    const n = String(number);
    ctx.detail(n);
    let c = cases.get(n);
    if (!c) {
      c = scenario === 'empty' ? seed('') : seed(n);
      cases.set(n, c);
    }
    return c;
  };
  const writable = (number: unknown) => {
    if (ctx.detail(String(number)).readOnly) fail('readOnlyCase', 'This is a review copy; it cannot be changed.');
  };
  const matrixOf = async (number: unknown) => buildMatrix(caseOf(number), ctx.incidents(String(number)), await ctx.exhibits(String(number)));

  const render = async (number: string, opts: PacketOptions): Promise<{ bytes: Uint8Array; pages: number }> => {
    cancelled = false;
    const step = async (stage: string, percent: number, ms: number) => {
      await emit('packet-progress', { stage, percent } satisfies PacketProgress);
      await sleep(ms);
      if (cancelled) fail('cancelled', 'The packet was cancelled.');
    };
    const d = ctx.detail(number);
    const c = caseOf(number);
    await step('Reading the case', 2, 250);
    const m = await matrixOf(number);
    await step('Laying out the pages', 10, 600);
    const pages: string[][] = [
      [
        `# Case packet ${d.header.number}`,
        ascii(d.header.title),
        '',
        COPY_LABEL[opts.profile],
        '',
        `Charges sought: ${c.info.charges || '(not given)'}`,
        `Custody: ${c.info.custody || '(not given)'}`,
        '',
        ...(c.info.safetyAlert ? ['# Victim-safety alert', ...wrap(c.info.safetyAlert)] : []),
        '',
        `Investigator: ${ctx.actor()}`,
      ],
      ['# Contents', 'Summary ........ 3', 'Elements matrix and gaps ........ 4', 'Integrity ........ 5'],
      ['# Summary', ...wrap(c.info.summary || 'No summary written.')],
      [
        '# Elements matrix',
        ...m.statutes.flatMap((s) => [
          '',
          ascii(s.label),
          ...m.rows
            .filter((r) => r.statuteId === s.id)
            .map((r) => `${r.element.aggravator ? '  (aggravator) ' : '  '}${r.element.label}: ${r.incidents.length} incident(s), ${r.exhibits.length} exhibit(s)`),
        ]),
        '',
        '# Gaps',
        ...m.gaps.flatMap((g) => wrap(`${g.level === 'serious' ? 'SERIOUS' : 'Warning'}: ${g.message}`)),
      ],
      [
        '# Integrity',
        'Signed with the investigator\'s certificate; the manifest lists every exhibit with its SHA-256.',
        opts.profile === 'discovery' ? "Withheld: confidential identifiers, addresses, victim's contact details, safety plan." : 'Nothing is withheld from this copy.',
      ],
    ];
    const sections = opts.sections.length === 0 ? 16 : opts.sections.length;
    for (let i = 0; i < Math.ceil(sections / 2); i++) pages.splice(3, 0, [`# Section ${i + 1}`, '(mock content)']);
    await step('Drawing the pages', 45, 700);
    const size: [number, number] = opts.paper === 'a4' ? [595, 842] : [612, 792];
    const bytes = makePdf(
      pages,
      size,
      (n, total) => `Case ${d.header.number} - ${COPY_LABEL[opts.profile]} - page ${n} of ${total}`,
      opts.profile === 'training' ? COPY_LABEL.training : null,
    );
    await step('Writing the PDF', 70, 500);
    await step('Signing', 90, 400);
    await emit('packet-progress', { stage: 'Done', percent: 100 } satisfies PacketProgress);
    return { bytes, pages: pages.length };
  };

  const handle = async (cmd: string, args: Record<string, unknown>): Promise<{ value: unknown } | undefined> => {
    switch (cmd) {
      case 'list_statutes':
        return { value: structuredClone(STATUTES) };
      case 'elements_matrix':
        return { value: await matrixOf(args.number) };
      case 'set_case_statutes': {
        writable(args.number);
        const ids = (args.ids as string[]) ?? [];
        const unknown = ids.find((id) => !STATUTES.some((s) => s.id === id));
        if (unknown) fail('validation', `statute: there is no statute profile ${unknown}`);
        caseOf(args.number).statutes = [...new Set(ids)];
        return { value: await matrixOf(args.number) };
      }
      case 'set_element_links': {
        writable(args.number);
        const record = String(args.record);
        if (record !== 'incident' && record !== 'exhibit') fail('validation', 'record: use "incident" or "exhibit"');
        caseOf(args.number).links.set(`${record}:${String(args.id)}`, [...new Set((args.elements as ElementKind[]) ?? [])]);
        await sleep(60);
        return { value: await matrixOf(args.number) };
      }
      case 'get_packet_info':
        return { value: { ...caseOf(args.number).info } };
      case 'save_packet_info': {
        writable(args.number);
        const info = args.info as PacketInfo;
        const trimmed = Object.fromEntries(Object.entries(info).map(([k, v]) => [k, String(v ?? '').trim()])) as PacketInfo;
        await sleep(150);
        caseOf(args.number).info = trimmed;
        return { value: { ...trimmed } };
      }
      case 'packet_history':
        return { value: structuredClone(caseOf(args.number).history) };
      case 'signing_identity':
        return {
          value: {
            subject: `CN=${ctx.actor().replace(/ \(badge \d+\)$/, '')},OU=Stalking Unit,O=Northshire Police`,
            fingerprint: fakeSha('signing-certificate'),
          } satisfies SignerInfoSummary,
        };
      case 'cancel_packet':
        cancelled = true;
        return { value: null };
      case 'preview_packet': {
        const r = await render(String(args.number), args.options as PacketOptions);
        if (preview) URL.revokeObjectURL(preview);
        preview = URL.createObjectURL(new Blob([r.bytes as BlobPart], { type: 'application/pdf' }));
        return { value: r.pages };
      }
      case 'export_packet': {
        const number = String(args.number);
        const opts = args.options as PacketOptions;
        await sleep(500); // the native save dialog
        const r = await render(number, opts);
        const file = `${number}-packet-${opts.profile}.pdf`;
        const report: PacketReport = { path: `/home/dana/Documents/${file}`, sha256: await sha256Hex(r.bytes), pages: r.pages, bytes: r.bytes.length, profile: opts.profile };
        caseOf(number).history.unshift({ at: new Date().toISOString(), by: ctx.actor(), profile: opts.profile, pages: r.pages, file, sha256: report.sha256 });
        return { value: report };
      }
      default:
        return undefined;
    }
  };

  // The fragment keeps the page's `?v=N` cache-buster out of the blob: URL lookup.
  const previewUrl = () => (preview ? `${preview}#` : 'data:text/plain,no%20preview');

  return { handle, previewUrl };
}
