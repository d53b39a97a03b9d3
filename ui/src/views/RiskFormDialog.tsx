import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { Spinner } from '../components/Spinner';
import {
  addRiskAssessment,
  getRiskCatalog,
  riskHistory,
  type ExternalInstrument,
  type FactorRating,
  type Rating,
  type RiskAssessment,
  type RiskAssessmentInput,
  type RiskCatalog,
  type RiskFactor,
  type RiskHistory,
  type RiskLevel,
} from '../ipc/commands';
import { addDays, formatDate, todayIsoDate } from '../lib/format';
import { factorGroupLabel, optionsOf, RATING_LABELS, REVIEW_DAYS, RISK_LEVEL_LABELS, RISK_LEVEL_ORDER } from '../lib/labels';

interface RiskFormDialogProps {
  number: string;
  /** The checklist; loaded here when not given. */
  catalog?: RiskCatalog | null;
  /** The latest assessment (to copy ratings from); loaded here when undefined. */
  latest?: RiskAssessment | null;
  /** The case's assessments after saving, and the id of the new one. */
  onSaved(history: RiskHistory, id: string | null): void;
  onClose(): void;
  explain(e: unknown): string;
}

const RATINGS = optionsOf(RATING_LABELS);

interface FactorValue {
  rating: Rating;
  source: string;
  date: string;
}

function blankInstrument(): ExternalInstrument {
  return { name: '', version: '', date: '', assessor: '', level: '' };
}

/** Factors in checklist order, grouped by their group (first appearance order). */
export function groupFactors(factors: readonly RiskFactor[]): Array<{ group: string; factors: RiskFactor[] }> {
  const out: Array<{ group: string; factors: RiskFactor[] }> = [];
  for (const f of factors) {
    let g = out.find((x) => x.group === f.group);
    if (!g) {
      g = { group: f.group, factors: [] };
      out.push(g);
    }
    g.factors.push(f);
  }
  return out;
}

/** The newest assessment by when it was recorded. */
export function newestRecorded(history: RiskHistory): RiskAssessment | null {
  let best: RiskAssessment | null = null;
  for (const a of history.assessments) if (!best || a.createdAt > best.createdAt) best = a;
  return best;
}

/**
 * A new risk assessment: each factor of the checklist rated present, partly,
 * absent or unknown, then the assessor's own judgement of the level, with
 * reasons. Nothing is scored.
 */
export function RiskFormDialog({ number, catalog: catalogProp, latest: latestProp, onSaved, onClose, explain }: RiskFormDialogProps) {
  const [catalog, setCatalog] = useState<RiskCatalog | null>(catalogProp ?? null);
  const [latest, setLatest] = useState<RiskAssessment | null>(latestProp ?? null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [assessedOn, setAssessedOn] = useState(todayIsoDate());
  const [factors, setFactors] = useState<Record<string, FactorValue>>({});
  const [level, setLevel] = useState<RiskLevel | null>(null);
  const [reasons, setReasons] = useState('');
  const [typology, setTypology] = useState('');
  const [instruments, setInstruments] = useState<ExternalInstrument[]>([]);
  const [nextReview, setNextReview] = useState('');
  const [problems, setProblems] = useState<{ date?: boolean; level?: boolean; reasons?: boolean; instruments?: boolean }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const explainRef = useRef(explain);
  explainRef.current = explain;

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        if (!catalogProp) {
          const c = await getRiskCatalog();
          if (live && c) setCatalog(c);
        }
        if (latestProp === undefined) {
          const h = await riskHistory(number);
          if (live && h) setLatest(newestRecorded(h));
        }
      } catch (e) {
        if (live) setLoadError(explainRef.current(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [catalogProp, latestProp, number]);

  const groups = useMemo(() => groupFactors(catalog?.factors ?? []), [catalog]);
  const valueOf = (id: string): FactorValue => factors[id] ?? { rating: 'unknown', source: '', date: '' };
  const setFactor = (id: string, patch: Partial<FactorValue>) =>
    setFactors((prev) => ({ ...prev, [id]: { ...(prev[id] ?? { rating: 'unknown', source: '', date: '' }), ...patch } }));
  const setInstrument = (i: number, patch: Partial<ExternalInstrument>) =>
    setInstruments((prev) => prev.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  const rated = catalog ? catalog.factors.filter((f) => valueOf(f.id).rating !== 'unknown').length : 0;
  const chosenType = catalog?.typologies.find((t) => t.id === typology) ?? null;
  const byLevel = level && assessedOn ? addDays(assessedOn, REVIEW_DAYS[level]) : null;

  const copyLatest = () => {
    if (!latest) return;
    const next: Record<string, FactorValue> = {};
    for (const f of latest.input.factors) next[f.factorId] = { rating: f.rating, source: f.source, date: f.date };
    setFactors(next);
    setTypology(latest.input.typology ?? '');
    setCopied(true);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !catalog) return;
    const kept = instruments
      .map((i) => ({ name: i.name.trim(), version: i.version.trim(), date: i.date, assessor: i.assessor.trim(), level: i.level.trim() }))
      .filter((i) => i.name || i.version || i.date || i.assessor || i.level);
    const p = {
      date: assessedOn === '',
      level: level === null,
      reasons: reasons.trim() === '',
      instruments: kept.some((i) => !i.name || !i.level),
    };
    setProblems(p);
    if (p.date || p.level || p.reasons || p.instruments) {
      const first = p.date
        ? 'risk-date'
        : p.level
          ? 'risk-level-low'
          : p.reasons
            ? 'risk-reasons'
            : 'risk-instruments';
      document.getElementById(first)?.focus();
      return;
    }
    const ratings: FactorRating[] = catalog.factors.map((f) => {
      const v = valueOf(f.id);
      return { factorId: f.id, rating: v.rating, source: v.source.trim(), date: v.date };
    });
    const input: RiskAssessmentInput = {
      assessedOn,
      level: level!,
      reasons: reasons.trim(),
      typology: typology || null,
      factors: ratings,
      instruments: kept,
      nextReview: nextReview || null,
    };
    setBusy(true);
    setError(null);
    try {
      const h = await addRiskAssessment(number, input);
      onSaved(h, newestRecorded(h)?.id ?? null);
    } catch (err) {
      setError(explain(err));
      setBusy(false);
    }
  };

  return (
    <Dialog id="risk-dialog" title="New risk assessment" onClose={onClose} busy={busy} className="dialog-xwide" describedBy="risk-no-score">
      <form id="risk-form" className="form risk-form" onSubmit={submit} noValidate aria-busy={busy ? 'true' : undefined}>
        <p id="risk-no-score" className="risk-no-score">
          <strong>No score is computed.</strong> Rate each factor from what you know now and where it comes from, then judge the
          level yourself and say why. Unknown is an honest answer.
        </p>
        {loadError ? (
          <p className="form-error" role="alert">
            The risk checklist could not be loaded: {loadError}
          </p>
        ) : null}
        {!catalog && !loadError ? (
          <p className="pane-note" role="status">
            <Spinner /> Loading the checklist…
          </p>
        ) : null}
        {catalog ? (
          <fieldset className="fieldset-plain" disabled={busy}>
            <div className="risk-form-head">
              <div className="field">
                <label htmlFor="risk-date">
                  Date of the assessment<span className="required-mark" aria-hidden="true"> *</span>
                </label>
                <input
                  id="risk-date"
                  className="input"
                  type="date"
                  required
                  aria-required="true"
                  aria-invalid={problems.date ? 'true' : undefined}
                  value={assessedOn}
                  onChange={(e) => setAssessedOn(e.target.value)}
                />
                {problems.date ? <p className="field-error">Give the date of the assessment.</p> : null}
              </div>
              {latest ? (
                <div className="risk-copy">
                  <button type="button" id="risk-copy-latest" className="button button-secondary button-small" onClick={copyLatest}>
                    Start from the ratings of {formatDate(latest.input.assessedOn)}
                  </button>
                  <p className="hint" role="status">
                    {copied ? 'Ratings copied: change what is different now.' : 'Or rate every factor afresh.'}
                  </p>
                </div>
              ) : null}
            </div>

            <div className="risk-factors-head">
              <h3 className="subheading">Risk factors</h3>
              <span className="muted" id="risk-rated-count">
                {rated} of {catalog.factors.length} rated
              </span>
            </div>
            {groups.map((g) => (
              <section key={g.group} className="factor-group" aria-labelledby={`factor-group-${g.group}`}>
                <h4 id={`factor-group-${g.group}`} className="factor-group-title">
                  {factorGroupLabel(g.group)}
                </h4>
                <ul className="factor-list">
                  {g.factors.map((f) => {
                    const v = valueOf(f.id);
                    return (
                      <li key={f.id} className="factor" data-factor-id={f.id}>
                        <fieldset className="factor-fieldset" aria-describedby={`factor-desc-${f.id}`}>
                          <legend className="factor-label">{f.label}</legend>
                          <p id={`factor-desc-${f.id}`} className="hint factor-desc">
                            {f.description}
                          </p>
                          <div className="segmented-radio">
                            {RATINGS.map((r) => (
                              <label key={r.value} className={`seg seg-${r.value}`}>
                                <input
                                  type="radio"
                                  name={`factor-${f.id}`}
                                  value={r.value}
                                  checked={v.rating === r.value}
                                  onChange={() => setFactor(f.id, { rating: r.value })}
                                />
                                <span>{r.label}</span>
                              </label>
                            ))}
                          </div>
                        </fieldset>
                        <div className="factor-source">
                          <label htmlFor={`factor-source-${f.id}`} className="visually-hidden">
                            Source for “{f.label}”
                          </label>
                          <input
                            id={`factor-source-${f.id}`}
                            className="input input-small"
                            type="text"
                            autoComplete="off"
                            placeholder="Source (optional): victim, records, witness…"
                            value={v.source}
                            onChange={(e) => setFactor(f.id, { source: e.target.value })}
                          />
                          <label htmlFor={`factor-date-${f.id}`} className="visually-hidden">
                            When “{f.label}” was learned
                          </label>
                          <input
                            id={`factor-date-${f.id}`}
                            className="input input-small factor-date"
                            type="date"
                            title="When it was learned (optional)"
                            value={v.date}
                            onChange={(e) => setFactor(f.id, { date: e.target.value })}
                          />
                        </div>
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}

            <fieldset className="fieldset risk-judgement" aria-describedby={problems.level ? 'risk-level-error' : 'risk-level-hint'}>
              <legend>
                Your judgement of the level<span className="required-mark" aria-hidden="true"> *</span>
              </legend>
              <p id="risk-level-hint" className="hint">
                Judge the level from everything you know; the factors above inform it but do not decide it.
              </p>
              <div className="segmented-radio segmented-levels">
                {RISK_LEVEL_ORDER.map((l) => (
                  <label key={l} className={`seg seg-level level-${l}`}>
                    <input
                      id={`risk-level-${l}`}
                      type="radio"
                      name="risk-level"
                      value={l}
                      checked={level === l}
                      onChange={() => {
                        setLevel(l);
                        setProblems((p) => ({ ...p, level: false }));
                      }}
                    />
                    <span>{RISK_LEVEL_LABELS[l]}</span>
                  </label>
                ))}
              </div>
              {problems.level ? (
                <p id="risk-level-error" className="field-error">
                  Choose the level you judge.
                </p>
              ) : null}
            </fieldset>

            <div className="field">
              <label htmlFor="risk-reasons">
                Reasons for this level<span className="required-mark" aria-hidden="true"> *</span>
              </label>
              <textarea
                id="risk-reasons"
                className="input"
                rows={4}
                required
                aria-required="true"
                aria-invalid={problems.reasons ? 'true' : undefined}
                aria-describedby="risk-reasons-hint"
                value={reasons}
                onChange={(e) => {
                  setReasons(e.target.value);
                  if (e.target.value.trim()) setProblems((p) => ({ ...p, reasons: false }));
                }}
              />
              <p id="risk-reasons-hint" className={problems.reasons ? 'field-error' : 'hint'}>
                {problems.reasons
                  ? 'Say why you judged this level: the reasons are part of the record.'
                  : 'Which factors weigh most, what is unknown, and what would change your view.'}
              </p>
            </div>

            <div className="field">
              <label htmlFor="risk-typology">Type of stalking (motivation)</label>
              <select
                id="risk-typology"
                className="input"
                value={typology}
                aria-describedby="risk-typology-description"
                onChange={(e) => setTypology(e.target.value)}
              >
                <option value="">Not judged</option>
                {catalog.typologies.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </select>
              <p id="risk-typology-description" className="hint typology-description">
                {chosenType ? chosenType.description : 'A description to guide management, not a score. Choose the one that fits best, or none.'}
              </p>
            </div>

            <fieldset className="fieldset" id="risk-instruments" tabIndex={-1} aria-describedby="risk-instruments-hint">
              <legend>Results of other instruments</legend>
              <p id="risk-instruments-hint" className="hint">
                Record only the result; do not copy the instrument's questions.
              </p>
              {instruments.length > 0 ? (
                <ul className="instrument-rows">
                  {instruments.map((ins, i) => (
                    <li key={i} className="instrument-row">
                      <div className="field">
                        <label htmlFor={`instrument-name-${i}`}>Instrument</label>
                        <input
                          id={`instrument-name-${i}`}
                          className="input"
                          type="text"
                          autoComplete="off"
                          aria-invalid={problems.instruments && !ins.name.trim() ? 'true' : undefined}
                          value={ins.name}
                          onChange={(e) => setInstrument(i, { name: e.target.value })}
                        />
                      </div>
                      <div className="field">
                        <label htmlFor={`instrument-version-${i}`}>Version</label>
                        <input id={`instrument-version-${i}`} className="input" type="text" autoComplete="off" value={ins.version} onChange={(e) => setInstrument(i, { version: e.target.value })} />
                      </div>
                      <div className="field">
                        <label htmlFor={`instrument-date-${i}`}>Date</label>
                        <input id={`instrument-date-${i}`} className="input" type="date" value={ins.date} onChange={(e) => setInstrument(i, { date: e.target.value })} />
                      </div>
                      <div className="field">
                        <label htmlFor={`instrument-assessor-${i}`}>Assessor</label>
                        <input id={`instrument-assessor-${i}`} className="input" type="text" autoComplete="off" value={ins.assessor} onChange={(e) => setInstrument(i, { assessor: e.target.value })} />
                      </div>
                      <div className="field">
                        <label htmlFor={`instrument-level-${i}`}>Result or level</label>
                        <input
                          id={`instrument-level-${i}`}
                          className="input"
                          type="text"
                          autoComplete="off"
                          aria-invalid={problems.instruments && !ins.level.trim() ? 'true' : undefined}
                          value={ins.level}
                          onChange={(e) => setInstrument(i, { level: e.target.value })}
                        />
                      </div>
                      <button
                        type="button"
                        className="button button-quiet remove-row"
                        aria-label={`Remove instrument ${i + 1}${ins.name ? ` (${ins.name})` : ''}`}
                        onClick={() => setInstruments((prev) => prev.filter((_, j) => j !== i))}
                      >
                        Remove
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
              {problems.instruments ? <p className="field-error">Give each instrument's name and the result it gave.</p> : null}
              <button
                type="button"
                id="risk-add-instrument"
                className="button button-secondary button-small"
                onClick={() => setInstruments((prev) => [...prev, blankInstrument()])}
              >
                Add an instrument result
              </button>
            </fieldset>

            <div className="field risk-next-review">
              <label htmlFor="risk-next-review">Next review</label>
              <input
                id="risk-next-review"
                className="input"
                type="date"
                placeholder="by level"
                aria-describedby="risk-next-review-hint"
                value={nextReview}
                onChange={(e) => setNextReview(e.target.value)}
              />
              <p id="risk-next-review-hint" className="hint">
                {nextReview
                  ? 'Set by you.'
                  : byLevel
                    ? `Empty: by level, ${formatDate(byLevel)} (${REVIEW_DAYS[level!]} ${REVIEW_DAYS[level!] === 1 ? 'day' : 'days'} for ${RISK_LEVEL_LABELS[level!].toLowerCase()}).`
                    : 'Empty: by level (imminent 1 day, high 7, moderate 30, low 90 days).'}
              </p>
            </div>
          </fieldset>
        ) : null}

        <div id="risk-error" role="alert" className="form-error">
          {error}
        </div>
        <div className="form-actions sticky-footer">
          <button id="risk-save" type="submit" className="button button-primary" disabled={busy || !catalog}>
            {busy ? (
              <>
                <Spinner /> Saving…
              </>
            ) : (
              'Save assessment'
            )}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <span className="muted risk-footer-note">Saved assessments cannot be changed; a new one is added each time.</span>
        </div>
      </form>
    </Dialog>
  );
}
