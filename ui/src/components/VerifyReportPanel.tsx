import type { VerifyReport } from '../ipc/commands';
import { truncateMiddle } from '../lib/format';

export function VerifyReportPanel({ report, onDismiss }: { report: VerifyReport; onDismiss?: () => void }) {
  const failed = report.checks.filter((c) => !c.ok).length;
  return (
    <section
      id="verify-report"
      className={report.ok ? 'verify-report ok' : 'verify-report failed'}
      data-ok={report.ok ? 'true' : 'false'}
      aria-labelledby="verify-report-title"
    >
      <div className="verify-verdict">
        <span className="verdict-icon" aria-hidden="true">
          {report.ok ? '✓' : '✗'}
        </span>
        <div>
          <h3 id="verify-report-title" role="status">
            {report.ok
              ? `Integrity verified: case ${report.number} is intact`
              : `Integrity problem: ${failed} of ${report.checks.length} checks failed for case ${report.number}`}
          </h3>
          <p className="hint">
            {report.eventCount} audit {report.eventCount === 1 ? 'event' : 'events'} checked. Chain head{' '}
            <code className="mono" title={report.chainHead}>
              {truncateMiddle(report.chainHead, 12, 8)}
            </code>
          </p>
        </div>
        {onDismiss ? (
          <button type="button" className="icon-button" aria-label="Close integrity report" onClick={onDismiss}>
            <span aria-hidden="true">×</span>
          </button>
        ) : null}
      </div>
      <ul className="verify-checks">
        {report.checks.map((c, i) => (
          <li key={`${c.name}-${i}`} className={c.ok ? 'check ok' : 'check failed'} data-ok={c.ok ? 'true' : 'false'}>
            <span className="check-icon" aria-hidden="true">
              {c.ok ? '✓' : '✗'}
            </span>
            <span className="check-name">{c.name}</span>
            <span className="check-result">{c.ok ? 'Passed' : 'Failed'}</span>
            {c.detail ? <span className="check-detail">{c.detail}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
