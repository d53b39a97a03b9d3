// DEVELOPMENT ONLY. The guided protocol, risk assessments, status lifecycle,
// protective orders, legal process, management plan and due list for the mock
// backend (see mockBackend.ts). It reads the protocol and checklist Vigil
// ships, and mirrors the backend's rules closely enough to look at the UI.
import protocolToml from '../../../assets/protocols/default.toml?raw';
import riskToml from '../../../assets/risk/factors.toml?raw';
import type {
  Answer,
  AnswerInput,
  CaseDetail,
  CaseStatus,
  CommandError,
  DueItem,
  FactorRating,
  LegalInput,
  LegalProcess,
  OrderInput,
  PlanInput,
  PlanItem,
  ProtectiveOrder,
  Protocol,
  ProtocolItem,
  ProtocolStatus,
  ProtocolView,
  Rating,
  RiskAssessment,
  RiskAssessmentInput,
  RiskCatalog,
  RiskLevel,
  StatusChange,
  StatusOption,
} from '../ipc/commands';
import { parseMiniToml } from './miniToml';

function fail(kind: CommandError['kind'], message: string): never {
  throw { kind, message } satisfies CommandError;
}

type Raw = Record<string, unknown>;
const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : d);
const list = (v: unknown): Raw[] => (Array.isArray(v) ? (v as Raw[]) : []);

function toProtocol(raw: Raw): Protocol {
  return {
    id: str(raw.id),
    version: Number(raw.version ?? 1),
    label: str(raw.label),
    description: str(raw.description),
    stages: list(raw.stage).map((st) => ({
      id: str(st.id),
      label: str(st.label),
      summary: str(st.summary),
      steps: list(st.step).map((sp) => {
        const requirement = str(sp.requirement, 'optional') as ProtocolItem['requirement'];
        return {
          id: str(sp.id),
          label: str(sp.label),
          requirement,
          guidance: str(sp.guidance),
          why: str(sp.why),
          items: list(sp.item).map(
            (it): ProtocolItem => ({
              id: str(it.id),
              kind: str(it.kind) as ProtocolItem['kind'],
              text: str(it.text),
              help: str(it.help),
              requirement: (str(it.requirement) || requirement) as ProtocolItem['requirement'],
              options: Array.isArray(it.options) ? (it.options as string[]) : [],
              role: (str(it.role) || null) as ProtocolItem['role'],
              record: (str(it.record) || null) as ProtocolItem['record'],
            }),
          ),
        };
      }),
    })),
  };
}

const V1 = toProtocol(parseMiniToml(protocolToml));

/** An agency's later version: one item dropped, one added (to show the upgrade). */
const V2: Protocol = (() => {
  const p: Protocol = JSON.parse(JSON.stringify(V1));
  p.version = 2;
  for (const st of p.stages)
    for (const sp of st.steps) {
      const i = sp.items.findIndex((x) => x.id === 'dangerMarkers');
      if (i >= 0) {
        sp.items.splice(i, 1, {
          id: 'familyCourtContact',
          kind: 'yesNo',
          text: 'Does a family-court order give the suspect contact with children?',
          help: 'Handovers of children are a common place for stalking contact.',
          requirement: 'recommended',
          options: [],
          role: null,
          record: null,
        });
      }
    }
  return p;
})();

const CATALOG: RiskCatalog = (() => {
  const raw = parseMiniToml(riskToml);
  return {
    id: str(raw.id),
    version: Number(raw.version ?? 1),
    label: str(raw.label),
    factors: list(raw.factor).map((f) => ({ id: str(f.id), group: str(f.group), label: str(f.label), description: str(f.description) })),
    typologies: list(raw.typology).map((t) => ({ id: str(t.id), label: str(t.label), description: str(t.description) })),
  };
})();

// ---- dates ---------------------------------------------------------------------------

function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function day(offset: number, from = isoDay(new Date())): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  return isoDay(new Date(y, m - 1, d + offset));
}

function stamp(offsetDays: number, hour = 10): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  d.setHours(hour, 15, 0, 0);
  return d.toISOString();
}

function checkDate(field: string, v: string | null | undefined, required = false): string | null {
  const s = (v ?? '').trim();
  if (!s) {
    if (required) fail('validation', `${field}: give the date as YYYY-MM-DD`);
    return null;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) fail('validation', `${field}: give the date as YYYY-MM-DD`);
  return s;
}

// ---- protocol status (mirrors the backend) --------------------------------------------

const given = (a: { value: string; values: string[] } | undefined) => !!a && (a.value.trim() !== '' || a.values.length > 0);

function statusOf(p: Protocol, answers: Answer[], newer: number | null): ProtocolStatus {
  const byId = new Map(answers.filter((a) => given(a)).map((a) => [a.itemId, a]));
  const stages: ProtocolStatus['stages'] = [];
  const omissions: ProtocolStatus['omissions'] = [];
  let answered = 0;
  let total = 0;
  let nextStep: string | null = null;
  const ids = new Set<string>();
  for (const st of p.stages) {
    const sp = { stageId: st.id, label: st.label, answered: 0, total: 0, requiredOpen: 0, recommendedOpen: 0 };
    for (const step of st.steps)
      for (const it of step.items) {
        ids.add(it.id);
        sp.total++;
        if (byId.has(it.id)) {
          sp.answered++;
          continue;
        }
        if (it.requirement === 'optional') continue;
        if (it.requirement === 'required') sp.requiredOpen++;
        else sp.recommendedOpen++;
        nextStep ??= step.id;
        omissions.push({ stageId: st.id, stepId: step.id, stepLabel: step.label, itemId: it.id, text: it.text, requirement: it.requirement });
      }
    answered += sp.answered;
    total += sp.total;
    stages.push(sp);
  }
  const orphaned = answers.filter((a) => !ids.has(a.itemId));
  return { protocolId: p.id, version: p.version, newerVersion: newer, answered, total, stages, omissions, nextStep, orphaned };
}

function itemOf(p: Protocol, id: string): ProtocolItem | null {
  for (const st of p.stages) for (const sp of st.steps) for (const it of sp.items) if (it.id === id) return it;
  return null;
}

function validateAnswer(item: ProtocolItem, a: AnswerInput): AnswerInput {
  const value = a.value.trim();
  const values = a.values.map((v) => v.trim()).filter(Boolean);
  if (item.kind === 'yesNo' && value && !['yes', 'no', 'unknown'].includes(value)) fail('validation', 'answer: answer yes, no or unknown');
  if (item.kind === 'choice' && value && !item.options.includes(value)) fail('validation', 'answer: choose one of the options');
  if (item.kind === 'checklist' && values.some((v) => !item.options.includes(v))) fail('validation', 'answer: tick only listed options');
  if (item.kind === 'date' && value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) fail('validation', 'answer: give the date as YYYY-MM-DD');
  if (item.kind === 'number' && value && Number.isNaN(Number(value))) fail('validation', 'answer: give a number');
  return { value, values, note: a.note.trim() };
}

// ---- case lifecycle (mirrors the backend) ---------------------------------------------

const NEXT: Record<CaseStatus, CaseStatus[]> = {
  reported: ['preliminary', 'assigned', 'closed'],
  preliminary: ['assigned', 'active', 'closed'],
  assigned: ['active', 'closed'],
  active: ['referred', 'monitoring', 'dormant', 'closed'],
  referred: ['filed', 'declined', 'returned'],
  filed: ['monitoring', 'closed'],
  declined: ['active', 'monitoring', 'dormant', 'closed'],
  returned: ['active', 'referred'],
  monitoring: ['active', 'dormant', 'closed'],
  dormant: ['active', 'monitoring', 'closed'],
  closed: ['active'],
};

const needsReason = (from: CaseStatus, to: CaseStatus) => ['declined', 'returned', 'closed'].includes(to) || from === 'closed';

const REVIEW_DAYS: Record<RiskLevel, number> = { imminent: 1, high: 7, moderate: 30, low: 90 };

// ---- seeded cases ------------------------------------------------------------------------

interface CaseState {
  version: 1 | 2;
  answers: Answer[];
  risks: RiskAssessment[];
  statuses: StatusChange[];
  orders: ProtectiveOrder[];
  legal: LegalProcess[];
  plan: PlanItem[];
  seq: number;
}

const SEEDED_TEXT: Record<string, string> = {
  victimLocationNow: 'At work, Northshire General (ward 4).',
  suspectLastSeen: 'Outside the staff entrance at 18:40 tonight, in his grey Ford Focus.',
  safeContactMethod: 'Text 07700 900123 before 18:00; he may see calls on the shared family plan.',
  dangerMarkers: 'Domestic incident in 2025 (NP-25-4410); no firearms licence found.',
  medicalHelpNeeded: '',
};

function seedAnswers(p: Protocol, fraction: (stageIndex: number) => number, skip: Set<string>): Answer[] {
  const out: Answer[] = [];
  p.stages.forEach((st, si) => {
    const items = st.steps.flatMap((s) => s.items);
    const n = Math.round(items.length * fraction(si));
    items.slice(0, n).forEach((it, k) => {
      if (skip.has(it.id)) return;
      let value = '';
      let values: string[] = [];
      switch (it.kind) {
        case 'yesNo':
          value = k % 4 === 3 ? 'unknown' : k % 3 === 2 ? 'no' : 'yes';
          break;
        case 'text':
          value = SEEDED_TEXT[it.id] ?? 'Recorded at the first interview.';
          break;
        case 'choice':
          value = it.options[0] ?? '';
          break;
        case 'checklist':
          values = it.options.slice(0, 2);
          break;
        case 'date':
          value = '2026-01-06';
          break;
        case 'number':
          value = '3';
          break;
        case 'person':
          values = [it.role === 'victim' ? 'p-victim' : it.role === 'witness' ? 'p-w1' : it.role === 'thirdParty' ? 'p-t1' : 'p-suspect'];
          break;
        case 'incidents':
          values = ['i7-3', 'i7-10'];
          break;
        case 'action':
          if (it.record === 'evidence') value = 'done';
          else return;
          break;
      }
      if (!value && values.length === 0) return;
      out.push({ itemId: it.id, version: p.version, value, values, note: '', answeredAt: stamp(-80 + si), answeredBy: 'PC J. Adeyemi (badge 2231)' });
    });
  });
  return out;
}

function ratings(present: string[], partly: string[], absent: string[]): FactorRating[] {
  return CATALOG.factors.map((f) => {
    const rating: Rating = present.includes(f.id) ? 'present' : partly.includes(f.id) ? 'partly' : absent.includes(f.id) ? 'absent' : 'unknown';
    return { factorId: f.id, rating, source: rating === 'unknown' ? '' : rating === 'present' ? 'Victim interview' : 'Records check', date: '' };
  });
}

function seedCase(number: string): CaseState {
  const empty: CaseState = { version: 2, answers: [], risks: [], statuses: [], orders: [], legal: [], plan: [], seq: 1 };
  const f = CATALOG.factors.map((x) => x.id);
  if (number === '2024-0173') {
    return {
      version: 1,
      seq: 1,
      answers: seedAnswers(V1, (si) => (si === 0 ? 1 : si === 1 ? 0.6 : si === 2 ? 0.25 : 0), new Set(['medicalHelpNeeded', 'weaponDetails'])),
      risks: [
        {
          id: 'r3',
          assessor: 'Dana Whitfield (badge 4471)',
          input: {
            assessedOn: day(-9),
            level: 'high',
            reasons:
              'Order breached three times since service; threats now name the victim’s workplace; suspect recently lost his job. Firearms access still unknown.',
            typology: 'rejected',
            factors: ratings(f.slice(0, 7), f.slice(7, 10), f.slice(14, 17)),
            instruments: [{ name: 'S-DASH', version: '2009', date: day(-10), assessor: 'PC J. Adeyemi', level: 'High risk' }],
            nextReview: null,
          },
          nextReview: day(-2),
          createdAt: stamp(-9),
        },
        {
          id: 'r2',
          assessor: 'Dana Whitfield (badge 4471)',
          input: {
            assessedOn: day(-40),
            level: 'moderate',
            reasons: 'Persistent contact after separation, one implied threat; no violence so far.',
            typology: 'rejected',
            factors: ratings(f.slice(0, 4), f.slice(4, 8), f.slice(12, 18)),
            instruments: [],
            nextReview: null,
          },
          nextReview: day(-10),
          createdAt: stamp(-40),
        },
        {
          id: 'r1',
          assessor: 'PC J. Adeyemi (badge 2231)',
          input: {
            assessedOn: day(-88),
            level: 'low',
            reasons: 'First screening at the call: calls and messages only, victim not very frightened yet.',
            typology: null,
            factors: ratings(f.slice(0, 2), f.slice(2, 4), f.slice(8, 18)),
            instruments: [],
            nextReview: null,
          },
          nextReview: day(2, day(-88)),
          createdAt: stamp(-88),
        },
      ],
      statuses: [
        { id: 's3', from: 'assigned', to: 'active', reason: '', changedAt: stamp(-80), changedBy: 'Dana Whitfield (badge 4471)' },
        { id: 's2', from: 'preliminary', to: 'assigned', reason: 'Pattern of 12 incidents; assigned to the stalking unit.', changedAt: stamp(-84), changedBy: 'Sgt. R. Kaur' },
        { id: 's1', from: 'reported', to: 'preliminary', reason: '', changedAt: stamp(-88), changedBy: 'PC J. Adeyemi (badge 2231)' },
      ],
      orders: [
        {
          id: 'o1',
          input: {
            kind: 'civil',
            court: 'Northshire County Court',
            issuedOn: day(-62),
            servedOn: day(-60),
            expiresOn: day(20),
            terms: 'No contact of any kind; stay 100 m from the victim’s home and workplace.',
          },
        },
      ],
      legal: [
        {
          id: 'l1',
          input: {
            kind: 'preservation',
            provider: 'Northshire Mobile',
            reference: 'NM-PR-7781',
            sentOn: day(-84),
            expiresOn: day(6),
            returnedOn: null,
            status: 'sent',
            notes: 'Subscriber and call records for 07700 900456.',
          },
        },
        {
          id: 'l2',
          input: {
            kind: 'subpoena',
            provider: 'Chatter Social Ltd',
            reference: 'SUB-2026-118',
            sentOn: day(-30),
            expiresOn: null,
            returnedOn: null,
            status: 'sent',
            notes: 'Account details for @dr_drives.',
          },
        },
        {
          id: 'l3',
          input: {
            kind: 'warrant',
            provider: 'Suspect’s vehicle (GPS tracker)',
            reference: 'W-4410',
            sentOn: day(-50),
            expiresOn: null,
            returnedOn: day(-44),
            status: 'returned',
            notes: '',
          },
        },
      ],
      plan: [
        { id: 'pl1', input: { kind: 'advocate', owner: 'Northshire Advocacy Service', startOn: day(-86), dueOn: day(3), status: 'awaiting', outcome: '' } },
        { id: 'pl2', input: { kind: 'warning', owner: 'Dana Whitfield', startOn: day(-70), dueOn: null, status: 'done', outcome: 'Knock-and-talk; suspect told the contact is unwanted. Denied everything.' } },
        { id: 'pl3', input: { kind: 'mentalHealth', owner: 'Community mental-health team', startOn: day(-20), dueOn: null, status: 'declined', outcome: 'No indication of mental illness; referral not accepted.' } },
      ],
    };
  }
  if (number === '2024-0190') {
    return {
      ...empty,
      answers: seedAnswers(V2, (si) => (si === 0 ? 0.5 : 0), new Set()),
      risks: [
        {
          id: 'r90',
          assessor: 'Dana Whitfield (badge 4471)',
          input: {
            assessedOn: day(-65),
            level: 'low',
            reasons: 'Unwanted gifts and messages from a co-worker; stopped after the warning.',
            typology: 'incompetentSuitor',
            factors: ratings([], f.slice(0, 2), f.slice(2, 12)),
            instruments: [],
            nextReview: null,
          },
          nextReview: day(25),
          createdAt: stamp(-65),
        },
      ],
      plan: [{ id: 'pl90', input: { kind: 'monitoring', owner: 'HR, Lindqvist Logistics', startOn: day(-60), dueOn: day(-1), status: 'awaiting', outcome: '' } }],
    };
  }
  return empty;
}

export interface ManagementContext {
  detail(number: string): CaseDetail;
  save(d: CaseDetail): void;
  all(): CaseDetail[];
  actor(): string;
}

export function makeManagementHandler(scenario: string, ctx: ManagementContext) {
  const states = new Map<string, CaseState>();
  const stateOf = (number: unknown): CaseState => {
    const n = String(number);
    ctx.detail(n); // not found → error
    let s = states.get(n);
    if (!s) {
      s = scenario === 'empty' ? seedCase('') : seedCase(n);
      states.set(n, s);
    }
    return s;
  };
  const writable = (number: unknown) => {
    if (ctx.detail(String(number)).readOnly) fail('readOnlyCase', 'This is a review copy; it cannot be changed.');
  };
  const protocolOf = (s: CaseState) => (s.version === 1 ? V1 : V2);
  const view = (s: CaseState): ProtocolView => {
    const p = protocolOf(s);
    return { protocol: p, answers: s.answers, status: statusOf(p, s.answers, s.version < 2 ? 2 : null) };
  };
  const history = (s: CaseState) => {
    const assessments = [...s.risks].sort((a, b) => b.input.assessedOn.localeCompare(a.input.assessedOn) || b.createdAt.localeCompare(a.createdAt));
    const [latest, previous] = assessments;
    const changes =
      latest && previous
        ? [...new Set([...previous.input.factors, ...latest.input.factors].map((x) => x.factorId))]
            .sort()
            .map((id) => ({
              factorId: id,
              from: previous.input.factors.find((x) => x.factorId === id)?.rating ?? null,
              to: latest.input.factors.find((x) => x.factorId === id)?.rating ?? null,
            }))
            .filter((c) => c.from !== c.to)
        : [];
    return { assessments, changes };
  };
  const upsert = <T extends { id: string; input: unknown }>(items: T[], id: string | null, input: T['input'], prefix: string, s: CaseState): T[] => {
    if (id) {
      const i = items.findIndex((x) => x.id === id);
      if (i < 0) fail('notFound', 'That record is not in this case.');
      items[i] = { ...items[i]!, input };
    } else {
      items.push({ id: `${prefix}${Date.now().toString(36)}${s.seq++}`, input } as T);
    }
    return items;
  };

  return async (cmd: string, args: Record<string, unknown>): Promise<{ value: unknown } | undefined> => {
    const pause = () => new Promise((r) => setTimeout(r, 80));
    switch (cmd) {
      case 'get_protocol':
        return { value: view(stateOf(args.number)) };
      case 'answer_item': {
        writable(args.number);
        const s = stateOf(args.number);
        const item = itemOf(protocolOf(s), String(args.itemId));
        if (!item) fail('notFound', 'There is no such item in this protocol.');
        const a = validateAnswer(item, args.answer as AnswerInput);
        await pause();
        const stored: Answer = { itemId: item.id, version: protocolOf(s).version, ...a, answeredAt: new Date().toISOString(), answeredBy: ctx.actor() };
        s.answers = [...s.answers.filter((x) => x.itemId !== item.id), stored];
        return { value: view(s) };
      }
      case 'upgrade_protocol': {
        writable(args.number);
        const s = stateOf(args.number);
        if (s.version === 2) fail('validation', 'protocol: this case already follows the newest version');
        await pause();
        s.version = 2;
        return { value: view(s) };
      }
      case 'get_risk_catalog':
        return { value: CATALOG };
      case 'risk_history':
        return { value: history(stateOf(args.number)) };
      case 'add_risk_assessment': {
        writable(args.number);
        const s = stateOf(args.number);
        const input = args.assessment as RiskAssessmentInput;
        const on = checkDate('assessment date', input.assessedOn, true)!;
        if (!input.reasons.trim()) fail('validation', 'reasons: say why you judged this level');
        for (const i of input.instruments)
          if (!i.name.trim() || !i.level.trim()) fail('validation', 'external instrument: give its name and the level it gave');
        const next = checkDate('next review', input.nextReview) ?? day(REVIEW_DAYS[input.level], on);
        await pause();
        s.risks.push({ id: `r${Date.now().toString(36)}`, assessor: ctx.actor(), input: { ...input, reasons: input.reasons.trim() }, nextReview: next, createdAt: new Date().toISOString() });
        return { value: history(s) };
      }
      case 'status_options': {
        const from = ctx.detail(String(args.number)).header.status;
        return { value: NEXT[from].map((to): StatusOption => ({ status: to, needsReason: needsReason(from, to) })) };
      }
      case 'change_status': {
        writable(args.number);
        const d = ctx.detail(String(args.number));
        const s = stateOf(args.number);
        const from = d.header.status;
        const to = args.to as CaseStatus;
        const reason = String(args.reason ?? '').trim();
        if (!NEXT[from].includes(to)) fail('validation', `status: a case that is ${from} can move to: ${NEXT[from].join(', ')}`);
        if (needsReason(from, to) && !reason) fail('validation', 'reason: give the reason for this change');
        await pause();
        const now = new Date().toISOString();
        s.statuses.unshift({ id: `s${Date.now().toString(36)}`, from, to, reason, changedAt: now, changedBy: ctx.actor() });
        const updated: CaseDetail = { ...d, header: { ...d.header, status: to, updatedAt: now }, auditEvents: d.auditEvents + 2, lastActivity: now };
        ctx.save(updated);
        return { value: updated };
      }
      case 'status_history':
        return { value: stateOf(args.number).statuses };
      case 'list_orders':
        return { value: [...stateOf(args.number).orders].sort((a, b) => a.input.issuedOn.localeCompare(b.input.issuedOn)) };
      case 'save_order': {
        writable(args.number);
        const s = stateOf(args.number);
        const o = args.order as OrderInput;
        const input: OrderInput = {
          ...o,
          issuedOn: checkDate('issued', o.issuedOn, true)!,
          servedOn: checkDate('served', o.servedOn),
          expiresOn: checkDate('expires', o.expiresOn),
          court: o.court.trim(),
          terms: o.terms.trim(),
        };
        if (input.expiresOn && input.expiresOn < input.issuedOn) fail('validation', 'expires: the order cannot expire before it was issued');
        await pause();
        upsert(s.orders, (args.id as string | null) ?? null, input, 'o', s);
        return { value: [...s.orders].sort((a, b) => a.input.issuedOn.localeCompare(b.input.issuedOn)) };
      }
      case 'list_legal':
        return { value: [...stateOf(args.number).legal].sort((a, b) => a.input.sentOn.localeCompare(b.input.sentOn)) };
      case 'save_legal': {
        writable(args.number);
        const s = stateOf(args.number);
        const l = args.legal as LegalInput;
        if (!l.provider.trim()) fail('validation', 'provider: name the provider or recipient');
        const sent = checkDate('sent', l.sentOn, true)!;
        let expires = checkDate('expires', l.expiresOn);
        if (!expires && l.kind === 'preservation') expires = day(90, sent);
        const input: LegalInput = { ...l, provider: l.provider.trim(), reference: l.reference.trim(), sentOn: sent, expiresOn: expires, returnedOn: checkDate('returned', l.returnedOn), notes: l.notes.trim() };
        await pause();
        upsert(s.legal, (args.id as string | null) ?? null, input, 'l', s);
        return { value: [...s.legal].sort((a, b) => a.input.sentOn.localeCompare(b.input.sentOn)) };
      }
      case 'list_plan':
        return { value: [...stateOf(args.number).plan].sort((a, b) => a.input.startOn.localeCompare(b.input.startOn)) };
      case 'save_plan_item': {
        writable(args.number);
        const s = stateOf(args.number);
        const p = args.item as PlanInput;
        if (!p.owner.trim()) fail('validation', 'owner: this field is required');
        const input: PlanInput = { ...p, owner: p.owner.trim(), startOn: checkDate('start', p.startOn, true)!, dueOn: checkDate('due', p.dueOn), outcome: p.outcome.trim() };
        await pause();
        upsert(s.plan, (args.id as string | null) ?? null, input, 'pl', s);
        return { value: [...s.plan].sort((a, b) => a.input.startOn.localeCompare(b.input.startOn)) };
      }
      case 'due_list': {
        const today = day(0);
        const horizon = day(30);
        const out: DueItem[] = [];
        for (const d of ctx.all()) {
          if (d.header.status === 'closed') continue;
          const s = stateOf(d.header.number);
          const push = (kind: DueItem['kind'], label: string, due: string) => {
            if (due <= horizon) out.push({ caseNumber: d.header.number, caseTitle: d.header.title, kind, label, dueOn: due, overdue: due < today });
          };
          const latest = history(s).assessments[0];
          if (latest) push('reassessment', `Reassess risk (last judged ${latest.input.level})`, latest.nextReview);
          for (const l of s.legal)
            if (l.input.kind === 'preservation' && (l.input.status === 'sent' || l.input.status === 'renewed') && l.input.expiresOn)
              push('preservationExpiring', `Preservation letter to ${l.input.provider} runs out: renew or serve process`, l.input.expiresOn);
          for (const o of s.orders)
            if (o.input.expiresOn && o.input.expiresOn >= today) push('orderExpiring', `${o.input.kind} order (${o.input.court}) expires`, o.input.expiresOn);
          for (const p of s.plan)
            if ((p.input.status === 'requested' || p.input.status === 'awaiting') && p.input.dueOn)
              push('referralAwaiting', `Answer awaited: ${p.input.kind} referral (${p.input.owner})`, p.input.dueOn);
        }
        out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.caseNumber.localeCompare(b.caseNumber));
        return { value: out };
      }
      default:
        return undefined;
    }
  };
}
