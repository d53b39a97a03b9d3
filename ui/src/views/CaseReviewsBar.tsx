import { useState } from 'react';
import { Banner } from '../components/Banner';
import { tickReviewPoint, type AppliedReview } from '../ipc/commands';
import { formatDate } from '../lib/format';
import { plural } from '../lib/labels';

interface CaseReviewsBarProps {
  number: string;
  reviews: AppliedReview[];
  readOnly: boolean;
  onChanged(list: AppliedReview[]): void;
  explain(e: unknown): string;
}

/**
 * The latest supervisor's review of this case: "Returned: N points to
 * address" with each point to tick off, or the approval.
 */
export function CaseReviewsBar({ number, reviews, readOnly, onChanged, explain }: CaseReviewsBarProps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(true);
  const latest = reviews[0];
  if (!latest) return null;
  const r = latest.review;

  const tick = async (point: string, done: boolean) => {
    setBusy(point);
    setError(null);
    try {
      onChanged(await tickReviewPoint(number, r.id, point, done));
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(null);
    }
  };

  if (r.decision === 'approve') {
    return (
      <Banner tone="success" id="case-review-banner" title={`Approved by ${r.reviewer.name} on ${formatDate(r.decidedAt)}`}>
        {r.summary || 'The supervisor approved the packet.'} The next packet lists this approval on its integrity page.
      </Banner>
    );
  }
  const title =
    latest.open > 0 ? `Returned: ${plural(latest.open, 'point')} to address` : 'Returned: every point addressed';
  return (
    <Banner
      tone={latest.open > 0 ? 'warning' : 'success'}
      id="case-review-banner"
      title={title}
      actions={
        <button type="button" className="button button-secondary button-small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide points' : 'Show points'}
        </button>
      }
    >
      <p>
        {r.reviewer.name} returned the packet of {formatDate(r.decidedAt)}
        {r.summary ? `: ${r.summary}` : '.'}
      </p>
      {open ? (
        <ul className="plain-list review-points" id="review-points">
          {latest.points.map((p) => (
            <li key={p.comment.id}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={p.done}
                  disabled={readOnly || busy !== null}
                  data-point={p.comment.id}
                  onChange={(e) => void tick(p.comment.id, e.target.checked)}
                />{' '}
                <span className={p.done ? 'point-done' : undefined}>
                  {p.comment.anchor ? <span className="badge">{p.comment.anchor.label}</span> : null} {p.comment.text}
                </span>
                {p.done ? <span className="muted"> ({p.doneNote})</span> : null}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </Banner>
  );
}
