// Words for the wire enums. Every Record lists each variant exactly once, so
// tsc fails here when a Rust enum gains or loses a variant.
import type {
  Attribution,
  FearLevel,
  IdentifierKind,
  ImportField,
  IncidentSource,
  Method,
  PersonRole,
  PlaceType,
  Precision,
  Relationship,
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
  category: 'Category',
};

/** Options of a <select> over a label record, in the record's order. */
export function optionsOf<K extends string>(labels: Record<K, string>): Array<{ value: K; label: string }> {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
