import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Banner } from '../components/Banner';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { AskVictim } from '../components/AskVictim';
import { ProtocolItemField, type RecordRequest } from '../components/ProtocolItemField';
import { ReviewNotesFor } from '../components/ReviewNotes';
import { Spinner } from '../components/Spinner';
import {
  answerItem,
  getIncident,
  getProtocol,
  listExhibits,
  listLegal,
  listOrders,
  listPlan,
  riskHistory,
  upgradeProtocol,
  victimScript,
  type AnswerInput,
  type ScriptedAnswer,
  type Exhibit,
  type ExhibitRow,
  type Incident,
  type LegalProcess,
  type Omission,
  type Person,
  type PlanItem,
  type ProtectiveOrder,
  type ProtocolView,
  type RecordKind,
  type RiskAssessment,
} from '../ipc/commands';
import { isTypingTarget, modalOpen } from '../lib/dom';
import { formatDate, formatDateTime } from '../lib/format';
import {
  LEGAL_KIND_LABELS,
  ORDER_KIND_LABELS,
  PLAN_KIND_LABELS,
  PLAN_STATUS_LABELS,
  plural,
  REQUIREMENT_LABELS,
  RISK_LEVEL_LABELS,
} from '../lib/labels';
import {
  answersById,
  flattenSteps,
  guessLegalKind,
  guessOrderKind,
  guessPlanKind,
  stepState,
  type StepState,
} from '../lib/protocol';
import { asList } from '../lib/records';
import { categoryLabel, type TaxonomyIndex } from '../lib/timeline';
import { AddExhibitDialog } from './AddExhibitDialog';
import { IncidentFormDialog } from './IncidentFormDialog';
import { IncidentPickerDialog } from './IncidentPickerDialog';
import { LegalDialog } from './LegalDialog';
import { OrderDialog } from './OrderDialog';
import { PersonDialog } from './PersonDialog';
import { PlanDialog } from './PlanDialog';
import { RiskFormDialog } from './RiskFormDialog';

interface ProtocolTabProps {
  number: string;
  readOnly: boolean;
  /** The tab is showing: its keyboard shortcuts are live. */
  active: boolean;
  tx: TaxonomyIndex | null;
  people: Person[] | null;
  /** Bumped when risk assessments or management records changed (to re-describe linked records). */
  recordsVersion?: number;
  onPeopleChanged(): void;
  onIncidentSaved(incident: Incident): void;
  /** A risk assessment or a management record was created from the protocol. */
  onRecordsChanged(what: 'risk' | 'management'): void;
  /** Bumped when exhibits change elsewhere (the evidence items reload the register). */
  evidenceVersion?: number;
  /** Exhibits were added from the protocol. */
  onEvidenceChanged?(): void;
  explain(e: unknown): string;
}

/** A register row for an exhibit just added, until the register reloads. */
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

interface Records {
  orders: ProtectiveOrder[];
  legal: LegalProcess[];
  plan: PlanItem[];
  risks: RiskAssessment[];
}

/** What a linked incident chip shows; null = it could not be found. */
type IncidentChip = { display: string; category: string } | null;

const STEP_MARKS: Record<StepState, { mark: string; text: string }> = {
  done: { mark: '✓', text: 'complete' },
  requiredOpen: { mark: '!', text: 'required items open' },
  open: { mark: '○', text: 'items open' },
  empty: { mark: '·', text: 'nothing to answer' },
};

function RequirementBadge({ requirement }: { requirement: Omission['requirement'] }) {
  return (
    <span className={`badge badge-req req-${requirement}`} data-requirement={requirement}>
      {REQUIREMENT_LABELS[requirement]}
    </span>
  );
}

function ProgressBar({ answered, total, label }: { answered: number; total: number; label: string }) {
  const pct = total > 0 ? Math.round((answered / total) * 100) : 0;
  return (
    <span
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={answered}
      aria-valuetext={`${answered} of ${total} answered`}
    >
      <span className="progress-fill" style={{ width: `${pct}%` }} />
    </span>
  );
}

/**
 * The guided protocol as a wizard: stages and steps on the left, the current
 * step in the middle, what is still open on the right. Nothing is blocked:
 * any step can be opened at any time, and answers save as they are given.
 */
export function ProtocolTab({
  number,
  readOnly,
  active,
  tx,
  people,
  recordsVersion = 0,
  onPeopleChanged,
  onIncidentSaved,
  onRecordsChanged,
  evidenceVersion = 0,
  onEvidenceChanged,
  explain,
}: ProtocolTabProps) {
  const [view, setView] = useState<ProtocolView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [stepId, setStepId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [showOmissions, setShowOmissions] = useState(true);
  const [focus, setFocus] = useState<{ itemId: string | null; seq: number } | null>(null);
  const [request, setRequest] = useState<RecordRequest | null>(null);
  const [confirmUpgrade, setConfirmUpgrade] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [records, setRecords] = useState<Records>({ orders: [], legal: [], plan: [], risks: [] });
  const [chips, setChips] = useState<Map<string, IncidentChip>>(() => new Map());
  const [exhibits, setExhibits] = useState<ExhibitRow[] | null>(null);
  const [script, setScript] = useState<Map<string, ScriptedAnswer>>(() => new Map());
  const mainRef = useRef<HTMLDivElement>(null);
  const navRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const saveSeq = useRef(0);
  const appliedSeq = useRef(0);
  const explainRef = useRef(explain);
  explainRef.current = explain;

  const protocolDef = view?.protocol;
  const answerList = view?.answers;
  const steps = useMemo(() => (protocolDef ? flattenSteps(protocolDef) : []), [protocolDef]);
  const answers = useMemo(() => answersById(answerList ?? []), [answerList]);
  const current = steps.find((s) => s.step.id === stepId) ?? steps[0] ?? null;

  // A training scenario's case: the victim's scripted answers, shown as asked.
  useEffect(() => {
    let live = true;
    Promise.resolve()
      .then(() => victimScript(number))
      .then((list) => {
        if (live && Array.isArray(list)) setScript(new Map(list.map((a) => [a.item, a])));
      })
      .catch(() => {
        /* not a training case */
      });
    return () => {
      live = false;
    };
  }, [number]);

  // Load the protocol; open on the suggested next step.
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const v = await getProtocol(number);
        if (!live || !v) return;
        setView(v);
        setLoadError(null);
        const flat = flattenSteps(v.protocol);
        const start = flat.find((s) => s.step.id === v.status.nextStep) ?? flat[0];
        if (start) {
          setStepId((prev) => prev ?? start.step.id);
          setExpanded((prev) => (prev.size > 0 ? prev : new Set([start.stage.id])));
        }
      } catch (e) {
        if (live) setLoadError(explainRef.current(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [number, reload]);

  // The records that actions create, to describe them in the step.
  useEffect(() => {
    let live = true;
    void Promise.allSettled([listOrders(number), listLegal(number), listPlan(number), riskHistory(number)]).then(([o, l, p, r]) => {
      if (!live) return;
      setRecords({
        orders: o.status === 'fulfilled' ? asList(o.value) : [],
        legal: l.status === 'fulfilled' ? asList(l.value) : [],
        plan: p.status === 'fulfilled' ? asList(p.value) : [],
        risks: r.status === 'fulfilled' ? asList(r.value?.assessments) : [],
      });
    });
    return () => {
      live = false;
    };
  }, [number, recordsVersion]);

  // The evidence register, for the items that link exhibits.
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const list = asList(await listExhibits(number, null));
        if (live) setExhibits(list);
      } catch {
        if (live) setExhibits((prev) => prev ?? []);
      }
    })();
    return () => {
      live = false;
    };
  }, [number, evidenceVersion]);

  // Fetch what the incident chips of this step show.
  const incidentIds = useMemo(() => {
    if (!current) return [];
    const ids: string[] = [];
    for (const item of current.step.items) {
      if (item.kind !== 'incidents' && !(item.kind === 'action' && item.record === 'incident')) continue;
      for (const id of answers.get(item.id)?.values ?? []) ids.push(id);
    }
    return ids;
  }, [current, answers]);
  const idsKey = incidentIds.join(',');
  useEffect(() => {
    const missing = incidentIds.filter((id) => !chips.has(id));
    if (missing.length === 0) return;
    let live = true;
    void Promise.all(
      missing.map(async (id): Promise<[string, IncidentChip]> => {
        try {
          const inc = await getIncident(number, id);
          return [id, inc ? { display: inc.occurred.display, category: inc.input.category } : null];
        } catch {
          return [id, null];
        }
      }),
    ).then((found) => {
      if (!live) return;
      setChips((prev) => {
        const next = new Map(prev);
        for (const [id, chip] of found) next.set(id, chip);
        return next;
      });
    });
    return () => {
      live = false;
    };
    // `chips` is read, not watched: refetching when it changes would loop.
  }, [idsKey, number]);

  const go = useCallback(
    (id: string, itemId: string | null = null) => {
      const target = steps.find((s) => s.step.id === id);
      if (!target) return;
      setStepId(id);
      setExpanded((prev) => (prev.has(target.stage.id) ? prev : new Set(prev).add(target.stage.id)));
      setFocus((f) => ({ itemId, seq: (f?.seq ?? 0) + 1 }));
    },
    [steps],
  );

  const move = useCallback(
    (delta: number) => {
      if (!current) return;
      const next = steps[current.index + delta];
      if (next) go(next.step.id);
    },
    [current, go, steps],
  );

  // After moving: the step heading (or the item asked for) gets focus, the pane scrolls to the top.
  useLayoutEffect(() => {
    if (!focus) return;
    const main = mainRef.current;
    if (focus.itemId) {
      const el = main?.querySelector<HTMLElement>(`[data-item-id="${focus.itemId.replace(/["\\]/g, '')}"]`);
      const target = el?.querySelector<HTMLElement>(
        'input:not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled])',
      );
      if (el) {
        el.classList.add('item-flash');
        setTimeout(() => el.classList.remove('item-flash'), 1600);
      }
      (target ?? el)?.focus();
      if (typeof el?.scrollIntoView === 'function') el.scrollIntoView({ block: 'center' });
    } else {
      if (main) main.scrollTop = 0;
      headingRef.current?.focus();
    }
  }, [focus]);

  // Keep the current step visible in the stage list.
  useEffect(() => {
    const el = navRef.current?.querySelector<HTMLElement>('[aria-current="step"]');
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
  }, [stepId, expanded]);

  // Alt+→ / Alt+← anywhere in the tab; Page Down / Page Up outside text fields.
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || modalOpen()) return;
      let delta = 0;
      if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
        delta = e.key === 'ArrowRight' ? 1 : -1;
      } else if (
        !e.altKey &&
        !e.ctrlKey &&
        !e.metaKey &&
        (e.key === 'PageDown' || e.key === 'PageUp') &&
        !isTypingTarget(e.target)
      ) {
        delta = e.key === 'PageDown' ? 1 : -1;
      }
      if (delta === 0) return;
      e.preventDefault();
      move(delta);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, move]);

  const save = useCallback(
    async (itemId: string, input: AnswerInput) => {
      const n = ++saveSeq.current;
      const v = await answerItem(number, itemId, input);
      if (v && n > appliedSeq.current) {
        appliedSeq.current = n;
        setView(v);
      }
    },
    [number],
  );

  const describe = useCallback(
    (kind: RecordKind | 'incident', id: string): ReactNode => {
      switch (kind) {
        case 'incident': {
          if (!chips.has(id)) return <span className="muted">Loading the incident…</span>;
          const c = chips.get(id);
          return c ? (
            <>
              <strong>{c.display}</strong> · {categoryLabel(tx, c.category)}
            </>
          ) : (
            <span className="muted">An incident no longer in this case</span>
          );
        }
        case 'riskAssessment': {
          const a = records.risks.find((r) => r.id === id);
          return a ? (
            <>
              Risk assessment of <strong>{formatDate(a.input.assessedOn)}</strong>: {RISK_LEVEL_LABELS[a.input.level]}
            </>
          ) : (
            'Risk assessment'
          );
        }
        case 'protectiveOrder': {
          const o = records.orders.find((r) => r.id === id);
          return o ? (
            <>
              <strong>{ORDER_KIND_LABELS[o.input.kind]}</strong> order{o.input.court ? `, ${o.input.court}` : ''}, issued{' '}
              {formatDate(o.input.issuedOn)}
            </>
          ) : (
            'Protective order'
          );
        }
        case 'legalProcess': {
          const l = records.legal.find((r) => r.id === id);
          return l ? (
            <>
              <strong>{LEGAL_KIND_LABELS[l.input.kind]}</strong> to {l.input.provider}, sent {formatDate(l.input.sentOn)}
            </>
          ) : (
            'Legal process'
          );
        }
        case 'referral': {
          const p = records.plan.find((r) => r.id === id);
          return p ? (
            <>
              <strong>{PLAN_KIND_LABELS[p.input.kind]}</strong>: {p.input.owner} ({PLAN_STATUS_LABELS[p.input.status].toLowerCase()})
            </>
          ) : (
            'Referral'
          );
        }
        default:
          return id;
      }
    },
    [chips, records, tx],
  );

  const closeRequest = () => setRequest(null);

  if (loadError && !view) {
    return (
      <div className="pane-note" role="alert">
        <p className="form-error">The protocol could not be loaded: {loadError}</p>
        <button type="button" className="button button-secondary" onClick={() => setReload((r) => r + 1)}>
          Try again
        </button>
      </div>
    );
  }
  if (!view || !current) {
    return (
      <p className="pane-note" role="status">
        <Spinner /> Loading the protocol…
      </p>
    );
  }

  const { protocol, status } = view;
  const progressOf = new Map(status.stages.map((s) => [s.stageId, s]));
  const requiredOpen = status.omissions.filter((o) => o.requirement === 'required').length;
  const recommendedOpen = status.omissions.filter((o) => o.requirement === 'recommended').length;
  const suggested = status.nextStep ? steps.find((s) => s.step.id === status.nextStep) : undefined;
  const step = current.step;
  const prev = steps[current.index - 1];
  const next = steps[current.index + 1];
  const stepCount = steps.length;

  return (
    <section className="protocol" aria-labelledby="protocol-title">
      <div className="timeline-toolbar protocol-toolbar">
        <h2 id="protocol-title" className="timeline-title">
          Protocol
        </h2>
        <span className="incident-count protocol-name">
          {protocol.label}, version {protocol.version}
        </span>
        <span className="protocol-overall" id="protocol-progress">
          <ProgressBar answered={status.answered} total={status.total} label="Answered in the whole protocol" />
          <span>
            {status.answered} of {status.total} answered
          </span>
        </span>
        <div className="toolbar">
          {suggested && suggested.step.id !== step.id ? (
            <button type="button" id="wizard-suggested" className="button button-secondary button-small" onClick={() => go(suggested.step.id)}>
              Next open step: {suggested.step.label}
            </button>
          ) : null}
          <button
            type="button"
            id="omissions-toggle"
            className="button button-quiet button-small"
            aria-expanded={showOmissions}
            aria-controls="omissions-panel"
            onClick={() => setShowOmissions((s) => !s)}
          >
            {showOmissions ? 'Hide open items' : `Show open items (${status.omissions.length})`}
          </button>
        </div>
      </div>

      {status.newerVersion !== null ? (
        <Banner
          tone="info"
          id="protocol-upgrade-banner"
          title={`Version ${status.newerVersion} of this protocol is available`}
          actions={
            !readOnly ? (
              <button type="button" id="protocol-upgrade" className="button button-secondary button-small" onClick={() => setConfirmUpgrade(true)}>
                Move this case to version {status.newerVersion}
              </button>
            ) : undefined
          }
        >
          This case follows version {status.version}. Moving it keeps every answer already given.
        </Banner>
      ) : null}
      {notice ? (
        <Banner tone="success" id="protocol-notice" onDismiss={() => setNotice(null)}>
          {notice}
        </Banner>
      ) : null}
      {status.orphaned.length > 0 ? (
        <details className="orphaned" id="orphaned-answers">
          <summary>
            Answers to items this version no longer has ({status.orphaned.length})
          </summary>
          <p className="hint">They are kept in the case file and its audit trail; they are not counted in the progress.</p>
          <ul className="orphaned-list">
            {status.orphaned.map((a) => (
              <li key={a.itemId} data-orphan-id={a.itemId}>
                <span className="mono">{a.itemId}</span> <span className="muted">(version {a.version})</span>:{' '}
                {[a.value, ...a.values].filter(Boolean).join(', ') || <span className="muted">no value</span>}
                {a.note ? <span className="block muted">Note: {a.note}</span> : null}
                <span className="block muted">
                  {a.answeredBy}, {formatDateTime(a.answeredAt)}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <div className={showOmissions ? 'wizard' : 'wizard wizard-no-omissions'}>
        <nav className="wizard-stages" aria-label="Protocol stages and steps" ref={navRef}>
          <ol className="stage-list">
            {protocol.stages.map((st, si) => {
              const p = progressOf.get(st.id);
              const open = expanded.has(st.id);
              const isCurrent = current.stage.id === st.id;
              return (
                <li key={st.id} className={isCurrent ? 'stage current' : 'stage'}>
                  <button
                    type="button"
                    className="stage-button"
                    data-stage-id={st.id}
                    aria-expanded={open}
                    aria-controls={`stage-steps-${st.id}`}
                    title={st.summary || undefined}
                    onClick={() => {
                      if (isCurrent) {
                        setExpanded((prev) => {
                          const n = new Set(prev);
                          if (n.has(st.id)) n.delete(st.id);
                          else n.add(st.id);
                          return n;
                        });
                      } else if (st.steps[0]) {
                        go(st.steps[0].id);
                      } else {
                        setExpanded((prev) => new Set(prev).add(st.id));
                      }
                    }}
                  >
                    <span className="stage-head">
                      <span className="stage-caret" aria-hidden="true">
                        {open ? '▾' : '▸'}
                      </span>
                      <span className="stage-label">
                        <span className="visually-hidden">Stage {si + 1}: </span>
                        {st.label}
                      </span>
                      {p ? (
                        <span className="stage-count">
                          {p.answered}/{p.total}
                        </span>
                      ) : null}
                    </span>
                    {p ? <ProgressBar answered={p.answered} total={p.total} label={`${st.label}: answered`} /> : null}
                    {p && (p.requiredOpen > 0 || p.recommendedOpen > 0) ? (
                      <span className="stage-open" data-required-open={p.requiredOpen}>
                        {p.requiredOpen > 0 ? `${p.requiredOpen} required open` : null}
                        {p.requiredOpen > 0 && p.recommendedOpen > 0 ? ', ' : null}
                        {p.recommendedOpen > 0 ? `${p.recommendedOpen} recommended` : null}
                      </span>
                    ) : p && p.total > 0 ? (
                      <span className="stage-open stage-done">Nothing required open</span>
                    ) : null}
                  </button>
                  {open ? (
                    <ol className="step-list" id={`stage-steps-${st.id}`}>
                      {st.steps.map((sp) => {
                        const state = stepState(sp, answers);
                        const here = sp.id === step.id;
                        return (
                          <li key={sp.id}>
                            <button
                              type="button"
                              className={`step-button step-${state}${here ? ' current' : ''}`}
                              data-nav-step={sp.id}
                              aria-current={here ? 'step' : undefined}
                              onClick={() => go(sp.id)}
                            >
                              <span className="step-mark" aria-hidden="true">
                                {STEP_MARKS[state].mark}
                              </span>
                              <span className="step-name">{sp.label}</span>
                              <span className="visually-hidden">, {STEP_MARKS[state].text}</span>
                            </button>
                          </li>
                        );
                      })}
                    </ol>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </nav>

        <div className="wizard-main" ref={mainRef}>
          <section className="wizard-step" data-step-id={step.id} aria-labelledby="wizard-step-title">
            <p className="wizard-where">
              Stage {current.stageIndex + 1} of {protocol.stages.length}: {current.stage.label}
            </p>
            <div className="wizard-step-head">
              <h3 id="wizard-step-title" tabIndex={-1} ref={headingRef}>
                {step.label}
              </h3>
              <RequirementBadge requirement={step.requirement} />
            </div>
            {step.guidance ? <p className="wizard-guidance">{step.guidance}</p> : null}
            {step.why ? (
              <aside className="why-box" aria-labelledby="why-title">
                <h4 id="why-title">Why it matters</h4>
                <p>{step.why}</p>
              </aside>
            ) : null}
            {readOnly ? (
              <p className="hint block">This is a review copy: the answers can be read but not changed.</p>
            ) : null}
            <div className="protocol-items">
              {step.items.length === 0 ? <p className="muted">This step has nothing to answer.</p> : null}
              {step.items.map((item) => (
                <div key={`${item.id}@${protocol.version}`} className="protocol-item-wrap">
                  <ProtocolItemField
                    item={item}
                    answer={answers.get(item.id)}
                    readOnly={readOnly}
                    people={people ?? []}
                    exhibits={exhibits}
                    describe={describe}
                    onSave={save}
                    onRequest={setRequest}
                    explain={explain}
                  />
                  <AskVictim answer={script.get(item.id)} />
                  <ReviewNotesFor kind="item" targets={[item.id]} />
                </div>
              ))}
            </div>
            <div className="wizard-nav">
              <button
                type="button"
                id="wizard-back"
                className="button button-secondary"
                disabled={!prev}
                title={prev ? `${prev.step.label} (Alt+← or Page Up)` : undefined}
                aria-keyshortcuts="Alt+ArrowLeft PageUp"
                onClick={() => move(-1)}
              >
                <span aria-hidden="true">←</span> Back
              </button>
              <span id="wizard-position" className="wizard-position" aria-live="polite">
                Step {current.index + 1} of {stepCount}
              </span>
              <button
                type="button"
                id="wizard-next"
                className="button button-primary"
                disabled={!next}
                title={next ? `${next.step.label} (Alt+→ or Page Down)` : undefined}
                aria-keyshortcuts="Alt+ArrowRight PageDown"
                onClick={() => move(1)}
              >
                Next <span aria-hidden="true">→</span>
              </button>
            </div>
            {next ? <p className="hint wizard-next-hint">Next: {next.step.label}. Open items never block moving on.</p> : null}
          </section>
        </div>

        <aside id="omissions-panel" className="omissions" aria-labelledby="omissions-title" hidden={!showOmissions}>
          <h3 id="omissions-title" className="omissions-title">
            Still open
          </h3>
          <p id="omissions-count" className="omissions-count" data-required={requiredOpen} data-recommended={recommendedOpen} role="status">
            {requiredOpen} required, {recommendedOpen} recommended open
          </p>
          <p className="hint">This list never blocks anything. Pick an item to go to it.</p>
          {status.omissions.length === 0 ? (
            <p className="omissions-none">
              <span aria-hidden="true">✓ </span>Nothing required or recommended is open.
            </p>
          ) : (
            protocol.stages.map((st) => {
              const list = status.omissions.filter((o) => o.stageId === st.id);
              if (list.length === 0) return null;
              return (
                <section key={st.id} className="omission-group" aria-labelledby={`omissions-${st.id}`}>
                  <h4 id={`omissions-${st.id}`} className="omission-stage">
                    {st.label} <span className="muted">({list.length})</span>
                  </h4>
                  <ul className="omission-list">
                    {list.map((o) => (
                      <li key={o.itemId}>
                        <button
                          type="button"
                          className={`omission req-${o.requirement}`}
                          data-omission-item={o.itemId}
                          data-step={o.stepId}
                          onClick={() => go(o.stepId, o.itemId)}
                        >
                          <span className={`req-tag req-${o.requirement}`}>{REQUIREMENT_LABELS[o.requirement]}</span>
                          <span className="omission-text">{o.text}</span>
                          <span className="omission-step muted">{o.stepLabel}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })
          )}
        </aside>
      </div>

      {confirmUpgrade && status.newerVersion !== null ? (
        <ConfirmDialog
          id="protocol-upgrade-dialog"
          title={`Move this case to version ${status.newerVersion}?`}
          confirmLabel={`Move to version ${status.newerVersion}`}
          busyLabel="Moving…"
          tone="primary"
          explain={explain}
          onClose={() => setConfirmUpgrade(false)}
          onConfirm={async () => {
            const from = status.version;
            const v = await upgradeProtocol(number);
            setConfirmUpgrade(false);
            if (v) {
              appliedSeq.current = ++saveSeq.current;
              setView(v);
              const flat = flattenSteps(v.protocol);
              if (!flat.some((s) => s.step.id === stepId)) {
                const start = flat.find((s) => s.step.id === v.status.nextStep) ?? flat[0];
                if (start) setStepId(start.step.id);
              }
              setNotice(
                `The case now follows version ${v.protocol.version} (was ${from}).` +
                  (v.status.orphaned.length > 0
                    ? ` ${plural(v.status.orphaned.length, 'answer')} to items this version no longer has are kept below.`
                    : ''),
              );
            }
          }}
        >
          <p>
            This case follows version {status.version} of “{protocol.label}”. Every answer already given is kept: items that are
            in both versions keep their answers, and answers to items version {status.newerVersion} no longer has stay listed
            separately. New items start unanswered.
          </p>
          <p className="hint">The move is recorded in the case's audit trail.</p>
        </ConfirmDialog>
      ) : null}

      {request?.kind === 'person' ? (
        <PersonDialog
          number={number}
          person={null}
          defaultRole={request.role ?? 'witness'}
          explain={explain}
          onClose={closeRequest}
          onSaved={(p) => {
            request.done(p.id);
            closeRequest();
            onPeopleChanged();
          }}
        />
      ) : null}
      {request?.kind === 'incident' ? (
        <IncidentFormDialog
          number={number}
          tx={tx}
          people={people ?? []}
          editing={null}
          explain={explain}
          onClose={closeRequest}
          onSaved={(inc) => {
            setChips((prev) => new Map(prev).set(inc.id, { display: inc.occurred.display, category: inc.input.category }));
            request.done(inc.id);
            onIncidentSaved(inc);
          }}
        />
      ) : null}
      {request?.kind === 'linkIncidents' ? (
        <IncidentPickerDialog
          number={number}
          tx={tx}
          title={`Link incidents: ${request.item.text}`}
          selected={request.current}
          explain={explain}
          onClose={closeRequest}
          onDone={(ids, rows) => {
            setChips((prev) => {
              const n = new Map(prev);
              for (const r of rows) n.set(r.id, { display: r.display, category: r.category });
              return n;
            });
            request.done(ids);
            closeRequest();
          }}
        />
      ) : null}
      {request?.kind === 'evidence' ? (
        <AddExhibitDialog
          number={number}
          people={people ?? []}
          tx={tx}
          explain={explain}
          onClose={closeRequest}
          onChanged={() => onEvidenceChanged?.()}
          onAdded={(r) => {
            const added = r.added.map(rowOf);
            setExhibits((prev) => [...(prev ?? []).filter((x) => !added.some((a) => a.id === x.id)), ...added]);
            if (added.length > 0) request.done(added.map((a) => a.id));
            closeRequest();
            onEvidenceChanged?.();
          }}
        />
      ) : null}
      {request?.kind === 'riskAssessment' ? (
        <RiskFormDialog
          number={number}
          explain={explain}
          onClose={closeRequest}
          onSaved={(h, id) => {
            setRecords((r) => ({ ...r, risks: h.assessments }));
            if (id) request.done(id);
            closeRequest();
            onRecordsChanged('risk');
          }}
        />
      ) : null}
      {request?.kind === 'protectiveOrder' ? (
        <OrderDialog
          number={number}
          order={null}
          defaultKind={guessOrderKind(request.item)}
          explain={explain}
          onClose={closeRequest}
          onSaved={(list, id) => {
            setRecords((r) => ({ ...r, orders: list }));
            if (id) request.done(id);
            closeRequest();
            onRecordsChanged('management');
          }}
        />
      ) : null}
      {request?.kind === 'legalProcess' ? (
        <LegalDialog
          number={number}
          legal={null}
          defaultKind={guessLegalKind(request.item)}
          explain={explain}
          onClose={closeRequest}
          onSaved={(list, id) => {
            setRecords((r) => ({ ...r, legal: list }));
            if (id) request.done(id);
            closeRequest();
            onRecordsChanged('management');
          }}
        />
      ) : null}
      {request?.kind === 'referral' ? (
        <PlanDialog
          number={number}
          item={null}
          defaultKind={guessPlanKind(request.item)}
          explain={explain}
          onClose={closeRequest}
          onSaved={(list, id) => {
            setRecords((r) => ({ ...r, plan: list }));
            if (id) request.done(id);
            closeRequest();
            onRecordsChanged('management');
          }}
        />
      ) : null}
    </section>
  );
}
