// The only door to the backend. Every Tauri command the UI may call has one
// typed function here, and this is the only file that imports `invoke`.
// The wire types in ./bindings are generated from Rust by ts-rs.
import { convertFileSrc, invoke, isTauri as tauriIsTauri } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';

import type { AppStatus } from './bindings/AppStatus';
import type { CaseDetail } from './bindings/CaseDetail';
import type { CaseHeaderPatch } from './bindings/CaseHeaderPatch';
import type { CaseSummary } from './bindings/CaseSummary';
import type { CommandError } from './bindings/CommandError';
import type { ErrorKind } from './bindings/ErrorKind';
import type { HandoverMode } from './bindings/HandoverMode';
import type { NewCase } from './bindings/NewCase';
import type { PassphraseAssessment } from './bindings/PassphraseAssessment';
import type { Profile } from './bindings/Profile';
import type { SealReport } from './bindings/SealReport';
import type { Settings } from './bindings/Settings';
import type { UnlockReport } from './bindings/UnlockReport';
import type { RepairReport } from './bindings/RepairReport';
import type { UnregisteredCase } from './bindings/UnregisteredCase';
import type { VerifyReport } from './bindings/VerifyReport';
import type { WorkspaceCreated } from './bindings/WorkspaceCreated';
import type { Bucket } from './bindings/Bucket';
import type { ExportFormat } from './bindings/ExportFormat';
import type { ExportReport } from './bindings/ExportReport';
import type { Histogram } from './bindings/Histogram';
import type { IdentifierHit } from './bindings/IdentifierHit';
import type { ImportField } from './bindings/ImportField';
import type { ImportPreview } from './bindings/ImportPreview';
import type { ImportResult } from './bindings/ImportResult';
import type { Incident } from './bindings/Incident';
import type { IncidentFilter } from './bindings/IncidentFilter';
import type { IncidentInput } from './bindings/IncidentInput';
import type { IncidentPage } from './bindings/IncidentPage';
import type { Person } from './bindings/Person';
import type { PersonInput } from './bindings/PersonInput';
import type { Taxonomy } from './bindings/Taxonomy';
import type { WhenParse } from './bindings/WhenParse';
import type { AnswerInput } from './bindings/AnswerInput';
import type { CaseStatus } from './bindings/CaseStatus';
import type { DueItem } from './bindings/DueItem';
import type { LegalInput } from './bindings/LegalInput';
import type { LegalProcess } from './bindings/LegalProcess';
import type { OrderInput } from './bindings/OrderInput';
import type { PlanInput } from './bindings/PlanInput';
import type { PlanItem } from './bindings/PlanItem';
import type { ProtectiveOrder } from './bindings/ProtectiveOrder';
import type { ProtocolView } from './bindings/ProtocolView';
import type { RiskAssessmentInput } from './bindings/RiskAssessmentInput';
import type { RiskCatalog } from './bindings/RiskCatalog';
import type { RiskHistory } from './bindings/RiskHistory';
import type { StatusChange } from './bindings/StatusChange';
import type { StatusOption } from './bindings/StatusOption';
import type { AddExhibitsResult } from './bindings/AddExhibitsResult';
import type { CustodyInput } from './bindings/CustodyInput';
import type { Exhibit } from './bindings/Exhibit';
import type { ExhibitInput } from './bindings/ExhibitInput';
import type { ExhibitRow } from './bindings/ExhibitRow';
import type { ExportedExhibit } from './bindings/ExportedExhibit';
import type { IngestEvent } from './bindings/IngestEvent';
import type { PendingFile } from './bindings/PendingFile';
import type { ElementKind } from './bindings/ElementKind';
import type { ElementsMatrix } from './bindings/ElementsMatrix';
import type { PacketExport } from './bindings/PacketExport';
import type { PacketInfo } from './bindings/PacketInfo';
import type { PacketOptions } from './bindings/PacketOptions';
import type { PacketProgress } from './bindings/PacketProgress';
import type { PacketReport } from './bindings/PacketReport';
import type { SignerInfoSummary } from './bindings/SignerInfoSummary';
import type { Statute } from './bindings/Statute';
import type { Agenda } from './bindings/Agenda';
import type { Debrief } from './bindings/Debrief';
import type { Presentation } from './bindings/Presentation';
import type { ScenarioSummary } from './bindings/ScenarioSummary';
import type { AppliedReview } from './bindings/AppliedReview';
import type { Checklist } from './bindings/Checklist';
import type { DecisionInput } from './bindings/DecisionInput';
import type { PacketReview } from './bindings/PacketReview';
import type { ReviewRecord } from './bindings/ReviewRecord';
import type { ReviewWritten } from './bindings/ReviewWritten';
import type { TrustedSigner } from './bindings/TrustedSigner';

export type {
  AppStatus,
  CaseDetail,
  CaseHeaderPatch,
  CaseSummary,
  CommandError,
  ErrorKind,
  HandoverMode,
  NewCase,
  PassphraseAssessment,
  Profile,
  SealReport,
  Settings,
  UnlockReport,
  RepairReport,
  UnregisteredCase,
  VerifyReport,
  WorkspaceCreated,
};
export type { RepairedCase } from './bindings/RepairedCase';
export type { RepairOutcome } from './bindings/RepairOutcome';
export type { AgencyReport } from './bindings/AgencyReport';
export type { CaseHeader } from './bindings/CaseHeader';
export type { CaseStatus };
export type { HandoverInfo } from './bindings/HandoverInfo';
export type { VerifyCheck } from './bindings/VerifyCheck';

export type {
  Bucket,
  ExportFormat,
  ExportReport,
  Histogram,
  IdentifierHit,
  ImportField,
  ImportPreview,
  ImportResult,
  Incident,
  IncidentFilter,
  IncidentInput,
  IncidentPage,
  Person,
  PersonInput,
  Taxonomy,
  WhenParse,
};
export type { Attribution } from './bindings/Attribution';
export type { FearLevel } from './bindings/FearLevel';
export type { HistogramBar } from './bindings/HistogramBar';
export type { Identifier } from './bindings/Identifier';
export type { IdentifierInput } from './bindings/IdentifierInput';
export type { IdentifierKind } from './bindings/IdentifierKind';
export type { ImportColumn } from './bindings/ImportColumn';
export type { ImportRowPreview } from './bindings/ImportRowPreview';
export type { IncidentSource } from './bindings/IncidentSource';
export type { IncidentSummary } from './bindings/IncidentSummary';
export type { Method } from './bindings/Method';
export type { PersonRole } from './bindings/PersonRole';
export type { PlaceType } from './bindings/PlaceType';
export type { Precision } from './bindings/Precision';
export type { Relationship } from './bindings/Relationship';
export type { ReportedTo } from './bindings/ReportedTo';
export type { MarkGroup } from './bindings/MarkGroup';
export type { TaxonomyCategory } from './bindings/TaxonomyCategory';
export type { TaxonomyGroup } from './bindings/TaxonomyGroup';
export type { When } from './bindings/When';

export type {
  AnswerInput,
  DueItem,
  LegalInput,
  LegalProcess,
  OrderInput,
  PlanInput,
  PlanItem,
  ProtectiveOrder,
  ProtocolView,
  RiskAssessmentInput,
  RiskCatalog,
  RiskHistory,
  StatusChange,
  StatusOption,
};
export type { Answer } from './bindings/Answer';
export type { DueKind } from './bindings/DueKind';
export type { ExternalInstrument } from './bindings/ExternalInstrument';
export type { FactorChange } from './bindings/FactorChange';
export type { FactorRating } from './bindings/FactorRating';
export type { ItemKind } from './bindings/ItemKind';
export type { LegalKind } from './bindings/LegalKind';
export type { LegalStatus } from './bindings/LegalStatus';
export type { Omission } from './bindings/Omission';
export type { OrderKind } from './bindings/OrderKind';
export type { PlanKind } from './bindings/PlanKind';
export type { PlanStatus } from './bindings/PlanStatus';
export type { Protocol } from './bindings/Protocol';
export type { ProtocolItem } from './bindings/ProtocolItem';
export type { ProtocolStage } from './bindings/ProtocolStage';
export type { ProtocolStatus } from './bindings/ProtocolStatus';
export type { ProtocolStep } from './bindings/ProtocolStep';
export type { Rating } from './bindings/Rating';
export type { RecordKind } from './bindings/RecordKind';
export type { Requirement } from './bindings/Requirement';
export type { RiskAssessment } from './bindings/RiskAssessment';
export type { RiskFactor } from './bindings/RiskFactor';
export type { RiskLevel } from './bindings/RiskLevel';
export type { StageProgress } from './bindings/StageProgress';
export type { Typology } from './bindings/Typology';

export type { AddExhibitsResult, CustodyInput, Exhibit, ExhibitInput, ExhibitRow, ExportedExhibit, IngestEvent, PendingFile };
export type { AttachedFile } from './bindings/AttachedFile';
export type { CaptureChecklist } from './bindings/CaptureChecklist';
export type { CustodyEvent } from './bindings/CustodyEvent';
export type { CustodyKind } from './bindings/CustodyKind';
export type { EvidenceSource } from './bindings/EvidenceSource';
export type { ExhibitCheck } from './bindings/ExhibitCheck';
export type { ExhibitKind } from './bindings/ExhibitKind';
export type { HashCheck } from './bindings/HashCheck';
export type { PreviewKind } from './bindings/PreviewKind';

export type { ElementKind, ElementsMatrix, PacketExport, PacketInfo, PacketOptions, PacketProgress, PacketReport, SignerInfoSummary, Statute };
export type { ElementLink } from './bindings/ElementLink';
export type { ElementRow } from './bindings/ElementRow';
export type { Gap } from './bindings/Gap';
export type { GapLevel } from './bindings/GapLevel';
export type { PacketProfile } from './bindings/PacketProfile';
export type { PacketSection } from './bindings/PacketSection';
export type { Paper } from './bindings/Paper';
export type { StatuteElement } from './bindings/StatuteElement';
export type { Support } from './bindings/Support';

/** A record that can be linked to element kinds. */
export type ElementRecord = 'incident' | 'exhibit';

/** Name of the event the backend emits when it locks the workspace by itself. */
export const LOCKED_EVENT = 'vigil://locked';
/** Progress of `add_exhibits` (payload IngestEvent), about every 80 ms. */
export const EVIDENCE_PROGRESS_EVENT = 'evidence-progress';
/** Files dropped on the window (payload PendingFile[]); the shell keeps their paths. */
export const FILES_DROPPED_EVENT = 'files-dropped';
/** The custom protocol that serves an exhibit's bytes for previews. */
export const EXHIBIT_SCHEME = 'vexhibit';
/** Progress of `preview_packet` and `export_packet` (payload PacketProgress). */
export const PACKET_PROGRESS_EVENT = 'packet-progress';
/** Path on the `vexhibit:` protocol where the last packet preview is served from memory. */
export const PACKET_PREVIEW_PATH = 'packet-preview';
export const REVIEW_PACKET_PATH = 'review-packet';

// Every ErrorKind exactly once: tsc fails here when the Rust enum changes.
const ERROR_KINDS: Record<ErrorKind, true> = {
  wrongPassphrase: true,
  wrongKeyOrNotCaseFile: true,
  notVigilFile: true,
  newerFormat: true,
  corrupt: true,
  workspaceDamaged: true,
  storageFull: true,
  readOnlyLocation: true,
  locked: true,
  tooManyAttempts: true,
  notFound: true,
  alreadyExists: true,
  validation: true,
  readOnlyCase: true,
  tampered: true,
  reviewRefused: true,
  trainingSeparation: true,
  workspaceLocked: true,
  noWorkspace: true,
  workspaceExists: true,
  cancelled: true,
  internal: true,
};

function isErrorKind(k: string): k is ErrorKind {
  return Object.prototype.hasOwnProperty.call(ERROR_KINDS, k);
}

/** True when running inside the Tauri web view (or under a Tauri IPC mock). */
export function isTauri(): boolean {
  if (tauriIsTauri()) return true;
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

/**
 * Normalise anything thrown by `invoke` (or by our own code) into a
 * CommandError. The backend rejects with `{kind, message}`; strings, Errors
 * and anything else become kind "internal" with a readable message.
 */
export function asCommandError(e: unknown): CommandError {
  if (e !== null && typeof e === 'object') {
    const o = e as { kind?: unknown; message?: unknown };
    if (typeof o.kind === 'string' && typeof o.message === 'string') {
      const kind: ErrorKind = isErrorKind(o.kind) ? o.kind : 'internal';
      return { kind, message: o.message || 'Something went wrong.' };
    }
    if (e instanceof Error) {
      return { kind: 'internal', message: e.message || 'Something went wrong.' };
    }
    if (typeof o.message === 'string' && o.message) {
      return { kind: 'internal', message: o.message };
    }
  }
  if (typeof e === 'string' && e.trim() !== '') {
    return { kind: 'internal', message: e };
  }
  return { kind: 'internal', message: 'Something went wrong. Please try again.' };
}

/** Call a command; every rejection is turned into a CommandError. */
async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw asCommandError(e);
  }
}

// ---- workspace -------------------------------------------------------------

export function appStatus(): Promise<AppStatus> {
  return call('app_status');
}

export function assessPassphrase(
  passphrase: string,
  profile: Profile | null,
): Promise<PassphraseAssessment> {
  return call('assess_passphrase', { passphrase, profile });
}

export function createWorkspace(profile: Profile, passphrase: string): Promise<WorkspaceCreated> {
  return call('create_workspace', { profile, passphrase });
}

export function unlockWorkspace(passphrase: string): Promise<UnlockReport> {
  return call('unlock_workspace', { passphrase });
}

export function unlockWithRecoveryKey(recoveryKey: string): Promise<UnlockReport> {
  return call('unlock_with_recovery_key', { recoveryKey });
}

export function lockWorkspace(): Promise<void> {
  return call('lock_workspace');
}

export function saveProfile(profile: Profile): Promise<Profile> {
  return call('save_profile', { profile });
}

export function getSettings(): Promise<Settings> {
  return call('get_settings');
}

export function saveSettings(settings: Settings): Promise<Settings> {
  return call('save_settings', { settings });
}

/** Changes the passphrase; with `rotate` also the workspace key, returning the new recovery key. */
export function changePassphrase(current: string, next: string, rotate = false): Promise<string | null> {
  return call('change_passphrase', { current, next, rotate });
}

/** Unlocks and mends the register of cases; `recovery` when `secret` is the recovery key. */
export function repairWorkspace(secret: string, recovery: boolean): Promise<RepairReport> {
  return call('repair_workspace', { secret, recovery });
}

export function listUnregisteredCases(): Promise<UnregisteredCase[]> {
  return call('list_unregistered_cases');
}

export function adoptCase(fileName: string): Promise<CaseSummary> {
  return call('adopt_case', { fileName });
}

/** Activity ping for the idle auto-lock. Callers throttle it. */
export function touch(): Promise<void> {
  return call('touch');
}

// ---- cases -----------------------------------------------------------------

export function listCases(): Promise<CaseSummary[]> {
  return call('list_cases');
}

export function createCase(newCase: NewCase): Promise<CaseSummary> {
  return call('create_case', { case: newCase });
}

export function openCase(number: string): Promise<CaseDetail> {
  return call('open_case', { number });
}

export function updateCase(number: string, patch: CaseHeaderPatch): Promise<CaseDetail> {
  return call('update_case', { number, patch });
}

export function verifyCase(number: string): Promise<VerifyReport> {
  return call('verify_case', { number });
}

/** Seal a case for handover. The backend asks where to save; null = cancelled. */
export function sealCase(
  number: string,
  handoverPassphrase: string,
  mode: HandoverMode,
): Promise<SealReport | null> {
  return call('seal_case', { number, handoverPassphrase, mode });
}

/** Receive a sealed case file. The backend asks which file; null = cancelled. */
export function receiveCase(handoverPassphrase: string): Promise<CaseSummary | null> {
  return call('receive_case', { handoverPassphrase });
}

// ---- taxonomy and dates ----------------------------------------------------

/** Incident categories, grouped by SLII group (plus the system group). */
export function getTaxonomy(): Promise<Taxonomy> {
  return call('get_taxonomy');
}

/** How the backend reads a free-text date ("3/14/2026 9:30pm", "early March 2026"). */
export function parseWhen(text: string, tz: string | null): Promise<WhenParse> {
  return call('parse_when', { text, tz });
}

// ---- people ----------------------------------------------------------------

export function listPeople(number: string): Promise<Person[]> {
  return call('list_people', { number });
}

/** Create (id null) or replace a person. */
export function savePerson(number: string, id: string | null, person: PersonInput): Promise<Person> {
  return call('save_person', { number, id, person });
}

export function deletePerson(number: string, id: string): Promise<void> {
  return call('delete_person', { number, id });
}

/** One confidential value in clear; the core records the reveal in the audit trail. */
export function revealIdentifier(number: string, personId: string, identifierId: string): Promise<string> {
  return call('reveal_identifier', { number, personId, identifierId });
}

export function searchIdentifiers(number: string, query: string): Promise<IdentifierHit[]> {
  return call('search_identifiers', { number, query });
}

// ---- incidents -------------------------------------------------------------

export function addIncident(number: string, incident: IncidentInput): Promise<Incident> {
  return call('add_incident', { number, incident });
}

export function updateIncident(number: string, id: string, incident: IncidentInput): Promise<Incident> {
  return call('update_incident', { number, id, incident });
}

export function deleteIncident(number: string, id: string): Promise<void> {
  return call('delete_incident', { number, id });
}

export function getIncident(number: string, id: string): Promise<Incident> {
  return call('get_incident', { number, id });
}

/** One page of the filtered incidents, oldest first; `total` is the filtered count. */
export function listIncidents(
  number: string,
  filter: IncidentFilter,
  offset: number,
  limit: number,
): Promise<IncidentPage> {
  return call('list_incidents', { number, filter, offset, limit });
}

/** The overview chart: `bucket` is the size wanted; the core uses a coarser one if it would draw more than 120 bars. */
export function incidentHistogram(number: string, filter: IncidentFilter, bucket: Bucket | null): Promise<Histogram> {
  return call('incident_histogram', { number, filter, bucket });
}

export function listTags(number: string): Promise<string[]> {
  return call('list_tags', { number });
}

// ---- import and export -----------------------------------------------------

/** Pick a victim's log with the native open dialog; null = cancelled. */
export function importPickFile(): Promise<ImportPreview | null> {
  return call('import_pick_file');
}

/** Read pasted CSV or tab-separated text. */
export function importFromText(text: string, name: string): Promise<ImportPreview> {
  return call('import_from_text', { text, name });
}

/** Re-read the pending file with a column mapping (one entry per column). */
export function importPreview(mapping: Array<ImportField | null>): Promise<ImportPreview> {
  return call('import_preview', { mapping });
}

/** Write every row of the pending file, or nothing (refused while any row has a problem). */
export function importCommit(number: string, mapping: Array<ImportField | null>): Promise<ImportResult> {
  return call('import_commit', { number, mapping });
}

/** Forget the pending file. */
export function importCancel(): Promise<void> {
  return call('import_cancel');
}

/** Export the incidents; the backend asks where to save. null = cancelled. */
export function exportIncidents(number: string, format: ExportFormat): Promise<ExportReport | null> {
  return call('export_incidents', { number, format });
}

// ---- guided protocol -------------------------------------------------------

/** The protocol the case follows, its answers, progress and omissions. */
export function getProtocol(number: string): Promise<ProtocolView> {
  return call('get_protocol', { number });
}

/** Save one answer (audited); returns the updated view. */
export function answerItem(number: string, itemId: string, answer: AnswerInput): Promise<ProtocolView> {
  return call('answer_item', { number, itemId, answer });
}

/** Move the case to the workspace's newer protocol version; answers are kept. */
export function upgradeProtocol(number: string): Promise<ProtocolView> {
  return call('upgrade_protocol', { number });
}

// ---- risk assessment ---------------------------------------------------------

/** The risk-factor checklist and the stalker typology. */
export function getRiskCatalog(): Promise<RiskCatalog> {
  return call('get_risk_catalog');
}

/** Every assessment of the case, newest first, and the factors that changed. */
export function riskHistory(number: string): Promise<RiskHistory> {
  return call('risk_history', { number });
}

export function addRiskAssessment(number: string, assessment: RiskAssessmentInput): Promise<RiskHistory> {
  return call('add_risk_assessment', { number, assessment });
}

// ---- case management ---------------------------------------------------------

/** The statuses the case can move to next, and whether each needs a reason. */
export function statusOptions(number: string): Promise<StatusOption[]> {
  return call('status_options', { number });
}

export function changeStatus(number: string, to: CaseStatus, reason: string): Promise<CaseDetail> {
  return call('change_status', { number, to, reason });
}

export function statusHistory(number: string): Promise<StatusChange[]> {
  return call('status_history', { number });
}

export function listOrders(number: string): Promise<ProtectiveOrder[]> {
  return call('list_orders', { number });
}

/** Create (id null) or replace a protective order; returns all of the case's orders. */
export function saveOrder(number: string, id: string | null, order: OrderInput): Promise<ProtectiveOrder[]> {
  return call('save_order', { number, id, order });
}

/** Renews a preservation request for another 90 days from its expiry (same record). */
export function renewLegal(number: string, id: string): Promise<LegalProcess[]> {
  return call('renew_legal', { number, id });
}

export function listLegal(number: string): Promise<LegalProcess[]> {
  return call('list_legal', { number });
}

/** Create (id null) or replace a legal-process record; returns all of them. */
export function saveLegal(number: string, id: string | null, legal: LegalInput): Promise<LegalProcess[]> {
  return call('save_legal', { number, id, legal });
}

export function listPlan(number: string): Promise<PlanItem[]> {
  return call('list_plan', { number });
}

/** Create (id null) or replace a management-plan item; returns the whole plan. */
export function savePlanItem(number: string, id: string | null, item: PlanInput): Promise<PlanItem[]> {
  return call('save_plan_item', { number, id, item });
}

/** What is due or overdue in the next 30 days, across the whole workspace. */
export function dueList(): Promise<DueItem[]> {
  return call('due_list');
}

// ---- evidence register --------------------------------------------------------

/** The register, by exhibit number; `incident` = only the exhibits linked to that incident. */
export function listExhibits(number: string, incident: string | null = null): Promise<ExhibitRow[]> {
  return call('list_exhibits', { number, incident });
}

/** One exhibit with its file, links and custody (`exhibit` = id or exhibit number). */
export function getExhibit(number: string, exhibit: string): Promise<Exhibit> {
  return call('get_exhibit', { number, exhibit });
}

/**
 * Opens the native multi-file dialog; the shell keeps the paths for
 * `addExhibits`. Returns the chosen files' names and sizes ([] if cancelled).
 */
export function pickEvidenceFiles(): Promise<PendingFile[]> {
  return call('pick_evidence_files');
}

/** The files chosen or dropped and not yet added. */
export function pendingEvidenceFiles(): Promise<PendingFile[]> {
  return call('pending_evidence_files');
}

/** Forget the chosen or dropped files. */
export function clearEvidenceFiles(): Promise<void> {
  return call('clear_evidence_files');
}

/**
 * One exhibit per pending file (or one physical item when `input.physical`).
 * Progress arrives through `onEvidenceProgress`; `cancelIngest` stops it.
 */
export function addExhibits(number: string, input: ExhibitInput): Promise<AddExhibitsResult> {
  return call('add_exhibits', { number, input });
}

/** Stop the running `addExhibits`; the file in progress leaves nothing. */
export function cancelIngest(): Promise<void> {
  return call('cancel_ingest');
}

export function updateExhibit(number: string, exhibit: string, input: ExhibitInput): Promise<Exhibit> {
  return call('update_exhibit', { number, exhibit, input });
}

/** Append a custody event (not intake); returns the exhibit with its new chain. */
export function recordCustody(number: string, exhibit: string, input: CustodyInput): Promise<Exhibit> {
  return call('record_custody', { number, exhibit, input });
}

/** Only while `exhibit.deletable`; the reason is audited. */
export function deleteExhibit(number: string, exhibit: string, reason: string): Promise<void> {
  return call('delete_exhibit', { number, exhibit, reason });
}

/**
 * Write the original file, unencrypted, to a folder the user picks in the
 * native dialog. null = cancelled.
 */
export function exportExhibit(number: string, exhibit: string): Promise<ExportedExhibit | null> {
  return call('export_exhibit', { number, exhibit });
}

/** The agency's exhibit-number pattern, e.g. `{case}-E{n:03}`. */
export function getExhibitFormat(): Promise<string> {
  return call('get_exhibit_format');
}

/** Set the exhibit-number pattern; returns it as stored. */
export function setExhibitFormat(pattern: string): Promise<string> {
  return call('set_exhibit_format', { pattern });
}

/** Where a scheme path is served: Tauri's form inside the shell, the Linux/macOS form outside. */
function schemeUrl(path: string): string {
  const internals =
    typeof window !== 'undefined'
      ? (window as unknown as { __TAURI_INTERNALS__?: { convertFileSrc?: unknown } }).__TAURI_INTERNALS__
      : undefined;
  if (internals && typeof internals.convertFileSrc === 'function') return convertFileSrc(path, EXHIBIT_SCHEME);
  return `${EXHIBIT_SCHEME}://localhost/${encodeURIComponent(path)}`;
}

/**
 * URL of an exhibit's bytes on the `vexhibit:` protocol, for <img>, <audio>,
 * <video> and fetch (it supports HTTP ranges).
 */
export function exhibitPreviewUrl(caseNumber: string, exhibitId: string): string {
  return schemeUrl(`${caseNumber}/${exhibitId}`);
}

// ---- case packet ---------------------------------------------------------------

/** Every statute profile the workspace knows (shipped and the agency's own). */
export function listStatutes(): Promise<Statute[]> {
  return call('list_statutes');
}

/** The case's statutes, element × supporting records, gaps and hand-made links. */
export function elementsMatrix(number: string): Promise<ElementsMatrix> {
  return call('elements_matrix', { number });
}

/** Charge the case under these statutes (ids); returns the new matrix. */
export function setCaseStatutes(number: string, ids: string[]): Promise<ElementsMatrix> {
  return call('set_case_statutes', { number, ids });
}

/** Replace the element kinds linked by hand to one incident or exhibit; returns the new matrix. */
export function setElementLinks(number: string, record: ElementRecord, id: string, elements: ElementKind[]): Promise<ElementsMatrix> {
  return call('set_element_links', { number, record, id, elements });
}

export function getPacketInfo(number: string): Promise<PacketInfo> {
  return call('get_packet_info', { number });
}

export function savePacketInfo(number: string, info: PacketInfo): Promise<PacketInfo> {
  return call('save_packet_info', { number, info });
}

/** The case's packet exports, newest first. */
export function packetHistory(number: string): Promise<PacketExport[]> {
  return call('packet_history', { number });
}

/** The certificate packets are signed with. */
export function signingIdentity(): Promise<SignerInfoSummary> {
  return call('signing_identity');
}

/**
 * Make the packet in memory; returns its page count. The PDF is then served
 * at `packetPreviewUrl(…)`. Progress arrives through `onPacketProgress`;
 * `cancelPacket` stops it (this then rejects with kind "cancelled").
 */
export function previewPacket(number: string, options: PacketOptions): Promise<number> {
  return call('preview_packet', { number, options });
}

/** Ask where to save (native dialog), make, sign and write the packet. null = dialog cancelled. */
export function exportPacket(number: string, options: PacketOptions): Promise<PacketReport | null> {
  return call('export_packet', { number, options });
}

/** Stop the running preview or export. */
export function cancelPacket(): Promise<void> {
  return call('cancel_packet');
}

/** URL of the last packet preview; `version` busts the web view's cache after each new preview. */
export function packetPreviewUrl(version: number): string {
  return `${schemeUrl(PACKET_PREVIEW_PATH)}?v=${version}`;
}

// ---- supervisor review -----------------------------------------------------

export type { Agenda, AppliedReview, Checklist, DecisionInput, PacketReview, ReviewRecord, ReviewWritten, TrustedSigner };
export type { AgendaCase } from './bindings/AgendaCase';
export type { Anchor } from './bindings/Anchor';
export type { AnchorKind } from './bindings/AnchorKind';
export type { CheckAnswer } from './bindings/CheckAnswer';
export type { CheckInput } from './bindings/CheckInput';
export type { ChecklistItem } from './bindings/ChecklistItem';
export type { Comment } from './bindings/Comment';
export type { CommentInput } from './bindings/CommentInput';
export type { Dashboard } from './bindings/Dashboard';
export type { DashboardLine } from './bindings/DashboardLine';
export type { Decision } from './bindings/Decision';
export type { Minute } from './bindings/Minute';
export type { Review } from './bindings/Review';
export type { Named } from './bindings/Named';
export type { ReviewPoint } from './bindings/ReviewPoint';
export type { SignerTrust } from './bindings/SignerTrust';
export type { TrustState } from './bindings/TrustState';

/** Ask for a packet (native dialog), check it and hold it for the viewer. null = dialog cancelled. */
export function reviewPickPacket(): Promise<PacketReview | null> {
  return call('review_pick_packet');
}

/** The packet under review, checked again. */
export function reviewReopen(): Promise<PacketReview> {
  return call('review_reopen');
}

/** Trust the signer of the packet under review, given the fingerprint as heard; returns the review checked again. */
export function reviewTrustSigner(heard: string): Promise<PacketReview> {
  return call('review_trust_signer', { heard });
}

/** Drop the packet under review. */
export function reviewClose(): Promise<void> {
  return call('review_close');
}

export function reviewChecklist(): Promise<Checklist> {
  return call('review_checklist');
}

/** Ask where to save (native dialog), sign and write the decision. null = dialog cancelled. */
export function reviewDecide(input: DecisionInput): Promise<ReviewWritten | null> {
  return call('review_decide', { input });
}

export function reviewRegister(): Promise<ReviewRecord[]> {
  return call('review_register');
}

export function trustedSigners(): Promise<TrustedSigner[]> {
  return call('trusted_signers');
}

export function removeSigner(fingerprint: string): Promise<TrustedSigner[]> {
  return call('remove_signer', { fingerprint });
}

/** Ask for a review file (native dialog) and apply it to the case. null = dialog cancelled. */
export function applyReview(number: string): Promise<AppliedReview | null> {
  return call('apply_review', { number });
}

/** Reviews applied to a case, newest first. */
export function caseReviews(number: string): Promise<AppliedReview[]> {
  return call('case_reviews', { number });
}

export function tickReviewPoint(number: string, reviewId: string, point: string, done: boolean): Promise<AppliedReview[]> {
  return call('tick_review_point', { number, reviewId, point, done });
}

export function reviewAgenda(): Promise<Agenda> {
  return call('review_agenda');
}

export function addMinute(number: string, text: string, actions: string[]): Promise<Agenda> {
  return call('add_minute', { number, text, actions });
}

/** URL of the packet under review; `version` busts the cache when another packet is opened. */
export function reviewPacketUrl(version: number): string {
  return `${schemeUrl(REVIEW_PACKET_PATH)}?v=${version}`;
}

// ---- training --------------------------------------------------------------

export type { Debrief, Presentation, ScenarioSummary };
export type { DebriefArea } from './bindings/DebriefArea';
export type { DebriefLine } from './bindings/DebriefLine';
export type { PresenterQuestion } from './bindings/PresenterQuestion';
export type { PresenterStep } from './bindings/PresenterStep';
import type { ScriptedAnswer } from './bindings/ScriptedAnswer';
export type { ScriptedAnswer };

/** Open (or make) the training workspace beside the real one; the window moves to it, unlocked. */
export function openTrainingDemo(): Promise<AppStatus> {
  return call('open_training_demo');
}

/** Lock the training workspace and return the window to the real one. */
export function leaveTraining(): Promise<AppStatus> {
  return call('leave_training');
}

export function trainingScenarios(): Promise<ScenarioSummary[]> {
  return call('training_scenarios');
}

export function presentation(scenarioId: string): Promise<Presentation> {
  return call('presentation', { scenarioId });
}

/** Put a scenario's case back to its start. */
export function resetScenario(number: string): Promise<CaseSummary> {
  return call('reset_scenario', { number });
}

/** The victim's scripted answers for a scenario's case (empty for any other case). */
export function victimScript(number: string): Promise<ScriptedAnswer[]> {
  return call('victim_script', { number });
}

export function debrief(number: string): Promise<Debrief> {
  return call('debrief', { number });
}

/** Ask where to save (native dialog) and write the debrief PDF. null = dialog cancelled. */
export function exportDebrief(number: string): Promise<string | null> {
  return call('export_debrief', { number });
}

// ---- events ----------------------------------------------------------------

/** Listen to a backend event; returns a function that stops. Outside Tauri it does nothing. */
function listenTo<T>(event: string, cb: (payload: T) => void): () => void {
  if (!isTauri()) return () => {};
  let unlisten: UnlistenFn | null = null;
  let stopped = false;
  listen<T>(event, (e) => cb((e as { payload: T } | undefined)?.payload as T))
    .then((fn) => {
      if (stopped) fn();
      else unlisten = fn;
    })
    .catch(() => {
      /* no event system: nothing to listen to */
    });
  return () => {
    stopped = true;
    if (unlisten) {
      unlisten();
      unlisten = null;
    }
  };
}

/**
 * Run `cb` when the backend locks the workspace by itself (idle, suspend).
 * Returns a function that stops listening. Outside Tauri it does nothing.
 */
export function onLocked(cb: () => void): () => void {
  return listenTo<unknown>(LOCKED_EVENT, () => cb());
}

/** Progress of the running `addExhibits`. */
export function onEvidenceProgress(cb: (e: IngestEvent) => void): () => void {
  return listenTo<IngestEvent>(EVIDENCE_PROGRESS_EVENT, cb);
}

/** Files dropped on the window: their names and sizes (the shell keeps the paths). */
export function onFilesDropped(cb: (files: PendingFile[]) => void): () => void {
  return listenTo<PendingFile[]>(FILES_DROPPED_EVENT, (files) => cb(Array.isArray(files) ? files : []));
}

/** Progress of the running packet preview or export. */
export function onPacketProgress(cb: (p: PacketProgress) => void): () => void {
  return listenTo<PacketProgress>(PACKET_PROGRESS_EVENT, cb);
}
