import { useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { Spinner } from '../components/Spinner';
import {
  listLegal,
  saveLegal,
  type LegalInput,
  type LegalKind,
  type LegalProcess,
  type LegalStatus,
} from '../ipc/commands';
import { addDays, formatDate, todayIsoDate } from '../lib/format';
import { LEGAL_KIND_LABELS, LEGAL_STATUS_LABELS, optionsOf } from '../lib/labels';
import { asList, newIdIn, optional } from '../lib/records';

interface LegalDialogProps {
  number: string;
  /** null = a new record. */
  legal: LegalProcess | null;
  defaultKind?: LegalKind;
  /** The case's legal-process records after saving, and the id of the one saved. */
  onSaved(list: LegalProcess[], id: string | null): void;
  onClose(): void;
  explain(e: unknown): string;
}

const KINDS = optionsOf(LEGAL_KIND_LABELS);
const STATUSES = optionsOf(LEGAL_STATUS_LABELS);

/** Days a preservation request holds records unless renewed. */
export const PRESERVATION_DAYS = 90;

interface Values {
  kind: LegalKind;
  provider: string;
  reference: string;
  sentOn: string;
  expiresOn: string;
  returnedOn: string;
  status: LegalStatus;
  notes: string;
}

/** Add or edit a preservation request, subpoena, warrant or court order. */
export function LegalDialog({ number, legal, defaultKind = 'preservation', onSaved, onClose, explain }: LegalDialogProps) {
  const [v, setV] = useState<Values>(() => {
    const i = legal?.input;
    return {
      kind: i?.kind ?? defaultKind,
      provider: i?.provider ?? '',
      reference: i?.reference ?? '',
      sentOn: i?.sentOn ?? todayIsoDate(),
      expiresOn: i?.expiresOn ?? '',
      returnedOn: i?.returnedOn ?? '',
      status: i?.status ?? 'sent',
      notes: i?.notes ?? '',
    };
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ provider: boolean; sent: boolean }>({ provider: false, sent: false });
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((prev) => ({ ...prev, [k]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const m = { provider: v.provider.trim() === '', sent: v.sentOn === '' };
    setMissing(m);
    if (m.provider || m.sent) {
      document.getElementById(m.provider ? 'legal-provider' : 'legal-sent')?.focus();
      return;
    }
    const input: LegalInput = {
      kind: v.kind,
      provider: v.provider.trim(),
      reference: v.reference.trim(),
      sentOn: v.sentOn,
      expiresOn: optional(v.expiresOn),
      returnedOn: optional(v.returnedOn),
      status: v.status,
      notes: v.notes.trim(),
    };
    setBusy(true);
    setError(null);
    try {
      const before = legal ? [] : asList(await listLegal(number));
      const list = asList(await saveLegal(number, legal?.id ?? null, input));
      onSaved(list, legal ? legal.id : newIdIn(before, list));
    } catch (err) {
      setError(explain(err));
      setBusy(false);
    }
  };

  const defaultExpiry = v.kind === 'preservation' && v.sentOn ? addDays(v.sentOn, PRESERVATION_DAYS) : null;

  return (
    <Dialog id="legal-dialog" title={legal ? 'Edit legal process' : 'Record legal process'} onClose={onClose} busy={busy} className="dialog-wide">
      <form id="legal-form" className="form" onSubmit={submit} noValidate aria-busy={busy ? 'true' : undefined}>
        <fieldset className="fieldset-plain" disabled={busy}>
          <div className="field-row">
            <div className="field">
              <label htmlFor="legal-kind">Kind</label>
              <select id="legal-kind" className="input" value={v.kind} data-autofocus="" onChange={(e) => set('kind', e.target.value as LegalKind)}>
                {KINDS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="legal-status">Status</label>
              <select id="legal-status" className="input" value={v.status} onChange={(e) => set('status', e.target.value as LegalStatus)}>
                {STATUSES.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="legal-provider">
                Provider or recipient<span className="required-mark" aria-hidden="true"> *</span>
              </label>
              <input
                id="legal-provider"
                className="input"
                type="text"
                autoComplete="off"
                required
                aria-required="true"
                aria-invalid={missing.provider ? 'true' : undefined}
                aria-describedby={missing.provider ? 'legal-provider-error' : undefined}
                placeholder="e.g. the phone carrier or platform"
                value={v.provider}
                onChange={(e) => set('provider', e.target.value)}
              />
              {missing.provider ? (
                <p id="legal-provider-error" className="field-error">
                  Name the provider or recipient.
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor="legal-reference">Reference</label>
              <input id="legal-reference" className="input mono" type="text" autoComplete="off" value={v.reference} onChange={(e) => set('reference', e.target.value)} />
            </div>
          </div>
          <div className="field-grid field-grid-3">
            <div className="field">
              <label htmlFor="legal-sent">
                Sent on<span className="required-mark" aria-hidden="true"> *</span>
              </label>
              <input
                id="legal-sent"
                className="input"
                type="date"
                required
                aria-required="true"
                aria-invalid={missing.sent ? 'true' : undefined}
                value={v.sentOn}
                onChange={(e) => set('sentOn', e.target.value)}
              />
              {missing.sent ? <p className="field-error">Give the date it was sent.</p> : null}
            </div>
            <div className="field">
              <label htmlFor="legal-expires">Expires on</label>
              <input
                id="legal-expires"
                className="input"
                type="date"
                value={v.expiresOn}
                aria-describedby="legal-expires-hint"
                onChange={(e) => set('expiresOn', e.target.value)}
              />
              <p id="legal-expires-hint" className="hint">
                {defaultExpiry
                  ? `Leave empty: a preservation request holds records for ${PRESERVATION_DAYS} days (until ${formatDate(defaultExpiry)}).`
                  : 'If it has a deadline.'}
              </p>
            </div>
            <div className="field">
              <label htmlFor="legal-returned">Returned on</label>
              <input id="legal-returned" className="input" type="date" value={v.returnedOn} onChange={(e) => set('returnedOn', e.target.value)} />
            </div>
          </div>
          <div className="field">
            <label htmlFor="legal-notes">Notes</label>
            <textarea id="legal-notes" className="input" rows={3} value={v.notes} onChange={(e) => set('notes', e.target.value)} />
          </div>
        </fieldset>
        <div id="legal-error" role="alert" className="form-error">
          {error}
        </div>
        <div className="form-actions">
          <button id="legal-save" type="submit" className="button button-primary" disabled={busy}>
            {busy ? (
              <>
                <Spinner /> Saving…
              </>
            ) : legal ? (
              'Save changes'
            ) : (
              'Save'
            )}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
