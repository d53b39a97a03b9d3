import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Banner } from '../components/Banner';
import { CaseList } from '../components/CaseList';
import { Icon } from '../components/Icon';
import { Spinner } from '../components/Spinner';
import { UnregisteredCases } from '../components/UnregisteredCases';
import { useActivityPing } from '../hooks/useTouch';
import {
  asCommandError,
  dueList,
  listCases,
  lockWorkspace,
  openCase,
  reviewClose,
  reviewPickPacket,
  type CaseDetail,
  type PacketReview,
  type CaseSummary,
  type DueItem,
  type Profile,
  type UnlockReport,
} from '../ipc/commands';
import { filterCases } from '../lib/cases';
import { formatDateTime } from '../lib/format';
import { AgendaView } from './AgendaView';
import { CaseView, type CaseTab } from './CaseView';
import { PacketReviewView } from './PacketReviewView';
import { PresenterView } from './PresenterView';
import { TrainingView } from './TrainingView';
import { DUE_TAB, DueListDialog } from './DueListDialog';
import { EditCaseDialog } from './EditCaseDialog';
import { HandoverDialog } from './HandoverDialog';
import { NewCaseDialog } from './NewCaseDialog';
import { ReceiveDialog } from './ReceiveDialog';
import { SettingsDialog } from './SettingsDialog';

export interface Session {
  profile: Profile | null;
  /** Report of the unlock that started this session (null after setup). */
  unlockReport: UnlockReport | null;
  /** Unlocked with the recovery key rather than the passphrase. */
  viaRecovery: boolean;
}

interface MainProps {
  session: Session;
  onProfileChange(p: Profile): void;
  /** The workspace is locked (by the Lock button or found locked by a command). */
  onLocked(): void;
  /** A training workspace (fictional cases). */
  training?: boolean;
  /** Lock the training workspace and go back to the real one. */
  onLeaveTraining?(): void;
}

type DialogName = 'new' | 'settings' | 'receive' | 'edit' | 'handover' | 'due' | null;

export function failedAttemptsText(r: UnlockReport): string {
  const n = r.failedAttempts;
  const what = `${n} failed unlock ${n === 1 ? 'attempt' : 'attempts'}`;
  if (n === 1 && r.lastFailedAt) return `${what}, at ${formatDateTime(r.lastFailedAt)}.`;
  if (r.firstFailedAt && r.lastFailedAt)
    return `${what} since ${formatDateTime(r.firstFailedAt)}, the last at ${formatDateTime(r.lastFailedAt)}.`;
  if (r.lastFailedAt) return `${what}, the last at ${formatDateTime(r.lastFailedAt)}.`;
  return `${what} since you last unlocked Vigil.`;
}

export function Main({ session, onProfileChange, onLocked, training = false, onLeaveTraining }: MainProps) {
  useActivityPing(true);

  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [openNumber, setOpenNumber] = useState<string | null>(null);
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [detailLoading, setDetailLoading] = useState(false);
  const [detailError, setDetailError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogName>(null);
  const [settingsFocusPassphrase, setSettingsFocusPassphrase] = useState(false);
  const [showFailed, setShowFailed] = useState((session.unlockReport?.failedAttempts ?? 0) > 0);
  const [showRollback, setShowRollback] = useState((session.unlockReport?.warnings?.length ?? 0) > 0);
  const [showRecoveryAdvice, setShowRecoveryAdvice] = useState(session.viaRecovery);
  const [locking, setLocking] = useState(false);
  const [lockError, setLockError] = useState<string | null>(null);
  const [due, setDue] = useState<DueItem[] | null>(null);
  const [dueError, setDueError] = useState<string | null>(null);
  const [tabRequest, setTabRequest] = useState<{ tab: CaseTab; seq: number } | null>(null);
  const [review, setReview] = useState<PacketReview | null>(null);
  const [reviewVersion, setReviewVersion] = useState(0);
  const [picking, setPicking] = useState(false);
  const [reviewError, setReviewError] = useState<string | null>(null);
  const [agendaOpen, setAgendaOpen] = useState(false);
  const [trainingOpen, setTrainingOpen] = useState(false);
  const [presenting, setPresenting] = useState<string | null>(null);
  const openSeq = useRef(0);
  const dueSeq = useRef(0);
  const mainRef = useRef<HTMLElement>(null);
  const onLockedRef = useRef(onLocked);
  onLockedRef.current = onLocked;

  /** Message for the user; a locked workspace sends us to the lock screen. */
  const explain = useCallback((e: unknown): string => {
    const err = asCommandError(e);
    if (err.kind === 'workspaceLocked') onLockedRef.current();
    return err.message;
  }, []);

  const refreshList = useCallback(async () => {
    try {
      const list = await listCases();
      setCases(list);
      setListError(null);
      return list;
    } catch (e) {
      setListError(explain(e));
      return null;
    }
  }, [explain]);

  useEffect(() => {
    void refreshList();
  }, [refreshList]);

  const refreshDue = useCallback(async () => {
    const seq = ++dueSeq.current;
    try {
      const list = await dueList();
      if (seq !== dueSeq.current) return;
      setDue(Array.isArray(list) ? list : []);
      setDueError(null);
    } catch (e) {
      if (seq === dueSeq.current) setDueError(explain(e));
    }
  }, [explain]);

  useEffect(() => {
    void refreshDue();
  }, [refreshDue]);

  const closeReview = useCallback(() => {
    setReview(null);
    void Promise.resolve()
      .then(() => reviewClose())
      .catch(() => {
        /* nothing held */
      });
  }, []);

  const pickPacket = useCallback(async () => {
    setPicking(true);
    setReviewError(null);
    try {
      const r = await reviewPickPacket();
      if (r) {
        setAgendaOpen(false);
        setReview(r);
        setReviewVersion((v) => v + 1);
      }
    } catch (e) {
      setReviewError(explain(e));
    } finally {
      setPicking(false);
    }
  }, [explain]);

  const openByNumber = useCallback(
    async (number: string, tab: CaseTab | null = null) => {
      setAgendaOpen(false);
      setTrainingOpen(false);
      setReview((r) => {
        if (r)
          void Promise.resolve()
            .then(() => reviewClose())
            .catch(() => undefined);
        return null;
      });
      setTabRequest(tab ? { tab, seq: openSeq.current + 1 } : null);
      const seq = ++openSeq.current;
      setOpenNumber(number);
      setDetailLoading(true);
      setDetailError(null);
      try {
        const d = await openCase(number);
        if (seq !== openSeq.current) return;
        setDetail(d);
      } catch (e) {
        if (seq !== openSeq.current) return;
        setDetail(null);
        setDetailError(explain(e));
      } finally {
        if (seq === openSeq.current) setDetailLoading(false);
      }
    },
    [explain],
  );

  const lock = useCallback(async () => {
    if (locking) return;
    setLocking(true);
    setLockError(null);
    try {
      await lockWorkspace();
      onLockedRef.current();
    } catch (e) {
      setLockError(asCommandError(e).message);
      setLocking(false);
    }
  }, [locking]);

  // Ctrl+N new case, Ctrl+L lock (Cmd on macOS).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const k = e.key.toLowerCase();
      if (k === 'l') {
        e.preventDefault();
        void lock();
      } else if (k === 'n') {
        e.preventDefault();
        if (dialog === null) setDialog('new');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog, lock]);

  const visible = useMemo(() => filterCases(cases ?? [], filter), [cases, filter]);
  const noCasesAtAll = cases !== null && cases.length === 0;

  const openSettings = (focusPassphrase: boolean) => {
    setSettingsFocusPassphrase(focusPassphrase);
    setDialog('settings');
  };

  const openCaseHeader = detail && detail.header.number === openNumber ? detail.header : null;
  const dueCount = due?.length ?? 0;
  const overdueCount = due?.filter((d) => d.overdue).length ?? 0;
  const dueLabel =
    due === null
      ? 'Due list'
      : `Due: ${dueCount === 0 ? 'nothing' : `${dueCount} ${dueCount === 1 ? 'item' : 'items'}`} in the next 30 days${overdueCount > 0 ? `, ${overdueCount} overdue` : ''}`;

  return (
    <div className="app-shell">
      <a
        className="skip-link"
        href="#main-content"
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="app-header">
        <span className="app-name">Vigil</span>
        <span className="header-case" aria-live="polite">
          {openCaseHeader ? (
            <>
              <span className="mono">{openCaseHeader.number}</span>
              <span className="header-case-title">{openCaseHeader.title}</span>
            </>
          ) : null}
        </span>
        <div className="header-actions">
          {session.profile ? (
            <span className="header-user" title={`${session.profile.unit}, ${session.profile.agency}`}>
              {session.profile.name}
            </span>
          ) : null}
          <button
            type="button"
            id="due-button"
            className={overdueCount > 0 ? 'button button-header due-button has-overdue' : 'button button-header due-button'}
            aria-label={dueLabel}
            title={dueLabel}
            data-count={dueCount}
            data-overdue={overdueCount}
            onClick={() => {
              setDialog('due');
              void refreshDue();
            }}
          >
            <Icon name="calendar" /> Due
            {due !== null ? <span className="count-pill">{dueCount}</span> : null}
            {overdueCount > 0 ? (
              <span className="badge badge-overdue">
                <Icon name="alert" /> {overdueCount} overdue
              </span>
            ) : null}
          </button>
          {training && onLeaveTraining ? (
            <button type="button" id="leave-training" className="button button-header" onClick={onLeaveTraining}>
              Leave training
            </button>
          ) : null}
          <button
            type="button"
            id="settings-button"
            className="button button-header"
            onClick={() => openSettings(false)}
          >
            <Icon name="settings" /> Settings
          </button>
          <button
            type="button"
            id="lock-button"
            className="button button-header button-lock"
            title="Lock Vigil (Ctrl+L)"
            aria-keyshortcuts="Control+L"
            onClick={() => void lock()}
            disabled={locking}
            aria-busy={locking ? 'true' : undefined}
          >
            <Icon name="lock" /> {locking ? 'Locking…' : 'Lock'}
          </button>
        </div>
      </header>

      <div className="app-body">
        <aside className="sidebar" aria-label="Cases">
          <div className="sidebar-top">
            <h2 className="sidebar-title">
              Cases{cases ? <span className="count"> ({cases.length})</span> : null}
            </h2>
            <button
              type="button"
              id="new-case-button"
              className="button button-primary button-small"
              title="New case (Ctrl+N)"
              aria-keyshortcuts="Control+N"
              onClick={() => setDialog('new')}
            >
              <Icon name="plus" /> New case
            </button>
          </div>
          <div className="sidebar-filter">
            <label htmlFor="case-filter" className="visually-hidden">
              Filter cases
            </label>
            <input
              id="case-filter"
              className="input"
              type="search"
              placeholder="Filter by number, title or status"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown') {
                  e.preventDefault();
                  document.querySelector<HTMLButtonElement>('#case-list .case-button')?.focus();
                }
              }}
            />
          </div>
          <nav className="sidebar-list" aria-label="Case list">
            {cases === null && !listError ? (
              <p className="sidebar-note" role="status">
                <Spinner /> Loading cases…
              </p>
            ) : null}
            {listError ? (
              <div className="sidebar-note" role="alert">
                <p className="form-error">{listError}</p>
                <button type="button" className="button button-secondary button-small" onClick={() => void refreshList()}>
                  Try again
                </button>
              </div>
            ) : null}
            {cases !== null ? (
              <>
                <CaseList cases={visible} openNumber={openNumber} onOpen={(n) => void openByNumber(n)} />
                {cases.length === 0 ? <p className="sidebar-note">No cases yet.</p> : null}
                {cases.length > 0 && visible.length === 0 ? (
                  <p className="sidebar-note" role="status">
                    No case matches “{filter}”.
                  </p>
                ) : null}
                <UnregisteredCases refreshKey={cases} onAdopted={(s) => void refreshList().then(() => openByNumber(s.number))} />
              </>
            ) : null}
          </nav>
          <div className="sidebar-footer">
            {training ? (
              <button
                type="button"
                id="training-button"
                className="button button-primary button-block"
                onClick={() => {
                  if (review) closeReview();
                  setAgendaOpen(false);
                  setTrainingOpen(true);
                }}
              >
                Training scenarios
              </button>
            ) : null}
            <button
              type="button"
              id="review-packet-button"
              className="button button-secondary button-block"
              onClick={() => void pickPacket()}
              disabled={picking}
              aria-busy={picking ? 'true' : undefined}
            >
              {picking ? 'Checking the packet…' : 'Review a packet…'}
            </button>
            <button
              type="button"
              id="agenda-button"
              className="button button-secondary button-block"
              onClick={() => {
                if (review) closeReview();
                setAgendaOpen(true);
              }}
            >
              Review agenda
            </button>
            <button
              type="button"
              id="receive-button"
              className="button button-secondary button-block"
              onClick={() => setDialog('receive')}
            >
              Receive a case file…
            </button>
          </div>
        </aside>

        <main id="main-content" className="main-pane" ref={mainRef} tabIndex={-1}>
          {lockError ? (
            <Banner tone="danger" urgent onDismiss={() => setLockError(null)}>
              Vigil could not lock: {lockError}
            </Banner>
          ) : null}
          {showFailed && session.unlockReport ? (
            <Banner
              tone="warning"
              id="failed-attempts-banner"
              title="Failed unlock attempts"
              onDismiss={() => setShowFailed(false)}
            >
              {failedAttemptsText(session.unlockReport)} If that was not you, someone may have tried to open Vigil on
              this computer.
            </Banner>
          ) : null}
          {showRollback && session.unlockReport ? (
            <Banner
              tone="danger"
              id="rollback-banner"
              title="The workspace looks older than this computer remembers"
              onDismiss={() => setShowRollback(false)}
            >
              <ul className="plain-list">
                {(session.unlockReport.warnings ?? []).map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
              Check the cases named with “Verify integrity”, and find out whether the folder was restored from a backup.
            </Banner>
          ) : null}
          {showRecoveryAdvice ? (
            <Banner
              tone="warning"
              id="recovery-banner"
              title="Unlocked with the recovery key"
              onDismiss={() => setShowRecoveryAdvice(false)}
              actions={
                <button type="button" className="button button-secondary button-small" onClick={() => openSettings(true)}>
                  Set a new passphrase
                </button>
              }
            >
              Set a new passphrase now, so you do not need the recovery key next time.
            </Banner>
          ) : null}

          {reviewError ? (
            <Banner tone="danger" id="review-open-error" urgent onDismiss={() => setReviewError(null)}>
              {reviewError}
            </Banner>
          ) : null}
          {review ? (
            <PacketReviewView
              key={reviewVersion}
              review={review}
              version={reviewVersion}
              onReviewChanged={setReview}
              onClose={closeReview}
              explain={explain}
            />
          ) : trainingOpen ? (
            <TrainingView
              onPresent={setPresenting}
              onOpenCase={(n) => {
                setFilter('');
                void openByNumber(n);
              }}
              onClose={() => setTrainingOpen(false)}
              explain={explain}
            />
          ) : agendaOpen ? (
            <AgendaView
              onOpenCase={(n) => {
                setFilter('');
                void openByNumber(n);
              }}
              onClose={() => setAgendaOpen(false)}
              explain={explain}
            />
          ) : openNumber === null ? (
            cases === null ? null : noCasesAtAll ? (
              <div id="empty-state" className="empty-state">
                <h1>No cases yet</h1>
                <p>Create a case to start recording a stalking investigation, or receive a case file from a colleague.</p>
                <button type="button" className="button button-primary" onClick={() => setDialog('new')}>
                  Create the first case
                </button>
              </div>
            ) : (
              <div id="empty-state" className="empty-state">
                <h1>No case open</h1>
                <p>Pick a case from the list, or create a new one (Ctrl+N).</p>
              </div>
            )
          ) : detailLoading && !(detail && detail.header.number === openNumber) ? (
            <p className="pane-note" role="status" aria-busy="true">
              <Spinner /> Opening case {openNumber}…
            </p>
          ) : detailError ? (
            <div className="pane-note">
              <p role="alert" id="case-open-error" className="form-error">
                {detailError}
              </p>
              <button type="button" className="button button-secondary" onClick={() => void openByNumber(openNumber)}>
                Try again
              </button>
            </div>
          ) : detail ? (
            <CaseView
              key={detail.header.number}
              detail={detail}
              onEdit={() => setDialog('edit')}
              onHandover={() => setDialog('handover')}
              explain={explain}
              tabRequest={tabRequest}
              onDetailChanged={(d) => {
                setDetail(d);
                void refreshList();
                void refreshDue();
              }}
              onDueChanged={() => void refreshDue()}
            />
          ) : null}
        </main>
      </div>

      {presenting ? (
        <PresenterView
          scenarioId={presenting}
          onClose={() => setPresenting(null)}
          onReset={(number) => {
            void refreshList();
            // The open case was replaced: show it afresh.
            if (number === openNumber) {
              setOpenNumber(null);
              setDetail(null);
            }
          }}
          explain={explain}
        />
      ) : null}
      {dialog === 'new' ? (
        <NewCaseDialog
          investigator={session.profile?.name ?? ''}
          onClose={() => setDialog(null)}
          onCreated={(summary) => {
            setDialog(null);
            setFilter('');
            void refreshList();
            void openByNumber(summary.number);
          }}
        />
      ) : null}
      {dialog === 'edit' && detail ? (
        <EditCaseDialog
          detail={detail}
          onClose={() => setDialog(null)}
          onSaved={(d) => {
            setDialog(null);
            setDetail(d);
            void refreshList();
          }}
        />
      ) : null}
      {dialog === 'handover' && detail ? (
        <HandoverDialog
          number={detail.header.number}
          title={detail.header.title}
          onClose={() => setDialog(null)}
          onSealed={() => {
            void refreshList().then((list) => {
              const number = detail.header.number;
              if (list && !list.some((c) => c.number === number)) {
                setOpenNumber(null);
                setDetail(null);
              } else if (list) {
                void openByNumber(number);
              }
            });
          }}
        />
      ) : null}
      {dialog === 'receive' ? (
        <ReceiveDialog
          onClose={() => setDialog(null)}
          onReceived={(summary) => {
            setDialog(null);
            setFilter('');
            void refreshList();
            void openByNumber(summary.number);
          }}
        />
      ) : null}
      {dialog === 'due' ? (
        <DueListDialog
          items={due}
          error={dueError}
          onRetry={() => void refreshDue()}
          onClose={() => setDialog(null)}
          onOpen={(item) => {
            setDialog(null);
            const tab = DUE_TAB[item.kind] ?? 'overview';
            if (item.caseNumber === openNumber && detail?.header.number === item.caseNumber) {
              setTabRequest((r) => ({ tab, seq: (r?.seq ?? 0) + 1 }));
            } else {
              setFilter('');
              void openByNumber(item.caseNumber, tab);
            }
          }}
        />
      ) : null}
      {dialog === 'settings' ? (
        <SettingsDialog
          profile={session.profile}
          onProfileSaved={onProfileChange}
          onClose={() => setDialog(null)}
          focusPassphrase={settingsFocusPassphrase}
          unlockedWithRecovery={session.viaRecovery}
          onPassphraseChanged={() => setShowRecoveryAdvice(false)}
        />
      ) : null}
    </div>
  );
}
