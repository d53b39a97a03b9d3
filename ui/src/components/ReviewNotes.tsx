import { createContext, useContext } from 'react';
import type { AnchorKind, AppliedReview } from '../ipc/commands';

/** The reviews applied to the open case, for the notes shown on records. */
export const ReviewNotesContext = createContext<AppliedReview[]>([]);

interface ReviewNotesForProps {
  kind: AnchorKind;
  /** The record's id, number, or both (a comment may name either). */
  targets: string[];
}

/**
 * A supervisor's comments anchored on one record (an incident, exhibit or
 * person), shown on that record; open points first.
 */
export function ReviewNotesFor({ kind, targets }: ReviewNotesForProps) {
  const reviews = useContext(ReviewNotesContext);
  const notes = reviews.flatMap((r) =>
    r.points
      .filter((p) => p.comment.anchor?.kind === kind && targets.includes(p.comment.anchor.target))
      .map((p) => ({ p, r })),
  );
  if (notes.length === 0) return null;
  notes.sort((a, b) => Number(a.p.done) - Number(b.p.done));
  return (
    <div className="review-notes" data-testid="review-notes" role="note" aria-label="Supervisor's comments">
      {notes.map(({ p, r }) => (
        <p key={`${r.review.id}-${p.comment.id}`} className={p.done ? 'review-note done' : 'review-note'}>
          <strong>
            {r.review.reviewer.name} ({r.review.decision === 'approve' ? 'approved' : 'returned'}), point {p.comment.id}
            {p.done ? ', addressed' : ''}:
          </strong>{' '}
          {p.comment.text}
        </p>
      ))}
    </div>
  );
}
