import { Dialog } from '../components/Dialog';
import { Spinner } from '../components/Spinner';
import type { DueItem, DueKind } from '../ipc/commands';
import { formatDate } from '../lib/format';
import { DUE_KIND_LABELS, plural } from '../lib/labels';
import type { CaseTab } from './CaseView';

interface DueListDialogProps {
  items: DueItem[] | null;
  error: string | null;
  onOpen(item: DueItem): void;
  onRetry(): void;
  onClose(): void;
}

/** The case tab where a due item is dealt with. */
export const DUE_TAB: Record<DueKind, CaseTab> = {
  reassessment: 'risk',
  preservationExpiring: 'management',
  orderExpiring: 'management',
  referralAwaiting: 'management',
};

/** The backend's labels may start with an enum word ("civil order …"). */
function sentenceCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Reviews, expiring preservation requests and orders, awaited referrals: every case, next 30 days. */
export function DueListDialog({ items, error, onOpen, onRetry, onClose }: DueListDialogProps) {
  const overdue = items?.filter((i) => i.overdue).length ?? 0;
  return (
    <Dialog id="due-list" title="Due in the next 30 days" onClose={onClose} className="dialog-wide">
      {error ? (
        <div className="pane-note" role="alert">
          <p className="form-error">The due list could not be loaded: {error}</p>
          <button type="button" className="button button-secondary button-small" onClick={onRetry}>
            Try again
          </button>
        </div>
      ) : items === null ? (
        <p className="pane-note" role="status">
          <Spinner /> Loading…
        </p>
      ) : items.length === 0 ? (
        <p id="due-empty" className="due-empty" role="status">
          <span aria-hidden="true">✓ </span>Nothing due in the next 30 days.
        </p>
      ) : (
        <>
          <p className="hint" role="status" id="due-summary">
            {plural(items.length, 'item')} across the workspace{overdue > 0 ? `, ${overdue} overdue` : ''}. Choose one to open
            its case.
          </p>
          <ul className="due-items" aria-labelledby="due-summary">
            {items.map((item, i) => (
              <li key={`${item.caseNumber}-${item.kind}-${item.dueOn}-${i}`}>
                <button
                  type="button"
                  className={item.overdue ? 'due-row overdue' : 'due-row'}
                  data-case={item.caseNumber}
                  data-kind={item.kind}
                  data-autofocus={i === 0 ? '' : undefined}
                  onClick={() => onOpen(item)}
                >
                  <span className="due-when">
                    <time dateTime={item.dueOn}>{formatDate(item.dueOn)}</time>
                    {item.overdue ? <span className="badge badge-overdue due-overdue">OVERDUE</span> : null}
                  </span>
                  <span className="due-what">
                    <span className="due-label">{sentenceCase(item.label)}</span>
                    <span className="due-case">
                      <span className="mono">{item.caseNumber}</span> {item.caseTitle}
                      <span className="muted"> · {DUE_KIND_LABELS[item.kind] ?? item.kind}</span>
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="form-actions dialog-footer">
        <button type="button" className="button button-secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
