import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Banner } from '../components/Banner';
import { ReviewNotesContext } from '../components/ReviewNotes';
import {
  applyReview,
  asCommandError,
  caseReviews,
  type AppliedReview,
  clearEvidenceFiles,
  getTaxonomy,
  listPeople,
  onFilesDropped,
  type AddExhibitsResult,
  type CaseDetail,
  type Exhibit,
  type ExportReport,
  type ImportResult,
  type Incident,
  type PendingFile,
  type Person,
} from '../ipc/commands';
import { plural } from '../lib/labels';
import { indexTaxonomy, type TaxonomyIndex } from '../lib/timeline';
import { isTypingTarget, modalOpen } from '../lib/dom';
import { truncateMiddle } from '../lib/format';
import { AddExhibitDialog } from './AddExhibitDialog';
import { CaseOverview } from './CaseOverview';
import { CaseReviewsBar } from './CaseReviewsBar';
import { CaseSummaryCard } from './CaseSummaryCard';
import { EvidenceTab, type EvidenceNotice } from './EvidenceTab';
import { ImportDialog } from './ImportDialog';
import { IncidentFormDialog } from './IncidentFormDialog';
import { ManagementTab } from './ManagementTab';
import { PacketTab } from './PacketTab';
import { PeopleTab } from './PeopleTab';
import { ProtocolTab } from './ProtocolTab';
import { RiskTab } from './RiskTab';
import { TimelineTab } from './TimelineTab';

export type CaseTab = 'overview' | 'protocol' | 'timeline' | 'people' | 'risk' | 'management' | 'evidence' | 'packet';

const TABS: Array<{ id: CaseTab; label: string; key: string }> = [
  { id: 'overview', label: 'Overview', key: '1' },
  { id: 'protocol', label: 'Protocol', key: '2' },
  { id: 'timeline', label: 'Timeline', key: '3' },
  { id: 'people', label: 'People', key: '4' },
  { id: 'risk', label: 'Risk', key: '5' },
  { id: 'management', label: 'Management', key: '6' },
  { id: 'evidence', label: 'Evidence', key: '7' },
  { id: 'packet', label: 'Packet', key: '8' },
];

interface CaseViewProps {
  detail: CaseDetail;
  onEdit(): void;
  onHandover(): void;
  /** Message for the user; may also react to the error (e.g. a locked workspace). */
  explain?(e: unknown): string;
  initialTab?: CaseTab;
  /** Show this tab (e.g. from the due list); `seq` makes a repeated request count. */
  tabRequest?: { tab: CaseTab; seq: number } | null;
  /** The case header changed here (its status). */
  onDetailChanged?(d: CaseDetail): void;
  /** Something on the workspace's due list may have changed (reviews, expiries, referrals). */
  onDueChanged?(): void;
}

type FormState = null | { mode: 'new' } | { mode: 'edit'; incident: Incident };

/** "Add evidence" open: with files dropped on the window, or for a copy of an exhibit. */
type AddingEvidence = null | { files: PendingFile[] | null; derivedFrom: Exhibit | null };

export interface TimelineNotice {
  tone: 'success' | 'danger';
  title: string;
  body: ReactNode;
}

/**
 * An open case: tabs for the overview, the timeline of incidents and the
 * people involved. Holds what the tabs share (taxonomy, people, a version
 * counter bumped whenever incidents change) and the incident and import
 * dialogs, so "N" adds an incident from any tab.
 */
export function CaseView({
  detail,
  onEdit,
  onHandover,
  explain: explainProp,
  initialTab = 'overview',
  tabRequest = null,
  onDetailChanged,
  onDueChanged,
}: CaseViewProps) {
  const number = detail.header.number;
  const readOnly = detail.readOnly;
  const explain = useCallback(
    (e: unknown) => (explainProp ? explainProp(e) : asCommandError(e).message),
    [explainProp],
  );
  const explainRef = useRef(explain);
  explainRef.current = explain;

  const [tab, setTab] = useState<CaseTab>(initialTab);
  const [visited, setVisited] = useState<Set<CaseTab>>(() => new Set([initialTab]));
  const [tx, setTx] = useState<TaxonomyIndex | null>(null);
  const [txError, setTxError] = useState<string | null>(null);
  const [people, setPeople] = useState<Person[] | null>(null);
  const [peopleError, setPeopleError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [form, setForm] = useState<FormState>(null);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<TimelineNotice | null>(null);
  const [focusIncident, setFocusIncident] = useState<{ id: string; seq: number } | null>(null);
  const [riskVersion, setRiskVersion] = useState(0);
  const [mgmtVersion, setMgmtVersion] = useState(0);
  const [evidenceVersion, setEvidenceVersion] = useState(0);
  const [focusExhibit, setFocusExhibit] = useState<{ id: string; seq: number } | null>(null);
  const [evidenceNotice, setEvidenceNotice] = useState<EvidenceNotice | null>(null);
  const [addingEvidence, setAddingEvidence] = useState<AddingEvidence>(null);
  const [reviews, setReviews] = useState<AppliedReview[]>([]);
  const [applying, setApplying] = useState(false);
  const [reviewNotice, setReviewNotice] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const tabRefs = useRef(new Map<CaseTab, HTMLButtonElement>());
  const dueRef = useRef(onDueChanged);
  dueRef.current = onDueChanged;
  const dueChanged = useCallback(() => dueRef.current?.(), []);
  // Orders change which incidents are violations: the timeline reloads too.
  const managementChanged = useCallback(() => {
    dueRef.current?.();
    setVersion((v) => v + 1);
  }, []);

  const show = useCallback((t: CaseTab, focusTab = false) => {
    setTab(t);
    setVisited((v) => (v.has(t) ? v : new Set(v).add(t)));
    if (focusTab) tabRefs.current.get(t)?.focus();
  }, []);

  useEffect(() => {
    if (tabRequest) show(tabRequest.tab);
  }, [tabRequest, show]);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const t = await getTaxonomy();
        if (live && t) setTx(indexTaxonomy(t));
      } catch (e) {
        if (live) setTxError(explainRef.current(e));
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  const refreshPeople = useCallback(async () => {
    try {
      const list = await listPeople(number);
      setPeople(Array.isArray(list) ? list : []);
      setPeopleError(null);
    } catch (e) {
      setPeopleError(explainRef.current(e));
    }
  }, [number]);

  useEffect(() => {
    void refreshPeople();
  }, [refreshPeople]);

  const openNew = useCallback(() => {
    if (!readOnly) setForm({ mode: 'new' });
  }, [readOnly]);

  // Alt+1…8 switch tabs; N (outside text fields) and Ctrl+Shift+N add an incident.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || modalOpen()) return;
      if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
        const t = TABS.find((x) => e.code === `Digit${x.key}` || e.key === x.key);
        if (t) {
          e.preventDefault();
          show(t.id, true);
        }
        return;
      }
      const isN = e.key === 'n' || e.key === 'N' || e.code === 'KeyN';
      if (!isN || readOnly) return;
      const ctrlShift = (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey;
      const plain = !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey && !isTypingTarget(e.target);
      if (ctrlShift || plain) {
        e.preventDefault();
        openNew();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openNew, readOnly, show]);

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next === null) return;
    e.preventDefault();
    show(TABS[next]!.id, true);
  };

  const incidentsChanged = useCallback(() => setVersion((v) => v + 1), []);
  const evidenceChanged = useCallback(() => setEvidenceVersion((v) => v + 1), []);

  const openExhibit = useCallback(
    (id: string) => {
      setFocusExhibit((f) => ({ id, seq: (f?.seq ?? 0) + 1 }));
      show('evidence');
    },
    [show],
  );

  // Files dropped on the window: offer to add them (the shell keeps their paths).
  // An open "Add evidence" dialog takes them itself; other dialogs leave them
  // pending for the next "Add evidence".
  useEffect(() => {
    const off = onFilesDropped((files) => {
      if (files.length === 0) return;
      if (readOnly) {
        void Promise.resolve().then(() => clearEvidenceFiles()).catch(() => {});
        return;
      }
      if (modalOpen()) return;
      setAddingEvidence({ files, derivedFrom: null });
      show('evidence');
    });
    return () => {
      if (typeof off === 'function') off();
    };
  }, [readOnly, show]);

  const onExhibitsAdded = (r: AddExhibitsResult) => {
    setAddingEvidence(null);
    evidenceChanged();
    const first = r.added[0];
    if (first) openExhibit(first.id);
    else show('evidence');
    const numbers = r.added.map((e) => e.number).join(', ');
    const withGaps = r.added.filter((e) => e.gaps.length > 0).length;
    setEvidenceNotice({
      tone: r.cancelled ? 'warning' : 'success',
      title: r.cancelled ? 'Adding cancelled' : r.added.length === 1 ? 'Exhibit added' : 'Exhibits added',
      body: (
        <>
          {r.added.length > 0 ? (
            <>
              {plural(r.added.length, 'exhibit')} added: <span className="mono">{numbers}</span>.
            </>
          ) : (
            'Nothing was added.'
          )}
          {r.cancelled ? ' The file in progress when you cancelled left nothing behind.' : ''}
          {withGaps > 0 ? ` ${withGaps === 1 ? 'One has' : `${withGaps} have`} capture-checklist gaps.` : ''}
        </>
      ),
    });
  };

  const onExported = useCallback((r: ExportReport) => {
    setNotice({
      tone: 'success',
      title: 'Incidents exported',
      body: (
        <>
          {plural(r.rows, 'incident')} written to <span className="mono break">{r.path}</span>. SHA-256{' '}
          <code className="hash" title={r.sha256}>
            {r.sha256}
          </code>
        </>
      ),
    });
  }, []);

  const onImported = (r: ImportResult) => {
    setImporting(false);
    incidentsChanged();
    show('timeline');
    setNotice({
      tone: 'success',
      title: 'Log imported',
      body: (
        <>
          {plural(r.imported, 'incident')} imported from the victim's log (SHA-256{' '}
          <code className="hash" title={r.sha256}>
            {truncateMiddle(r.sha256, 12, 8)}
          </code>
          ).
        </>
      ),
    });
  };

  useEffect(() => {
    let live = true;
    Promise.resolve()
      .then(() => caseReviews(number))
      .then((list) => {
        if (live) setReviews(Array.isArray(list) ? list : []);
      })
      .catch(() => {
        /* an older case or a copy without reviews: nothing to show */
      });
    return () => {
      live = false;
    };
  }, [number]);

  const applyReviewFile = async () => {
    setApplying(true);
    setReviewNotice(null);
    try {
      const applied = await applyReview(number);
      if (!applied) return;
      setReviews(await caseReviews(number));
      setReviewNotice({
        tone: 'success',
        text:
          applied.review.decision === 'approve'
            ? `The approval by ${applied.review.reviewer.name} is recorded in the case's audit trail.`
            : `The review by ${applied.review.reviewer.name} is recorded in the case's audit trail; its points are listed above.`,
      });
    } catch (e) {
      setReviewNotice({ tone: 'danger', text: explain(e) });
    } finally {
      setApplying(false);
    }
  };

  return (
    <ReviewNotesContext.Provider value={reviews}>
    <div className="case-view">
      <CaseReviewsBar number={number} reviews={reviews} readOnly={readOnly} onChanged={setReviews} explain={explain} />
      {reviewNotice ? (
        <Banner tone={reviewNotice.tone} id="apply-review-result" urgent={reviewNotice.tone === 'danger'} onDismiss={() => setReviewNotice(null)}>
          {reviewNotice.text}
        </Banner>
      ) : null}
      <div className="tabs" role="tablist" aria-label="Case sections">
        {TABS.map((t, i) => {
          const selected = tab === t.id;
          return (
            <button
              key={t.id}
              ref={(el) => {
                if (el) tabRefs.current.set(t.id, el);
                else tabRefs.current.delete(t.id);
              }}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              className="tab"
              aria-selected={selected}
              aria-controls={`panel-${t.id}`}
              tabIndex={selected ? 0 : -1}
              data-tab={t.id}
              title={`${t.label} (Alt+${t.key})`}
              aria-keyshortcuts={`Alt+${t.key}`}
              onClick={() => show(t.id)}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      {txError ? (
        <Banner tone="danger" urgent>
          The incident categories could not be loaded: {txError}
        </Banner>
      ) : null}

      <div
        role="tabpanel"
        id="panel-overview"
        aria-labelledby="tab-overview"
        className="tab-panel tab-panel-scroll"
        hidden={tab !== 'overview'}
      >
        <CaseOverview
          detail={detail}
          onEdit={onEdit}
          onHandover={onHandover}
          onApplyReview={() => void applyReviewFile()}
          applyingReview={applying}
          summary={<CaseSummaryCard number={number} version={version} people={people} onShowTimeline={() => show('timeline', true)} />}
        />
      </div>
      <div
        role="tabpanel"
        id="panel-protocol"
        aria-labelledby="tab-protocol"
        className="tab-panel tab-panel-fill"
        hidden={tab !== 'protocol'}
      >
        {visited.has('protocol') ? (
          <ProtocolTab
            number={number}
            readOnly={readOnly}
            active={tab === 'protocol'}
            tx={tx}
            people={people}
            recordsVersion={riskVersion + mgmtVersion}
            evidenceVersion={evidenceVersion}
            onEvidenceChanged={evidenceChanged}
            onPeopleChanged={() => void refreshPeople()}
            onIncidentSaved={() => incidentsChanged()}
            onRecordsChanged={(what) => {
              if (what === 'risk') setRiskVersion((v) => v + 1);
              else setMgmtVersion((v) => v + 1);
              dueChanged();
            }}
            explain={explain}
          />
        ) : null}
      </div>
      <div
        role="tabpanel"
        id="panel-timeline"
        aria-labelledby="tab-timeline"
        className="tab-panel tab-panel-timeline"
        hidden={tab !== 'timeline'}
      >
        {visited.has('timeline') ? (
          <TimelineTab
            number={number}
            readOnly={readOnly}
            tx={tx}
            people={people}
            version={version}
            focusIncident={focusIncident}
            notice={notice}
            onDismissNotice={() => setNotice(null)}
            onAdd={openNew}
            onEdit={(incident) => setForm({ mode: 'edit', incident })}
            onImport={() => setImporting(true)}
            onChanged={incidentsChanged}
            onExported={onExported}
            evidenceVersion={evidenceVersion}
            onOpenExhibit={openExhibit}
            explain={explain}
          />
        ) : null}
      </div>
      <div
        role="tabpanel"
        id="panel-people"
        aria-labelledby="tab-people"
        className="tab-panel tab-panel-scroll"
        hidden={tab !== 'people'}
      >
        {visited.has('people') ? (
          <PeopleTab
            number={number}
            readOnly={readOnly}
            people={people}
            error={peopleError}
            onChanged={() => void refreshPeople()}
            onRetry={() => void refreshPeople()}
            explain={explain}
          />
        ) : null}
      </div>
      <div
        role="tabpanel"
        id="panel-risk"
        aria-labelledby="tab-risk"
        className="tab-panel tab-panel-scroll"
        hidden={tab !== 'risk'}
      >
        {visited.has('risk') ? (
          <RiskTab number={number} readOnly={readOnly} version={riskVersion} onChanged={dueChanged} explain={explain} />
        ) : null}
      </div>
      <div
        role="tabpanel"
        id="panel-management"
        aria-labelledby="tab-management"
        className="tab-panel tab-panel-scroll"
        hidden={tab !== 'management'}
      >
        {visited.has('management') ? (
          <ManagementTab
            number={number}
            readOnly={readOnly}
            status={detail.header.status}
            version={mgmtVersion}
            onDetailChanged={(d) => onDetailChanged?.(d)}
            onChanged={managementChanged}
            explain={explain}
          />
        ) : null}
      </div>
      <div
        role="tabpanel"
        id="panel-evidence"
        aria-labelledby="tab-evidence"
        className="tab-panel tab-panel-evidence"
        hidden={tab !== 'evidence'}
      >
        {visited.has('evidence') ? (
          <EvidenceTab
            number={number}
            readOnly={readOnly}
            people={people}
            tx={tx}
            version={evidenceVersion}
            focusExhibit={focusExhibit}
            notice={evidenceNotice}
            onDismissNotice={() => setEvidenceNotice(null)}
            onAdd={() => setAddingEvidence({ files: null, derivedFrom: null })}
            onDerive={(ex) => setAddingEvidence({ files: null, derivedFrom: ex })}
            onChanged={evidenceChanged}
            explain={explain}
          />
        ) : null}
      </div>
      <div
        role="tabpanel"
        id="panel-packet"
        aria-labelledby="tab-packet"
        className="tab-panel tab-panel-scroll"
        hidden={tab !== 'packet'}
      >
        {visited.has('packet') ? (
          <PacketTab
            number={number}
            readOnly={readOnly}
            tx={tx}
            active={tab === 'packet'}
            recordsVersion={version + evidenceVersion + riskVersion + mgmtVersion}
            explain={explain}
          />
        ) : null}
      </div>

      {form ? (
        <IncidentFormDialog
          number={number}
          tx={tx}
          people={people ?? []}
          editing={form.mode === 'edit' ? form.incident : null}
          onSaved={(incident) => {
            incidentsChanged();
            setFocusIncident((f) => ({ id: incident.id, seq: (f?.seq ?? 0) + 1 }));
          }}
          onClose={() => setForm(null)}
          explain={explain}
        />
      ) : null}
      {addingEvidence ? (
        <AddExhibitDialog
          number={number}
          people={people ?? []}
          tx={tx}
          initialFiles={addingEvidence.files}
          derivedFrom={addingEvidence.derivedFrom}
          explain={explain}
          onClose={() => setAddingEvidence(null)}
          onAdded={onExhibitsAdded}
          onChanged={evidenceChanged}
        />
      ) : null}
      {importing ? (
        <ImportDialog number={number} onClose={() => setImporting(false)} onImported={onImported} explain={explain} />
      ) : null}
    </div>
    </ReviewNotesContext.Provider>
  );
}
