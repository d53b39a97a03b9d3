import type { Rating, RiskLevel } from '../ipc/commands';
import { RATING_LABELS, RISK_LEVEL_LABELS } from '../lib/labels';

/** The judged level as a badge: the word is always there, colour only helps. */
export function RiskLevelBadge({ level, large = false }: { level: RiskLevel; large?: boolean }) {
  return (
    <span className={`badge badge-level level-${level}${large ? ' badge-large' : ''}`} data-level={level}>
      {RISK_LEVEL_LABELS[level] ?? level}
    </span>
  );
}

/** A factor rating as text with a small marker. */
export function RatingText({ rating }: { rating: Rating | null }) {
  if (rating === null) return <span className="muted">Not rated</span>;
  return (
    <span className={`rating rating-${rating}`} data-rating={rating}>
      <span className="rating-mark" aria-hidden="true" />
      {RATING_LABELS[rating] ?? rating}
    </span>
  );
}
