// Words for the wire enums. Every Record lists each variant exactly once, so
// tsc fails here when a Rust enum gains or loses a variant.
import type {
  Attribution,
  CustodyKind,
  DueKind,
  ElementKind,
  EvidenceSource,
  ExhibitKind,
  FearLevel,
  IdentifierKind,
  ImportField,
  IncidentSource,
  ItemKind,
  LegalKind,
  LegalStatus,
  Method,
  OrderKind,
  PacketProfile,
  PacketSection,
  Paper,
  PersonRole,
  PlaceType,
  PlanKind,
  PlanStatus,
  Precision,
  Rating,
  RecordKind,
  Relationship,
  Requirement,
  RiskLevel,
} from '../ipc/commands';

export const ROLE_LABELS: Record<PersonRole, string> = {
  victim: 'Victim',
  suspect: 'Suspect',
  witness: 'Witness',
  thirdParty: 'Third party',
};

/** Plural headings for the People tab, in display order. */
export const ROLE_HEADINGS: Record<PersonRole, string> = {
  victim: 'Victims',
  suspect: 'Suspects',
  witness: 'Witnesses',
  thirdParty: 'Third parties',
};

export const ROLE_ORDER: PersonRole[] = ['victim', 'suspect', 'witness', 'thirdParty'];

export const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  self: 'The victim',
  currentPartner: 'Current partner',
  exPartner: 'Former partner',
  family: 'Family member',
  friend: 'Friend',
  acquaintance: 'Acquaintance',
  coworker: 'Co-worker',
  neighbour: 'Neighbour',
  stranger: 'Stranger',
  unknown: 'Unknown',
  other: 'Other',
};

export const IDENTIFIER_KIND_LABELS: Record<IdentifierKind, string> = {
  phone: 'Phone',
  email: 'Email',
  social: 'Social media',
  vehicle: 'Vehicle',
  address: 'Address',
  other: 'Other',
};

export const ATTRIBUTION_LABELS: Record<Attribution, string> = {
  seen: 'Seen by the victim',
  phoneRecords: 'Phone records',
  digitalEvidence: 'Digital evidence',
  witness: 'Witness',
  admitted: 'Admitted',
  suspected: 'Suspected only',
  unknown: 'Unknown',
};

export const PLACE_TYPE_LABELS: Record<PlaceType, string> = {
  victimHome: "Victim's home",
  victimWork: "Victim's work",
  victimSchool: "Victim's school",
  public: 'Public place',
  online: 'Online',
  other: 'Other',
  unknown: 'Unknown',
};

export const FEAR_LEVEL_LABELS: Record<FearLevel, string> = {
  none: 'Not afraid',
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
  extreme: 'Extreme',
  unknown: 'Not recorded',
};

export const METHOD_LABELS: Record<Method, string> = {
  inPerson: 'In person',
  phoneCall: 'Phone call',
  text: 'Text message',
  email: 'Email',
  socialMedia: 'Social media',
  mail: 'Mail or delivery',
  thirdParty: 'Through a third party',
  device: 'Device or tracker',
  other: 'Other',
  unknown: 'Unknown',
};

export const SOURCE_LABELS: Record<IncidentSource, string> = {
  victimLog: "Victim's log",
  victimInterview: 'Victim interview',
  officerObservation: 'Officer observation',
  otherAgencyReport: "Another agency's report",
  import: 'Imported',
};

export const PRECISION_LABELS: Record<Precision, string> = {
  exact: 'exact time',
  day: 'day known, time not',
  month: 'month known',
  approximate: 'approximate',
};

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  date: 'Date',
  time: 'Time',
  description: 'Description',
  location: 'Location',
  witnesses: 'Witnesses',
  policeContacted: 'Police contacted',
  officer: 'Officer',
  badge: 'Badge',
  reportNumber: 'Report number',
  timeZone: 'Time zone',
  suspectWords: 'Suspect’s words',
  agency: 'Reported to (agency)',
  suspect: 'Suspect',
  category: 'Category',
};

// ---- protocol ----------------------------------------------------------------

export const REQUIREMENT_LABELS: Record<Requirement, string> = {
  required: 'Required',
  recommended: 'Recommended',
  optional: 'Optional',
};

export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  yesNo: 'Yes or no',
  text: 'Text',
  choice: 'Choice',
  checklist: 'Checklist',
  date: 'Date',
  number: 'Number',
  person: 'Person',
  incidents: 'Incidents',
  action: 'Task',
};

/** The button of an action item, by the record it creates. */
export const RECORD_ACTION_LABELS: Record<RecordKind, string> = {
  incident: 'Add incident…',
  person: 'Add person…',
  evidence: 'Add evidence…',
  protectiveOrder: 'Record protective order…',
  referral: 'Record referral…',
  riskAssessment: 'Start risk assessment…',
  legalProcess: 'Record legal process…',
};

export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  incident: 'Incident',
  person: 'Person',
  evidence: 'Evidence',
  protectiveOrder: 'Protective order',
  referral: 'Referral',
  riskAssessment: 'Risk assessment',
  legalProcess: 'Legal process',
};

// ---- risk ----------------------------------------------------------------------

export const RATING_LABELS: Record<Rating, string> = {
  present: 'Present',
  partly: 'Partly',
  absent: 'Absent',
  unknown: 'Unknown',
};

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
  imminent: 'Imminent',
};

/** Lowest first: the order of the trend chart's steps. */
export const RISK_LEVEL_ORDER: RiskLevel[] = ['low', 'moderate', 'high', 'imminent'];

/** Days to the next review when none is given (mirrors the backend's default). */
export const REVIEW_DAYS: Record<RiskLevel, number> = {
  imminent: 1,
  high: 7,
  moderate: 30,
  low: 90,
};

/** Headings of the factor groups the shipped checklist uses; others show their id. */
export const FACTOR_GROUP_LABELS: Record<string, string> = {
  relationship: 'Relationship',
  conduct: 'Conduct',
  suspect: 'The suspect',
  victim: "The victim's situation",
};

export function factorGroupLabel(group: string): string {
  return FACTOR_GROUP_LABELS[group] ?? group.charAt(0).toUpperCase() + group.slice(1);
}

// ---- case management -------------------------------------------------------------

export const ORDER_KIND_LABELS: Record<OrderKind, string> = {
  emergency: 'Emergency',
  temporary: 'Temporary',
  civil: 'Civil',
  criminal: 'Criminal / no-contact',
  postConviction: 'Post-conviction',
  other: 'Other',
};

export const LEGAL_KIND_LABELS: Record<LegalKind, string> = {
  preservation: 'Preservation request',
  subpoena: 'Subpoena',
  warrant: 'Warrant',
  courtOrder: 'Court order',
  other: 'Other',
};

export const LEGAL_STATUS_LABELS: Record<LegalStatus, string> = {
  sent: 'Sent',
  renewed: 'Renewed',
  returned: 'Returned',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  advocate: 'Victim advocate',
  mentalHealth: 'Mental-health evaluation',
  socialWorker: 'Social worker',
  prosecutorConsult: 'Prosecutor consultation',
  warning: 'Warning to the suspect',
  protectiveOrder: 'Protective order',
  monitoring: 'Monitoring',
  other: 'Other',
};

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  planned: 'Planned',
  requested: 'Requested',
  awaiting: 'Awaiting answer',
  done: 'Done',
  declined: 'Declined',
};

export const DUE_KIND_LABELS: Record<DueKind, string> = {
  reassessment: 'Risk reassessment',
  preservationExpiring: 'Preservation request expiring',
  orderExpiring: 'Protective order expiring',
  referralAwaiting: 'Referral awaiting an answer',
};

// ---- evidence ----------------------------------------------------------------------

export const EXHIBIT_KIND_LABELS: Record<ExhibitKind, string> = {
  screenshot: 'Screenshot',
  messageExport: 'Message export',
  audio: 'Audio recording',
  callLog: 'Call log',
  photo: 'Photograph',
  video: 'Video',
  document: 'Document',
  physicalItem: 'Physical item',
  deviceExtraction: 'Device extraction',
  tracker: 'Tracker or GPS device',
  providerReturn: 'Provider return',
  derived: 'Derived copy',
  other: 'Other',
};

/** Kinds whose capture checklist (sender, time, original, device) is asked for. */
export const CHECKLIST_KINDS: ReadonlySet<ExhibitKind> = new Set<ExhibitKind>(['screenshot', 'messageExport', 'callLog']);

export const EVIDENCE_SOURCE_LABELS: Record<EvidenceSource, string> = {
  victim: 'The victim',
  officer: 'An officer',
  providerReturn: 'Provider return (legal process)',
  otherAgency: 'Another agency',
  witness: 'A witness',
  other: 'Other',
};

export const CUSTODY_KIND_LABELS: Record<CustodyKind, string> = {
  intake: 'Intake',
  transfer: 'Transfer',
  checkOut: 'Checked out',
  checkIn: 'Checked in',
  labSubmission: 'Lab submission',
  returnToOwner: 'Returned to owner',
  destruction: 'Destruction',
};

// ---- case packet ---------------------------------------------------------------------

/** The kinds of proof incidents and exhibits are linked to (one link serves every statute). */
export const ELEMENT_KIND_LABELS: Record<ElementKind, string> = {
  courseOfConduct: 'Course of conduct',
  directedAt: 'Directed at the victim',
  knowledge: 'Knew or should have known',
  fear: 'Fear or distress',
  threat: 'Threat',
  orderInForce: 'Order in force',
  priorConviction: 'Prior conviction',
  interstate: 'Interstate or federal connection',
  other: 'Other',
};

export const PACKET_PROFILE_LABELS: Record<PacketProfile, string> = {
  prosecutor: 'Prosecutor',
  discovery: 'Defence discovery',
  supervisor: 'Supervisor review',
  training: 'Training',
};

/** One line each: what the copy withholds. */
export const PACKET_PROFILE_NOTES: Record<PacketProfile, string> = {
  prosecutor: 'The full packet; nothing is withheld.',
  discovery: "Withholds confidential identifiers, addresses, the victim's contact details and the safety plan.",
  supervisor: 'The full packet for review; nothing is withheld.',
  training: 'Nothing is withheld, but every page is marked “TRAINING — NOT EVIDENCE”.',
};

/** The optional sections, in the packet's order. */
export const PACKET_SECTION_LABELS: Record<PacketSection, string> = {
  summary: 'One-page summary',
  parties: 'Parties',
  relationship: 'Relationship history',
  chronology: 'Chronology',
  chart: 'Incidents per week (chart)',
  elements: 'Elements matrix and gaps',
  exhibits: 'Exhibit index',
  witnesses: 'Witnesses',
  impact: 'Victim impact',
  priorReports: 'Prior reports',
  orders: 'Protective orders and violations',
  warnings: 'Suspect contact and warnings',
  legal: 'Legal process',
  risk: 'Risk and management',
  recommendations: 'Recommended charges and conditions',
  photos: 'Photo exhibits (full page)',
};

export const PAPER_LABELS: Record<Paper, string> = {
  letter: 'US Letter',
  a4: 'A4',
};

/** Options of a <select> over a label record, in the record's order. */
export function optionsOf<K extends string>(labels: Record<K, string>): Array<{ value: K; label: string }> {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
