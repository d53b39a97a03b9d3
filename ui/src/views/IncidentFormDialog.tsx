import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { Spinner } from '../components/Spinner';
import { WhenField } from '../components/WhenField';
import {
  addIncident,
  updateIncident,
  type Attribution,
  type FearLevel,
  type Incident,
  type IncidentInput,
  type IncidentSource,
  type Method,
  type Person,
  type PlaceType,
} from '../ipc/commands';
import {
  ATTRIBUTION_LABELS,
  FEAR_LEVEL_LABELS,
  METHOD_LABELS,
  optionsOf,
  PLACE_TYPE_LABELS,
  ROLE_LABELS,
  SOURCE_LABELS,
} from '../lib/labels';
import type { TaxonomyIndex } from '../lib/timeline';
import { browserTimeZone } from '../lib/tz';

interface IncidentFormDialogProps {
  number: string;
  tx: TaxonomyIndex | null;
  people: Person[];
  /** The incident being edited; null = adding new ones. */
  editing: Incident | null;
  /** After every save (the dialog stays open after Ctrl+Enter on a new incident). */
  onSaved(incident: Incident): void;
  onClose(): void;
  explain(e: unknown): string;
}

/** The form's state: IncidentInput with text where the user types text. */
export interface IncidentFormValues {
  occurred: string;
  discovered: string;
  reported: string;
  category: string;
  method: Method;
  locationText: string;
  placeType: PlaceType;
  jurisdiction: string;
  narrative: string;
  suspectWords: string;
  weapons: string;
  children: 'yes' | 'no' | 'unknown';
  suspectId: string;
  attribution: Attribution;
  witnessIds: string[];
  fearLevel: FearLevel;
  victimWords: string;
  victimChanges: string;
  rtAgency: string;
  rtOfficer: string;
  rtBadge: string;
  rtReportNumber: string;
  source: IncidentSource;
  tags: string;
}

export function blankValues(): IncidentFormValues {
  return {
    occurred: '',
    discovered: '',
    reported: '',
    category: '',
    method: 'unknown',
    locationText: '',
    placeType: 'unknown',
    jurisdiction: '',
    narrative: '',
    suspectWords: '',
    weapons: '',
    children: 'unknown',
    suspectId: '',
    attribution: 'unknown',
    witnessIds: [],
    fearLevel: 'unknown',
    victimWords: '',
    victimChanges: '',
    rtAgency: '',
    rtOfficer: '',
    rtBadge: '',
    rtReportNumber: '',
    source: 'victimInterview',
    tags: '',
  };
}

export function valuesFromInput(i: IncidentInput): IncidentFormValues {
  return {
    occurred: i.occurred,
    discovered: i.discovered,
    reported: i.reported,
    category: i.category,
    method: i.method,
    locationText: i.locationText,
    placeType: i.placeType,
    jurisdiction: i.jurisdiction,
    narrative: i.narrative,
    suspectWords: i.suspectWords,
    weapons: i.weapons,
    children: i.childrenPresent === null ? 'unknown' : i.childrenPresent ? 'yes' : 'no',
    suspectId: i.suspectId ?? '',
    attribution: i.attribution,
    witnessIds: [...i.witnessIds],
    fearLevel: i.fearLevel,
    victimWords: i.victimWords,
    victimChanges: i.victimChanges,
    rtAgency: i.reportedTo?.agency ?? '',
    rtOfficer: i.reportedTo?.officer ?? '',
    rtBadge: i.reportedTo?.badge ?? '',
    rtReportNumber: i.reportedTo?.reportNumber ?? '',
    source: i.source,
    tags: i.tags.join(', '),
  };
}

/** Split "a, b,, a" into ["a", "b"]. */
export function parseTags(text: string): string[] {
  const out: string[] = [];
  for (const t of text.split(',')) {
    const tag = t.trim();
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

export function inputFromValues(v: IncidentFormValues, tz: string | null): IncidentInput {
  const rt = {
    agency: v.rtAgency.trim(),
    officer: v.rtOfficer.trim(),
    badge: v.rtBadge.trim(),
    reportNumber: v.rtReportNumber.trim(),
  };
  const reported = rt.agency || rt.officer || rt.badge || rt.reportNumber;
  return {
    occurred: v.occurred.trim(),
    discovered: v.discovered.trim(),
    reported: v.reported.trim(),
    tz,
    category: v.category,
    method: v.method,
    locationText: v.locationText.trim(),
    placeType: v.placeType,
    jurisdiction: v.jurisdiction.trim(),
    narrative: v.narrative.trim(),
    suspectWords: v.suspectWords.trim(),
    weapons: v.weapons.trim(),
    childrenPresent: v.children === 'unknown' ? null : v.children === 'yes',
    suspectId: v.suspectId || null,
    attribution: v.attribution,
    witnessIds: v.witnessIds,
    fearLevel: v.fearLevel,
    victimWords: v.victimWords.trim(),
    victimChanges: v.victimChanges.trim(),
    reportedTo: reported ? rt : null,
    source: v.source,
    tags: parseTags(v.tags),
  };
}

/** What Ctrl+Enter carries over to the next incident of the same call. */
export function nextValues(prev: IncidentFormValues): IncidentFormValues {
  return {
    ...blankValues(),
    category: prev.category,
    method: prev.method,
    suspectId: prev.suspectId,
    source: prev.source,
  };
}

function hasMoreDetails(v: IncidentFormValues): boolean {
  return Boolean(
    v.discovered ||
      v.reported ||
      v.weapons ||
      v.children !== 'unknown' ||
      v.witnessIds.length ||
      v.victimChanges ||
      v.rtAgency ||
      v.rtOfficer ||
      v.rtBadge ||
      v.rtReportNumber ||
      v.jurisdiction ||
      v.tags ||
      v.source !== 'victimInterview',
  );
}

const METHODS = optionsOf(METHOD_LABELS);
const PLACES = optionsOf(PLACE_TYPE_LABELS);
const ATTRIBUTIONS = optionsOf(ATTRIBUTION_LABELS);
const FEARS = optionsOf(FEAR_LEVEL_LABELS);
const SOURCES = optionsOf(SOURCE_LABELS);

/**
 * Add or edit an incident, built for typing a whole interview's worth
 * without the mouse: When first (read back live), Ctrl+Enter saves and
 * starts the next one with the same category, method, suspect and source.
 */
export function IncidentFormDialog({ number, tx, people, editing, onSaved, onClose, explain }: IncidentFormDialogProps) {
  const [v, setV] = useState<IncidentFormValues>(() => (editing ? valuesFromInput(editing.input) : blankValues()));
  const [tz] = useState(() => editing?.input.tz ?? browserTimeZone());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(0);
  const [moreOpen, setMoreOpen] = useState(() => (editing ? hasMoreDetails(valuesFromInput(editing.input)) : false));
  const whenRef = useRef<HTMLInputElement>(null);
  const busyRef = useRef(false);

  const set = <K extends keyof IncidentFormValues>(k: K, value: IncidentFormValues[K]) =>
    setV((prev) => ({ ...prev, [k]: value }));

  const suspects = people.filter((p) => p.role === 'suspect');
  const others = people.filter((p) => p.role !== 'victim' && p.id !== v.suspectId);

  const save = async (andNext: boolean) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      const input = inputFromValues(v, tz);
      const incident = editing ? await updateIncident(number, editing.id, input) : await addIncident(number, input);
      onSaved(incident);
      if (editing || !andNext) {
        onClose();
        return;
      }
      setSaved((n) => n + 1);
      setV((prev) => nextValues(prev));
      setMoreOpen(false);
      whenRef.current?.focus();
    } catch (e) {
      setError(explain(e));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey) {
      e.preventDefault();
      e.stopPropagation();
      void save(true);
    }
  };

  const title = editing ? 'Edit incident' : 'Add incidents';

  return (
    <Dialog id="incident-dialog" title={title} onClose={onClose} busy={busy} className="dialog-xwide" describedBy="incident-form-hint">
      <form
        id="incident-form"
        className="form incident-form"
        onSubmit={onSubmit}
        onKeyDown={onKeyDown}
        aria-busy={busy ? 'true' : undefined}
        noValidate
      >
        <p id="incident-form-hint" className="hint block">
          {editing
            ? 'Ctrl+Enter saves. Esc closes without saving.'
            : 'Ctrl+Enter saves and starts the next incident with the same category, method, suspect and source. Esc closes.'}
        </p>
        <div className="field-grid incident-grid">
          <div className="span-2">
            <WhenField
              id="incident-when"
              label="When did it happen?"
              value={v.occurred}
              onChange={(t) => set('occurred', t)}
              tz={tz}
              required
              autoFocus
              inputRef={whenRef}
              emptyHint='For example "14/3/2026 21:30", "3/14/2026 9:30pm" or "early March 2026".'
            />
          </div>
          <div className="field">
            <label htmlFor="incident-category">
              Category<span className="required-mark" aria-hidden="true"> *</span>
            </label>
            <select
              id="incident-category"
              className="input"
              value={v.category}
              required
              aria-required="true"
              onChange={(e) => set('category', e.target.value)}
            >
              <option value="">Choose a category…</option>
              {tx?.taxonomy.groups.map((g) => (
                <optgroup key={g.id} label={g.label}>
                  {(tx.byGroup.get(g.id) ?? []).map((c) => (
                    <option key={c.id} value={c.id} title={c.description}>
                      {c.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="incident-method">How</label>
            <select id="incident-method" className="input" value={v.method} onChange={(e) => set('method', e.target.value as Method)}>
              {METHODS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="incident-location">Where</label>
            <input
              id="incident-location"
              className="input"
              type="text"
              autoComplete="off"
              value={v.locationText}
              onChange={(e) => set('locationText', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="incident-place-type">Type of place</label>
            <select
              id="incident-place-type"
              className="input"
              value={v.placeType}
              onChange={(e) => set('placeType', e.target.value as PlaceType)}
            >
              {PLACES.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field span-2">
            <label htmlFor="incident-narrative">What happened</label>
            <textarea
              id="incident-narrative"
              className="input"
              rows={4}
              value={v.narrative}
              onChange={(e) => set('narrative', e.target.value)}
            />
          </div>
          <div className="field span-2">
            <label htmlFor="incident-suspect-words">Suspect's exact words</label>
            <textarea
              id="incident-suspect-words"
              className="input quote-input"
              rows={2}
              value={v.suspectWords}
              aria-describedby="incident-suspect-words-hint"
              onChange={(e) => set('suspectWords', e.target.value)}
            />
            <p id="incident-suspect-words-hint" className="hint">
              Verbatim, as the victim reports them: threats are often proven by the exact words.
            </p>
          </div>
          <div className="field">
            <label htmlFor="incident-suspect">Suspect</label>
            <select
              id="incident-suspect"
              className="input"
              value={v.suspectId}
              onChange={(e) => set('suspectId', e.target.value)}
            >
              <option value="">None or not identified</option>
              {suspects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="incident-attribution">How we know it was them</label>
            <select
              id="incident-attribution"
              className="input"
              value={v.attribution}
              onChange={(e) => set('attribution', e.target.value as Attribution)}
            >
              {ATTRIBUTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="incident-fear">Victim's fear</label>
            <select
              id="incident-fear"
              className="input"
              value={v.fearLevel}
              onChange={(e) => set('fearLevel', e.target.value as FearLevel)}
            >
              {FEARS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="incident-victim-words">Victim's words</label>
            <input
              id="incident-victim-words"
              className="input"
              type="text"
              autoComplete="off"
              value={v.victimWords}
              onChange={(e) => set('victimWords', e.target.value)}
            />
          </div>
        </div>

        <details
          className="more-details"
          open={moreOpen}
          onToggle={(e) => setMoreOpen((e.currentTarget as HTMLDetailsElement).open)}
        >
          <summary>More details</summary>
          <div className="field-grid incident-grid">
            <WhenField
              id="incident-discovered"
              label="When the victim found out"
              value={v.discovered}
              onChange={(t) => set('discovered', t)}
              tz={tz}
              emptyHint="If later than when it happened."
            />
            <WhenField
              id="incident-reported"
              label="When it was reported"
              value={v.reported}
              onChange={(t) => set('reported', t)}
              tz={tz}
              emptyHint="Leave empty if it was not reported."
            />
            <div className="field">
              <label htmlFor="incident-weapons">Weapons</label>
              <input
                id="incident-weapons"
                className="input"
                type="text"
                autoComplete="off"
                value={v.weapons}
                onChange={(e) => set('weapons', e.target.value)}
              />
            </div>
            <fieldset className="fieldset-plain field">
              <legend className="legend-label">Children present</legend>
              <div className="field-inline">
                {(['yes', 'no', 'unknown'] as const).map((c) => (
                  <label key={c} className="radio">
                    <input
                      type="radio"
                      name="incident-children"
                      value={c}
                      checked={v.children === c}
                      onChange={() => set('children', c)}
                    />
                    {c === 'yes' ? 'Yes' : c === 'no' ? 'No' : 'Unknown'}
                  </label>
                ))}
              </div>
            </fieldset>
            <fieldset className="fieldset-plain field span-2">
              <legend className="legend-label">Witnesses</legend>
              {others.length === 0 ? (
                <p className="hint">Add witnesses on the People tab to tick them here.</p>
              ) : (
                <div className="checkbox-columns">
                  {others.map((p) => (
                    <label key={p.id} className="checkbox">
                      <input
                        type="checkbox"
                        checked={v.witnessIds.includes(p.id)}
                        onChange={(e) =>
                          set(
                            'witnessIds',
                            e.target.checked ? [...v.witnessIds, p.id] : v.witnessIds.filter((w) => w !== p.id),
                          )
                        }
                      />
                      <span>
                        {p.name} <span className="muted">({ROLE_LABELS[p.role].toLowerCase()})</span>
                      </span>
                    </label>
                  ))}
                </div>
              )}
            </fieldset>
            <div className="field span-2">
              <label htmlFor="incident-victim-changes">What the victim changed because of it</label>
              <textarea
                id="incident-victim-changes"
                className="input"
                rows={2}
                value={v.victimChanges}
                aria-describedby="incident-victim-changes-hint"
                onChange={(e) => set('victimChanges', e.target.value)}
              />
              <p id="incident-victim-changes-hint" className="hint">
                For example changed the route to work, changed the locks, stayed with family.
              </p>
            </div>
            <fieldset className="fieldset span-2">
              <legend>Reported to</legend>
              <div className="field-grid">
                <div className="field">
                  <label htmlFor="incident-rt-agency">Agency</label>
                  <input id="incident-rt-agency" className="input" value={v.rtAgency} onChange={(e) => set('rtAgency', e.target.value)} />
                </div>
                <div className="field">
                  <label htmlFor="incident-rt-officer">Officer</label>
                  <input id="incident-rt-officer" className="input" value={v.rtOfficer} onChange={(e) => set('rtOfficer', e.target.value)} />
                </div>
                <div className="field">
                  <label htmlFor="incident-rt-badge">Badge</label>
                  <input id="incident-rt-badge" className="input mono" value={v.rtBadge} onChange={(e) => set('rtBadge', e.target.value)} />
                </div>
                <div className="field">
                  <label htmlFor="incident-rt-report">Report number</label>
                  <input
                    id="incident-rt-report"
                    className="input mono"
                    value={v.rtReportNumber}
                    onChange={(e) => set('rtReportNumber', e.target.value)}
                  />
                </div>
              </div>
            </fieldset>
            <div className="field">
              <label htmlFor="incident-jurisdiction">Jurisdiction</label>
              <input
                id="incident-jurisdiction"
                className="input"
                type="text"
                value={v.jurisdiction}
                onChange={(e) => set('jurisdiction', e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="incident-source">Source</label>
              <select
                id="incident-source"
                className="input"
                value={v.source}
                onChange={(e) => set('source', e.target.value as IncidentSource)}
              >
                {SOURCES.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field span-2">
              <label htmlFor="incident-tags">Tags</label>
              <input
                id="incident-tags"
                className="input"
                type="text"
                autoComplete="off"
                value={v.tags}
                aria-describedby="incident-tags-hint"
                onChange={(e) => set('tags', e.target.value)}
              />
              <p id="incident-tags-hint" className="hint">
                Separate tags with commas.
              </p>
            </div>
          </div>
        </details>

        <div id="incident-error" role="alert" className="form-error">
          {error}
        </div>

        <div className="form-actions incident-actions">
          <button id="incident-save" type="submit" className="button button-primary" disabled={busy}>
            {busy ? (
              <>
                <Spinner /> Saving…
              </>
            ) : editing ? (
              'Save changes'
            ) : (
              'Save'
            )}
          </button>
          {!editing ? (
            <button
              id="incident-save-next"
              type="button"
              className="button button-secondary"
              disabled={busy}
              aria-keyshortcuts="Control+Enter"
              onClick={() => void save(true)}
            >
              Save and add next <kbd>Ctrl+Enter</kbd>
            </button>
          ) : null}
          <button type="button" className="button button-quiet" onClick={onClose} disabled={busy}>
            {saved > 0 ? 'Done' : 'Cancel'}
          </button>
          <span id="incident-saved-count" className="saved-count" role="status" aria-live="polite">
            {saved > 0 ? (
              <>
                <span aria-hidden="true">✓ </span>Saved — {saved} added
              </>
            ) : null}
          </span>
        </div>
      </form>
    </Dialog>
  );
}
