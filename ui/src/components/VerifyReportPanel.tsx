import type { VerifyReport } from '../ipc/commands';
import { truncateMiddle } from '../lib/format';
import { plural } from '../lib/labels';

export function VerifyReportPanel({ report, onDismiss }: { report: VerifyReport; onDismiss?: () => void }) {
  const failed = report.checks.filter((c) => !c.ok).length;
  const exhibits = Array.isArray(report.exhibits) ? report.exhibits : [];
  const badExhibits = exhibits.filter((e) => !e.ok);
  let verdict: string;
  if (report.ok) verdict = `Integrity verified: case ${report.number} is intact`;
  else if (failed > 0) verdict = `Integrity problem: ${failed} of ${report.checks.length} checks failed for case ${report.number}`;
  else verdict = `Integrity problem: ${plural(badExhibits.length, 'exhibit file')} of case ${report.number} ${badExhibits.length === 1 ? 'does' : 'do'} not match`;
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
            {verdict}
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
      {exhibits.length > 0 ? (
        <div className="verify-exhibits" id="verify-exhibits">
          {badExhibits.length === 0 ? (
            <p className="hint">
              <span aria-hidden="true">✓ </span>
              {exhibits.length === 1
                ? 'The attached evidence file was re-hashed and matches its SHA-256 from intake.'
                : `${plural(exhibits.length, 'attached evidence file')} re-hashed: each matches its SHA-256 from intake.`}
            </p>
          ) : (
            <>
              <h4 className="verify-exhibits-title">
                Evidence files that do not match ({badExhibits.length} of {exhibits.length})
              </h4>
              <ul className="verify-checks">
                {badExhibits.map((e) => (
                  <li key={e.number} className="check failed" data-exhibit-number={e.number}>
                    <span className="check-icon" aria-hidden="true">
                      ✗
                    </span>
                    <span className="check-name">
                      Exhibit <span className="mono">{e.number}</span>
                    </span>
                    <span className="check-result">Failed</span>
                    <span className="check-detail">
                      {e.detail}
                      <span className="block">
                        Recorded at intake: <code className="hash-inline">{e.recorded}</code>
                      </span>
                      <span className="block">
                        Found now: {e.found ? <code className="hash-inline">{e.found}</code> : 'the stored bytes could not be read'}
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
