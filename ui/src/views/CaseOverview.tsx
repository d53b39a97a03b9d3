import { useState, type ReactNode } from 'react';
import { Banner } from '../components/Banner';
import { ReviewCopyBadge, StatusBadge } from '../components/StatusBadge';
import { Spinner } from '../components/Spinner';
import { VerifyReportPanel } from '../components/VerifyReportPanel';
import { asCommandError, verifyCase, type CaseDetail, type VerifyReport } from '../ipc/commands';
import { formatDate, formatDateTime } from '../lib/format';

interface CaseOverviewProps {
  detail: CaseDetail;
  onEdit(): void;
  onHandover(): void;
  /** Apply a supervisor's review file (omitted on read-only copies). */
  onApplyReview?(): void;
  /** Applying is under way. */
  applyingReview?: boolean;
  /** Optional extra panel (the incident summary), shown above the case details. */
  summary?: ReactNode;
}

/** Header, facts and integrity check of the open case. */
export function CaseOverview({ detail, onEdit, onHandover, onApplyReview, applyingReview = false, summary }: CaseOverviewProps) {
  const h = detail.header;
  const [verifying, setVerifying] = useState(false);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const verify = async () => {
    setVerifying(true);
    setError(null);
    try {
      setReport(await verifyCase(h.number));
    } catch (err) {
      setReport(null);
      setError(asCommandError(err).message);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <article className="case-overview" aria-labelledby="case-heading">
      <header className="case-header">
        <div className="case-heading-row">
          <h1 id="case-heading" tabIndex={-1}>
            <span className="case-heading-number mono">{h.number}</span> —{' '}
            <span className="case-heading-title">{h.title}</span>
          </h1>
          <div className="badges">
            <StatusBadge status={h.status} />
            {detail.readOnly ? <ReviewCopyBadge /> : null}
          </div>
        </div>
        <div className="toolbar" role="toolbar" aria-label="Case actions">
          {!detail.readOnly ? (
            <button type="button" id="edit-case-button" className="button button-secondary" onClick={onEdit}>
              Edit details
            </button>
          ) : null}
          <button
            type="button"
            id="verify-button"
            className="button button-secondary"
            onClick={verify}
            disabled={verifying}
            aria-busy={verifying ? 'true' : undefined}
          >
            {verifying ? (
              <>
                <Spinner /> Verifying…
              </>
            ) : (
              'Verify integrity'
            )}
          </button>
          {!detail.readOnly ? (
            <button type="button" id="handover-button" className="button button-secondary" onClick={onHandover}>
              Hand over…
            </button>
          ) : null}
          {!detail.readOnly && onApplyReview ? (
            <button
              type="button"
              id="apply-review-button"
              className="button button-secondary"
              onClick={onApplyReview}
              disabled={applyingReview}
              aria-busy={applyingReview ? 'true' : undefined}
            >
              {applyingReview ? 'Applying…' : 'Apply a review…'}
            </button>
          ) : null}
        </div>
      </header>

      {detail.readOnly ? (
        <Banner tone="info" id="read-only-banner" title="Review copy">
          {detail.handover
            ? `Received from ${detail.handover.sealedBy}, sealed at ${formatDateTime(detail.handover.sealedAt)}. It cannot be edited.`
            : 'This is a read-only copy of a case. It cannot be edited.'}
        </Banner>
      ) : null}

      <div id="verify-error" role="alert" className="form-error">
        {error}
      </div>
      {report ? <VerifyReportPanel report={report} onDismiss={() => setReport(null)} /> : null}

      {summary}

      <section aria-labelledby="facts-title" className="panel">
        <h2 id="facts-title" className="panel-title">
          Case details
        </h2>
        <dl className="facts">
          <div>
            <dt>Opened on</dt>
            <dd>
              <time dateTime={h.openedOn}>{formatDate(h.openedOn)}</time>
            </dd>
          </div>
          <div>
            <dt>Assigned investigator</dt>
            <dd>{h.assignedInvestigator || <span className="muted">Not assigned</span>}</dd>
          </div>
          <div className="span-2">
            <dt>Agency report numbers</dt>
            <dd>
              {h.agencyReports.length === 0 ? (
                <span className="muted">None recorded</span>
              ) : (
                <ul className="plain-list">
                  {h.agencyReports.map((r, i) => (
                    <li key={`${r.agency}-${r.number}-${i}`}>
                      {r.agency}: <span className="mono">{r.number}</span>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>
              <time dateTime={h.createdAt}>{formatDateTime(h.createdAt)}</time>
            </dd>
          </div>
          <div>
            <dt>Last updated</dt>
            <dd>
              <time dateTime={h.updatedAt}>{formatDateTime(h.updatedAt)}</time>
            </dd>
          </div>
          <div>
            <dt>Audit events</dt>
            <dd>{detail.auditEvents}</dd>
          </div>
          <div>
            <dt>Last activity</dt>
            <dd>
              <time dateTime={detail.lastActivity}>{formatDateTime(detail.lastActivity)}</time>
            </dd>
          </div>
          <div className="span-2">
            <dt>Case file</dt>
            <dd className="mono break">{detail.fileName}</dd>
          </div>
          {detail.handover && !detail.readOnly ? (
            <div className="span-2">
              <dt>Received by transfer</dt>
              <dd>
                From {detail.handover.sealedBy}, sealed at {formatDateTime(detail.handover.sealedAt)}
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
    </article>
  );
}
