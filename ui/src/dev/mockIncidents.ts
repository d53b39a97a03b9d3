// DEVELOPMENT ONLY. Incidents, people, taxonomy, import and export for the
// mock backend (see mockBackend.ts). Generated, seeded data: the same every run.
import type {
  Bucket,
  CommandError,
  Histogram,
  HistogramBar,
  IdentifierHit,
  ImportColumn,
  ImportField,
  ImportPreview,
  ImportRowPreview,
  Incident,
  IncidentFilter,
  IncidentInput,
  IncidentSummary,
  Person,
  PersonInput,
  Precision,
  Taxonomy,
  When,
  WhenParse,
} from '../ipc/commands';

function fail(kind: CommandError['kind'], message: string): never {
  throw { kind, message } satisfies CommandError;
}

// ---- taxonomy ----------------------------------------------------------------

export const TAXONOMY: Taxonomy = {
  id: 'slii',
  version: 1,
  label: 'SLII (Surveillance, Life invasion, Intimidation, Interference)',
  groups: [
    { id: 'surveillance', label: 'Surveillance', color: '#3a7bc8', system: false },
    { id: 'lifeInvasion', label: 'Life invasion', color: '#d99a1e', system: false },
    { id: 'intimidation', label: 'Intimidation', color: '#a45fd0', system: false },
    { id: 'interference', label: 'Interference', color: '#d1442b', system: false },
    { id: 'system', label: 'Court and police', color: '#7d8793', system: true },
  ],
  categories: [
    ['following', 'surveillance', 'Following'],
    ['watching', 'surveillance', 'Watching or waiting outside'],
    ['showingUp', 'surveillance', 'Showing up uninvited'],
    ['tracking', 'surveillance', 'Tracking (GPS, apps, devices)'],
    ['monitoringOnline', 'surveillance', 'Monitoring online activity'],
    ['askingAbout', 'surveillance', 'Gathering information through others'],
    ['unwantedCalls', 'lifeInvasion', 'Unwanted calls'],
    ['unwantedMessages', 'lifeInvasion', 'Unwanted texts or messages'],
    ['unwantedGifts', 'lifeInvasion', 'Unwanted gifts or letters'],
    ['contactingOthers', 'lifeInvasion', 'Contacting family, friends or co-workers'],
    ['publicHumiliation', 'lifeInvasion', 'Public humiliation or posting private information'],
    ['trespass', 'lifeInvasion', 'Entering home or property'],
    ['threats', 'intimidation', 'Threats to the victim'],
    ['threatsOthers', 'intimidation', 'Threats to others or pets'],
    ['propertyDamage', 'intimidation', 'Property damage'],
    ['suicideThreats', 'intimidation', 'Threats of suicide'],
    ['scaring', 'intimidation', 'Frightening behaviour'],
    ['physicalAttack', 'interference', 'Physical attack'],
    ['sexualAssault', 'interference', 'Sexual assault'],
    ['sabotageWork', 'interference', 'Sabotage of work or reputation'],
    ['financialSabotage', 'interference', 'Financial sabotage'],
    ['harmPet', 'interference', 'Harming a pet'],
    ['poViolation', 'system', 'Protective order violation'],
    ['warningDelivered', 'system', 'Warning delivered'],
    ['orderServed', 'system', 'Order served'],
    ['arrest', 'system', 'Arrest'],
  ].map(([id, group, label]) => ({ id: id!, group: group!, label: label!, description: '' })),
};

const GROUP_OF = new Map(TAXONOMY.categories.map((c) => [c.id, c.group]));
const LABEL_OF = new Map(TAXONOMY.categories.map((c) => [c.id, c.label]));
const SYSTEM = new Set(TAXONOMY.groups.filter((g) => g.system).map((g) => g.id));

// ---- time zones and dates -----------------------------------------------------

const TZ = 'Europe/London';

function offsetMs(utc: number, tz: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utc));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utc / 1000) * 1000;
}

/** A wall-clock time in `tz` as a UTC instant. */
function zoned(y: number, mo: number, d: number, h: number, mi: number, tz: string): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const first = guess - offsetMs(guess, tz);
  return guess - offsetMs(first, tz);
}

function display(utc: number, tz: string, precision: Precision, approxText?: string): string {
  const d = new Date(utc);
  if (precision === 'approximate' && approxText) return approxText;
  if (precision === 'month') return new Intl.DateTimeFormat('en-GB', { timeZone: tz, month: 'short', year: 'numeric' }).format(d);
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: tz,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  })
    .format(d)
    .replace(',', '');
  if (precision === 'day') return day;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return `${day}, ${time}`;
}

function iso(utc: number): string {
  return new Date(utc).toISOString().replace('.000Z', 'Z');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase());
}

/** A small stand-in for the backend's date reader. */
export function parseWhenText(text: string, tzArg: string | null): WhenParse {
  const tz = tzArg || TZ;
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const bad = (): WhenParse => ({
    when: null,
    problem: `Vigil cannot read “${text.trim()}” as a date. Try “14/3/2026 21:30” or “early March 2026”.`,
  });
  if (!t) return { when: null, problem: null };
  const mk = (from: number, to: number | null, precision: Precision, approx?: string): WhenParse => {
    if (from > Date.now() + 60_000) return { when: null, problem: 'That date is in the future.' };
    return { when: { from: iso(from), to: to === null ? null : iso(to), precision, tz, display: display(from, tz, precision, approx) }, problem: null };
  };
  const time = (s: string | undefined): [number, number] | null | 'bad' => {
    if (!s) return null;
    const m = /^(\d{1,2})(?:[:.](\d{2}))? ?(am|pm)?$/.exec(s.trim());
    if (!m) return 'bad';
    let h = Number(m[1]);
    const mi = Number(m[2] ?? 0);
    if (m[3] === 'pm' && h < 12) h += 12;
    if (m[3] === 'am' && h === 12) h = 0;
    if (h > 23 || mi > 59) return 'bad';
    return [h, mi];
  };
  const day = (y: number, mo: number, d: number, tm: string | undefined): WhenParse => {
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return { when: null, problem: `There is no month ${mo} or day ${d}.` };
    const hm = time(tm);
    if (hm === 'bad') return bad();
    if (hm) return mk(zoned(y, mo, d, hm[0], hm[1], tz), null, 'exact');
    return mk(zoned(y, mo, d, 0, 0, tz), zoned(y, mo, d + 1, 0, 0, tz), 'day');
  };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t](.+))?$/.exec(t);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]), m[4]);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})(?: (.+))?$/.exec(t);
  if (m) {
    let a = Number(m[1]);
    let b = Number(m[2]);
    // US order unless the first number cannot be a month.
    if (a > 12) [a, b] = [b, a];
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return day(y, a, b, m[4]);
  }
  m = /^(?:[a-z]{3,9},? )?(\d{1,2}) ([a-z]{3,9}) (\d{4})(?:,? (.+))?$/.exec(t);
  if (m && monthIndex(m[2]!) >= 0) return day(Number(m[3]), monthIndex(m[2]!) + 1, Number(m[1]), m[4]);
  m = /^([a-z]{3,9}) (\d{1,2}),? (\d{4})(?:,? (.+))?$/.exec(t);
  if (m && monthIndex(m[1]!) >= 0) return day(Number(m[3]), monthIndex(m[1]!) + 1, Number(m[2]), m[4]);
  m = /^(early|mid|late) ([a-z]{3,9}) (\d{4})$/.exec(t);
  if (m && monthIndex(m[2]!) >= 0) {
    const y = Number(m[3]);
    const mo = monthIndex(m[2]!) + 1;
    const [a, b] = m[1] === 'early' ? [1, 11] : m[1] === 'mid' ? [11, 21] : [21, 32];
    const from = zoned(y, mo, a, 0, 0, tz);
    const to = Math.min(zoned(y, mo, b, 0, 0, tz), zoned(y, mo + 1, 1, 0, 0, tz));
    const word = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: tz }).format(from);
    return mk(from, to, 'approximate', `${m[1]} ${word} (approx.)`);
  }
  m = /^([a-z]{3,9}) (\d{4})$/.exec(t);
  if (m && monthIndex(m[1]!) >= 0) {
    const y = Number(m[2]);
    const mo = monthIndex(m[1]!) + 1;
    return mk(zoned(y, mo, 1, 0, 0, tz), zoned(y, mo + 1, 1, 0, 0, tz), 'month');
  }
  return bad();
}

// ---- seeded data ----------------------------------------------------------------

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NARRATIVES: Record<string, string[]> = {
  following: [
    'Victim noticed the suspect’s silver Ford Focus behind her bus from Market Street to the hospital car park.',
    'Suspect walked about 20 metres behind the victim from the gym to her car, stopping when she stopped.',
  ],
  watching: [
    'Neighbour saw the suspect’s car parked opposite the victim’s house with the engine running for about an hour.',
    'Victim saw the suspect sitting in the café across from her office at lunchtime, watching the entrance.',
  ],
  showingUp: [
    'Suspect appeared at the victim’s sister’s birthday dinner although nobody had told him where it was.',
    'Suspect was waiting by the staff entrance when the victim finished her night shift.',
  ],
  tracking: ['Garage found a GPS tracker taped inside the rear bumper of the victim’s car.'],
  monitoringOnline: ['Suspect commented on a photo the victim had posted 10 minutes earlier from a private account.'],
  askingAbout: ['Suspect called the victim’s manager asking which shifts she was working this month.'],
  unwantedCalls: [
    '14 calls from a withheld number between 23:00 and 02:00; victim did not answer.',
    'Call from the suspect’s mobile; victim answered and hung up when she recognised his voice.',
  ],
  unwantedMessages: [
    'Series of 37 texts over the evening, alternating between apologies and insults. Screenshots saved.',
    'Message request on Instagram from a new account using the suspect’s nickname.',
    'Texts asking why she changed her hair and who she was with at the weekend.',
  ],
  unwantedGifts: ['Flowers left on the doorstep with a card: “I’ll always know where you are.”'],
  contactingOthers: ['Suspect messaged the victim’s mother claiming the victim is unwell and needs him.'],
  publicHumiliation: ['Fake profile in the victim’s name posted her workplace and photographs.'],
  trespass: ['Victim found the back gate open and footprints in the flower bed under her bedroom window.'],
  threats: ['Voicemail from the suspect saying she will regret going to the police.'],
  threatsOthers: ['Suspect told the victim’s brother that he knows where his children go to school.'],
  propertyDamage: ['All four tyres of the victim’s car slashed overnight on the driveway.'],
  suicideThreats: ['Suspect texted a photograph of pills with “this is on you”.'],
  scaring: ['Dead flowers left on the car windscreen with the victim’s new address written on the card.'],
  physicalAttack: ['Suspect grabbed the victim’s arm in the supermarket car park and pulled her towards his car.'],
  sexualAssault: ['See separate report; victim disclosed during interview.'],
  sabotageWork: ['Anonymous complaint to the victim’s employer accusing her of stealing medication.'],
  financialSabotage: ['Victim’s online banking password was changed; two payments to an unknown account.'],
  harmPet: ['Victim’s cat came home with a collar the victim did not own, with a tag reading “miss me?”.'],
  poViolation: ['Suspect came within 50 metres of the victim’s home in breach of the order.'],
  warningDelivered: ['Harassment warning delivered in person by PC Adeyemi.'],
  orderServed: ['Stalking protection order served on the suspect at his address.'],
  arrest: ['Suspect arrested on suspicion of stalking involving fear of violence.'],
};

const SUSPECT_WORDS: Record<string, string[]> = {
  threats: ['If I can’t have you, nobody will.', 'You’ll be sorry you ever talked to them.'],
  unwantedMessages: ['Just talk to me. I know you’re at home.', 'I saw you with him. Don’t lie to me.'],
  unwantedCalls: ['Pick up. I’m not going anywhere.'],
  showingUp: ['I just wanted to see you were safe.'],
  threatsOthers: ['Your family can’t protect you forever.'],
};

const WEIGHTS: Array<[string, number]> = [
  ['unwantedMessages', 30],
  ['unwantedCalls', 20],
  ['watching', 8],
  ['following', 7],
  ['showingUp', 7],
  ['monitoringOnline', 5],
  ['contactingOthers', 5],
  ['askingAbout', 3],
  ['unwantedGifts', 3],
  ['threats', 4],
  ['scaring', 3],
  ['propertyDamage', 2],
  ['threatsOthers', 1],
  ['publicHumiliation', 1],
  ['trespass', 1],
  ['tracking', 1],
  ['suicideThreats', 1],
  ['sabotageWork', 1],
  ['financialSabotage', 0.5],
  ['physicalAttack', 0.5],
  ['harmPet', 0.3],
];

const METHOD_OF: Record<string, IncidentInput['method']> = {
  unwantedMessages: 'text',
  unwantedCalls: 'phoneCall',
  monitoringOnline: 'socialMedia',
  publicHumiliation: 'socialMedia',
  contactingOthers: 'thirdParty',
  askingAbout: 'thirdParty',
  tracking: 'device',
  unwantedGifts: 'mail',
};

const TAGS = ['night', 'screenshots saved', 'workplace', 'car', 'withheld number', 'new account', 'children present', 'voicemail'];

export interface CaseData {
  people: Person[];
  incidents: Incident[];
  seq: number;
}

/** As the core sends them: a confidential value masked. */
function maskIdentifier(i: Person['identifiers'][number]): Person['identifiers'][number] {
  return i.confidential ? { ...i, value: '', masked: true } : i;
}

function maskPerson(p: Person): Person {
  return { ...p, identifiers: p.identifiers.map(maskIdentifier) };
}

function person(id: string, role: Person['role'], name: string, relationship: Person['relationship'], notes: string, identifiers: Array<[Person['identifiers'][number]['kind'], string, string, boolean]>): Person {
  const now = '2026-01-05T10:00:00Z';
  return {
    id,
    role,
    name,
    relationship,
    notes,
    identifiers: identifiers.map(([kind, value, label, confidential], i) => ({ id: `${id}-i${i}`, kind, value, label, confidential, masked: false })),
    createdAt: now,
    updatedAt: now,
  };
}

function standardPeople(): Person[] {
  return [
    person('p-victim', 'victim', 'Miriam Okafor', 'self', 'Nurse at Northshire General. Prefers contact by text before 18:00.', [
      ['phone', '07700 900123', 'mobile', false],
      ['address', '14 Larch Close, Northshire NS4 2QT', 'current address (ACP)', true],
      ['email', 'm.okafor@example.org', 'personal', false],
    ]),
    person('p-suspect', 'suspect', 'Daniel Reyes', 'exPartner', 'Relationship ended in October 2025. Works as a delivery driver.', [
      ['phone', '07700 900456', 'mobile', false],
      ['vehicle', 'Silver Ford Focus NX19 KLM', '', false],
      ['social', '@d.reyes88', 'Instagram', false],
      ['email', 'danreyes88@example.com', '', false],
    ]),
    person('p-w1', 'witness', 'Priya Shah', 'coworker', 'Ward sister; saw the suspect at the staff entrance twice.', [['phone', '07700 900789', 'work', false]]),
    person('p-w2', 'witness', 'Tom Becker', 'neighbour', 'Lives opposite; has a doorbell camera.', [['address', '15 Larch Close, Northshire', '', true]]),
    person('p-t1', 'thirdParty', 'Anna Reyes', 'family', 'Suspect’s sister; has passed on messages.', []),
  ];
}

function makeIncident(
  id: string,
  occurredUtc: number,
  precision: Precision,
  category: string,
  r: () => number,
  extra: Partial<IncidentInput> = {},
  approx?: string,
): Incident {
  const pick = <T,>(a: T[]): T => a[Math.floor(r() * a.length)]!;
  const tags: string[] = [];
  if (r() < 0.35) tags.push(pick(TAGS));
  if (r() < 0.12) tags.push(pick(TAGS));
  const group = GROUP_OF.get(category) ?? 'lifeInvasion';
  const system = SYSTEM.has(group);
  const words = SUSPECT_WORDS[category];
  const d = new Date(occurredUtc);
  const typed =
    precision === 'exact'
      ? `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
      : precision === 'day'
        ? `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`
        : (approx ?? '');
  const input: IncidentInput = {
    occurred: typed,
    discovered: '',
    reported: '',
    tz: TZ,
    category,
    method: METHOD_OF[category] ?? (system ? 'other' : 'inPerson'),
    locationText: system ? 'Northshire Police Station' : pick(['Larch Close', 'Northshire General Hospital', 'Market Street bus stop', 'Tesco car park, Ring Road', 'Online', 'Victim’s home']),
    placeType: system ? 'other' : pick(['victimHome', 'victimWork', 'public', 'online']),
    jurisdiction: r() < 0.2 ? 'Northshire Police' : '',
    narrative: pick(NARRATIVES[category] ?? ['(no narrative)']),
    suspectWords: words && r() < 0.6 ? pick(words) : '',
    weapons: category === 'physicalAttack' ? 'None seen' : '',
    childrenPresent: r() < 0.1 ? true : r() < 0.3 ? false : null,
    suspectId: system || r() < 0.92 ? 'p-suspect' : null,
    attribution: pick(['seen', 'phoneRecords', 'digitalEvidence', 'suspected', 'witness']),
    witnessIds: r() < 0.15 ? [pick(['p-w1', 'p-w2'])] : [],
    fearLevel: system ? 'unknown' : pick(['low', 'moderate', 'moderate', 'high', 'high', 'extreme']),
    victimWords: !system && r() < 0.3 ? pick(['I don’t feel safe leaving the house.', 'I keep checking the mirror.', 'I can’t sleep.']) : '',
    victimChanges: !system && r() < 0.2 ? pick(['Changed her route to work.', 'Changed the locks.', 'Stayed with her sister.']) : '',
    reportedTo:
      r() < 0.25 || system
        ? { agency: 'Northshire Police', officer: 'PC J. Adeyemi', badge: '2231', reportNumber: `NP-26-${String(10000 + Math.floor(r() * 89999))}` }
        : null,
    source: system ? 'officerObservation' : pick(['victimInterview', 'victimInterview', 'victimLog']),
    tags: [...new Set(tags)],
    ...extra,
  };
  const when: When = {
    from: iso(occurredUtc),
    to: precision === 'exact' ? null : iso(occurredUtc + (precision === 'day' ? 86_400_000 : 10 * 86_400_000)),
    precision,
    tz: TZ,
    display: display(occurredUtc, TZ, precision, approx),
  };
  return {
    id,
    input,
    occurred: when,
    discovered: null,
    reported: input.reportedTo ? { ...when, from: iso(occurredUtc + 86_400_000), display: display(occurredUtc + 86_400_000, TZ, 'day') , precision: 'day' } : null,
    group,
    sourceSha256: input.source === 'victimLog' ? '3f9a2c0d1b7e4a6f8c5d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b' : null,
    sourceLine: input.source === 'victimLog' ? 2 + Math.floor(r() * 120) : null,
    createdAt: iso(occurredUtc + 3 * 86_400_000),
    updatedAt: iso(occurredUtc + 3 * 86_400_000),
  };
}

/** ~`count` incidents between two dates, getting denser towards the end, plus court and police events. */
function generate(count: number, startUtc: number, endUtc: number, seed: number): Incident[] {
  const r = rng(seed);
  const total = WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const pickCategory = () => {
    let x = r() * total;
    for (const [c, w] of WEIGHTS) {
      x -= w;
      if (x <= 0) return c;
    }
    return 'unwantedMessages';
  };
  const span = endUtc - startUtc;
  const out: Incident[] = [];
  for (let i = 0; i < count; i++) {
    // Escalation: more incidents later on (sqrt skews towards the end), and a burst in week 10.
    let f = Math.sqrt(r());
    if (r() < 0.08) f = 0.55 + r() * 0.05;
    let t = startUtc + Math.floor(f * span);
    const hour = r() < 0.5 ? 18 + Math.floor(r() * 6) : 7 + Math.floor(r() * 11);
    const dt = new Date(t);
    t = zoned(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate(), hour, Math.floor(r() * 12) * 5, TZ);
    const roll = r();
    if (roll < 0.04) {
      const d = new Date(t);
      const part = d.getUTCDate() <= 10 ? 'early' : d.getUTCDate() <= 20 ? 'mid' : 'late';
      const from = zoned(d.getUTCFullYear(), d.getUTCMonth() + 1, part === 'early' ? 1 : part === 'mid' ? 11 : 21, 0, 0, TZ);
      const word = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: TZ }).format(from);
      out.push(makeIncident(`i${seed}-${i}`, from, 'approximate', pickCategory(), r, {}, `${part} ${word} (approx.)`));
    } else if (roll < 0.12) {
      const d = new Date(t);
      out.push(makeIncident(`i${seed}-${i}`, zoned(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0, 0, TZ), 'day', pickCategory(), r));
    } else {
      out.push(makeIncident(`i${seed}-${i}`, t, 'exact', pickCategory(), r));
    }
  }
  // Court and police events.
  const frac = (x: number) => startUtc + Math.floor(x * span);
  const events: Array<[number, string]> = [
    [0.28, 'warningDelivered'],
    [0.47, 'orderServed'],
    [0.58, 'poViolation'],
    [0.71, 'poViolation'],
    [0.8, 'poViolation'],
    [0.93, 'arrest'],
  ];
  events.forEach(([x, c], i) => out.push(makeIncident(`s${seed}-${i}`, frac(x) + 14 * 3_600_000, 'exact', c, r)));
  return out;
}

export function seedCases(scenario: string): Map<string, CaseData> {
  const m = new Map<string, CaseData>();
  if (scenario === 'empty') return m;
  const big = scenario === 'big';
  const start = Date.UTC(2026, 0, 5);
  const end = big ? Date.UTC(2026, 3, 30) : Date.UTC(2026, 3, 30);
  m.set('2024-0173', {
    people: standardPeople(),
    incidents: big ? generate(10_000, Date.UTC(2023, 4, 1), end, 7) : generate(300, start, end, 7),
    seq: 1,
  });
  m.set('2024-0190', { people: [], incidents: [], seq: 1 });
  m.set('2023-1102', {
    people: standardPeople().slice(0, 2),
    incidents: generate(24, Date.UTC(2023, 8, 1), Date.UTC(2023, 10, 15), 3),
    seq: 1,
  });
  return m;
}

// ---- queries ----------------------------------------------------------------------

function localDay(utcIso: string, tz = TZ): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(utcIso));
}

function matches(c: CaseData, i: Incident, f: IncidentFilter): boolean {
  if (f.groups.length > 0 && !f.groups.includes(i.group)) return false;
  if (f.categories.length > 0 && !f.categories.includes(i.input.category)) return false;
  if (f.personId && i.input.suspectId !== f.personId && !i.input.witnessIds.includes(f.personId)) return false;
  if (f.tag && !i.input.tags.includes(f.tag)) return false;
  const day = localDay(i.occurred.from);
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  const q = f.text.trim().toLowerCase();
  if (q) {
    const suspect = c.people.find((p) => p.id === i.input.suspectId)?.name ?? '';
    const hay = [i.input.narrative, i.input.suspectWords, i.input.victimWords, i.input.locationText, LABEL_OF.get(i.input.category) ?? '', suspect, ...i.input.tags]
      .join(' ')
      .toLowerCase();
    if (!q.split(/\s+/).every((w) => hay.includes(w))) return false;
  }
  return true;
}

function sorted(c: CaseData): Incident[] {
  return [...c.incidents].sort((a, b) => a.occurred.from.localeCompare(b.occurred.from) || a.id.localeCompare(b.id));
}

/** When the first order was served (an "Order served" incident), if any. */
function orderServedAt(c: CaseData): string | null {
  let at: string | null = null;
  for (const x of c.incidents) if (x.input.category === 'orderServed' && (at === null || x.occurred.from < at)) at = x.occurred.from;
  return at;
}

function summary(c: CaseData, i: Incident, served: string | null = orderServedAt(c)): IncidentSummary {
  return {
    id: i.id,
    from: i.occurred.from,
    to: i.occurred.to,
    precision: i.occurred.precision,
    display: i.occurred.display,
    category: i.input.category,
    group: i.group,
    excerpt: i.input.narrative.length > 140 ? `${i.input.narrative.slice(0, 139)}…` : i.input.narrative,
    suspectName: c.people.find((p) => p.id === i.input.suspectId)?.name ?? null,
    tags: i.input.tags,
    source: i.input.source,
    orderViolation: served !== null && i.occurred.from > served && !SYSTEM.has(i.group),
  };
}

function bucketStart(day: string, bucket: Bucket): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (bucket === 'day') return day;
  if (bucket === 'month') return `${day.slice(0, 7)}-01`;
  const date = new Date(Date.UTC(y, m - 1, d));
  const dow = (date.getUTCDay() + 6) % 7; // Monday = 0
  date.setUTCDate(date.getUTCDate() - dow);
  return date.toISOString().slice(0, 10);
}

async function sha256(text: string): Promise<string> {
  try {
    const buf = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
  }
}

// ---- import -------------------------------------------------------------------------

interface PendingImport {
  name: string;
  sha256: string;
  header: string[];
  rows: Array<{ line: number; cells: string[] }>;
}

const HEADER_GUESS: Array<[RegExp, ImportField]> = [
  [/^date/i, 'date'],
  [/^time/i, 'time'],
  [/descr|what happened|incident/i, 'description'],
  [/locat|where/i, 'location'],
  [/witness/i, 'witnesses'],
  [/police contacted|reported|police\?/i, 'policeContacted'],
  [/officer/i, 'officer'],
  [/badge/i, 'badge'],
  [/report ?(#|no|num)/i, 'reportNumber'],
  [/categ|type/i, 'category'],
];

function splitLine(line: string, sep: string): string[] {
  if (sep === '\t') return line.split('\t');
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (q) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === sep) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

async function readLog(text: string, name: string): Promise<PendingImport> {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const sep = lines[0]?.includes('\t') ? '\t' : ',';
  const header = splitLine(lines[0] ?? '', sep).map((h) => h.trim());
  if (header.length < 2) fail('validation', 'The first line should be a header row (Date, Time, Description, …).');
  const rows = lines
    .slice(1)
    .map((l, i) => ({ line: i + 2, cells: splitLine(l, sep).map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  return { name, sha256: await sha256(text), header, rows };
}

function guessMapping(header: string[]): Array<ImportField | null> {
  const used = new Set<ImportField>();
  return header.map((h) => {
    const hit = HEADER_GUESS.find(([re, f]) => re.test(h) && !used.has(f));
    if (!hit) return null;
    used.add(hit[1]);
    return hit[1];
  });
}

function previewOf(p: PendingImport, mapping: Array<ImportField | null>): ImportPreview {
  const columns: ImportColumn[] = p.header.map((header, index) => ({ index, header, field: mapping[index] ?? null }));
  const col = (f: ImportField) => mapping.indexOf(f);
  const rows: ImportRowPreview[] = p.rows.map((r) => {
    const get = (f: ImportField) => (col(f) >= 0 ? (r.cells[col(f)] ?? '') : '');
    const problems: string[] = [];
    let occurred: When | null = null;
    if (col('date') < 0) problems.push('No column is read as the date.');
    else if (!get('date')) problems.push('The date is empty.');
    else {
      const text = get('time') ? `${get('date')} ${get('time')}` : get('date');
      const w = parseWhenText(text, TZ);
      if (w.when) occurred = w.when;
      else problems.push(w.problem ?? `Cannot read “${text}” as a date.`);
    }
    if (col('description') >= 0 && !get('description')) problems.push('The description is empty.');
    return { line: r.line, occurred, description: get('description'), location: get('location'), problems };
  });
  return {
    fileName: p.name,
    sha256: p.sha256,
    columns,
    rows,
    problemCount: rows.reduce((n, r) => n + r.problems.length, 0),
  };
}

const SAMPLE_LOG = [
  'Date,Time,Description of incident,Location,Witnesses,Police contacted?,Officer,Badge #,Report #',
  '1/6/2026,7:45pm,"He sat in his car outside my house, engine running",Home,Tom (neighbour),No,,,',
  '1/9/2026,11:10pm,12 missed calls from a private number,Home,,No,,,',
  '1/14/2026,8:15am,Followed my bus to work,Market St,,No,,,',
  '1/20/2026,,"Flowers on the doorstep, card said ""I\'ll always know where you are""",Home,,Yes,PC Adeyemi,2231,NP-26-10442',
  '32/1/2026,9:00pm,Texts all evening (screenshots),Home,,No,,,',
  '2/2/2026,6:30pm,Waiting at staff entrance after my shift,Hospital,Priya,No,,,',
  ',,"Tyres slashed, don\'t know exactly when",Driveway,,Yes,PC Adeyemi,2231,NP-26-10811',
  '2/11/2026,10:05pm,"Voicemail: ""you will regret going to the police""",Home,,Yes,PC Adeyemi,2231,NP-26-10990',
].join('\n');

// ---- commands -------------------------------------------------------------------------

export function makeIncidentHandler(scenario: string) {
  const cases = seedCases(scenario);
  let pending: PendingImport | null = null;
  let mapping: Array<ImportField | null> = [];

  const caseOf = (number: unknown): CaseData => {
    const n = String(number);
    let c = cases.get(n);
    if (!c) {
      c = { people: [], incidents: [], seq: 1 };
      cases.set(n, c);
    }
    return c;
  };

  const validate = (c: CaseData, input: IncidentInput): When => {
    if (!input.occurred.trim()) fail('validation', 'Say when it happened.');
    const w = parseWhenText(input.occurred, input.tz);
    if (!w.when) fail('validation', w.problem ?? 'Vigil cannot read the date.');
    if (!GROUP_OF.has(input.category)) fail('validation', 'Choose a category.');
    if (input.suspectId && !c.people.some((p) => p.id === input.suspectId)) fail('validation', 'The suspect is not in this case.');
    return w.when;
  };

  const handle = async (cmd: string, args: Record<string, unknown>): Promise<{ value: unknown } | undefined> => {
    switch (cmd) {
      case 'get_taxonomy':
        return { value: TAXONOMY };
      case 'parse_when':
        return { value: parseWhenText(String(args.text ?? ''), (args.tz as string | null) ?? null) };
      case 'list_people':
        return { value: caseOf(args.number).people.map(maskPerson) };
      case 'reveal_identifier': {
        const p = caseOf(args.number).people.find((x) => x.id === args.personId);
        const i = p?.identifiers.find((x) => x.id === args.identifierId);
        if (!i) fail('notFound', 'No such identifier.');
        return { value: i.value };
      }
      case 'save_person': {
        const c = caseOf(args.number);
        const input = args.person as PersonInput;
        if (!input.name.trim()) fail('validation', 'Give the person a name.');
        const now = new Date().toISOString();
        const id = (args.id as string | null) ?? `p${Date.now().toString(36)}`;
        const prev = c.people.find((p) => p.id === id);
        const saved: Person = {
          id,
          role: input.role,
          name: input.name,
          relationship: input.relationship,
          notes: input.notes,
          identifiers: input.identifiers.map(({ keep, ...x }, i) => ({
            ...x,
            value: keep ? (prev?.identifiers.find((o) => o.id === keep)?.value ?? '') : x.value,
            id: `${id}-i${i}-${Date.now().toString(36)}`,
            masked: false,
          })),
          createdAt: prev?.createdAt ?? now,
          updatedAt: now,
        };
        c.people = prev ? c.people.map((p) => (p.id === id ? saved : p)) : [...c.people, saved];
        return { value: maskPerson(saved) };
      }
      case 'delete_person': {
        const c = caseOf(args.number);
        const id = String(args.id);
        const linked = c.incidents.filter((i) => i.input.suspectId === id || i.input.witnessIds.includes(id)).length;
        if (linked > 0) {
          const name = c.people.find((p) => p.id === id)?.name ?? 'This person';
          fail('validation', `${name} is linked to ${linked} incidents. Remove them from those incidents first.`);
        }
        c.people = c.people.filter((p) => p.id !== id);
        return { value: null };
      }
      case 'search_identifiers': {
        const c = caseOf(args.number);
        const q = String(args.query ?? '').toLowerCase();
        const digits = q.replace(/\D/g, '');
        const hits: IdentifierHit[] = [];
        for (const p of c.people)
          for (const i of p.identifiers) {
            const v = i.value.toLowerCase();
            if (v.includes(q) || i.label.toLowerCase().includes(q) || (digits.length >= 3 && v.replace(/\D/g, '').includes(digits)))
              hits.push({ personId: p.id, personName: p.name, role: p.role, identifier: maskIdentifier(i) });
          }
        return { value: hits };
      }
      case 'list_incidents': {
        const c = caseOf(args.number);
        const f = args.filter as IncidentFilter;
        const all = sorted(c).filter((i) => matches(c, i, f));
        const offset = Number(args.offset ?? 0);
        const limit = Number(args.limit ?? 200);
        await new Promise((r) => setTimeout(r, 30));
        const served = orderServedAt(c);
        return { value: { total: all.length, rows: all.slice(offset, offset + limit).map((i) => summary(c, i, served)) } };
      }
      case 'incident_histogram': {
        // The dev mock's chart: real buckets come from the core; this only
        // needs the shape (weeks, or months past 120 weeks).
        const c = caseOf(args.number);
        const f = args.filter as IncidentFilter;
        const all = sorted(c).filter((x) => matches(c, x, f));
        const days = all.map((i) => localDay(i.occurred.from)).sort();
        const spanWeeks = days.length ? (Date.parse(days[days.length - 1]!) - Date.parse(days[0]!)) / 6048e5 : 0;
        const bucket: Bucket = spanWeeks > 120 ? 'month' : 'week';
        const bars = new Map<string, HistogramBar>();
        const groupTotals: Record<string, number> = {};
        let markTotal = 0;
        for (const i of all) {
          const key = bucketStart(localDay(i.occurred.from), bucket);
          const bar = bars.get(key) ?? { start: key, end: key, counts: {}, total: 0, marks: [] };
          if (SYSTEM.has(i.group)) {
            markTotal++;
            const m = bar.marks.find((x) => x.category === i.input.category);
            if (m) m.count++;
            else bar.marks.push({ category: i.input.category, count: 1, firstIncidentId: i.id, firstAt: i.occurred.from });
          } else {
            bar.counts[i.group] = (bar.counts[i.group] ?? 0) + 1;
            bar.total++;
            groupTotals[i.group] = (groupTotals[i.group] ?? 0) + 1;
          }
          bars.set(key, bar);
        }
        const list = [...bars.values()].sort((a, b) => a.start.localeCompare(b.start));
        const h: Histogram = {
          bucket,
          preferredKept: bucket === args.bucket,
          bars: list,
          total: list.reduce((n, b) => n + b.total, 0),
          max: list.reduce((n, b) => Math.max(n, b.total), 0),
          markTotal,
          groupTotals,
        };
        return { value: h };
      }
      case 'list_tags': {
        const c = caseOf(args.number);
        return { value: [...new Set(c.incidents.flatMap((i) => i.input.tags))].sort() };
      }
      case 'get_incident': {
        const c = caseOf(args.number);
        const i = c.incidents.find((x) => x.id === args.id) ?? fail('notFound', 'That incident no longer exists.');
        return { value: i };
      }
      case 'add_incident':
      case 'update_incident': {
        const c = caseOf(args.number);
        if (String(args.number) === '2023-1102') fail('readOnlyCase', 'This is a review copy; it cannot be edited.');
        const input = args.incident as IncidentInput;
        const when = validate(c, input);
        const discovered = input.discovered ? parseWhenText(input.discovered, input.tz) : null;
        if (discovered && !discovered.when) fail('validation', `Discovered: ${discovered.problem}`);
        const reported = input.reported ? parseWhenText(input.reported, input.tz) : null;
        if (reported && !reported.when) fail('validation', `Reported: ${reported.problem}`);
        const now = new Date().toISOString();
        const prev = cmd === 'update_incident' ? c.incidents.find((x) => x.id === args.id) : undefined;
        if (cmd === 'update_incident' && !prev) fail('notFound', 'That incident no longer exists.');
        const inc: Incident = {
          id: prev?.id ?? `n${c.seq++}-${Date.now().toString(36)}`,
          input,
          occurred: when,
          discovered: discovered?.when ?? null,
          reported: reported?.when ?? null,
          group: GROUP_OF.get(input.category)!,
          sourceSha256: prev?.sourceSha256 ?? null,
          sourceLine: prev?.sourceLine ?? null,
          createdAt: prev?.createdAt ?? now,
          updatedAt: now,
        };
        c.incidents = prev ? c.incidents.map((x) => (x.id === inc.id ? inc : x)) : [...c.incidents, inc];
        await new Promise((r) => setTimeout(r, 80));
        return { value: inc };
      }
      case 'delete_incident': {
        const c = caseOf(args.number);
        c.incidents = c.incidents.filter((x) => x.id !== args.id);
        return { value: null };
      }
      case 'import_pick_file': {
        pending = await readLog(SAMPLE_LOG, 'miriam-incident-log.csv');
        mapping = guessMapping(pending.header);
        return { value: previewOf(pending, mapping) };
      }
      case 'import_from_text': {
        pending = await readLog(String(args.text ?? ''), String(args.name ?? 'pasted text'));
        mapping = guessMapping(pending.header);
        return { value: previewOf(pending, mapping) };
      }
      case 'import_preview': {
        if (!pending) fail('validation', 'There is no file to preview; choose one again.');
        mapping = args.mapping as Array<ImportField | null>;
        return { value: previewOf(pending, mapping) };
      }
      case 'import_commit': {
        if (!pending) fail('validation', 'There is no file to import; choose one again.');
        const p = previewOf(pending, args.mapping as Array<ImportField | null>);
        if (p.problemCount > 0) fail('validation', `${p.problemCount} rows have problems; nothing was imported.`);
        const c = caseOf(args.number);
        const now = new Date().toISOString();
        for (const row of p.rows) {
          const input: IncidentInput = {
            occurred: row.occurred?.display ?? '',
            discovered: '',
            reported: '',
            tz: TZ,
            category: 'unwantedMessages',
            method: 'unknown',
            locationText: row.location,
            placeType: 'unknown',
            jurisdiction: '',
            narrative: row.description,
            suspectWords: '',
            weapons: '',
            childrenPresent: null,
            suspectId: null,
            attribution: 'unknown',
            witnessIds: [],
            fearLevel: 'unknown',
            victimWords: '',
            victimChanges: '',
            reportedTo: null,
            source: 'victimLog',
            tags: ['imported'],
          };
          c.incidents.push({
            id: `imp${c.seq++}`,
            input,
            occurred: row.occurred!,
            discovered: null,
            reported: null,
            group: 'lifeInvasion',
            sourceSha256: p.sha256,
            sourceLine: row.line,
            createdAt: now,
            updatedAt: now,
          });
        }
        pending = null;
        return { value: { imported: p.rows.length, sha256: p.sha256 } };
      }
      case 'import_cancel':
        pending = null;
        return { value: null };
      case 'export_incidents': {
        const c = caseOf(args.number);
        const ext = args.format === 'json' ? 'json' : 'csv';
        await new Promise((r) => setTimeout(r, 300));
        return {
          value: {
            path: `/home/dana/Documents/${String(args.number)}-incidents.${ext}`,
            rows: c.incidents.length,
            sha256: await sha256(`${String(args.number)}${c.incidents.length}${ext}`),
          },
        };
      }
      default:
        return undefined;
    }
  };
  // The case packet's mock reads the incidents directly (mockPacket.ts).
  return Object.assign(handle, { incidentsOf: (number: string): Incident[] => caseOf(number).incidents });
}
