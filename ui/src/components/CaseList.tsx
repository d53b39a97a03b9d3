import { useRef, useState, type KeyboardEvent } from 'react';
import type { CaseSummary } from '../ipc/commands';
import { formatDateTime, formatRelative } from '../lib/format';
import { nextListIndex } from '../lib/listNav';
import { ReviewCopyBadge, StatusBadge } from './StatusBadge';

interface CaseListProps {
  cases: CaseSummary[];
  /** Number of the case open in the main pane. */
  openNumber: string | null;
  onOpen(number: string): void;
  now?: Date;
}

/**
 * The sidebar case list. One item is in the Tab order (roving tabindex);
 * Arrow Up/Down, Home, End and Page Up/Down move between cases, Enter opens.
 */
export function CaseList({ cases, openNumber, onOpen, now }: CaseListProps) {
  const [focusNumber, setFocusNumber] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const openIndex = cases.findIndex((c) => c.number === openNumber);
  const focusIndex = cases.findIndex((c) => c.number === focusNumber);
  const tabIndexOf = focusIndex >= 0 ? focusIndex : openIndex >= 0 ? openIndex : 0;

  const onKeyDown = (e: KeyboardEvent<HTMLElement>, index: number) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const next = nextListIndex(e.key, index, cases.length);
    if (next === null) return;
    e.preventDefault();
    const c = cases[next];
    if (!c) return;
    setFocusNumber(c.number);
    buttons.current.get(c.number)?.focus();
  };

  const stamp = now ?? new Date();
  return (
    <ul id="case-list" className="case-list" aria-label="Cases">
      {cases.map((c, i) => {
        const isOpen = c.number === openNumber;
        return (
          <li
            key={c.caseId || c.number}
            data-case-number={c.number}
            className={isOpen ? 'case-item open' : 'case-item'}
            onClick={() => onOpen(c.number)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            <button
              type="button"
              className="case-button"
              tabIndex={i === tabIndexOf ? 0 : -1}
              aria-current={isOpen ? 'true' : undefined}
              ref={(el) => {
                if (el) buttons.current.set(c.number, el);
                else buttons.current.delete(c.number);
              }}
              onFocus={() => setFocusNumber(c.number)}
            >
              <span className="case-line">
                <span className="case-number">{c.number}</span>
                <StatusBadge status={c.status} />
              </span>
              <span className="case-title">{c.title}</span>
              <span className="case-line case-meta">
                <time dateTime={c.lastActivity} title={formatDateTime(c.lastActivity)}>
                  {formatRelative(c.lastActivity, stamp)}
                </time>
                {c.readOnly ? <ReviewCopyBadge /> : null}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
