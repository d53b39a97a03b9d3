import type { CaseStatus } from '../ipc/commands';
import { statusLabel } from '../lib/cases';

export function StatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`badge badge-status status-${status}`}>{statusLabel(status)}</span>;
}

export function ReviewCopyBadge() {
  return (
    <span className="badge badge-review" title="Read-only review copy received from another investigator">
      Review copy
    </span>
  );
}
