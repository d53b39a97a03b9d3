import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Banner, type BannerTone } from '../components/Banner';
import { PacketViewer, type PacketBookmark } from '../components/PacketViewer';
import { Spinner } from '../components/Spinner';
import {
  listExhibits,
  listPeople,
  reviewChecklist,
  reviewDecide,
  reviewPacketUrl,
  reviewTrustSigner,
  type AnchorKind,
  type CheckAnswer,
  type Checklist,
  type CommentInput,
  type Decision,
  type ExhibitRow,
  type PacketReview,
  type Person,
  type ReviewWritten,
} from '../ipc/commands';
import { formatDateTime } from '../lib/format';
import { plural } from '../lib/labels';

interface PacketReviewViewProps {
  review: PacketReview;
  /** Bumped for each packet opened (busts the viewer's cache). */
  version: number;
  onReviewChanged(r: PacketReview): void;
  onClose(): void;
  /** Message for the user (may react to a locked workspace). */
  explain(e: unknown): string;
}

const ANSWERS: Array<{ value: CheckAnswer; label: string }> = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'notApplicable', label: 'N/A' },
];

type AnchorChoice = 'packet' | 'thisPage' | 'section' | 'exhibit' | 'person';

function headline(r: PacketReview): { tone: BannerTone; title: string } {
  if (!r.report.ok) return { tone: 'danger', title: 'This packet fails verification' };
  switch (r.trust.state) {
    case 'trusted':
      return { tone: 'success', title: 'Intact, and signed by an investigator you trust' };
    case 'unknown':
      return { tone: 'warning', title: 'Intact, but the signer is not trusted yet' };
    case 'conflict':
      return { tone: 'danger', title: 'Signed with a different key from the one you trust for this person' };
    default:
      return { tone: 'danger', title: 'The signature does not hold' };
  }
}

/**
 * A packet under supervisor review: what verifying it found, who signed and
 * whether they are trusted, the case copy's completeness dashboard, the
 * packet itself with its bookmarks, the checklist, comments and the decision.
 */
export function PacketReviewView({ review, version, onReviewChanged, onClose, explain }: PacketReviewViewProps) {
  const [heard, setHeard] = useState('');
  const [trusting, setTrusting] = useState(false);
  const [trustError, setTrustError] = useState<string | null>(null);
  const [checklist, setChecklist] = useState<Checklist | null>(null);
  const [answers, setAnswers] = useState<Record<string, CheckAnswer>>({});
  const [comments, setComments] = useState<CommentInput[]>([]);
  const [anchorChoice, setAnchorChoice] = useState<AnchorChoice>('packet');
  const [anchorTarget, setAnchorTarget] = useState('');
  const [text, setText] = useState('');
  const [summary, setSummary] = useState('');
  const [bookmarks, setBookmarks] = useState<PacketBookmark[]>([]);
  const [pages, setPages] = useState(0);
  const [page, setPage] = useState(1);
  const [exhibits, setExhibits] = useState<ExhibitRow[]>([]);
  const [people, setPeople] = useState<Person[]>([]);
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [decideError, setDecideError] = useState<string | null>(null);
  const [written, setWritten] = useState<ReviewWritten | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);

  const manifest = review.report.manifest;
  const dashboard = review.dashboard;
  const head = headline(review);

  useEffect(() => {
    reviewChecklist()
      .then((c) => setChecklist(c ?? null))
      .catch((e) => setDecideError(explain(e)));
  }, [explain]);

  // Records of the case copy, to anchor comments on.
  useEffect(() => {
    if (!dashboard) return;
    listExhibits(dashboard.caseNumber)
      .then((x) => setExhibits(Array.isArray(x) ? x : []))
      .catch(() => setExhibits([]));
    listPeople(dashboard.caseNumber)
      .then((x) => setPeople(Array.isArray(x) ? x : []))
      .catch(() => setPeople([]));
  }, [dashboard]);

  const trust = async () => {
    setTrusting(true);
    setTrustError(null);
    try {
      const r = await reviewTrustSigner(heard);
      setHeard('');
      onReviewChanged(r);
    } catch (e) {
      setTrustError(explain(e));
    } finally {
      setTrusting(false);
    }
  };

  const anchorTargets = useMemo(() => {
    switch (anchorChoice) {
      case 'section':
        return bookmarks.map((b) => ({ value: b.title, label: `${b.title} (p. ${b.page})` }));
      case 'exhibit':
        return exhibits.map((x) => ({ value: x.number, label: `${x.number} — ${x.description}` }));
      case 'person':
        return people.map((p) => ({ value: p.id, label: `${p.name} (${p.role})` }));
      default:
        return [];
    }
  }, [anchorChoice, bookmarks, exhibits, people]);

  const addComment = () => {
    const t = text.trim();
    if (!t) return;
    let anchor: CommentInput['anchor'] = null;
    if (anchorChoice === 'thisPage') anchor = { kind: 'page', target: String(page), label: `Page ${page}` };
    else if (anchorChoice !== 'packet') {
      const chosen = anchorTargets.find((o) => o.value === anchorTarget) ?? anchorTargets[0];
      if (!chosen) return;
      const kind: AnchorKind = anchorChoice;
      const label =
        anchorChoice === 'section'
          ? `Section ${chosen.value}`
          : anchorChoice === 'exhibit'
            ? `Exhibit ${chosen.value}`
            : `Person ${chosen.label.replace(/ \(.*\)$/, '')}`;
      anchor = { kind, target: chosen.value, label };
    }
    setComments((c) => [...c, { anchor, text: t }]);
    setText('');
    commentRef.current?.focus();
  };

  const decide = useCallback(
    async (decision: Decision) => {
      setDeciding(decision);
      setDecideError(null);
      try {
        const w = await reviewDecide({
          decision,
          summary,
          comments,
          checklist: Object.entries(answers).map(([id, answer]) => ({ id, answer, note: '' })),
        });
        if (w) setWritten(w);
      } catch (e) {
        setDecideError(explain(e));
      } finally {
        setDeciding(null);
      }
    },
    [answers, comments, explain, summary],
  );

  return (
    <div className="review-view" id="review-view">
      <div className="review-head">
        <div>
          <h1 className="review-title">Reviewing {review.file}</h1>
          <p className="muted">
            {manifest ? (
              <>
                Case <span className="mono">{manifest.caseNumber}</span> · {manifest.profile} copy · {plural(manifest.pages, 'page')}
                {review.report.signedAt ? <> · signed {formatDateTime(review.report.signedAt)}</> : null}
              </>
            ) : (
              'Not a Vigil packet'
            )}
          </p>
        </div>
        <button type="button" className="button button-secondary" id="review-close" onClick={onClose}>
          Close review
        </button>
      </div>

      <Banner tone={head.tone} id="review-verdict" title={head.title} urgent={head.tone === 'danger'}>
        <p data-testid="trust-message">{review.trust.message}</p>
        <details>
          <summary>What was checked ({review.report.checks.filter((c) => c.ok).length} of {review.report.checks.length} passed)</summary>
          <ul className="plain-list review-checks">
            {review.report.checks.map((c) => (
              <li key={c.name} className={c.ok ? 'check-ok' : 'check-fail'}>
                <strong>{c.ok ? '✓' : '✗'} {c.name}:</strong> {c.detail}
              </li>
            ))}
          </ul>
        </details>
      </Banner>

      {review.trust.state === 'unknown' || review.trust.state === 'conflict' ? (
        <section className="panel trust-panel" id="trust-panel" aria-labelledby="trust-title">
          <h2 className="panel-title" id="trust-title">
            {review.trust.state === 'conflict' ? 'A new key for a known name' : 'Trust this signer?'}
          </h2>
          <p>
            Ask {review.trust.named.name || 'the signer'} to read out the fingerprint of their signing certificate (shown on
            the Packet tab of their Vigil), by phone or in person — not by the same route the packet came. It should be:
          </p>
          <p className="fingerprint-large" id="signer-fingerprint" aria-label={`Fingerprint ${review.trust.grouped}`}>
            {review.trust.grouped.split(' ').map((g, i) => (
              <span key={i}>{g} </span>
            ))}
          </p>
          <div className="field">
            <label htmlFor="heard-fingerprint">Type the fingerprint as they gave it (at least the first four groups)</label>
            <input
              id="heard-fingerprint"
              className="input mono"
              value={heard}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setHeard(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && heard.trim()) void trust();
              }}
            />
          </div>
          {trustError ? (
            <p className="form-error" role="alert" id="trust-error">
              {trustError}
            </p>
          ) : null}
          <button
            type="button"
            className="button button-primary"
            id="trust-signer"
            disabled={trusting || !heard.trim()}
            onClick={() => void trust()}
          >
            {trusting ? 'Checking…' : 'Trust this signer'}
          </button>
        </section>
      ) : null}

      {review.earlier.length > 0 ? (
        <Banner tone="info" id="review-earlier">
          You already {review.earlier.map((e) => `${e.decision === 'approve' ? 'approved' : 'returned'} this file on ${formatDateTime(e.decidedAt)}`).join('; ')}.
        </Banner>
      ) : null}

      <div className="review-body">
        <PacketViewer
          url={reviewPacketUrl(version)}
          name={review.file}
          onLoaded={(b, n) => {
            setBookmarks(b);
            setPages(n);
          }}
          onPageInView={setPage}
        />

        <div className="review-side">
          <section className="panel" id="review-dashboard" aria-labelledby="dashboard-title">
            <h2 className="panel-title" id="dashboard-title">
              Completeness{dashboard ? ` of case ${dashboard.caseNumber}` : ''}
            </h2>
            {dashboard ? (
              <>
                <p className="muted">
                  From the {dashboard.reviewCopy ? 'review copy' : 'case'} in this workspace:{' '}
                  {dashboard.open === 0 ? 'nothing to address.' : `${plural(dashboard.open, 'area')} to address.`}
                </p>
                <ul className="plain-list dashboard-lines">
                  {dashboard.lines.map((l) => (
                    <li key={l.key} data-key={l.key} data-ok={l.ok} className={l.ok ? 'dash-ok' : 'dash-open'}>
                      <span className="dash-mark" aria-hidden="true">
                        {l.ok ? '✓' : '!'}
                      </span>
                      <div>
                        <strong>{l.title}</strong>
                        <span className="visually-hidden">{l.ok ? ' (complete)' : ' (to address)'}</span>
                        <p>{l.summary}</p>
                        {l.items.length > 0 ? (
                          <ul className="dash-items">
                            {l.items.slice(0, 6).map((i) => (
                              <li key={i}>{i}</li>
                            ))}
                            {l.items.length > 6 ? <li className="muted">and {l.items.length - 6} more</li> : null}
                          </ul>
                        ) : null}
                      </div>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="muted" id="dashboard-missing">
                The case copy is not in this workspace. Receive the review copy the investigator sealed for you (Receive a case
                file…) to see protocol omissions, element gaps, overdue reassessments and custody here.
              </p>
            )}
          </section>

          <section className="panel" aria-labelledby="checklist-title">
            <h2 className="panel-title" id="checklist-title">
              {checklist ? checklist.title : 'Checklist'}
            </h2>
            {checklist === null ? (
              <p role="status">
                <Spinner /> Loading the checklist…
              </p>
            ) : (
              <ol className="review-checklist" id="review-checklist">
                {checklist.items.map((item) => (
                  <li key={item.id}>
                    <fieldset className="fieldset-plain">
                      <legend title={item.help}>{item.label}</legend>
                      <div className="field-inline">
                        {ANSWERS.map((a) => (
                          <label key={a.value} className="radio">
                            <input
                              type="radio"
                              name={`check-${item.id}`}
                              value={a.value}
                              checked={answers[item.id] === a.value}
                              onChange={() => setAnswers((x) => ({ ...x, [item.id]: a.value }))}
                            />{' '}
                            {a.label}
                          </label>
                        ))}
                      </div>
                    </fieldset>
                  </li>
                ))}
              </ol>
            )}
          </section>

          <section className="panel" aria-labelledby="comments-title">
            <h2 className="panel-title" id="comments-title">
              Comments {comments.length > 0 ? <span className="count">({comments.length})</span> : null}
            </h2>
            {comments.length === 0 ? <p className="muted">No comments yet.</p> : null}
            <ol className="review-comments" id="review-comments">
              {comments.map((c, i) => (
                <li key={i}>
                  {c.anchor ? <span className="badge">{c.anchor.label}</span> : <span className="badge">Whole packet</span>} {c.text}{' '}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Remove comment ${i + 1}`}
                    onClick={() => setComments((x) => x.filter((_, j) => j !== i))}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ol>
            <div className="field-row">
              <div className="field">
                <label htmlFor="comment-anchor">About</label>
                <select
                  id="comment-anchor"
                  className="input"
                  value={anchorChoice}
                  onChange={(e) => {
                    setAnchorChoice(e.target.value as AnchorChoice);
                    setAnchorTarget('');
                  }}
                >
                  <option value="packet">The whole packet</option>
                  <option value="thisPage">This page (page {page}{pages ? ` of ${pages}` : ''})</option>
                  <option value="section" disabled={bookmarks.length === 0}>
                    A section
                  </option>
                  <option value="exhibit" disabled={exhibits.length === 0}>
                    An exhibit
                  </option>
                  <option value="person" disabled={people.length === 0}>
                    A person
                  </option>
                </select>
              </div>
              {anchorTargets.length > 0 ? (
                <div className="field">
                  <label htmlFor="comment-target">Which</label>
                  <select
                    id="comment-target"
                    className="input"
                    value={anchorTarget || anchorTargets[0]?.value}
                    onChange={(e) => setAnchorTarget(e.target.value)}
                  >
                    {anchorTargets.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor="comment-text">Comment</label>
              <textarea
                id="comment-text"
                ref={commentRef}
                className="input"
                rows={3}
                value={text}
                onChange={(e) => setText(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    addComment();
                  }
                }}
              />
            </div>
            <button type="button" className="button button-secondary" id="add-comment" disabled={!text.trim()} onClick={addComment}>
              Add comment (Ctrl+Enter)
            </button>
          </section>

          <section className="panel" aria-labelledby="decision-title">
            <h2 className="panel-title" id="decision-title">
              Decision
            </h2>
            <div className="field">
              <label htmlFor="review-summary">Remarks (the reasons, when returning)</label>
              <textarea id="review-summary" className="input" rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
            </div>
            {!review.approvable ? (
              <ul className="plain-list hint block" id="approve-blockers">
                {review.blockers.map((b) => (
                  <li key={b}>Cannot approve: {b}</li>
                ))}
              </ul>
            ) : null}
            {decideError ? (
              <p className="form-error" role="alert" id="decide-error">
                {decideError}
              </p>
            ) : null}
            {written ? (
              <Banner tone="success" id="review-written" title={written.review.decision === 'approve' ? 'Approved' : 'Returned'}>
                The signed review is saved as <span className="mono">{written.path}</span> (SHA-256{' '}
                <span className="mono">{written.sha256.slice(0, 16)}…</span>). Send it to the investigator; it is also in your
                register of reviews.
              </Banner>
            ) : null}
            <div className="toolbar">
              <button
                type="button"
                className="button button-primary"
                id="approve-packet"
                disabled={deciding !== null || !review.approvable}
                onClick={() => void decide('approve')}
              >
                {deciding === 'approve' ? 'Signing…' : 'Approve'}
              </button>
              <button
                type="button"
                className="button button-danger"
                id="return-packet"
                disabled={deciding !== null || !review.report.ok}
                onClick={() => void decide('return')}
              >
                {deciding === 'return' ? 'Signing…' : `Return with ${plural(comments.length, 'comment')}`}
              </button>
            </div>
          </section>
        </div>
      </div>
    </div>
  );
}
